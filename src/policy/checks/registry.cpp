// The table of policy checks. Adding a check: write policy/checks/<name>.cpp with its metadata and
// run function, list it here, and add fixtures under fixtures/policy/ with expected findings.
#include "policy/checks/full_admin.hpp"
#include "policy/checks/policy_check.hpp"
#include "policy/checks/unknown_action.hpp"

namespace keylint {

const std::vector<PolicyCheck>& policy_checks() {
    static const std::vector<PolicyCheck> checks = {
        full_admin_check(),
        unknown_action_check(),
    };
    return checks;
}

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
