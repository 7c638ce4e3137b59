// iam-write-on-any-resource: an identity policy's Allow statement with `"Resource": "*"` that
// grants Write or Permissions-management actions which AWS lets a policy limit to named resources
// (the action database's `resource_scoped`). Actions that only work on "*" are left out, as are
// iam:PassRole and kms:Decrypt, which have their own checks. A statement
// iam-full-admin reports is skipped; a Resource keylint cannot resolve is a warning.
// Fixtures: fixtures/policy/checks/write-on-any-resource/.
#include "checks/iam/iam_write_on_any_resource.hpp"

#include <cstring>

#include "checks/check_metadata.hpp"
#include "iam/policy_denials.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool reported_elsewhere(const IamActionRow& row) {
    return (std::strcmp(row.service, "iam") == 0 && std::strcmp(row.action, "PassRole") == 0) ||
           (std::strcmp(row.service, "kms") == 0 && std::strcmp(row.action, "Decrypt") == 0);
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        const std::optional<ResourceReach> reach = overbroad_reach(policy, statement);
        if (!reach) continue;
        std::vector<const IamActionRow*> scopable;
        bool permissions = false;
        for (const IamActionRow* row : allowed_actions(policy, statement)) {
            const bool writes = row->level == IamAccessLevel::write || row->level == IamAccessLevel::permissions_management;
            if (!writes || !row->resource_scoped || reported_elsewhere(*row)) continue;
            permissions = permissions || row->level == IamAccessLevel::permissions_management;
            scopable.push_back(row);
        }
        if (scopable.empty()) continue;
        const std::string kind = permissions ? "write and permissions-management" : "write";
        const std::string condition = statement.condition ? " It has a Condition; check that it limits the resources." : "";
        out.push_back(reach_finding(self, policy, statement, *reach,
                                    "allows " + kind +
                                        " actions that can be limited to named resources on every resource "
                                        "(\"Resource\": \"*\"): " + action_list(scopable) + "." + condition,
                                    "may allow " + kind + " actions on every resource: its Resource is " + reach->unknown +
                                        ", which keylint cannot resolve; if it is \"*\", this covers " +
                                        action_list(scopable) + "." + condition));
    }
}

}  // namespace

PolicyCheck write_on_any_resource_check() { return PolicyCheck{check_metadata("iam-write-on-any-resource"), run}; }

}  // namespace keylint
