// iam-unknown-action: an Action or NotAction entry whose service prefix AWS does not document, or
// whose action (or pattern) matches no action of that service, judged against the compiled-in
// action database (iam/action_database.hpp). A misspelled action grants nothing, so the
// statement does not do what its author meant; in a Deny or NotAction it silently protects nothing.
#include "checks/iam/iam_unknown_action.hpp"

#include "checks/check_metadata.hpp"
#include "iam/action_database.hpp"

namespace keylint {
namespace {

// The problem with one entry, or "" if it names at least one documented action.
std::string problem_with(const LocatedString& entry, const IamActionDatabase& database) {
    const std::string& text = entry.text;
    if (entry.unknown || text == "*") return {};
    const size_t colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        return "'" + text + "' is not of the form service:action";
    }
    const std::string service = text.substr(0, colon);
    if (service.find_first_of("*?") == std::string::npos && !database.knows_service(service)) {
        return "'" + text + "' uses the service prefix '" + service + "', which AWS does not document";
    }
    if (database.expand(text).empty()) return "'" + text + "' matches no documented " + service + " action";
    return {};
}

void check_entries(const PolicyCheck& self, const Policy& policy, const std::vector<LocatedString>& entries,
                   const char* element, std::vector<Finding>& out) {
    const IamActionDatabase& database = IamActionDatabase::builtin();
    for (const LocatedString& entry : entries) {
        const std::string problem = problem_with(entry, database);
        if (problem.empty()) continue;
        out.push_back(policy_finding(self, policy, entry.span,
                                     std::string(element) + " " + problem + ": it grants or denies nothing."));
    }
}

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        check_entries(self, policy, statement.actions, "Action", out);
        check_entries(self, policy, statement.not_actions, "NotAction", out);
    }
}

}  // namespace

PolicyCheck unknown_action_check() { return PolicyCheck{check_metadata("iam-unknown-action"), run}; }

}  // namespace keylint
