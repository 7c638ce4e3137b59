#include "policy/policy_analyzer.hpp"

#include "policy/checks/policy_check.hpp"
#include "policy/raw_policy_extractor.hpp"
#include "syntax/json_reader.hpp"

namespace keylint {

// The first line of the span that says something: a multi-line statement starts with a lone "{".
static std::string first_telling_line(const SourceText& text, const Span& span) {
    for (uint32_t line = span.start_line; line <= span.end_line; ++line) {
        const std::string_view content = text.line_text(line);
        const size_t first = content.find_first_not_of(" \t");
        if (first == std::string_view::npos) continue;
        const std::string_view trimmed = content.substr(first);
        if (trimmed != "{" && trimmed != "[" && trimmed != "{," && trimmed != "[,") return std::string(trimmed);
    }
    return std::string(text.line_text(span.start_line));
}

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
        finding.snippet = first_telling_line(text, finding.span);
    }
    return outcome;
}

}  // namespace keylint
