// iam-sensitive-service-wildcard: an identity policy's Allow statement whose Action grants every
// action of a service that guards credentials, keys or permissions (`iam:*`, `kms:*`,
// `secretsmanager:*`, …), on whatever resource. A pattern counts when it expands, through the
// action database, to the service's whole action list (`iam:*`, `KMS:*`, `sts:*Role*` does not);
// narrower patterns are judged by iam-write-on-any-resource and iam-secret-read-on-any-resource.
// Resource policies are left out: a KMS key policy's `kms:*` for the account is AWS's default and
// who gets access there is judged by the principal checks. A statement iam-full-admin reports is
// skipped, and so is a service a Deny of the same policy takes back whole (iam/policy_denials.hpp).
// Fixtures: fixtures/policy/checks/sensitive-service-wildcard/.
#include "checks/iam/iam_sensitive_service_wildcard.hpp"

#include <cctype>

#include "checks/check_metadata.hpp"
#include "iam/policy_denials.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

constexpr std::string_view sensitive_services[] = {"iam", "sts", "kms", "secretsmanager", "ssm", "s3", "organizations", "sso"};

// The sensitive service `action` grants entirely, or "".
std::string service_granted_entirely(const LocatedString& action) {
    if (action.unknown) return {};
    const size_t colon = action.text.find(':');
    if (colon == std::string::npos) return {};
    std::string service = action.text.substr(0, colon);
    for (char& c : service) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool sensitive = false;
    for (std::string_view name : sensitive_services) sensitive = sensitive || name == service;
    if (!sensitive) return {};
    const size_t all = expand_action(service + ":*").size();
    return all != 0 && expand_action(action.text).size() == all ? service : "";
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    if (policy.kind != Policy::Kind::identity) return;
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows() || full_admin_applies(policy, statement)) continue;
        std::string services, written;
        for (const LocatedString& action : statement.actions) {
            const std::string service = service_granted_entirely(action);
            if (service.empty() || PolicyDenials(policy).remaining(expand_action(service + ":*")).empty()) {
                continue;  // a Deny of the same policy takes the whole service back
            }
            services += (services.empty() ? "" : ", ") + service;
            written += (written.empty() ? "'" : ", '") + action.text + "'";
        }
        if (!services.empty()) {
            out.push_back(policy_finding(self, policy, statement.span,
                                         statement_label(statement) + "allows every " + services + " action (" + written +
                                             "), including the ones that change permissions, keys or secrets."));
            continue;
        }
        if (const std::string unknown = first_unknown(statement.actions); !unknown.empty()) {
            Finding finding = policy_finding(self, policy, statement.span,
                                             statement_label(statement) + "may allow every action of a sensitive service: its Action is " +
                                                 unknown + ", which keylint cannot resolve; check that it is not a wildcard such as \"iam:*\".");
            finding.level = Level::warning;
            out.push_back(std::move(finding));
        }
    }
}

}  // namespace

PolicyCheck sensitive_service_wildcard_check() { return PolicyCheck{check_metadata("iam-sensitive-service-wildcard"), run}; }

}  // namespace keylint
