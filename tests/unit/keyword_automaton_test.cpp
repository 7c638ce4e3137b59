#include <catch2/catch.hpp>

#include "secrets/keyword_automaton.hpp"

using keylint::KeywordAutomaton;

namespace {

std::vector<bool> found_in(const KeywordAutomaton& automaton, size_t groups, std::string_view text) {
    std::vector<bool> found(groups, false);
    automaton.find(text, found);
    return found;
}

}  // namespace

TEST_CASE("keywords are found case-insensitively") {
    const KeywordAutomaton automaton({{"akia", "asia"}, {"ghp_"}, {"xoxb-"}});
    CHECK(found_in(automaton, 3, "key=AKIA123") == std::vector<bool>{true, false, false});
    CHECK(found_in(automaton, 3, "GHP_abc and xoxb-1") == std::vector<bool>{false, true, true});
    CHECK(found_in(automaton, 3, "nothing here") == std::vector<bool>{false, false, false});
}

TEST_CASE("overlapping and nested keywords are all reported") {
    // "she" contains "he"; "hers" overlaps "she" in "shers".
    const KeywordAutomaton automaton({{"he"}, {"she"}, {"hers"}, {"his"}});
    CHECK(found_in(automaton, 4, "ushers") == std::vector<bool>{true, true, true, false});
    CHECK(found_in(automaton, 4, "hhis") == std::vector<bool>{false, false, false, true});
}

TEST_CASE("a keyword at the very end of the text is found") {
    const KeywordAutomaton automaton({{"token"}});
    CHECK(found_in(automaton, 1, "my tok") == std::vector<bool>{false});
    CHECK(found_in(automaton, 1, "my token") == std::vector<bool>{true});
}

TEST_CASE("non-letter bytes and high bytes do not confuse case folding") {
    const KeywordAutomaton automaton({{"-----begin"}, {"\xc3\xa9t\xc3\xa9"}});
    CHECK(found_in(automaton, 2, "-----BEGIN RSA") == std::vector<bool>{true, false});
    CHECK(found_in(automaton, 2, "\xc3\xa9t\xc3\xa9") == std::vector<bool>{false, true});
}

TEST_CASE("every occurrence's end is listed once per group, in increasing order") {
    const KeywordAutomaton automaton({{"tokens", "ken", "s"}, {"abc", "bc"}, {"pw"}});
    std::vector<std::vector<size_t>> ends(3);
    automaton.find_all("my tokens; abc; PW", ends);
    CHECK(ends[0] == std::vector<size_t>{8, 9});
    CHECK(ends[1] == std::vector<size_t>{14});
    CHECK(ends[2] == std::vector<size_t>{18});
}
