// iam-anyone-principal: an Allow statement in a resource or trust policy whose Principal is
// everyone ("*", {"AWS": "*"}, `arn:aws:iam::*:root`, …) with no condition that ties callers to
// an organization, account, network or source: a positive condition on aws:PrincipalOrgID,
// aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceVpce, aws:SourceVpc,
// aws:SourceIp, aws:SourceAccount, aws:SourceArn, aws:SourceOrgID, aws:SourceOrgPaths or
// kms:CallerAccount (see iam/conditions.hpp for what counts as positive). A Principal keylint
// cannot resolve is a warning. Fixtures: fixtures/policy/checks/anyone-principal/.
#include "checks/iam/iam_anyone_principal.hpp"

#include "checks/check_metadata.hpp"
#include "iam/conditions.hpp"
#include "iam/principals.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    if (policy.kind != Policy::Kind::resource && policy.kind != Policy::Kind::trust) return;
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows() || !statement.principal) continue;
        const std::vector<PrincipalEntry> entries = principal_entries(statement.principal);
        const PrincipalEntry* anyone = nullptr;
        const PrincipalEntry* unknown = nullptr;
        for (const PrincipalEntry& entry : entries) {
            if (!anyone && is_anyone(entry)) anyone = &entry;
            if (!unknown && could_be_anything(entry.value)) unknown = &entry;
        }
        if (!anyone && !unknown) continue;
        const std::vector<ConditionClause> clauses = condition_clauses(statement.condition);
        if (find_restriction(clauses, caller_restricting_keys)) continue;
        if (anyone) {
            const std::string shown = anyone->type == "*" ? "\"*\"" : anyone->type + " \"" + anyone->value.text + "\"";
            out.push_back(policy_finding(self, policy, statement.span,
                                         statement_label(statement) + "allows any principal (" + shown +
                                             "), anonymous callers included, and no condition limits the caller to an "
                                             "organization, account, network or source."));
        } else {
            Finding finding = policy_finding(self, policy, statement.span,
                                             statement_label(statement) + "may allow any principal: its " + unknown->type +
                                                 " principal is " + unknown->value.text +
                                                 ", which keylint cannot resolve, and no condition limits the caller.");
            finding.level = Level::warning;
            out.push_back(std::move(finding));
        }
    }
}

}  // namespace

PolicyCheck anyone_principal_check() { return PolicyCheck{check_metadata("iam-anyone-principal"), run}; }

}  // namespace keylint
