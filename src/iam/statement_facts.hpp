// Facts about one statement that several checks share: does it grant every action on every
// resource (the iam-full-admin shape, which suppresses the narrower overbroad-access checks on the
// same statement), does its Resource cover every resource, which documented actions its Action
// entries stand for, and which of its values keylint could not resolve.
// Tested in tests/unit/policy_checks_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "iam/action_database.hpp"
#include "iam/policy.hpp"

namespace keylint {

// "Statement 'Sid' " or "Statement " (the start of every statement message).
std::string statement_label(const PolicyStatement& statement);

// Whether an unknown value could stand for anything, "*" included. A Terraform reference to an
// attribute of a managed resource or data source (`aws_iam_role.app.arn`,
// `aws_s3_bucket.logs[0].arn`, `data.aws_kms_key.main.arn`) names one specific object, as a
// CloudFormation `Fn::GetAtt` does, so it is not; a variable, local or module output is.
bool could_be_anything(const LocatedString& value);

// The source text of the first value that could be anything, or "" when there is none.
std::string first_unknown(const std::vector<LocatedString>& values);

// How a statement's Resource covers resources: every resource ("*"), perhaps every resource (a
// value keylint cannot resolve, named in `unknown`), or only named ones.
struct ResourceReach {
    bool every = false;
    std::string unknown;
};
ResourceReach resource_reach(const PolicyStatement& statement);

// Whether iam-full-admin reports this statement (as an error or, for unresolved values, a
// warning). The narrower overbroad-access checks skip such statements: one finding says it all.
bool full_admin_applies(const Policy& policy, const PolicyStatement& statement);

// What the narrower overbroad-access checks judge: an Allow statement of an identity policy that
// iam-full-admin does not take, on every resource or perhaps every resource. Its reach, or
// nullopt when the statement is none of these.
std::optional<ResourceReach> overbroad_reach(const Policy& policy, const PolicyStatement& statement);

// IamActionDatabase::expand, remembered per thread: every check expands the same few patterns of
// each statement again, and a corpus repeats them across files.
const std::vector<const IamActionRow*>& expand_action(const std::string& pattern);

// The documented actions the statement's Action entries stand for, without duplicates, in the
// database's order (by service, then action). Unknown entries contribute nothing.
std::vector<const IamActionRow*> granted_actions(const PolicyStatement& statement);

// Up to `limit` names "service:Action" joined by ", ", with " and N more" when cut.
std::string action_list(const std::vector<const IamActionRow*>& actions, size_t limit = 5);

}  // namespace keylint
