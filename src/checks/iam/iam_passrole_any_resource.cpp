// iam-passrole-any-resource: an identity policy's Allow statement that grants iam:PassRole (also
// through `iam:Pass*`, `iam:*`, `iam:P?ssRole`, expanded by the action database) on
// `"Resource": "*"` without a positive `iam:PassedToService` condition: its holder can hand any
// role, an administrator role included, to a service it controls. A statement iam-full-admin
// reports is skipped; a Resource keylint cannot resolve is a warning.
// Fixtures: fixtures/policy/checks/passrole-any-resource/.
#include "checks/iam/iam_passrole_any_resource.hpp"

#include <algorithm>
#include <cstring>

#include "checks/check_metadata.hpp"
#include "iam/conditions.hpp"
#include "iam/policy_denials.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool is_pass_role(const IamActionRow* row) {
    return std::strcmp(row->service, "iam") == 0 && std::strcmp(row->action, "PassRole") == 0;
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        const std::optional<ResourceReach> reach = overbroad_reach(policy, statement);
        if (!reach) continue;
        const std::vector<const IamActionRow*> granted = allowed_actions(policy, statement);
        if (std::none_of(granted.begin(), granted.end(), is_pass_role)) continue;
        if (find_restriction(condition_clauses(statement.condition), {"iam:PassedToService"}, KeyPresence::always_present)) continue;
        out.push_back(reach_finding(
            self, policy, statement, *reach,
            "allows iam:PassRole on every role (\"Resource\": \"*\") without an iam:PassedToService condition.",
            "may allow iam:PassRole on every role: its Resource is " + reach->unknown +
                ", which keylint cannot resolve, and no iam:PassedToService condition limits it."));
    }
}

}  // namespace

PolicyCheck passrole_any_resource_check() { return PolicyCheck{check_metadata("iam-passrole-any-resource"), run}; }

}  // namespace keylint
