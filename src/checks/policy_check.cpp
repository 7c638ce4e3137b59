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

}  // namespace keylint
