// kms-policy-wildcard-decrypt: the key policy of a KMS key that encrypts secrets allows `kms:Decrypt`
// (`kms:*`, `kms:De*`, `*`) to any principal without a condition that narrows it to an organisation,
// account or network.
#include "checks/kms/kms_policy_wildcard_decrypt.hpp"

#include <algorithm>

#include "checks/check_metadata.hpp"
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

StackCheck kms_policy_wildcard_decrypt_check() { return StackCheck{check_metadata("kms-policy-wildcard-decrypt"), run}; }

}  // namespace keylint
