// iam-duplicate-sid: two statements of one policy with the same Sid. IAM requires Sids to be
// unique within a policy (identity policies are rejected; some resource policies keep only one of
// the statements), and tools that merge statements by Sid (Terraform's override documents) then
// replace one with the other. Reported on the second and later occurrences; the branches of a
// CloudFormation Fn::If are alternatives of one statement, not two.
// Fixtures: fixtures/policy/checks/duplicate-sid/.
#include "checks/iam/iam_duplicate_sid.hpp"

#include "checks/check_metadata.hpp"

#include <map>

namespace keylint {
namespace {

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    struct FirstUse {
        uint32_t line;
        size_t element;
    };
    std::map<std::string, FirstUse> first_use;  // Sid → its first statement
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.sid || statement.sid->unknown || statement.sid->text.empty()) continue;
        const auto [first, inserted] =
            first_use.emplace(statement.sid->text, FirstUse{statement.sid->span.start_line, statement.element});
        if (inserted || first->second.element == statement.element) continue;  // alternatives of one element
        out.push_back(policy_finding(self, policy, statement.sid->span,
                                     "Sid '" + statement.sid->text + "' is used again (first on line " +
                                         std::to_string(first->second.line) + "); Sids must be unique within a policy."));
    }
}

}  // namespace

PolicyCheck duplicate_sid_check() { return PolicyCheck{check_metadata("iam-duplicate-sid"), run}; }

}  // namespace keylint
