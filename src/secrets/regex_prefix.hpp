// The literal text that every match of a regex begins with, read off the pattern: `\b(ghp_[A-Za-z0-9]{36})`
// begins with `ghp_`, `(?i)(?:cohere)[\w.-]{0,25}?key…` with `cohere`, `(?i)\bhttps?://…` with `http`.
// The scanner uses it to try a rule only where its keyword starts a possible match (anchored), instead
// of searching a window of lines around every keyword occurrence.
// Tested in tests/unit/regex_prefix_test.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace keylint {

// How a pattern begins: the literal every match begins with, as written; whether it is matched
// case-sensitively (no `(?i)` applies to it); whether a `\b` stands before it. An empty literal
// when the pattern does not begin with one (see regex_literal_prefix).
struct RegexStart {
    std::string literal;
    bool case_sensitive = true;
    bool boundary_before = false;
};
RegexStart regex_start(std::string_view pattern);

// The prefix, lower-cased (the keyword prefilter ignores case; the regex still decides); empty when the
// pattern does not start with a literal every match shares (an alternation, a class, an optional
// character, flags other than `i`). Only `(?i)`, `\b`, capturing groups, `(?:` and `(?i:` groups that
// hold no alternation, and literal characters (escaped punctuation included) are read.
std::string regex_literal_prefix(std::string_view pattern);

// The literals a match may begin with, one per alternative where the pattern starts with an
// alternation (`a|b`, `(?i)(?:azure[_.-]?devops|\bado|vsts)…`): every match begins with one of them.
// Empty when some alternative has no literal prefix; the one prefix when there is no alternation.
std::vector<std::string> regex_literal_prefixes(std::string_view pattern);

}  // namespace keylint
