// The prefilter: an Aho–Corasick automaton over every rule's keywords, matched
// case-insensitively in one pass over a file. A rule's regex runs only on files that contain one
// of its keywords (gitleaks' keyword semantics), so the result equals running every regex on
// every file that holds a keyword; tests/unit/secret_scanner_test.cpp checks that equivalence.
//
// The transition table is complete (a DFA) over byte classes: bytes that occur in no keyword
// share one class, upper and lower case share a class, so the table stays small enough for cache.
// With the built-in pack it has about 1,900 states and 46 classes.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_stream.hpp"

namespace keylint {

class KeywordAutomaton {
   public:
    // keywords[i] lists the (lower-case) keywords of group i; a group is reported when any of its
    // keywords occurs in the text.
    explicit KeywordAutomaton(const std::vector<std::vector<std::string>>& keywords);

    // Marks found[group] for every group whose keyword occurs in text. `found` must have one
    // entry per group. Returns the number of newly marked groups.
    size_t find(std::string_view text, std::vector<bool>& found) const;

    // Appends to hit_ends[group] the end offset of every keyword occurrence of that group, in
    // increasing order. `hit_ends` must have one entry per group.
    void find_all(std::string_view text, std::vector<std::vector<size_t>>& hit_ends) const;

    size_t group_count() const { return group_count_; }

    // The automaton as bytes, and back: the built-in pack's automaton is built when keylint is
    // compiled (rule_index.hpp). read_from checks every transition and group against the table's
    // size and throws FormatError on bytes that are not an automaton.
    void write_to(ByteWriter& out) const;
    static KeywordAutomaton read_from(ByteReader& in);

    bool operator==(const KeywordAutomaton& other) const = default;

   private:
    KeywordAutomaton() = default;

    template <class OnOutput>
    void run(std::string_view text, OnOutput on_output) const;

    std::array<uint8_t, 256> byte_class_{};
    uint32_t class_count_ = 1;
    // The scan loop's table. A state is represented by its row offset (state number × class count),
    // so a step is one add and one load; states that end a keyword are numbered last, so "does this
    // state report anything" is one comparison with first_output_row_.
    std::vector<uint32_t> transitions_;             // row + class → row of the next state
    uint32_t first_output_row_ = 0;
    std::vector<std::vector<uint32_t>> groups_at_;  // state number → groups whose keyword ends there
    size_t group_count_ = 0;
    size_t longest_keyword_ = 0;
    static constexpr size_t parallel_walk_minimum = 4096;  // texts walked in parts at once (run())
};

}  // namespace keylint
