// iam-trust-whole-account: a trust policy's Allow statement that lets a whole AWS account assume
// the role (`arn:aws:iam::123456789012:root` or a bare account id) with no condition naming who
// in that account may: a positive condition on sts:ExternalId, aws:PrincipalArn,
// aws:PrincipalTag/…, aws:userid, aws:MultiFactorAuthAge, or aws:MultiFactorAuthPresent true.
// Trusting an account delegates the choice to its administrators: every user and role there with
// sts:AssumeRole on "*" can become this role. Fixtures: fixtures/policy/checks/trust-whole-account/.
#include "checks/iam/iam_trust_whole_account.hpp"

#include "checks/check_metadata.hpp"
#include "iam/conditions.hpp"
#include "iam/principals.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool requires_mfa(const std::vector<ConditionClause>& clauses) {
    for (const ConditionClause& clause : clauses) {
        if (!condition_key_matches("aws:MultiFactorAuthPresent", clause.key) || !clause_restricts(clause)) continue;
        const Value& value = clause.values->is_array() && clause.values->items.size() == 1 ? clause.values->items[0] : *clause.values;
        if (value.scalar == "true") return true;
    }
    return false;
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    if (policy.kind != Policy::Kind::trust) return;
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows() || !statement.principal) continue;
        const std::vector<PrincipalEntry> entries = principal_entries(statement.principal);
        const PrincipalEntry* account = nullptr;
        for (const PrincipalEntry& entry : entries) {
            if (is_whole_account(entry)) {
                account = &entry;
                break;
            }
        }
        if (!account) continue;
        const std::vector<ConditionClause> clauses = condition_clauses(statement.condition);
        if (requires_mfa(clauses) ||
            find_restriction(clauses, {"sts:ExternalId", "aws:PrincipalArn", "aws:PrincipalTag/", "aws:userid",
                                       "aws:MultiFactorAuthAge"})) {
            continue;
        }
        out.push_back(policy_finding(self, policy, statement.span,
                                     statement_label(statement) + "lets every principal of the account " +
                                         account->value.text +
                                         " that may call sts:AssumeRole assume this role: no condition on "
                                         "sts:ExternalId, aws:PrincipalArn, aws:PrincipalTag or MFA narrows it."));
    }
}

}  // namespace

PolicyCheck trust_whole_account_check() { return PolicyCheck{check_metadata("iam-trust-whole-account"), run}; }

}  // namespace keylint
