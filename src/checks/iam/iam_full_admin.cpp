// iam-full-admin: an Allow statement that grants every action (or all but a NotAction list) on every
// resource; a warning when an unresolved value could make it so. A Deny of every action in the same
// policy leaves nothing to report; a narrower one makes it "nearly" full access (iam/policy_denials.hpp).
#include "checks/iam/iam_full_admin.hpp"

#include <algorithm>
#include <optional>

#include "checks/check_metadata.hpp"
#include "iam/policy_denials.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool is_any_action(const LocatedString& action) { return action.text == "*" || action.text == "*:*"; }

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    std::optional<PolicyDenials> denials;
    for (const PolicyStatement& statement : policy.statements) {
        // The decision is shared with the narrower checks, which skip the statements it reports.
        if (!full_admin_applies(policy, statement)) continue;
        if (!denials) denials.emplace(policy);
        if (denials->deny_everything()) continue;  // a Deny of "*" in the same policy grants nothing back
        const bool every_action = std::any_of(statement.actions.begin(), statement.actions.end(), is_any_action);
        // Allow + NotAction on every resource grants everything but the listed actions.
        const bool not_action = statement.has_not_action && !statement.has_action;
        const std::string unknown_action = every_action || not_action ? "" : first_unknown(statement.actions);
        const std::string unknown_resource = resource_reach(statement).unknown;
        std::string message = statement_label(statement);
        Level level = self.info.level;
        if (!unknown_action.empty() || !unknown_resource.empty()) {
            // Never treated as "*", never passed: say what could not be resolved.
            const std::string& what = unknown_action.empty() ? unknown_resource : unknown_action;
            message += "may allow every action on every resource: " +
                       std::string(unknown_action.empty() ? "its Resource" : "its Action") + " is " + what +
                       ", which keylint cannot resolve; if it is \"*\", this is full administrator access.";
            level = Level::warning;
        } else if (not_action) {
            message += "allows every action except those in NotAction on every resource (\"Effect\": \"Allow\" with "
                       "\"NotAction\" and \"Resource\": \"*\"): nearly full administrator access.";
        } else if (!denials->empty()) {
            message += "allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\") but what the "
                       "policy's Deny statements take back: nearly full administrator access.";
        } else {
            message += "allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\"): full administrator access.";
        }
        if (statement.condition) message += " It has a Condition; check that it really narrows who can use it.";
        Finding finding = policy_finding(self, policy, statement.span, std::move(message));
        finding.level = level;
        out.push_back(std::move(finding));
    }
}

}  // namespace

PolicyCheck full_admin_check() { return PolicyCheck{check_metadata("iam-full-admin"), run}; }

}  // namespace keylint
