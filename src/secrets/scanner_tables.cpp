// See scanner_tables.hpp.
#include "secrets/scanner_tables.hpp"

#include <algorithm>
#include <cctype>

#include "secrets/regex_prefix.hpp"

namespace keylint {
namespace {

bool pattern_spans_lines(const std::string& pattern) {
    return pattern.find("\\n") != std::string::npos || pattern.find("\\r") != std::string::npos ||
           pattern.find("(?s") != std::string::npos || pattern.find("BEGIN") != std::string::npos ||
           pattern.find("\\s\\S") != std::string::npos || pattern.find("\\S\\s") != std::string::npos;
}

// For a rule that runs near its keywords, keywords that every match begins with one of: for each
// literal the regex may begin with (`ghp_` of `\b(ghp_…)`; `azure`, `ado`, `vsts` of
// `(?i)(?:azure[_.-]?devops|\bado|vsts)…`), the longest keyword that is a prefix of it. Empty when
// some literal has no such keyword or the pattern begins with none.
std::vector<std::string> anchoring_keywords(const SecretRule& rule) {
    if (!rule.match_near_keywords || !rule.regex) return {};
    std::vector<std::string> anchors;
    for (const std::string& prefix : regex_literal_prefixes(rule.regex->pattern())) {
        std::string best;
        for (const std::string& keyword : rule.keywords) {
            std::string folded = keyword;
            for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (!folded.empty() && prefix.starts_with(folded) && folded.size() > best.size()) best = folded;
        }
        if (best.empty()) return {};
        if (std::find(anchors.begin(), anchors.end(), best) == anchors.end()) anchors.push_back(best);
    }
    return anchors;
}

void write_sizes(ByteWriter& out, const std::vector<size_t>& values) {
    out.u32(static_cast<uint32_t>(values.size()));
    for (size_t value : values) out.u64(value);
}

std::vector<size_t> read_sizes(ByteReader& in) {
    std::vector<size_t> values(in.count(8));
    for (size_t& value : values) value = static_cast<size_t>(in.u64());
    return values;
}

void write_flags(ByteWriter& out, const std::vector<bool>& flags) {
    out.u32(static_cast<uint32_t>(flags.size()));
    for (bool flag : flags) out.boolean(flag);
}

std::vector<bool> read_flags(ByteReader& in) {
    std::vector<bool> flags(in.count(1));
    for (size_t i = 0; i < flags.size(); ++i) flags[i] = in.boolean();
    return flags;
}

void expect_size(size_t actual, size_t expected, const char* what) {
    if (actual != expected) {
        throw FormatError(std::string(what) + " has " + std::to_string(actual) + " entries, not " + std::to_string(expected));
    }
}

}  // namespace

bool ScannerTables::operator==(const ScannerTables& other) const {
    const bool same_automaton = (keywords == nullptr) == (other.keywords == nullptr) &&
                                (keywords == nullptr || *keywords == *other.keywords);
    return same_automaton && extra_keywords == other.extra_keywords && rule_ids == other.rule_ids &&
           keyword_group_of_rule == other.keyword_group_of_rule && rules_without_keywords == other.rules_without_keywords &&
           rule_group_count == other.rule_group_count && spans_many_lines == other.spans_many_lines &&
           longest_keyword == other.longest_keyword && anchor_lengths == other.anchor_lengths &&
           anchor_literal == other.anchor_literal && anchor_boundary == other.anchor_boundary;
}

ScannerTables build_scanner_tables(const RuleSet& rules, const std::vector<std::string>& extra_keywords) {
    ScannerTables tables;
    const size_t count = rules.rules.size();
    tables.extra_keywords = extra_keywords;
    tables.keyword_group_of_rule.assign(count, ScannerTables::no_group);
    tables.spans_many_lines.assign(count, false);
    tables.longest_keyword.assign(count, 0);
    tables.anchor_lengths.assign(count, {});
    tables.anchor_literal.assign(count, {});
    tables.anchor_boundary.assign(count, false);
    std::vector<std::vector<std::string>> groups;
    for (size_t i = 0; i < count; ++i) {
        const SecretRule& rule = rules.rules[i];
        tables.rule_ids.push_back(rule.id);
        if (rule.regex) tables.spans_many_lines[i] = pattern_spans_lines(rule.regex->pattern());
        for (const std::string& keyword : rule.keywords) tables.longest_keyword[i] = std::max(tables.longest_keyword[i], keyword.size());
        if (rule.keywords.empty()) {
            tables.rules_without_keywords.push_back(i);
            continue;
        }
        tables.keyword_group_of_rule[i] = groups.size();
        if (std::vector<std::string> anchors = anchoring_keywords(rule); !anchors.empty()) {
            std::vector<size_t>& lengths = tables.anchor_lengths[i];
            for (const std::string& anchor : anchors) {
                if (std::find(lengths.begin(), lengths.end(), anchor.size()) == lengths.end()) lengths.push_back(anchor.size());
            }
            if (anchors.size() == 1) {
                const RegexStart start = regex_start(rule.regex->pattern());
                if (start.case_sensitive) tables.anchor_literal[i] = start.literal;
                tables.anchor_boundary[i] = start.boundary_before;
            }
            groups.push_back(std::move(anchors));
        } else {
            groups.push_back(rule.keywords);
        }
    }
    tables.rule_group_count = groups.size();
    for (const std::string& keyword : extra_keywords) groups.push_back({keyword});
    tables.keywords = std::make_shared<const KeywordAutomaton>(groups);
    return tables;
}

bool prebuilt_tables_fit(const ScannerTables& tables, const RuleSet& rules, const std::vector<std::string>& extra_keywords) {
    if (tables.extra_keywords != extra_keywords || tables.rule_ids.size() != rules.rules.size()) return false;
    for (size_t i = 0; i < rules.rules.size(); ++i) {
        if (tables.rule_ids[i] != rules.rules[i].id) return false;
    }
    return true;
}

void write_scanner_tables(ByteWriter& out, const ScannerTables& tables) {
    out.strings(tables.extra_keywords);
    out.strings(tables.rule_ids);
    write_sizes(out, tables.keyword_group_of_rule);
    write_sizes(out, tables.rules_without_keywords);
    out.u64(tables.rule_group_count);
    write_flags(out, tables.spans_many_lines);
    write_sizes(out, tables.longest_keyword);
    out.u32(static_cast<uint32_t>(tables.anchor_lengths.size()));
    for (const std::vector<size_t>& lengths : tables.anchor_lengths) write_sizes(out, lengths);
    out.strings(tables.anchor_literal);
    write_flags(out, tables.anchor_boundary);
    tables.keywords->write_to(out);
}

ScannerTables read_scanner_tables(ByteReader& in, size_t rule_count) {
    ScannerTables tables;
    tables.extra_keywords = in.strings();
    tables.rule_ids = in.strings();
    tables.keyword_group_of_rule = read_sizes(in);
    tables.rules_without_keywords = read_sizes(in);
    tables.rule_group_count = static_cast<size_t>(in.u64());
    tables.spans_many_lines = read_flags(in);
    tables.longest_keyword = read_sizes(in);
    tables.anchor_lengths.resize(in.count(4));
    for (std::vector<size_t>& lengths : tables.anchor_lengths) lengths = read_sizes(in);
    tables.anchor_literal = in.strings();
    tables.anchor_boundary = read_flags(in);
    tables.keywords = std::make_shared<const KeywordAutomaton>(KeywordAutomaton::read_from(in));

    expect_size(tables.rule_ids.size(), rule_count, "the rule id list");
    expect_size(tables.keyword_group_of_rule.size(), rule_count, "the keyword group list");
    expect_size(tables.spans_many_lines.size(), rule_count, "the multi-line list");
    expect_size(tables.longest_keyword.size(), rule_count, "the keyword length list");
    expect_size(tables.anchor_lengths.size(), rule_count, "the anchor length list");
    expect_size(tables.anchor_literal.size(), rule_count, "the anchor literal list");
    expect_size(tables.anchor_boundary.size(), rule_count, "the anchor boundary list");
    expect_size(tables.keywords->group_count(), tables.rule_group_count + tables.extra_keywords.size(), "the automaton's groups");
    for (size_t group : tables.keyword_group_of_rule) {
        if (group != ScannerTables::no_group && group >= tables.rule_group_count) throw FormatError("a keyword group out of range");
    }
    for (size_t rule : tables.rules_without_keywords) {
        if (rule >= rule_count) throw FormatError("a rule index out of range");
    }
    return tables;
}

}  // namespace keylint
