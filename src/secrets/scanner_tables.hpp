// What a SecretScanner derives from its rules before it scans anything: the keyword automaton and,
// per rule, where and how its regex is run. Built from a RuleSet at start-up, or, for the built-in
// pack, built when keylint is compiled and read back from the binary (rule_index.hpp), so start-up
// does not grow with the pack.
// Tested in tests/unit/rule_index_test.cpp and tests/unit/secret_scanner_test.cpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/byte_stream.hpp"
#include "secrets/keyword_automaton.hpp"
#include "secrets/rule.hpp"

namespace keylint {

struct ScannerTables {
    static constexpr size_t no_group = static_cast<size_t>(-1);

    // Keywords of another detector that ride along in the automaton (SecretScanner's constructor);
    // their groups follow the rules' groups.
    std::vector<std::string> extra_keywords;
    std::vector<std::string> rule_ids;  // the rules the tables were built for, in order
    std::shared_ptr<const KeywordAutomaton> keywords;
    std::vector<size_t> keyword_group_of_rule;  // rule index → automaton group, or no_group
    std::vector<size_t> rules_without_keywords;
    size_t rule_group_count = 0;  // automaton groups of the rules
    std::vector<bool> spans_many_lines;  // rule index → its matches may run past the window's lines
    std::vector<size_t> longest_keyword;  // rule index → length of its longest keyword
    // rule index → lengths of the keywords one of which every match begins with (its only keywords
    // in the prefilter), empty for rules searched in windows around their keywords
    std::vector<std::vector<size_t>> anchor_lengths;
    // For a rule with one anchoring keyword: the case-sensitive literal every match begins with ("" if
    // it is matched ignoring case), and whether a `\b` must stand before it.
    std::vector<std::string> anchor_literal;
    std::vector<bool> anchor_boundary;

    bool operator==(const ScannerTables& other) const;
};

ScannerTables build_scanner_tables(const RuleSet& rules, const std::vector<std::string>& extra_keywords);

// Whether tables built for one rule set serve `rules` with `extra_keywords`: the same rule ids in the
// same order and the same extra keywords. Only the built-in pack carries prebuilt tables.
bool prebuilt_tables_fit(const ScannerTables& tables, const RuleSet& rules, const std::vector<std::string>& extra_keywords);

void write_scanner_tables(ByteWriter& out, const ScannerTables& tables);
// Throws FormatError when the bytes are not tables for `rule_count` rules.
ScannerTables read_scanner_tables(ByteReader& in, size_t rule_count);

}  // namespace keylint
