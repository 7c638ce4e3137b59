// iam-allow-not-resource: an Allow statement with NotResource grants its actions on every resource
// except the listed ones, including resources created later. Any kind of policy.
// Fixtures: fixtures/policy/checks/allow-not-resource/.
#include "checks/iam/iam_allow_not_resource.hpp"

#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.allows() || !statement.has_not_resource) continue;
        out.push_back(policy_finding(self, policy, statement.span,
                                     statement_label(statement) +
                                         "uses \"Effect\": \"Allow\" with NotResource: it allows its actions on every "
                                         "resource except the listed ones, including every resource created later."));
    }
}

}  // namespace

PolicyCheck allow_not_resource_check() {
    RuleInfo info;
    info.id = "iam-allow-not-resource";
    info.title = "Allow with NotResource";
    info.description =
        "An Allow statement uses NotResource, so it grants its actions on every resource that is not listed, "
        "present and future.";
    info.help =
        "**Allow with NotResource**\n\n"
        "`NotResource` inverts the resource list: with `Allow` it grants the actions on everything except the listed "
        "ARNs, in every service the actions reach, including secrets, keys and buckets created after the policy was "
        "written. It is meant for `Deny` statements (deny everywhere except here).\n\n"
        "**Fix:** list the resources the statement allows in `Resource`; to keep a guard rail, add a separate `Deny` "
        "statement with `NotResource`.";
    info.help_uri = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html";
    info.level = Level::warning;
    info.tags = {"policy", "iam", "overbroad-access"};
    info.precision = "very-high";
    info.security_severity = 5.5;
    return PolicyCheck{info, run};
}

}  // namespace keylint
