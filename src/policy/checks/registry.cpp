// The table of policy checks. Adding a check: write policy/checks/<name>.cpp with its metadata and
// run function, list it here, and add fixtures under fixtures/policy/checks/ with their lines in
// fixtures/policy/checks/expected.tsv. The order is the order of the rules in reports: overbroad
// access first, then correctness.
#include "policy/checks/allow_not_principal.hpp"
#include "policy/checks/allow_not_resource.hpp"
#include "policy/checks/anyone_principal.hpp"
#include "policy/checks/duplicate_sid.hpp"
#include "policy/checks/full_admin.hpp"
#include "policy/checks/invalid_effect.hpp"
#include "policy/checks/passrole_any_resource.hpp"
#include "policy/checks/policy_check.hpp"
#include "policy/checks/policy_version.hpp"
#include "policy/checks/secret_read_on_any_resource.hpp"
#include "policy/checks/sensitive_service_wildcard.hpp"
#include "policy/checks/trust_oidc.hpp"
#include "policy/checks/trust_whole_account.hpp"
#include "policy/checks/unknown_action.hpp"
#include "policy/checks/write_on_any_resource.hpp"

namespace keylint {

const std::vector<PolicyCheck>& policy_checks() {
    static const std::vector<PolicyCheck> checks = {
        full_admin_check(),
        sensitive_service_wildcard_check(),
        write_on_any_resource_check(),
        secret_read_on_any_resource_check(),
        passrole_any_resource_check(),
        allow_not_resource_check(),
        allow_not_principal_check(),
        anyone_principal_check(),
        trust_whole_account_check(),
        trust_oidc_check(),
        unknown_action_check(),
        invalid_effect_check(),
        policy_version_check(),
        duplicate_sid_check(),
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
