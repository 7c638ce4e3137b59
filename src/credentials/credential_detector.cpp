// See credential_detector.hpp.
#include "credentials/credential_detector.hpp"

#include <algorithm>

#include "core/snippet.hpp"
#include "credentials/credential_name.hpp"
#include "credentials/file_format.hpp"
#include "credentials/line_formats.hpp"
#include "credentials/syntax_extractor.hpp"
#include "credentials/value_judgement.hpp"
#include "secrets/inline_suppression.hpp"

namespace keylint {
namespace {

// Every credential name contains one of these (lower-case); see credential_name.cpp.
const std::vector<std::string> name_stems = {"pass", "pwd", "pw", "secret", "token", "key", "auth", "cred", "salt", "bearer"};

constexpr size_t max_identifier_bytes = 128;

bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

// The identifier (letters, digits, `_`, `-`, `.`) around the stem that ends at `hit_end`.
std::string_view identifier_around(std::string_view text, size_t hit_end) {
    size_t begin = hit_end - 1;
    while (begin > 0 && hit_end - begin < max_identifier_bytes && is_identifier_char(text[begin - 1])) --begin;
    size_t end = hit_end;
    while (end < text.size() && end - begin < max_identifier_bytes && is_identifier_char(text[end])) ++end;
    return text.substr(begin, end - begin);
}

bool is_line_format(FileFormat format) {
    switch (format) {
        case FileFormat::dotenv:
        case FileFormat::ini:
        case FileFormat::properties:
        case FileFormat::netrc:
        case FileFormat::pgpass:
        case FileFormat::htpasswd:
        case FileFormat::shadow:
        case FileFormat::git_credentials:
            return true;
        default:
            return false;
    }
}

// Formats whose fields are credentials by position, named by the reader.
bool is_positional(const NamedValue& value) { return !value.description.empty(); }

Finding make_finding(const SourceText& text, const NamedValue& value, const NameMeaning& meaning,
                     const ValueJudgement& judgement, FileFormat format) {
    const Position start = text.position_at(value.value_begin);
    const Position end = text.position_at(value.value_end);
    const bool password = meaning.kind == CredentialKind::password;
    const std::string what = value.description.empty() ? "'" + value.name + "'" : value.description;
    Finding finding;
    finding.rule_id = password ? "generic-password" : "generic-secret";
    finding.level = Level::error;
    finding.message = std::string(password ? "Hardcoded password" : "Hardcoded credential") + " in " + what + " (" +
                      format_name(format) + ").";
    finding.path = text.path();
    finding.span = Span{start.line, start.column, end.line, end.column};
    finding.snippet = snippet_around(text.bytes(), value.value_begin, value.value_end);
    finding.secret = value.value;
    finding.properties["key"] = value.name;
    finding.properties["format"] = format_name(format);
    finding.properties["reason"] = judgement.reason;
    if (auto marker = suppression_marker(text, start.line, end.line)) finding.suppressed_by = *marker;
    return finding;
}

}  // namespace

CredentialDetector::CredentialDetector() {
    std::vector<std::vector<std::string>> groups;
    for (const std::string& stem : name_stems) groups.push_back({stem});
    stems_ = std::make_unique<KeywordAutomaton>(groups);
}

bool CredentialDetector::has_candidate_name(std::string_view text) const {
    std::vector<std::vector<size_t>> hit_ends(name_stems.size());
    stems_->find_all(text, hit_ends);
    std::vector<size_t> ends;
    for (const auto& group : hit_ends) ends.insert(ends.end(), group.begin(), group.end());
    std::sort(ends.begin(), ends.end());
    std::string_view last_identifier;
    for (size_t end : ends) {
        const std::string_view identifier = identifier_around(text, end);
        if (identifier.data() == last_identifier.data() && identifier.size() == last_identifier.size()) continue;
        last_identifier = identifier;
        if (classify_credential_name(identifier).kind != CredentialKind::none) return true;
        // `spring.datasource.password`, `a.b.secret`: the last dotted part is the name.
        const size_t dot = identifier.rfind('.');
        if (dot != std::string_view::npos &&
            classify_credential_name(identifier.substr(dot + 1)).kind != CredentialKind::none) {
            return true;
        }
    }
    return false;
}

void CredentialDetector::scan(const SourceText& text, std::vector<Finding>& out) const {
    const FileFormat format = file_format_of(text.path());
    if (format == FileFormat::unknown || format == FileFormat::lock_file) return;
    const std::string_view bytes = text.bytes();
    if (bytes.size() > max_structured_bytes) return;
    if (!is_credential_file(format) && !has_candidate_name(bytes)) return;

    std::vector<NamedValue> values;
    if (is_line_format(format)) {
        values = read_line_format(format, bytes);
    } else {
        values = extract_literal_assignments(format, text).values;
    }
    std::sort(values.begin(), values.end(),
              [](const NamedValue& a, const NamedValue& b) { return a.value_begin < b.value_begin; });
    size_t previous_begin = static_cast<size_t>(-1);
    for (const NamedValue& value : values) {
        if (value.value_begin == previous_begin) continue;  // one literal reached through two shapes
        previous_begin = value.value_begin;
        if (is_positional(value)) {
            const ValueJudgement judgement = judge_positional_value(value.value, value.description);
            if (judgement.credential) {
                out.push_back(make_finding(text, value, NameMeaning{CredentialKind::password, "password", false},
                                           judgement, format));
            }
            continue;
        }
        const NameMeaning meaning = classify_credential_name(value.name);
        if (meaning.kind == CredentialKind::none) continue;
        const ValueJudgement judgement = judge_credential_value(value.value, value.name, meaning);
        if (judgement.credential) out.push_back(make_finding(text, value, meaning, judgement, format));
    }
}

}  // namespace keylint
