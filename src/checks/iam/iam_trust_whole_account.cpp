// iam-trust-whole-account: a trust policy's Allow statement that lets a whole AWS account assume
// the role (`arn:aws:iam::123456789012:root` or a bare account id) with no condition naming who
// in that account may: a positive condition on sts:ExternalId, aws:PrincipalArn,
// aws:PrincipalTag/…, aws:userid, aws:MultiFactorAuthAge, or aws:MultiFactorAuthPresent true.
// Trusting an account delegates the choice to its administrators: every user and role there with
// sts:AssumeRole on "*" can become this role. Fixtures: fixtures/policy/checks/trust-whole-account/.
#include "checks/iam/iam_trust_whole_account.hpp"

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

PolicyCheck trust_whole_account_check() {
    RuleInfo info;
    info.id = "iam-trust-whole-account";
    info.title = "Trust policy trusts a whole account without a condition";
    info.description =
        "A role's trust policy names an account root (`arn:aws:iam::ACCOUNT:root` or the bare account id) as "
        "principal and no condition narrows which of the account's principals may assume the role.";
    info.help =
        "**Trust policy trusts a whole account without a condition**\n\n"
        "`\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}` does not mean the account's root user: it "
        "means any user or role in that account whose own policies allow `sts:AssumeRole` on this role, for example "
        "through `\"Resource\": \"*\"`. Who can become the role is then decided by another account's policies. "
        "keylint accepts the statement when a positive condition narrows the caller: `sts:ExternalId` (for a third "
        "party), `aws:PrincipalArn`, `aws:PrincipalTag/…`, `aws:userid`, `aws:MultiFactorAuthAge`, or "
        "`aws:MultiFactorAuthPresent` set to `true`.\n\n"
        "**Fix:** name the roles that may assume this one (`arn:aws:iam::111122223333:role/deployer`), or add "
        "`\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:role/deploy-*\"}`; for a vendor, require "
        "`sts:ExternalId`.";
    info.help_uri = "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html";
    info.level = Level::warning;
    info.tags = {"policy", "iam", "overbroad-access", "trust-policy"};
    info.precision = "high";
    info.security_severity = 5.0;
    return PolicyCheck{info, run};
}

}  // namespace keylint
