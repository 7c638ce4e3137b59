// iam-policy-version: a policy whose Version is not one IAM knows ("2012-10-17", "2008-10-17"):
// an error; "2008-10-17": a warning, since policy variables such as ${aws:username} are then
// literal text; no Version while a Resource or Condition uses a policy variable: a warning, since
// IAM then assumes 2008-10-17. A policy without Version and without variables means the same
// under both versions and is not reported; neither is a Terraform aws_iam_policy_document without
// `version`, which Terraform renders as "2012-10-17". Fixtures: fixtures/policy/checks/policy-version/.
#include "checks/iam/iam_policy_version.hpp"

#include "checks/check_metadata.hpp"

namespace keylint {
namespace {

// `${aws:username}`, `${s3:prefix}`, `${*}`: a policy variable, not a CloudFormation `${AWS::Region}`.
bool has_policy_variable(std::string_view text) {
    for (size_t at = text.find("${"); at != std::string_view::npos; at = text.find("${", at + 2)) {
        const size_t close = text.find('}', at);
        if (close == std::string_view::npos) return false;
        const std::string_view inner = text.substr(at + 2, close - at - 2);
        if (inner == "*" || inner == "?" || inner == "$") return true;
        if (inner.find(':') != std::string_view::npos && inner.find("::") == std::string_view::npos) return true;
    }
    return false;
}

bool value_has_policy_variable(const Value& value) {
    if (value.is_string()) return has_policy_variable(value.scalar);
    for (const Member& member : value.members) {
        if (has_policy_variable(member.key) || value_has_policy_variable(member.value)) return true;
    }
    for (const Value& item : value.items) {
        if (value_has_policy_variable(item)) return true;
    }
    return false;
}

const LocatedString* first_policy_variable(const Policy& policy, const Value** in_condition) {
    for (const PolicyStatement& statement : policy.statements) {
        for (const auto* list : {&statement.resources, &statement.not_resources}) {
            for (const LocatedString& value : *list) {
                if (!value.unknown && has_policy_variable(value.text)) return &value;
            }
        }
        if (statement.condition && value_has_policy_variable(*statement.condition)) {
            *in_condition = statement.condition;
            return nullptr;
        }
    }
    return nullptr;
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    if (policy.version) {
        const std::string& version = policy.version->text;
        if (version == "2012-10-17") return;
        Finding finding = policy_finding(self, policy, policy.version->span, "");
        if (version == "2008-10-17") {
            finding.message = "Version \"2008-10-17\" is the old policy language: policy variables such as "
                              "${aws:username} are literal text in it. Use \"2012-10-17\".";
            finding.level = Level::warning;
        } else {
            finding.message = "Version \"" + version + "\" is not a policy language version; IAM accepts only "
                              "\"2012-10-17\" (current) and \"2008-10-17\".";
        }
        out.push_back(std::move(finding));
        return;
    }
    if (policy.origin.starts_with("data.aws_iam_policy_document.")) return;
    const Value* condition = nullptr;
    const LocatedString* variable = first_policy_variable(policy, &condition);
    if (!variable && !condition) return;
    const Span& span = variable ? variable->span : condition->span;
    Finding finding = policy_finding(self, policy, span,
                                     "The policy has no Version, so IAM reads it as \"2008-10-17\", where the policy "
                                     "variable " + std::string(variable ? "in '" + variable->text + "'" : "in this Condition") +
                                         " is literal text and matches nothing. Add \"Version\": \"2012-10-17\".");
    finding.level = Level::warning;
    out.push_back(std::move(finding));
}

}  // namespace

PolicyCheck policy_version_check() { return PolicyCheck{check_metadata("iam-policy-version"), run}; }

}  // namespace keylint
