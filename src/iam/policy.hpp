// The IAM model every policy source is extracted into (raw JSON now; CloudFormation and
// Terraform feed the same structures). Values keep their source spans; single values and lists
// are both represented as lists.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "syntax/document.hpp"

namespace keylint {

struct LocatedString {
    std::string text;  // for an unknown value, its source text (`var.actions`, `Fn::ImportValue Shared`)
    Span span;
    bool unknown = false;  // keylint cannot resolve it: never "*", never harmless
};

struct PolicyStatement {
    Span span;  // the whole statement element
    std::optional<LocatedString> sid;
    std::optional<LocatedString> effect;
    std::vector<LocatedString> actions, not_actions;
    std::vector<LocatedString> resources, not_resources;
    bool has_action = false, has_not_action = false;
    bool has_resource = false, has_not_resource = false;
    const Value* principal = nullptr;      // as written; interpreted by the checks
    const Value* not_principal = nullptr;
    const Value* condition = nullptr;
    // The position of the element in the policy's Statement list. The branches of a CloudFormation
    // Fn::If (around the statement or in its Effect, Principal or Condition) are alternatives of
    // one element: they share it, and only one of them is deployed.
    size_t element = 0;
    bool alternative = false;  // one of several branches of its element: deployed only under a condition

    bool allows() const { return effect && effect->text == "Allow"; }
};

struct Policy {
    // identity: attached to a user, group or role; resource: attached to what it guards (a secret,
    // key, bucket), naming principals; trust: a role's assume-role policy; endpoint: a VPC
    // endpoint's policy, which grants nothing by itself and only limits what may pass through the
    // endpoint, so "Principal": "*" there is the norm, not an opening (vpc-endpoint-open-policy
    // judges it).
    enum class Kind { identity, resource, trust, endpoint };

    std::string path;
    std::string origin;  // where in the file, e.g. "policy document" or "resource AdminRole"
    // The stack resource (or Terraform data source) that holds the policy: a CloudFormation logical
    // id, "aws_iam_policy.ci", "data.aws_iam_policy_document.read"; empty for a raw policy file.
    std::string resource;
    // Terraform policy documents merged into this one (`source_policy_documents`, then
    // `override_policy_documents`), by address; their statements are checked where they are written.
    std::vector<std::string> source_documents, override_documents;
    Kind kind = Kind::identity;
    Span span;
    std::optional<LocatedString> version;
    std::vector<PolicyStatement> statements;
    // Values the statements point into that the extractor built (resolved CloudFormation
    // documents, parsed heredoc JSON, Terraform statement blocks).
    std::vector<std::shared_ptr<const Value>> owned;
};

}  // namespace keylint
