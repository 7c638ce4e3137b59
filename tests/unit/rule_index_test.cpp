// The prebuilt rule index (secrets/rule_index.hpp) holds exactly what loading the pack's TOML
// gives, reads back what was written for any rule set, and refuses bytes that are not an index.
#include <catch2/catch.hpp>

#include "core/byte_stream.hpp"
#include "credentials/credential_detector.hpp"
#include "secrets/rule_index.hpp"
#include "secrets/rule_loader.hpp"
#include "secrets/secret_scanner.hpp"

using namespace keylint;

namespace {

const char* const custom_rules = R"(
[[rules]]
id = "internal-token"
description = "Internal service token"
regex = '''\b(itk_[a-z0-9]{24})\b'''
secretGroup = 1
entropy = 3.5
keywords = ["ITK_"]
path = '''\.env$'''
tags = ["internal", "token"]
severity = "warning"
precedence = 3
reference = "https://example.test/tokens"
[[rules.allowlists]]
condition = "AND"
regexTarget = "line"
regexes = ['''test''']
stopwords = ["dummy"]

[[rules]]
id = "keyword-free"
regex = '''zz-[0-9]{8}'''

[[allowlists]]
targetRules = ["internal-token"]
commits = ["abc123"]
paths = ['''vendor/''']
)";

std::string format_error(std::string_view bytes) {
    try {
        read_rule_index(bytes);
    } catch (const FormatError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("the embedded rule index is the pack's TOML, rules and scanner tables") {
    const RuleSet from_toml = load_builtin_rules_from_toml(RuleDetail::for_scanning);
    const ScannerTables tables = build_scanner_tables(from_toml, CredentialDetector::name_stems());
    CHECK(write_rule_index(from_toml, tables) == std::string(embedded_rule_index));

    const RuleSet from_index = load_builtin_rules();
    REQUIRE(from_index.prebuilt_tables);
    CHECK(*from_index.prebuilt_tables == tables);
    REQUIRE(from_index.rules.size() == from_toml.rules.size());
    CHECK(from_index.rules.front().id == from_toml.rules.front().id);
    CHECK(from_index.rules.back().regex->pattern() == from_toml.rules.back().regex->pattern());
    CHECK(from_index.origins == from_toml.origins);
}

TEST_CASE("a rule set with allowlists, entropy and keyword-free rules reads back as written") {
    const RuleSet rules = load_rule_text("custom.toml", custom_rules, {});
    const ScannerTables tables = build_scanner_tables(rules, {"passw", "secret"});
    const std::string bytes = write_rule_index(rules, tables);
    const RuleSet read = read_rule_index(bytes);
    CHECK(write_rule_index(read, *read.prebuilt_tables) == bytes);
    CHECK(*read.prebuilt_tables == tables);
    REQUIRE(read.rules.size() == 2);
    const SecretRule& rule = read.rules[0];
    CHECK(rule.id == "internal-token");
    CHECK(rule.secret_group == 1);
    CHECK(rule.min_entropy == 3.5);
    CHECK(rule.keywords == std::vector<std::string>{"itk_"});
    CHECK(rule.path->pattern() == "\\.env$");
    CHECK(rule.level == Level::warning);
    CHECK(rule.precedence == 3);
    REQUIRE(rule.allowlists.size() == 1);
    CHECK(rule.allowlists[0].condition == Allowlist::Condition::all);
    CHECK(rule.allowlists[0].regex_target == Allowlist::Target::line);
    CHECK(rule.allowlists[0].regexes[0].pattern() == "test");
    CHECK(rule.allowlists[0].stopwords == std::vector<std::string>{"dummy"});
    CHECK_FALSE(read.rules[1].min_entropy);
    CHECK(read.prebuilt_tables->rules_without_keywords == std::vector<size_t>{1});
    REQUIRE(read.global_allowlists.size() == 1);
    CHECK(read.global_allowlists[0].target_rules == std::vector<std::string>{"internal-token"});
    CHECK(read.global_allowlists[0].commits == std::vector<std::string>{"abc123"});
}

TEST_CASE("a scanner uses prebuilt tables only for the rules and keywords they were built for") {
    const RuleSet builtin = load_builtin_rules();
    const std::vector<std::string> stems = CredentialDetector::name_stems();
    CHECK(prebuilt_tables_fit(*builtin.prebuilt_tables, builtin, stems));
    CHECK_FALSE(prebuilt_tables_fit(*builtin.prebuilt_tables, builtin, {}));
    RuleSet fewer = builtin;
    fewer.rules.pop_back();
    CHECK_FALSE(prebuilt_tables_fit(*builtin.prebuilt_tables, fewer, stems));

    // Without the credential stems (--regex-only), the scanner builds its own tables and finds the same.
    const SourceText text("ci.env", "GITHUB_TOKEN=ghp_R7s0Zk2mQ9vX4bN8cL1dF6hJ3tY5wA0eK2pU\n");
    std::vector<Finding> with_prebuilt, built_here;
    SecretScanner(builtin, stems).scan(text, with_prebuilt);
    SecretScanner(builtin, {}).scan(text, built_here);
    REQUIRE(with_prebuilt.size() == 1);
    REQUIRE(built_here.size() == 1);
    CHECK(with_prebuilt[0].rule_id == built_here[0].rule_id);
    CHECK(with_prebuilt[0].span.start_line == 1);
}

TEST_CASE("a rule file extending the default pack does not reuse the pack's tables") {
    const RuleSet extended = load_rule_text("team.toml", "[extend]\nuseDefault = true\n", {});
    CHECK_FALSE(extended.prebuilt_tables);
    CHECK(extended.rules.size() == load_builtin_rules().rules.size());
}

TEST_CASE("bytes that are not a rule index are refused") {
    const RuleSet rules = load_rule_text("custom.toml", custom_rules, {});
    const std::string bytes = write_rule_index(rules, build_scanner_tables(rules, {}));
    CHECK(format_error("") == "truncated at byte 0");
    CHECK(format_error(std::string("\x05\0\0\0hello", 9)) == "not a rule index of this keylint version");
    CHECK(format_error(bytes.substr(0, bytes.size() - 1)).starts_with("truncated at byte"));
    CHECK(format_error(bytes + "x") == "bytes after the end of the index");

    // The automaton is written last; its final fields are the group count and the longest keyword
    // (eight bytes each). The pack's one keyword group is group 0.
    std::string no_groups = bytes;
    no_groups[no_groups.size() - 16] = 0;
    CHECK(format_error(no_groups) == "a group out of range");
    std::string more_groups = bytes;
    more_groups[more_groups.size() - 16] = 9;
    CHECK(format_error(more_groups) == "the automaton's groups has 9 entries, not 1");
    std::string long_keyword = bytes;
    long_keyword[long_keyword.size() - 2] = 1;
    CHECK(format_error(long_keyword).starts_with("a longest keyword of 281474976710660 bytes"));
}
