// iam-trust-oidc-unrestricted: a trust policy's Allow statement that lets an OIDC identity
// provider's tokens assume the role (a Federated principal with sts:AssumeRoleWithWebIdentity,
// wildcards expanded) without a positive condition on both the provider's `aud` and its `sub`
// keys (`token.actions.githubusercontent.com:sub`); for Amazon Cognito identity pools, `amr`
// stands in for `sub`. A value of wildcards alone (`*`) does not restrict. When the provider is a
// value keylint cannot resolve, any key ending in `:aud` / `:sub` counts.
// Fixtures: fixtures/policy/checks/trust-oidc-unrestricted/.
#include "checks/iam/iam_trust_oidc_unrestricted.hpp"

#include <algorithm>
#include <cstring>

#include "checks/check_metadata.hpp"
#include "iam/conditions.hpp"
#include "iam/principals.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

bool is_web_identity(const IamActionRow* row) {
    return std::strcmp(row->service, "sts") == 0 && std::strcmp(row->action, "AssumeRoleWithWebIdentity") == 0;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && condition_key_matches(suffix, text.substr(text.size() - suffix.size()));
}

// Whether a restricting clause exists on `provider:claim` (on any `…:claim` when provider is "").
bool restricted(const std::vector<ConditionClause>& clauses, const std::string& provider, const std::string& claim) {
    for (const ConditionClause& clause : clauses) {
        const bool key = provider.empty() ? ends_with_ignoring_case(clause.key, ":" + claim)
                                          : condition_key_matches(provider + ":" + claim, clause.key);
        if (key && clause_restricts(clause)) return true;
    }
    return false;
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    if (policy.kind != Policy::Kind::trust) return;
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows() || !statement.principal) continue;
        const std::vector<const IamActionRow*> granted = granted_actions(statement);
        if (std::none_of(granted.begin(), granted.end(), is_web_identity)) continue;
        const std::vector<ConditionClause> clauses = condition_clauses(statement.condition);
        for (const PrincipalEntry& entry : principal_entries(statement.principal)) {
            if (entry.type != "Federated") continue;
            const std::string provider = oidc_provider(entry);
            if (provider.empty() && !entry.value.unknown) continue;  // SAML, or not a provider
            const std::string subject = provider == "cognito-identity.amazonaws.com" ? "amr" : "sub";
            std::vector<std::string> missing;
            if (!restricted(clauses, provider, "aud")) missing.push_back("aud");
            if (!restricted(clauses, provider, subject)) missing.push_back(subject);
            if (missing.empty()) continue;
            const std::string name = provider.empty() ? entry.value.text : provider;
            std::string keys;
            for (const std::string& claim : missing) {
                keys += (keys.empty() ? "" : " and ") + (provider.empty() ? "PROVIDER" : provider) + ":" + claim;
            }
            out.push_back(policy_finding(self, policy, statement.span,
                                         statement_label(statement) + "lets tokens of the identity provider " + name +
                                             " assume this role with no condition on " + keys +
                                             ": any identity that provider issues tokens for can become the role."));
            break;  // one finding per statement
        }
    }
}

}  // namespace

PolicyCheck trust_oidc_check() { return PolicyCheck{check_metadata("iam-trust-oidc-unrestricted"), run}; }

}  // namespace keylint
