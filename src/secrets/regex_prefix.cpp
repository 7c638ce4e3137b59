// See regex_prefix.hpp.
#include "secrets/regex_prefix.hpp"

#include <cctype>
#include <vector>

namespace keylint {
namespace {

bool is_plain_literal(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_-/:=@%#,;<>!&~'\" ").find(c) != std::string_view::npos;
}

bool is_quantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// The index of the `)` that closes the group whose body starts at `body`, and whether the group holds
// a `|` of its own (not one of a nested group). npos when it never closes (`body` 0 and no
// enclosing group: the whole pattern, which "closes" at its end).
struct GroupEnd {
    size_t close = std::string_view::npos;
    bool alternation = false;
};

GroupEnd group_end(std::string_view pattern, size_t body) {
    GroupEnd end;
    int depth = 0;
    bool in_class = false;
    for (size_t i = body; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            ++i;
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = true;
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // `[]…]`
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (depth == 0) {
                end.close = i;
                return end;
            }
            --depth;
        } else if (c == '|' && depth == 0) {
            end.alternation = true;
        }
    }
    return end;
}

}  // namespace

RegexStart regex_start(std::string_view pattern) {
    RegexStart start;
    size_t i = 0;
    if (pattern.starts_with("(?i)")) {
        start.case_sensitive = false;
        i = 4;
    }
    if (group_end(pattern, i).alternation) return {};  // `a|b` may start with either
    int open_groups = 0;
    std::string& literal = start.literal;
    while (i < pattern.size()) {
        const char c = pattern[i];
        if (pattern.substr(i, 2) == "\\b") {
            if (!literal.empty()) break;
            start.boundary_before = true;
            i += 2;
        } else if (c == '(') {
            size_t body = i + 1;
            bool folds = false;
            if (pattern.substr(i, 3) == "(?:") {
                body = i + 3;
            } else if (pattern.substr(i, 4) == "(?i:") {
                body = i + 4;
                folds = true;
            } else if (pattern.substr(i, 2) == "(?") {
                break;  // other flags, named groups
            }
            const GroupEnd end = group_end(pattern, body);
            if (end.close == std::string_view::npos || end.alternation) break;
            if (end.close + 1 < pattern.size() && is_quantifier(pattern[end.close + 1])) break;  // `(?:x)?`
            if (folds) start.case_sensitive = false;
            ++open_groups;
            i = body;
        } else if (c == ')') {
            if (open_groups-- == 0) break;
            ++i;  // the group's quantifier was checked when it opened
        } else {
            char character = c;
            size_t width = 1;
            if (c == '\\') {
                if (i + 1 >= pattern.size() || !std::ispunct(static_cast<unsigned char>(pattern[i + 1]))) break;
                character = pattern[i + 1];
                width = 2;
            } else if (!is_plain_literal(c)) {
                break;
            }
            if (i + width < pattern.size() && is_quantifier(pattern[i + width])) break;  // `s?`, `a{2}`
            literal += character;
            i += width;
        }
    }
    if (literal.empty()) return {};
    return start;
}

std::string regex_literal_prefix(std::string_view pattern) {
    std::string prefix = regex_start(pattern).literal;
    for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return prefix;
}

namespace {

// The pieces of `body` between its own `|` (not those of nested groups or classes).
std::vector<std::string_view> alternatives(std::string_view body) {
    std::vector<std::string_view> pieces;
    int depth = 0;
    bool in_class = false;
    size_t from = 0;
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c == '\\') ++i;
        else if (in_class) in_class = c != ']';
        else if (c == '[') in_class = true;
        else if (c == '(') ++depth;
        else if (c == ')') --depth;
        else if (c == '|' && depth == 0) {
            pieces.push_back(body.substr(from, i - from));
            from = i + 1;
        }
    }
    pieces.push_back(body.substr(from));
    return pieces;
}

}  // namespace

std::vector<std::string> regex_literal_prefixes(std::string_view pattern) {
    if (std::string single = regex_literal_prefix(pattern); !single.empty()) return {single};
    size_t i = pattern.starts_with("(?i)") ? 4 : 0;
    const std::string flags(pattern.substr(0, i));
    std::string_view body;
    if (group_end(pattern, i).alternation) {
        body = pattern.substr(i);  // `a|b|c`
    } else {
        while (pattern.substr(i, 2) == "\\b") i += 2;
        size_t open = i + 1;
        if (pattern.substr(i, 3) == "(?:") open = i + 3;
        else if (pattern.substr(i, 4) == "(?i:") open = i + 4;
        else if (pattern.substr(i, 2) == "(?" || pattern.substr(i, 1) != "(") return {};
        const GroupEnd end = group_end(pattern, open);
        if (end.close == std::string_view::npos || !end.alternation) return {};
        if (end.close + 1 < pattern.size() && is_quantifier(pattern[end.close + 1])) return {};
        body = pattern.substr(open, end.close - open);
    }
    std::vector<std::string> prefixes;
    for (std::string_view alternative : alternatives(body)) {
        std::string prefix = regex_literal_prefix(flags + std::string(alternative));
        if (prefix.empty()) return {};
        prefixes.push_back(std::move(prefix));
    }
    return prefixes;
}

}  // namespace keylint
