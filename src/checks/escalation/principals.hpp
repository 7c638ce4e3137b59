// The principals of a stack (IAM users, groups and roles) and the policies that apply to each:
// - inline policies: CloudFormation `Policies`; Terraform aws_iam_{role,user,group}_policy naming
//   the principal in `role`/`user`/`group`, and a role's `inline_policy` blocks;
// - managed policies: Terraform aws_iam_{role,user,group}_policy_attachment and
//   aws_iam_policy_attachment (`roles`/`users`/`groups`), `managed_policy_arns`; CloudFormation
//   `ManagedPolicyArns` and the `Roles`/`Users`/`Groups` lists of AWS::IAM::Policy and
//   AWS::IAM::ManagedPolicy. A policy of the stack is followed to its statements (Terraform
//   policy documents with their `source_policy_documents` and `override_policy_documents`
//   merged as Terraform merges them: by Sid); an AWS-managed ARN is read from the table of
//   aws_managed_policies.hpp; anything else (a customer policy outside the stack, a data source,
//   an unresolved variable) is listed as unknown;
// - group membership: aws_iam_group_membership, aws_iam_user_group_membership, CloudFormation
//   `Groups` on a user and AWS::IAM::UserToGroupAddition: a user gets its groups' policies.
// A reference is a reference (references.hpp: `aws_iam_role.r.name`, `${Role.Arn}`) or, for a
// literal string, the `name` (Terraform) or UserName/GroupName/RoleName (CloudFormation) of a
// principal of the stack.
// Tested in tests/unit/escalation_test.cpp and by fixtures/escalation.
#pragma once

#include <string>
#include <vector>

#include "iam/policy.hpp"
#include "infra/stack.hpp"

namespace keylint {

struct AppliedStatement {
    const Policy* policy;
    const PolicyStatement* statement;
};

// One policy that applies to a principal.
struct AppliedPolicy {
    std::string name;  // "aws_iam_policy.deploy", "AWS managed policy AdministratorAccess"
    std::string via;   // empty when attached directly; "group aws_iam_group.admins" when inherited
    std::vector<AppliedStatement> statements;
    // Where an AWS-managed policy is attached (its statements are in no file of the stack).
    std::string attached_path;
    Span attached_at;
    bool aws_managed = false;
};

struct Principal {
    enum class Kind { user, group, role };
    Kind kind = Kind::user;
    const StackResource* resource = nullptr;
    std::vector<AppliedPolicy> policies;
    std::vector<std::string> unknown_policies;  // what keylint could not read, as written
    std::vector<const Policy*> trust;           // roles: their trust policies
    // What "itself" means for self-or-every resource requirements: the principal, its groups and
    // the stack resources holding its policies; and their literal names.
    std::vector<const StackResource*> self_resources;
    std::vector<std::string> self_names;
    // The same, as the resource part of their IAM ARNs where they have one ("user/ci",
    // "policy/app-deploy"), for ARN patterns (`arn:aws:iam::*:policy/app-*`).
    std::vector<std::string> self_arn_resources;
};

const char* principal_kind_name(Principal::Kind kind);  // "user", "group", "role"

// The principals of `stack` in source order, with everything that applies to them. The policies
// are those extracted from the stack; the result points into them and into the stack.
std::vector<Principal> stack_principals(const Stack& stack, const std::vector<Policy>& policies);

}  // namespace keylint
