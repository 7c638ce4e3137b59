// iam-invalid-effect: a statement whose Effect is not exactly "Allow" or "Deny" (IAM compares
// case-sensitively and rejects the policy), or that has no Effect keylint can read as a string.
// Fixtures: fixtures/policy/checks/invalid-effect/.
#include "checks/iam/iam_invalid_effect.hpp"

#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

void run(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out) {
    for (const PolicyStatement& statement : policy.statements) {
        if (!statement.effect) {
            out.push_back(policy_finding(self, policy, statement.span,
                                         statement_label(statement) +
                                             "has no Effect that keylint can read as a string: IAM requires "
                                             "\"Effect\": \"Allow\" or \"Deny\" in every statement."));
        } else if (statement.effect->text != "Allow" && statement.effect->text != "Deny") {
            out.push_back(policy_finding(self, policy, statement.effect->span,
                                         statement_label(statement) + "has \"Effect\": \"" + statement.effect->text +
                                             "\"; IAM accepts only \"Allow\" or \"Deny\", spelled exactly so."));
        }
    }
}

}  // namespace

PolicyCheck invalid_effect_check() {
    RuleInfo info;
    info.id = "iam-invalid-effect";
    info.title = "Statement Effect is not Allow or Deny";
    info.description = "A statement's Effect is missing or is something other than exactly \"Allow\" or \"Deny\".";
    info.help =
        "**Statement Effect is not Allow or Deny**\n\n"
        "IAM requires an `Effect` in every statement and accepts only `\"Allow\"` and `\"Deny\"`, case-sensitively: "
        "`\"allow\"` or `\"DENY\"` make AWS reject the whole policy, so a deployment fails, or, where a tool skips "
        "invalid policies, a guard rail meant to deny silently does not exist. keylint also reports a statement whose "
        "Effect is not a plain string (for example an expression it cannot resolve), since it cannot tell which "
        "effect applies.\n\n"
        "**Fix:** write `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"` exactly.";
    info.help_uri = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html";
    info.level = Level::error;
    info.tags = {"policy", "iam", "correctness"};
    info.precision = "very-high";
    info.security_severity = 4.0;
    return PolicyCheck{info, run};
}

}  // namespace keylint
