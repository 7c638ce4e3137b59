// See credential_detector.hpp.
#include "credentials/credential_detector.hpp"

#include <algorithm>
#include <optional>

#include "core/base64.hpp"
#include "core/snippet.hpp"
#include "credentials/credential_name.hpp"
#include "credentials/credential_store.hpp"
#include "credentials/file_format.hpp"
#include "credentials/line_formats.hpp"
#include "credentials/syntax_extractor.hpp"
#include "credentials/value_judgement.hpp"

namespace keylint {
namespace {


constexpr size_t max_identifier_bytes = 128;
constexpr size_t window_bytes = 512;

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

bool is_quote(char c) { return c == '"' || c == '\'' || c == '`'; }

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool ends_bare_value(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == '<' || c == '#' || is_quote(c);
}

// `NetworkCredential(\n From,\n "…")`: the first quoted literal among a call's arguments that
// is not a short word, up to its closing parenthesis.
std::string_view first_literal_in_arguments(std::string_view text, size_t i, size_t end) {
    while (i < end && text[i] != ')') {
        if (is_quote(text[i])) {
            const size_t close = text.find(text[i], i + 1);
            if (close == std::string_view::npos || close >= end) return {};
            if (close - i - 1 >= 6) return text.substr(i + 1, close - i - 1);
            i = close;
        }
        ++i;
    }
    return {};
}

// The length of the operator at the start of `at` that puts a literal beside a name without
// assigning it: a lookup's fallback (`|| "…"`, `?? "…"`, `?: '…'`, `or "…"`) or a comparison
// (`== "…"`, `!== '…'`). Zero if there is none.
size_t fallback_or_comparison_length(std::string_view at) {
    for (std::string_view op : {"===", "!==", "==", "!=", "||", "??", "?:"}) {
        if (at.starts_with(op)) return op.size();
    }
    return at.size() >= 3 && at.starts_with("or") && is_blank(at[2]) ? 2 : 0;
}

// The literal written right after an assignment operator at `at`: `= "…"`, `: '…'`, `=> "…"`,
// `:= "…"`, `|| "…"` (a fallback), `== "…"` (a check), `("…"` (a setter), `, '…'` (define, setenv), `>…<` (an XML element), or a bare
// token where the format allows one (YAML, XML, shell). Empty if there is none.
std::string_view literal_after_operator(std::string_view text, size_t at, bool bare_allowed) {
    const size_t end = std::min(text.size(), at + window_bytes);
    size_t i = at;
    while (i < end && (is_blank(text[i]) || is_quote(text[i]) || text[i] == ']' || text[i] == ')')) ++i;
    if (const size_t length = fallback_or_comparison_length(text.substr(i, std::min<size_t>(3, end - i)))) i += length;
    else if (i + 1 < end && ((text[i] == '=' && text[i + 1] == '>') || (text[i] == ':' && text[i + 1] == '='))) i += 2;
    else if (i < end && text[i] == '(') return first_literal_in_arguments(text, i + 1, end);
    else if (i < end && std::string_view("=:,>").find(text[i]) != std::string_view::npos) ++i;
    else return {};
    while (i < end && is_blank(text[i])) ++i;
    for (std::string_view keyword : {"default=", "fallback="}) {  // `env("SECRET_KEY", default="…")`
        if (text.substr(i, std::min(end - i, keyword.size())) == keyword) i += keyword.size();
    }
    if (i < end && (text[i] == '\n' || text[i] == '\r')) {  // `ConnectionString =\n    "…"`
        while (i < end && (is_blank(text[i]) || text[i] == '\n' || text[i] == '\r')) ++i;
        if (i + 1 < end && text[i] == '-' && is_blank(text[i + 1])) i += 2;  // a YAML sequence's first item
    }
    while (i < end && (text[i] == '[' || is_blank(text[i]))) ++i;  // a list's first item
    if (i + 1 < end && std::string_view("rbfu@").find(text[i]) != std::string_view::npos && is_quote(text[i + 1])) ++i;
    if (i < end && is_quote(text[i])) {
        const size_t close = text.find(text[i], i + 1);
        if (close == std::string_view::npos || close >= end) return {};
        const std::string_view value = text.substr(i + 1, close - i - 1);
        return value.find('\n') == std::string_view::npos ? value : std::string_view();
    }
    if (!bare_allowed) return {};
    size_t stop = i;
    while (stop < end && !ends_bare_value(text[stop])) ++stop;
    return text.substr(i, stop - i);
}

// A quick stand-in for the parse, used only to decide whether the parse is worth it: the literal
// assigned to the name that ends at `from`, or, when the name is itself a quoted value
// (`"name": "DB_PASSWORD", "value": "…"`, `<add key="Password" value="…"/>`,
// `variable "db_password" { default = "…" }`), the literal of a nearby `value` or `default`.
std::vector<std::string_view> values_after(std::string_view text, size_t begin, size_t from, FileFormat format) {
    const bool bare_allowed = format == FileFormat::yaml || format == FileFormat::xml || format == FileFormat::shell;
    std::vector<std::string_view> values;
    const std::string_view direct = literal_after_operator(text, from, bare_allowed);
    if (!direct.empty()) values.push_back(direct);
    if (format == FileFormat::xml) {  // `<string name="api_secret" translatable="false">…</string>`
        const size_t line_end = std::min(text.find('\n', from), std::min(text.size(), from + window_bytes));
        const size_t close = text.find('>', from);
        if (close != std::string_view::npos && close < line_end && text[close - 1] != '/') {
            const size_t open = text.find('<', close);
            if (open != std::string_view::npos && open > close + 1) values.push_back(text.substr(close + 1, open - close - 1));
        }
        // A property list's `<key>Password</key>` then `<string>…</string>`.
        if (text.substr(from).starts_with("</key>")) {
            const size_t string_tag = text.find("<string>", from);
            if (string_tag != std::string_view::npos && string_tag < from + 64) {
                const size_t value_begin = string_tag + 8;
                const size_t value_end = text.find('<', value_begin);
                if (value_end != std::string_view::npos) values.push_back(text.substr(value_begin, value_end - value_begin));
            }
        }
    }
    const bool quoted = begin > 0 && is_quote(text[begin - 1]);
    const bool yaml_value = format == FileFormat::yaml && begin > 1 && text[begin - 1] == ' ' && text[begin - 2] == ':';
    if (!quoted && !yaml_value) return values;
    const std::string_view window = text.substr(from, std::min(window_bytes, text.size() - from));
    for (std::string_view keyword : {"value", "Value", "default"}) {
        for (size_t at = window.find(keyword); at != std::string_view::npos; at = window.find(keyword, at + 1)) {
            const std::string_view sibling = literal_after_operator(text, from + at + keyword.size(), bare_allowed);
            if (!sibling.empty()) values.push_back(sibling);
        }
    }
    return values;
}

// Formats whose fields are credentials by position, named by the reader.
bool is_positional(const NamedValue& value) { return !value.description.empty(); }

bool is_option_separator(char c) { return c == ';' || c == ',' || c == ' ' || c == '\t' || c == '&' || c == '?'; }

// `host:6380,password=…,ssl=True` (StackExchange.Redis), `host=db user=app password=…` (libpq
// conninfo), `Server=…;Pwd=…`: a password option inside a value whose own name says nothing.
// The option's value, as a NamedValue of its own, or nullopt.
std::optional<NamedValue> embedded_password_option(const NamedValue& value) {
    const std::string& text = value.value;
    if (value.value_end - value.value_begin != text.size()) return std::nullopt;  // escapes: offsets would drift
    for (size_t at = 0; at < text.size(); ++at) {
        if (at > 0 && !is_option_separator(text[at - 1])) continue;
        size_t equals = at;
        while (equals < text.size() && std::isalpha(static_cast<unsigned char>(text[equals]))) ++equals;
        if (equals >= text.size() || text[equals] != '=' || equals == at) continue;
        std::string option;
        for (size_t i = at; i < equals; ++i) option += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        if (option != "password" && option != "pwd" && option != "passwd") continue;
        size_t begin = equals + 1, end = begin;
        if (begin < text.size() && text[begin] == '\'') {
            end = text.find('\'', begin + 1);
            if (end == std::string::npos) return std::nullopt;
            ++begin;
        } else {
            while (end < text.size() && !is_option_separator(text[end]) && text[end] != '"') ++end;
        }
        if (end == begin) return std::nullopt;
        return NamedValue{option, text.substr(begin, end - begin), value.value_begin + begin, value.value_begin + end,
                          {}, false};
    }
    return std::nullopt;
}

// `${DB_PASSWORD:-…}`, `${DB_PASSWORD-…}`, `${DB_PASSWORD:=…}` (shell, Compose, .env): the default a
// parameter expansion falls back to, named by the outer name when that is a credential and by the
// parameter otherwise. Nullopt when the value is not one such expansion with a default.
std::optional<NamedValue> expansion_default(const NamedValue& value) {
    const std::string& text = value.value;
    if (text.size() < 5 || !text.starts_with("${") || text.back() != '}') return std::nullopt;
    if (value.value_end - value.value_begin != text.size()) return std::nullopt;
    size_t name_end = 2;
    while (name_end < text.size() && (std::isalnum(static_cast<unsigned char>(text[name_end])) || text[name_end] == '_')) {
        ++name_end;
    }
    if (name_end == 2) return std::nullopt;
    size_t begin = name_end;
    if (begin < text.size() && text[begin] == ':') ++begin;
    if (begin >= text.size() || (text[begin] != '-' && text[begin] != '=')) return std::nullopt;
    ++begin;
    const size_t end = text.size() - 1;
    if (end <= begin || text.find_first_of("{}", begin) != end) return std::nullopt;
    std::string name = classify_credential_name(value.name).kind != CredentialKind::none ? value.name
                                                                                          : text.substr(2, name_end - 2);
    return NamedValue{std::move(name), text.substr(begin, end - begin), value.value_begin + begin,
                      value.value_begin + end, {}, false};
}

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
    return finding;
}

bool is_printable(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// A value the file stores base64-encoded, judged by what it decodes to: FileZilla's
// `<Pass encoding="base64">`, and the `user:password` of Docker's `auths.*.auth` and npm's
// `_auth`, whose password is judged (an empty one, `user:`, is no credential). Nullopt when the
// value is not encoded that way, and the plain judgement applies.
// For a login pair, `meaning` becomes the password's.
std::optional<ValueJudgement> judge_encoded_value(const NamedValue& value, NameMeaning& meaning,
                                                  const JudgementContext& context) {
    std::string folded;
    for (char c : value.name) {
        if (std::isalnum(static_cast<unsigned char>(c))) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const bool login_pair = folded == "auth" && value.value.size() >= 8;
    if (!value.base64 && !login_pair) return std::nullopt;
    const std::optional<std::string> decoded = decode_base64(value.value);
    if (!decoded || !is_printable(*decoded)) return std::nullopt;
    if (value.base64) {
        JudgementContext stored = context;
        stored.credential_store = true;
        ValueJudgement judgement = judge_credential_value(*decoded, value.name, meaning, stored);
        judgement.reason = "base64-encoded in the file; " + judgement.reason;
        return judgement;
    }
    const size_t colon = decoded->find(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    meaning = NameMeaning{CredentialKind::password, "password", false, {}};
    return judge_positional_value(decoded->substr(colon + 1), "password of a base64 user:password");
}

// Judges one extracted value and appends its finding, if it is a credential.
void judge_named_value(const SourceText& text, const NamedValue& value, FileFormat format, const JudgementContext& context,
                       std::vector<Finding>& out) {
    if (is_positional(value)) {
        const ValueJudgement judgement = judge_positional_value(value.value, value.description);
        if (judgement.credential) {
            const CredentialKind kind = format == FileFormat::key_file ? CredentialKind::secret : CredentialKind::password;
            out.push_back(make_finding(text, value, NameMeaning{kind, value.name, false, {}}, judgement, format));
        }
        return;
    }
    NameMeaning meaning = classify_credential_name(value.name);
    if (meaning.kind == CredentialKind::none) {
        const std::optional<NamedValue> option = embedded_password_option(value);
        if (!option) return;
        const NameMeaning option_meaning{CredentialKind::password, option->name, false, {}};
        const ValueJudgement judgement = judge_credential_value(option->value, option->name, option_meaning, context);
        if (judgement.credential) {
            NamedValue named = *option;
            named.name = value.name + " (" + option->name + "=)";
            out.push_back(make_finding(text, named, option_meaning, judgement, format));
        }
        return;
    }
    if (std::optional<ValueJudgement> judgement = judge_encoded_value(value, meaning, context)) {
        if (judgement->credential) {
            out.push_back(make_finding(text, value, meaning, *judgement, format));
            out.back().properties["decoded"] = "base64";
        }
        return;
    }
    const ValueJudgement judgement = judge_credential_value(value.value, value.name, meaning, context);
    if (judgement.credential) out.push_back(make_finding(text, value, meaning, judgement, format));
}

}  // namespace

const std::vector<std::string>& CredentialDetector::name_stems() {
    // The last four name login calls whose password is positional (login_password_position).
    static const std::vector<std::string> stems = {"pass", "pwd", "pw",    "secret", "token", "key",          "auth",
                                                   "cred", "salt", "bearer", "login", "logon", "getconnection", "pdo"};
    return stems;
}

const CredentialDetector& CredentialDetector::shared() {
    static const CredentialDetector detector;
    return detector;
}

CredentialDetector::CredentialDetector() {
    std::vector<std::vector<std::string>> groups;
    for (const std::string& stem : name_stems()) groups.push_back({stem});
    stems_ = std::make_unique<KeywordAutomaton>(groups);
}

JudgementContext CredentialDetector::judgement_context(std::string_view path, FileFormat format) {
    JudgementContext context;
    switch (format) {
        case FileFormat::python:
        case FileFormat::javascript:
        case FileFormat::typescript:
        case FileFormat::go:
        case FileFormat::java:
        case FileFormat::csharp:
        case FileFormat::ruby:
            context.dollar_names_are_references = false;
            break;
        default:
            break;
    }
    context.credential_store = is_credential_store(path);
    return context;
}

bool CredentialDetector::has_candidate(std::string_view text, const std::vector<std::vector<size_t>>& stem_hits,
                                       FileFormat format, const JudgementContext& context) const {
    std::vector<size_t> ends;
    for (const auto& group : stem_hits) ends.insert(ends.end(), group.begin(), group.end());
    std::sort(ends.begin(), ends.end());
    size_t checked_up_to = 0;
    for (size_t end : ends) {
        if (end <= checked_up_to) continue;
        const std::string_view identifier = identifier_around(text, end);
        checked_up_to = static_cast<size_t>(identifier.data() - text.data()) + identifier.size();
        const size_t begin = static_cast<size_t>(identifier.data() - text.data());
        // `…;user=app;password=…` inside a quoted value: the parse finds the option (embedded_password_option).
        if (checked_up_to < text.size() && text[checked_up_to] == '=' && begin > 0 && is_option_separator(text[begin - 1]) &&
            classify_credential_name(identifier).kind == CredentialKind::password) {
            return true;
        }
        const std::vector<std::string_view> values = values_after(text, begin, checked_up_to, format);
        if (values.empty()) continue;  // most hits: `Object.keys(o)`, `keyof T`, `tokens.push(t)`
        NameMeaning meaning = classify_credential_name(identifier);
        const bool called = checked_up_to < text.size() && text[checked_up_to] == '(';
        if (called && login_password_position(identifier) > 0) return true;  // the arguments decide, after the parse
        if (meaning.kind == CredentialKind::none && called && names_credential_builder(identifier)) {
            meaning = NameMeaning{CredentialKind::password, "password", false, {}};
        }
        if (meaning.kind == CredentialKind::none) {
            // `spring.datasource.password`, `a.b.secret`: the last dotted part is the name.
            const size_t dot = identifier.rfind('.');
            if (dot == std::string_view::npos) continue;
            meaning = classify_credential_name(identifier.substr(dot + 1));
            if (meaning.kind == CredentialKind::none) continue;
        }
        for (std::string_view value : values) {
            if (judge_credential_value(value, identifier, meaning, context).credential) return true;
        }
    }
    return false;
}

std::optional<std::string> CredentialDetector::scan(const SourceText& text, std::vector<Finding>& out) const {
    std::vector<std::vector<size_t>> stem_hits(name_stems().size());
    if (detect_file_format(text.path(), text.bytes()) != FileFormat::unknown) stems_->find_all(text.bytes(), stem_hits);
    return scan(text, stem_hits, out);
}

std::optional<std::string> CredentialDetector::scan(const SourceText& text,
                                                    const std::vector<std::vector<size_t>>& stem_hits,
                                                    std::vector<Finding>& out) const {
    const FileFormat format = detect_file_format(text.path(), text.bytes());
    if (format == FileFormat::unknown || format == FileFormat::lock_file) return std::nullopt;
    const std::string_view bytes = text.bytes();
    if (bytes.size() > max_structured_bytes) return std::nullopt;
    return scan_known_format(
        text, format,
        is_line_format(format) || is_credential_store(text.path()) ||
            has_candidate(bytes, stem_hits, format, judgement_context(text.path(), format)),
        out);
}

std::optional<std::string> CredentialDetector::scan_every_file(const SourceText& text, std::vector<Finding>& out) const {
    const FileFormat format = detect_file_format(text.path(), text.bytes());
    if (format == FileFormat::unknown || format == FileFormat::lock_file) return std::nullopt;
    if (text.bytes().size() > max_structured_bytes) return std::nullopt;
    return scan_known_format(text, format, true, out);
}

std::optional<std::string> CredentialDetector::scan_known_format(const SourceText& text, FileFormat format, bool parse,
                                                                std::vector<Finding>& out) const {
    std::vector<NamedValue> values;
    if (is_line_format(format)) {
        values = read_line_format(format, text.bytes());
    } else if (parse) {
        SyntaxExtraction extraction = extract_literal_assignments(format, text);
        if (!extraction.parsed) {
            return std::string("generic credentials not checked: the ") + format_name(format) +
                   " parse ran out of its time budget (the provider-token rules still ran)";
        }
        values = std::move(extraction.values);
    }
    std::sort(values.begin(), values.end(),
              [](const NamedValue& a, const NamedValue& b) { return a.value_begin < b.value_begin; });
    const JudgementContext context = judgement_context(text.path(), format);
    size_t reported_begin = static_cast<size_t>(-1);
    for (const NamedValue& found : values) {
        if (found.value_begin == reported_begin) continue;  // one literal reached through two shapes
        const size_t findings_before = out.size();
        const std::optional<NamedValue> fallback = expansion_default(found);
        const NamedValue& value = fallback ? *fallback : found;
        judge_named_value(text, value, format, context, out);
        if (out.size() != findings_before) reported_begin = found.value_begin;
    }
    return std::nullopt;
}

}  // namespace keylint
