// The secret-matching pipeline for one text; see secret_scanner.hpp. Tested in
// tests/unit/secret_scanner_test.cpp.
#include "secrets/secret_scanner.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/snippet.hpp"
#include "secrets/entropy.hpp"

namespace keylint {
namespace {

// Windows for rules that run near their keywords: from window_context_lines lines above the
// keyword's line to as many below, at most window_byte_reach bytes on either side of the keyword
// (minified one-line files), and multiline_reach bytes further for patterns that span lines (PEM
// armour, \n, [\s\S], (?s)). Every built-in pattern is bounded well within these.
constexpr size_t window_context_lines = 2;
constexpr size_t window_byte_reach = 4096;
constexpr size_t multiline_reach = 16384;

struct Window {
    size_t begin = 0, end = 0;
};

// Start of the line `lines` lines above the one holding `position`, but not before `floor`.
size_t start_of_line_before(std::string_view text, size_t position, size_t lines, size_t floor) {
    size_t start = position;
    for (size_t i = 0; i <= lines; ++i) {
        if (start <= floor) return floor;
        const void* newline = memrchr(text.data() + floor, '\n', start - floor);
        if (newline == nullptr) return floor;
        const size_t at = static_cast<size_t>(static_cast<const char*>(newline) - text.data());
        start = i == lines ? at + 1 : at;
    }
    return start;
}

// End of the line `lines` lines below the one holding `position` (its '\n'), but not after `ceiling`.
size_t end_of_line_after(std::string_view text, size_t position, size_t lines, size_t ceiling) {
    size_t end = position;
    for (size_t i = 0; i <= lines; ++i) {
        if (end >= ceiling) return ceiling;
        const void* newline = std::memchr(text.data() + end, '\n', ceiling - end);
        if (newline == nullptr) return ceiling;
        const size_t at = static_cast<size_t>(static_cast<const char*>(newline) - text.data());
        end = i == lines ? at : at + 1;
    }
    return end;
}

// Merged windows around keyword occurrences ending at `hit_ends` (ascending). The line searches are
// bounded by the byte reach, so a long minified line costs no more than a short one.
std::vector<Window> windows_around(std::string_view text, const std::vector<size_t>& hit_ends, bool spans_many_lines) {
    std::vector<Window> windows;
    for (size_t hit_end : hit_ends) {
        const size_t inside = hit_end - 1;  // the keyword's last byte
        if (!windows.empty() && hit_end <= windows.back().end) continue;
        const size_t floor = hit_end > window_byte_reach ? hit_end - window_byte_reach : 0;
        const size_t ceiling = std::min(text.size(), hit_end + window_byte_reach);
        Window window{start_of_line_before(text, inside, window_context_lines, floor),
                      end_of_line_after(text, inside, window_context_lines, ceiling)};
        if (spans_many_lines) {
            const size_t far = std::min(text.size(), window.end + multiline_reach);
            window.end = end_of_line_after(text, far, 0, std::min(text.size(), far + window_byte_reach));
        }
        if (!windows.empty() && window.begin <= windows.back().end) windows.back().end = std::max(windows.back().end, window.end);
        else windows.push_back(window);
    }
    return windows;
}

bool contains_ignoring_case(std::string_view haystack, std::string_view lower_needle) {
    auto it = std::search(haystack.begin(), haystack.end(), lower_needle.begin(), lower_needle.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != haystack.end();
}

// gitleaks' entropy semantics, so its rule files give the same findings here: the secret's entropy
// must exceed the threshold, and a rule whose id starts with "generic" that sets a threshold also
// needs a digit in the secret (gitleaks' stand-in for "letters and digits").
bool passes_entropy(const SecretRule& rule, std::string_view secret) {
    if (!rule.min_entropy) return true;
    if (shannon_entropy(secret) <= *rule.min_entropy) return false;
    if (rule.id.starts_with("generic")) {
        return std::any_of(secret.begin(), secret.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
    }
    return true;
}

bool any_regex_matches(const std::vector<LazyRegex>& regexes, std::string_view text) {
    return std::any_of(regexes.begin(), regexes.end(), [&](const LazyRegex& re) { return re2::RE2::PartialMatch(text, re.get()); });
}

// gitleaks' allowlist semantics: OR — any listed criterion allows the match; AND — every listed
// criterion must hold. Commits are not known when scanning files, so they never hold here.
bool allowlist_allows(const Allowlist& allowlist, std::string_view path, std::string_view secret,
                      std::string_view match, std::string_view line) {
    std::vector<bool> results;
    if (!allowlist.commits.empty()) results.push_back(false);
    if (!allowlist.paths.empty()) results.push_back(any_regex_matches(allowlist.paths, path));
    if (!allowlist.regexes.empty()) {
        std::string_view target = secret;
        if (allowlist.regex_target == Allowlist::Target::match) target = match;
        if (allowlist.regex_target == Allowlist::Target::line) target = line;
        results.push_back(any_regex_matches(allowlist.regexes, target));
    }
    if (!allowlist.stopwords.empty()) {
        results.push_back(std::any_of(allowlist.stopwords.begin(), allowlist.stopwords.end(),
                                      [&](const std::string& word) { return contains_ignoring_case(secret, word); }));
    }
    if (allowlist.condition == Allowlist::Condition::all) {
        return !results.empty() && std::all_of(results.begin(), results.end(), [](bool b) { return b; });
    }
    return std::any_of(results.begin(), results.end(), [](bool b) { return b; });
}

}  // namespace

SecretScanner::SecretScanner(RuleSet rules, const std::vector<std::string>& extra_keywords) : rules_(std::move(rules)) {
    if (rules_.prebuilt_tables && prebuilt_tables_fit(*rules_.prebuilt_tables, rules_, extra_keywords)) {
        tables_ = *rules_.prebuilt_tables;
    } else {
        tables_ = build_scanner_tables(rules_, extra_keywords);
    }
}

std::vector<bool> SecretScanner::candidate_rules(std::string_view text) const {
    std::vector<bool> group_found(tables_.rule_group_count + tables_.extra_keywords.size(), false);
    tables_.keywords->find(text, group_found);
    std::vector<bool> candidates(rules_.rules.size(), false);
    for (size_t i = 0; i < rules_.rules.size(); ++i) {
        const size_t group = tables_.keyword_group_of_rule[i];
        candidates[i] = group == ScannerTables::no_group || group_found[group];
    }
    return candidates;
}

bool SecretScanner::allowed(const SecretRule& rule, std::string_view path, std::string_view text,
                            const SecretMatch& match) const {
    const std::string_view secret = text.substr(match.secret_begin, match.secret_end - match.secret_begin);
    const std::string_view whole = text.substr(match.match_begin, match.match_end - match.match_begin);
    const std::string_view line = line_around(text, match.match_begin, match.match_end);
    for (const auto& allowlist : rule.allowlists) {
        if (allowlist_allows(allowlist, path, secret, whole, line)) return true;
    }
    return globally_allowed(rule.id, path, secret, line, whole);
}

bool SecretScanner::globally_allowed(std::string_view rule_id, std::string_view path, std::string_view secret,
                                     std::string_view line) const {
    return globally_allowed(rule_id, path, secret, line, secret);
}

bool SecretScanner::globally_allowed(std::string_view rule_id, std::string_view path, std::string_view secret,
                                     std::string_view line, std::string_view match) const {
    for (const auto& allowlist : rules_.global_allowlists) {
        const auto& targets = allowlist.target_rules;
        if (!targets.empty() && std::find(targets.begin(), targets.end(), rule_id) == targets.end()) continue;
        if (allowlist_allows(allowlist, path, secret, match, line)) return true;
    }
    return false;
}

std::vector<SecretMatch> SecretScanner::matches_of_rule(size_t rule_index, std::string_view text,
                                                         std::string_view path) const {
    std::vector<SecretMatch> matches;
    match_range(rule_index, text, path, 0, text.size(), matches);
    return matches;
}

void SecretScanner::match_range(size_t rule_index, std::string_view text, std::string_view path, size_t begin,
                                size_t end, std::vector<SecretMatch>& out) const {
    const SecretRule& rule = rules_.rules.at(rule_index);
    if (rule.path && !re2::RE2::PartialMatch(path, rule.path->get())) return;
    if (!rule.regex) {  // a path-only rule reports the file itself
        out.push_back(SecretMatch{rule_index, 0, 0, 0, 0});
        return;
    }
    const re2::RE2& regex = rule.regex->get();
    const int group_count = regex.NumberOfCapturingGroups();
    // Only a broken built-in rule can fail here (user rules are checked at load); the tests catch it.
    if (!regex.ok() || rule.secret_group > group_count) return;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(group_count) + 1);
    size_t position = begin;
    while (position <= end &&
           regex.Match(text, position, end, re2::RE2::UNANCHORED, groups.data(), group_count + 1)) {
        position = accept_match(rule_index, text, path, groups, out);
    }
}

// Matches that begin where one of the rule's anchoring keywords begins (tables_.anchor_lengths): anchored
// attempts at each place a keyword occurrence may begin, in order, skipping those inside the previous
// match, which finds what an unanchored search of the whole text finds (every match starts with
// one of the keywords).
void SecretScanner::match_at_keywords(size_t rule_index, std::string_view text, std::string_view path,
                                      const std::vector<size_t>& hit_ends, std::vector<SecretMatch>& out) const {
    const SecretRule& rule = rules_.rules[rule_index];
    const re2::RE2& regex = rule.regex->get();
    const int group_count = regex.NumberOfCapturingGroups();
    if (!regex.ok() || rule.secret_group > group_count) return;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(group_count) + 1);
    const std::vector<size_t>& lengths = tables_.anchor_lengths[rule_index];
    std::vector<size_t> starts;
    starts.reserve(hit_ends.size() * lengths.size());
    for (size_t hit_end : hit_ends) {
        for (size_t length : lengths) {
            if (length <= hit_end) starts.push_back(hit_end - length);
        }
    }
    if (lengths.size() > 1) {
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    }
    // Cheap tests before the regex: most occurrences of a common keyword fail on its case (`EAA`)
    // or on the word boundary before it (`token` inside `accessToken`).
    const std::string& literal = tables_.anchor_literal[rule_index];
    const bool boundary = tables_.anchor_boundary[rule_index];
    const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    size_t covered = 0;
    for (size_t start : starts) {
        if (start < covered) continue;
        if (!literal.empty() && text.compare(start, literal.size(), literal) != 0) continue;
        if (boundary && start < text.size() && (start > 0 && is_word(text[start - 1])) == is_word(text[start])) continue;
        if (regex.Match(text, start, text.size(), re2::RE2::ANCHOR_START, groups.data(), group_count + 1)) {
            covered = accept_match(rule_index, text, path, groups, out);
        }
    }
}

// Turns one regex match into a SecretMatch (secret group, entropy, allowlists) and appends it when it
// passes; returns where the next search starts.
size_t SecretScanner::accept_match(size_t rule_index, std::string_view text, std::string_view path,
                                   const std::vector<re2::StringPiece>& groups, std::vector<SecretMatch>& out) const {
    const SecretRule& rule = rules_.rules[rule_index];
    const re2::StringPiece whole = groups[0];
    re2::StringPiece secret = whole;
    if (rule.secret_group > 0) {
        secret = groups[static_cast<size_t>(rule.secret_group)];
    } else {
        for (size_t g = 1; g < groups.size(); ++g) {
            if (!groups[g].empty()) {
                secret = groups[g];
                break;
            }
        }
    }
    const size_t match_begin = static_cast<size_t>(whole.data() - text.data());
    const size_t match_end = match_begin + whole.size();
    const size_t next = whole.empty() ? match_end + 1 : match_end;
    if (secret.data() == nullptr || secret.empty()) return next;
    SecretMatch match{rule_index, match_begin, match_end, static_cast<size_t>(secret.data() - text.data()), 0};
    match.secret_end = match.secret_begin + secret.size();
    if (!passes_entropy(rule, std::string_view(secret.data(), secret.size()))) return next;
    if (allowed(rule, path, text, match)) return next;
    out.push_back(match);
    return next;
}

Finding SecretScanner::make_finding(const SourceText& text, const SecretMatch& match) const {
    const SecretRule& rule = rules_.rules[match.rule_index];
    Finding finding;
    finding.rule_id = rule.id;
    finding.level = rule.level;
    finding.message = (rule.description.empty() ? rule.id : rule.description) + " found in the file.";
    finding.path = text.path();
    finding.span = reported_span(text, match);
    finding.snippet = snippet_around(text.bytes(), match.secret_begin, match.secret_end);
    finding.secret = std::string(text.bytes().substr(match.secret_begin, match.secret_end - match.secret_begin));
    if (const std::optional<bool> valid = token_checksum_holds(rule.checksum, finding.secret)) {
        finding.properties["checksum"] = *valid ? "valid" : "failed";
        if (!*valid && finding.level == Level::error) finding.level = Level::warning;
    }
    return finding;
}

Span SecretScanner::reported_span(const SourceText& text, const SecretMatch& match) {
    Position start = text.position_at(match.secret_begin);
    const Position match_start = text.position_at(match.match_begin);
    if (match_start.line < start.line) start = match_start;
    const Position end = text.position_at(match.secret_end);
    return Span{start.line, start.column, end.line, end.column};
}

void SecretScanner::scan(const SourceText& text, std::vector<Finding>& out,
                         std::vector<std::vector<size_t>>* extra_hits) const {
    const std::string_view bytes = text.bytes();
    std::vector<std::vector<size_t>> hit_ends(tables_.rule_group_count + tables_.extra_keywords.size());
    tables_.keywords->find_all(bytes, hit_ends);
    if (extra_hits != nullptr) {
        extra_hits->assign(std::make_move_iterator(hit_ends.begin() + static_cast<std::ptrdiff_t>(tables_.rule_group_count)),
                           std::make_move_iterator(hit_ends.end()));
    }
    std::vector<SecretMatch> matches;
    for (size_t i = 0; i < rules_.rules.size(); ++i) {
        const size_t group = tables_.keyword_group_of_rule[i];
        if (group != ScannerTables::no_group && hit_ends[group].empty()) continue;
        if (group == ScannerTables::no_group || !rules_.rules[i].match_near_keywords) {
            match_range(i, bytes, text.path(), 0, bytes.size(), matches);
            continue;
        }
        if (!tables_.anchor_lengths[i].empty()) {
            match_at_keywords(i, bytes, text.path(), hit_ends[group], matches);
            continue;
        }
        for (const Window& window : windows_around(bytes, hit_ends[group], tables_.spans_many_lines[i])) {
            match_range(i, bytes, text.path(), window.begin, window.end, matches);
        }
    }
    if (matches.empty()) return;
    const std::vector<std::string> also_matched = merge_same_secret(bytes, matches);
    for (size_t i = 0; i < matches.size(); ++i) {
        out.push_back(make_finding(text, matches[i]));
        if (!also_matched[i].empty()) out.back().properties["also_matched"] = also_matched[i];
    }
}

// One finding per secret: when built-in rules match the same bytes (Stripe's and Paystack's
// `sk_live_…`), the most specific one reports it, and the others are named in its
// `also_matched` property. More specific: the higher declared `precedence`, then the longer
// literal prefix inside the secret itself (a keyword of the rule that the token contains: `tvly-`
// beats an `Authorization: Bearer` rule),
// then the longer keyword anywhere (a provider name: `scraperapi` beats `api_key=`), then the
// match that needed more context, then the earlier rule. Rules from user files keep gitleaks' one
// finding per rule.
std::vector<std::string> SecretScanner::merge_same_secret(std::string_view text, std::vector<SecretMatch>& matches) const {
    std::vector<size_t> order(matches.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<size_t> prefix_inside(matches.size(), 0);
    for (size_t i = 0; matches.size() > 1 && i < matches.size(); ++i) {
        std::string secret(text.substr(matches[i].secret_begin, matches[i].secret_end - matches[i].secret_begin));
        for (char& c : secret) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const std::string& keyword : rules_.rules[matches[i].rule_index].keywords) {
            if (secret.find(keyword) != std::string::npos) prefix_inside[i] = std::max(prefix_inside[i], keyword.size());
        }
    }
    auto same_secret = [&](size_t a, size_t b) {
        return matches[a].secret_begin == matches[b].secret_begin && matches[a].secret_end == matches[b].secret_end;
    };
    auto more_specific = [&](size_t a, size_t b) {
        const int precedence_a = rules_.rules[matches[a].rule_index].precedence;
        const int precedence_b = rules_.rules[matches[b].rule_index].precedence;
        if (precedence_a != precedence_b) return precedence_a > precedence_b;
        if (prefix_inside[a] != prefix_inside[b]) return prefix_inside[a] > prefix_inside[b];
        if (tables_.longest_keyword[matches[a].rule_index] != tables_.longest_keyword[matches[b].rule_index]) {
            return tables_.longest_keyword[matches[a].rule_index] > tables_.longest_keyword[matches[b].rule_index];
        }
        const size_t context_a = matches[a].match_end - matches[a].match_begin;
        const size_t context_b = matches[b].match_end - matches[b].match_begin;
        if (context_a != context_b) return context_a > context_b;
        return matches[a].rule_index < matches[b].rule_index;
    };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (matches[a].secret_begin != matches[b].secret_begin) return matches[a].secret_begin < matches[b].secret_begin;
        if (matches[a].secret_end != matches[b].secret_end) return matches[a].secret_end < matches[b].secret_end;
        return more_specific(a, b);
    });
    std::vector<bool> keep(matches.size(), true);
    std::vector<std::string> also(matches.size());
    for (size_t i = 0; i < order.size();) {
        size_t j = i + 1;
        const size_t best = order[i];
        while (j < order.size() && same_secret(order[i], order[j])) {
            const size_t other = order[j];
            const SecretRule& kept_rule = rules_.rules[matches[best].rule_index];
            const SecretRule& other_rule = rules_.rules[matches[other].rule_index];
            if (kept_rule.match_near_keywords && other_rule.match_near_keywords && kept_rule.id != other_rule.id) {
                keep[other] = false;
                also[best] += (also[best].empty() ? "" : ",") + other_rule.id;
            }
            ++j;
        }
        i = j;
    }
    size_t kept = 0;
    std::vector<std::string> kept_also;
    for (size_t i = 0; i < matches.size(); ++i) {
        if (!keep[i]) continue;
        matches[kept++] = matches[i];
        kept_also.push_back(std::move(also[i]));
    }
    matches.resize(kept);
    return kept_also;
}

}  // namespace keylint
