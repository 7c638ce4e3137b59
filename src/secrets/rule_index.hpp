// The built-in pack as keylint reads it at start-up: its rules (without examples) and the scanner
// tables built from them (scanner_tables.hpp), written by src/tools/write_rule_index.cpp when
// keylint is compiled and embedded in the binary. Reading it costs a fraction of parsing the TOML
// and building the automaton, and does not grow with the pack's text. The TOML stays the source:
// the tests check that the index holds exactly what loading the TOML gives.
// Tested in tests/unit/rule_index_test.cpp; fuzzed by fuzz/fuzz_rule_index.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "secrets/rule.hpp"
#include "secrets/scanner_tables.hpp"

namespace keylint {

// The index compiled into the binary; empty in the program that writes it.
extern const std::string_view embedded_rule_index;

std::string write_rule_index(const RuleSet& rules, const ScannerTables& tables);

// The rules, with their prebuilt tables attached (RuleSet::prebuilt_tables). Throws FormatError on
// bytes that are not an index of this version.
RuleSet read_rule_index(std::string_view bytes);

}  // namespace keylint
