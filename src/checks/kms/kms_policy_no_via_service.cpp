// kms-policy-no-via-service: the key policy of a KMS key that encrypts secrets grants kms:Decrypt by
// name (or a pattern such as kms:Decrypt* or kms:De*, but not the kms:* of the usual administration
// statement) to a whole account without a kms:ViaService condition. Such a statement exists to let the
// account's principals read secrets, so it is expected to say so: decrypt only through Secrets Manager.
#include "checks/kms/kms_policy_no_via_service.hpp"

#include <algorithm>

#include "checks/support/kms_key_reference.hpp"
#include "checks/support/resource_policy_facts.hpp"
#include "iam/conditions.hpp"
#include "iam/principals.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool grants_decrypt_by_name(const LocatedString& action) {
    if (action.unknown || action.text == "*" || action_covers(action.text, "kms:CreateGrant")) return false;
    return action_covers(action.text, "kms:Decrypt");
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    for_each_secrets_key_allow(context, [&](const StackResource& key, const Policy& policy, const PolicyStatement& statement) {
        if (!names_whole_account(statement.principal)) return;
        const auto grant = std::find_if(statement.actions.begin(), statement.actions.end(), grants_decrypt_by_name);
        if (grant == statement.actions.end() || find_restriction(condition_clauses(statement.condition), {"kms:ViaService"})) return;
        std::string message = statement_label(statement);
        message += "of the key policy of " + key.address + ", which encrypts secrets, allows " + grant->text +
                   " to a whole account without a kms:ViaService condition: any principal of the account with "
                   "kms:Decrypt in its IAM policy can decrypt outside Secrets Manager.";
        Finding finding = stack_finding(self, key, statement.span, std::move(message));
        finding.path = policy.path;
        out.push_back(std::move(finding));
    });
}

}  // namespace

StackCheck kms_policy_via_service_check() {
    RuleInfo info;
    info.id = "kms-policy-no-via-service";
    info.title = "Decrypt grant on a secrets key without kms:ViaService";
    info.description =
        "The key policy of a KMS key that encrypts a secret grants kms:Decrypt to a whole account without a "
        "kms:ViaService condition limiting it to Secrets Manager.";
    info.help =
        "**Decrypt grant on a secrets key without kms:ViaService**\n\n"
        "keylint expects `kms:ViaService` on a key-policy statement of a secrets key that grants decrypt to a "
        "whole account (`arn:aws:iam::111122223333:root`, an account id, `${AWS::AccountId}`) by naming "
        "`kms:Decrypt` or a pattern like `kms:Decrypt*` / `kms:De*`. Such a statement exists so the account's "
        "principals can read secrets; with `kms:ViaService` = `secretsmanager.<region>.amazonaws.com` they can "
        "decrypt only through Secrets Manager, where the secret's own policies apply. The `kms:*` statement of "
        "the default key policy, which hands key control to IAM, is not reported: it is needed to manage the key.\n\n"
        "**Fix:** add `\"Condition\": {\"StringEquals\": {\"kms:ViaService\": "
        "\"secretsmanager.<region>.amazonaws.com\"}}` (with `kms:CallerAccount`) to the statement.";
    info.help_uri = "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service";
    info.level = Level::note;
    info.tags = {"kms", "resource-policy", "encryption"};
    info.precision = "medium";
    info.security_severity = 3.0;
    return StackCheck{info, run};
}

}  // namespace keylint
