#include "checks/policy_check.hpp"

namespace keylint {

Finding policy_finding(const PolicyCheck& check, const Policy& policy, const Span& span, std::string message) {
    Finding finding;
    finding.rule_id = check.info.id;
    finding.level = check.info.level;
    finding.message = std::move(message);
    finding.path = policy.path;
    finding.span = span;
    finding.properties["policySource"] = policy.origin;
    return finding;
}

Finding reach_finding(const PolicyCheck& check, const Policy& policy, const PolicyStatement& statement,
                      const ResourceReach& reach, const std::string& certain, const std::string& uncertain) {
    Finding finding =
        policy_finding(check, policy, statement.span, statement_label(statement) + (reach.every ? certain : uncertain));
    if (!reach.every) finding.level = Level::warning;
    return finding;
}

}  // namespace keylint
