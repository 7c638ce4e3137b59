// iam-secret-read-on-any-resource: an identity policy's Allow statement with `"Resource": "*"`
// that lets its holder read secret values: secretsmanager:GetSecretValue, the ssm:GetParameter
// family (GetParameter, GetParameters, GetParametersByPath, GetParameterHistory), or kms:Decrypt
// without a positive `kms:ViaService` condition. Wildcards (`secretsmanager:Get*`, `ssm:*`) are
// expanded through the action database. secretsmanager:BatchGetSecretValue is not reported: AWS
// accepts it only on "*" and it returns only the secrets GetSecretValue is allowed on.
// A statement iam-full-admin reports is skipped; a Resource keylint cannot resolve is a warning.
// Fixtures: fixtures/policy/checks/secret-read-on-any-resource/.
#include "checks/iam/iam_secret_read_on_any_resource.hpp"

#include <cstring>

#include "checks/check_metadata.hpp"
#include "iam/conditions.hpp"
#include "iam/policy_denials.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool is(const IamActionRow& row, const char* service, const char* action) {
    return std::strcmp(row.service, service) == 0 && std::strcmp(row.action, action) == 0;
}

bool reads_secrets(const IamActionRow& row, bool decrypt_through_service_only) {
    return is(row, "secretsmanager", "GetSecretValue") || is(row, "ssm", "GetParameter") ||
           is(row, "ssm", "GetParameters") || is(row, "ssm", "GetParametersByPath") ||
           is(row, "ssm", "GetParameterHistory") || (is(row, "kms", "Decrypt") && !decrypt_through_service_only);
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        const std::optional<ResourceReach> reach = overbroad_reach(policy, statement);
        if (!reach) continue;
        const bool via_service = find_restriction(condition_clauses(statement.condition), {"kms:ViaService"}) != nullptr;
        std::vector<const IamActionRow*> readers;
        for (const IamActionRow* row : allowed_actions(policy, statement)) {
            if (reads_secrets(*row, via_service)) readers.push_back(row);
        }
        if (readers.empty()) continue;
        out.push_back(reach_finding(self, policy, statement, *reach,
                                    "can read every secret in reach (\"Resource\": \"*\"): " + action_list(readers) + ".",
                                    "may read every secret: its Resource is " + reach->unknown +
                                        ", which keylint cannot resolve; if it is \"*\", " + action_list(readers) +
                                        " reach every secret."));
    }
}

}  // namespace

PolicyCheck secret_read_on_any_resource_check() { return PolicyCheck{check_metadata("iam-secret-read-on-any-resource"), run}; }

}  // namespace keylint
