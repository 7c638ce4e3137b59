// kms-policy-no-via-service: the key policy of a KMS key that encrypts secrets grants kms:Decrypt by
// name (or a pattern such as kms:Decrypt* or kms:De*, but not the kms:* of the usual administration
// statement) to a whole account without a kms:ViaService condition. Such a statement exists to let the
// account's principals read secrets, so it is expected to say so: decrypt only through Secrets Manager.
#include "checks/kms/kms_policy_no_via_service.hpp"

#include <algorithm>

#include "checks/check_metadata.hpp"
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

StackCheck kms_policy_via_service_check() { return StackCheck{check_metadata("kms-policy-no-via-service"), run}; }

}  // namespace keylint
