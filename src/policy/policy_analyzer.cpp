#include "policy/policy_analyzer.hpp"

#include "policy/checks/policy_check.hpp"
#include "policy/raw_policy_extractor.hpp"
#include "syntax/json_reader.hpp"

namespace keylint {

bool is_policy_candidate(std::string_view path) { return path.ends_with(".json"); }

PolicyFileOutcome analyze_policy_file(const SourceText& text) {
    PolicyFileOutcome outcome;
    ParseResult parsed = read_json(text);
    if (!parsed.root) {
        outcome.diagnostics.push_back({Diagnostic::Kind::warning, text.path(), parsed.error});
        return outcome;
    }
    if (!looks_like_policy_document(*parsed.root)) return outcome;
    const Policy policy = extract_policy(*parsed.root, text.path(), "policy document");
    outcome.policies = 1;
    for (const PolicyCheck& check : policy_checks()) check.run(check, policy, outcome.findings);
    for (Finding& finding : outcome.findings) {
        finding.snippet = std::string(text.line_text(finding.span.start_line));
    }
    return outcome;
}

}  // namespace keylint
