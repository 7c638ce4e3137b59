// GitHub code scanning's `primaryLocationLineHash`: for every line, a rolling hash over the next
// 100 non-whitespace UTF-16 code units starting at that line, suffixed with ":N" where N counts
// earlier lines with the same hash. Same algorithm as github/codeql-action's fingerprints, so
// GitHub keeps alerts matched across edits instead of warning about a foreign value. Published
// test vectors are in tests/unit/line_hash_test.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keylint {

// Element i is the hash of line i + 1. The text is UTF-8; invalid bytes decode to U+FFFD.
std::vector<std::string> primary_location_line_hashes(std::string_view utf8_text);

}  // namespace keylint
