// iam-full-admin: an Allow statement that grants every action on every resource.
#include "policy/checks/full_admin.hpp"

#include <algorithm>

namespace keylint {
namespace {

bool is_any_action(const LocatedString& action) { return action.text == "*" || action.text == "*:*"; }
bool is_any_resource(const LocatedString& resource) { return resource.text == "*"; }

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    if (policy.kind != Policy::Kind::identity) return;
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows()) continue;
        const bool every_action = std::any_of(statement.actions.begin(), statement.actions.end(), is_any_action);
        const bool every_resource = std::any_of(statement.resources.begin(), statement.resources.end(), is_any_resource);
        if (!every_action || !every_resource) continue;
        std::string message = "Statement ";
        if (statement.sid) message += "'" + statement.sid->text + "' ";
        message += "allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\"): full administrator access.";
        if (statement.condition) message += " It has a Condition; check that it really narrows who can use it.";
        out.push_back(policy_finding(self, policy, statement.span, std::move(message)));
    }
}

}  // namespace

PolicyCheck full_admin_check() {
    RuleInfo info;
    info.id = "iam-full-admin";
    info.title = "Policy grants full administrator access";
    info.description =
        "An Allow statement grants every action (\"*\") on every resource (\"*\"). Whoever holds this policy can read "
        "every secret, decrypt with every KMS key and grant themselves anything else.";
    info.help =
        "**Policy grants full administrator access**\n\n"
        "An `Allow` statement with `\"Action\": \"*\"` and `\"Resource\": \"*\"` gives its holder every permission in "
        "the account, including `secretsmanager:GetSecretValue` on every secret and `iam:*` to grant more.\n\n"
        "**Fix:** list the actions the workload needs and the ARNs it needs them on. Keep administrator access to "
        "a few break-glass roles protected by MFA, and use the AWS-managed `AdministratorAccess` policy for them so "
        "it is visible as such.";
    info.help_uri = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege";
    info.level = Level::error;
    info.tags = {"policy", "iam", "overbroad-access"};
    info.precision = "very-high";
    info.security_severity = 9.0;
    return PolicyCheck{info, run};
}

}  // namespace keylint
