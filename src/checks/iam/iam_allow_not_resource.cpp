// iam-allow-not-resource: an Allow statement with NotResource grants its actions on every resource
// except the listed ones, including resources created later. Any kind of policy.
// Fixtures: fixtures/policy/checks/allow-not-resource/.
#include "checks/iam/iam_allow_not_resource.hpp"

#include "checks/check_metadata.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows() || !statement.has_not_resource) continue;
        out.push_back(policy_finding(self, policy, statement.span,
                                     statement_label(statement) +
                                         "uses \"Effect\": \"Allow\" with NotResource: it allows its actions on every "
                                         "resource except the listed ones, including every resource created later."));
    }
}

}  // namespace

PolicyCheck allow_not_resource_check() { return PolicyCheck{check_metadata("iam-allow-not-resource"), run}; }

}  // namespace keylint
