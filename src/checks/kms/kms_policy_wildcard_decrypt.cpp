// kms-policy-wildcard-decrypt: the key policy of a KMS key that encrypts secrets allows `kms:Decrypt`
// (`kms:*`, `kms:De*`, `*`) to any principal without a condition that narrows it to an organisation,
// account or network.
#include "checks/kms/kms_policy_wildcard_decrypt.hpp"

#include <algorithm>

#include "checks/support/kms_key_reference.hpp"
#include "checks/support/resource_policy_facts.hpp"
#include "iam/conditions.hpp"
#include "iam/principals.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    for_each_secrets_key_allow(context, [&](const StackResource& key, const Policy& policy, const PolicyStatement& statement) {
        if (!names_anyone(statement.principal)) return;
        const auto grant = std::find_if(statement.actions.begin(), statement.actions.end(), [](const LocatedString& action) {
            return !action.unknown && action_covers(action.text, "kms:Decrypt");
        });
        if (grant == statement.actions.end() || find_restriction(condition_clauses(statement.condition), caller_restricting_keys)) return;
        std::string message = statement_label(statement);
        message += "of the key policy of " + key.address + ", which encrypts secrets, allows " +
                   grant->text + " to any principal (\"*\") without a condition on the caller's account or "
                                 "organisation: whoever can read the ciphertext can decrypt it.";
        Finding finding = stack_finding(self, key, statement.span, std::move(message));
        finding.path = policy.path;
        out.push_back(std::move(finding));
    });
}

}  // namespace

StackCheck kms_policy_wildcard_decrypt_check() {
    RuleInfo info;
    info.id = "kms-policy-wildcard-decrypt";
    info.title = "Key policy of a secrets key lets anyone decrypt";
    info.description =
        "The key policy of a KMS key that encrypts a secret allows kms:Decrypt (kms:*, kms:De*, *) to the principal "
        "\"*\" without a condition on kms:CallerAccount, aws:PrincipalOrgID, aws:PrincipalAccount or the network.";
    info.help =
        "**Key policy of a secrets key lets anyone decrypt**\n\n"
        "Secrets Manager decrypts a secret with its KMS key on the caller's behalf, so a key policy that lets any "
        "principal use `kms:Decrypt` removes the key as a second lock on the secret. keylint checks the key "
        "policies of the keys the stack's secrets name; an action pattern counts when it covers `kms:Decrypt` "
        "(`kms:*`, `kms:De*`, `*`). A positive condition on one of " + caller_restricting_key_list() +
        " narrows the principal and is accepted.\n\n"
        "**Fix:** name the account (`arn:aws:iam::111122223333:root`) or the roles that decrypt, or add a "
        "`kms:CallerAccount` condition together with `kms:ViaService` = `secretsmanager.<region>.amazonaws.com`.";
    info.help_uri = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html";
    info.level = Level::error;
    info.tags = {"kms", "resource-policy", "encryption"};
    info.precision = "high";
    info.security_severity = 8.0;
    return StackCheck{info, run};
}

}  // namespace keylint
