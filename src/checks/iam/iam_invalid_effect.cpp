// iam-invalid-effect: a statement whose Effect is not exactly "Allow" or "Deny" (IAM compares
// case-sensitively and rejects the policy), or that has no Effect keylint can read as a string.
// Fixtures: fixtures/policy/checks/invalid-effect/.
#include "checks/iam/iam_invalid_effect.hpp"

#include "checks/check_metadata.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.effect) {
            out.push_back(policy_finding(self, policy, statement.span,
                                         statement_label(statement) +
                                             "has no Effect that keylint can read as a string: IAM requires "
                                             "\"Effect\": \"Allow\" or \"Deny\" in every statement."));
        } else if (statement.effect->text != "Allow" && statement.effect->text != "Deny") {
            out.push_back(policy_finding(self, policy, statement.effect->span,
                                         statement_label(statement) + "has \"Effect\": \"" + statement.effect->text +
                                             "\"; IAM accepts only \"Allow\" or \"Deny\", spelled exactly so."));
        }
    }
}

}  // namespace

PolicyCheck invalid_effect_check() { return PolicyCheck{check_metadata("iam-invalid-effect"), run}; }

}  // namespace keylint
