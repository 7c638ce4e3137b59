// iam-allow-not-principal: an Allow statement with NotPrincipal grants its actions to every
// principal except the listed ones, anonymous callers included. Resource and trust policies.
// Fixtures: fixtures/policy/checks/allow-not-principal/.
#include "checks/iam/iam_allow_not_principal.hpp"

#include "checks/check_metadata.hpp"
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

PolicyCheck allow_not_principal_check() { return PolicyCheck{check_metadata("iam-allow-not-principal"), run}; }

}  // namespace keylint
