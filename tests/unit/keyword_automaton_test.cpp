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

TEST_CASE("a long text, walked in parts at once, gives exactly the occurrences a naive search gives") {
    const std::vector<std::vector<std::string>> keywords = {{"token", "ken"}, {"ghp_"}, {"a"}, {"-----begin openssh private key"}};
    const KeywordAutomaton automaton(keywords);
    std::string text;
    const char* pieces[] = {"x", "TOKEN", "tok", "en", "GhP_", "-----BEGIN OPENSSH PRIVATE KEY", " ", "\n", "b", "A"};
    uint32_t seed = 7;
    while (text.size() < 50000) {
        seed = seed * 1103515245 + 12345;
        text += pieces[(seed >> 16) % 10];
    }
    // Keywords straddling the parts' bounds (a quarter, a half, three quarters of the text).
    for (size_t quarter = 1; quarter < 4; ++quarter) text.replace(text.size() * quarter / 4 - 12, 30, "-----begin openssh private key");
    std::vector<std::vector<size_t>> found(keywords.size());
    automaton.find_all(text, found);
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (size_t group = 0; group < keywords.size(); ++group) {
        std::vector<size_t> expected;
        for (size_t end = 1; end <= lower.size(); ++end) {
            for (const std::string& keyword : keywords[group]) {
                if (end >= keyword.size() && lower.compare(end - keyword.size(), keyword.size(), keyword) == 0) {
                    expected.push_back(end);
                    break;
                }
            }
        }
        INFO(group);
        CHECK(found[group] == expected);
    }
}
