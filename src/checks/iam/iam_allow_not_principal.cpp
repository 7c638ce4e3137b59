// iam-allow-not-principal: an Allow statement with NotPrincipal grants its actions to every
// principal except the listed ones, anonymous callers included. Resource and trust policies.
// Fixtures: fixtures/policy/checks/allow-not-principal/.
#include "checks/iam/iam_allow_not_principal.hpp"

#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows() || !statement.not_principal) continue;
        out.push_back(policy_finding(self, policy, statement.span,
                                     statement_label(statement) +
                                         "uses \"Effect\": \"Allow\" with NotPrincipal: it allows everyone except the "
                                         "listed principals, anonymous callers included."));
    }
}

}  // namespace

PolicyCheck allow_not_principal_check() {
    RuleInfo info;
    info.id = "iam-allow-not-principal";
    info.title = "Allow with NotPrincipal";
    info.description =
        "An Allow statement uses NotPrincipal, so it grants its actions to every principal that is not listed, "
        "including anonymous callers and other accounts.";
    info.help =
        "**Allow with NotPrincipal**\n\n"
        "`NotPrincipal` inverts the principal list: with `Allow` it grants the statement's actions to everyone except "
        "the listed principals, which includes unauthenticated callers and every other AWS account. AWS advises never "
        "to combine it with `Allow`.\n\n"
        "**Fix:** name the principals that need access in `Principal`; to exclude principals, use a `Deny` statement "
        "with a condition on `aws:PrincipalArn`.";
    info.help_uri = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html";
    info.level = Level::error;
    info.tags = {"policy", "iam", "overbroad-access"};
    info.precision = "very-high";
    info.security_severity = 8.0;
    return PolicyCheck{info, run};
}

}  // namespace keylint
