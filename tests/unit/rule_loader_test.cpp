// Rule files in gitleaks' format load unmodified; mistakes are errors that name file, rule and problem.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "secrets/rule_loader.hpp"
#include "secrets/secret_scanner.hpp"

using namespace keylint;

namespace {

std::string load_error(const std::string& text) {
    try {
        load_rule_text("custom.toml", text, {});
    } catch (const ConfigError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a gitleaks config with rule and global allowlists loads") {
    const RuleSet set = load_rule_text("gitleaks.toml", R"(
title = "team rules"

[[rules]]
id = "internal-token"
description = "Internal service token"
regex = '''\b(itk_[a-z0-9]{24})\b'''
secretGroup = 1
entropy = 3.5
keywords = ["ITK_"]
path = '''\.env$'''
tags = ["internal"]
[[rules.allowlists]]
condition = "AND"
regexTarget = "line"
regexes = ['''test''']
stopwords = ["dummy"]

[allowlist]
paths = ['''vendor/''']

[[allowlists]]
targetRules = ["internal-token"]
commits = ["abc123"]
)", {});
    REQUIRE(set.rules.size() == 1);
    const SecretRule& rule = set.rules[0];
    CHECK(rule.id == "internal-token");
    CHECK(rule.secret_group == 1);
    REQUIRE(rule.min_entropy);
    CHECK(*rule.min_entropy == Approx(3.5));
    CHECK(rule.keywords == std::vector<std::string>{"itk_"});
    REQUIRE(rule.path);
    CHECK(rule.path->pattern() == "\\.env$");
    REQUIRE(rule.allowlists.size() == 1);
    CHECK(rule.allowlists[0].condition == Allowlist::Condition::all);
    CHECK(rule.allowlists[0].regex_target == Allowlist::Target::line);
    CHECK(rule.allowlists[0].stopwords == std::vector<std::string>{"dummy"});
    REQUIRE(set.global_allowlists.size() == 2);
    CHECK(set.global_allowlists[1].target_rules == std::vector<std::string>{"internal-token"});
}

TEST_CASE("[extend] useDefault adds the built-in pack and disabledRules removes rules") {
    const RuleSet builtin = load_builtin_rules(RuleDetail::with_examples);
    REQUIRE(!builtin.rules.empty());
    const RuleSet set = load_rule_text("ext.toml", R"(
[extend]
useDefault = true
disabledRules = ["aws-access-key-id"]

[[rules]]
id = "mine"
regex = '''mine_[0-9]{8}'''
keywords = ["mine_"]
)", {});
    CHECK(set.rules.size() == builtin.rules.size());  // one added, one disabled
    CHECK(std::none_of(set.rules.begin(), set.rules.end(), [](const SecretRule& r) { return r.id == "aws-access-key-id"; }));
    CHECK(std::any_of(set.rules.begin(), set.rules.end(), [](const SecretRule& r) { return r.id == "mine"; }));
}

TEST_CASE("an invalid regex names the file, the rule and RE2's complaint") {
    CHECK(load_error("[[rules]]\nid = \"broken\"\nregex = '''(unclosed'''\n") ==
          "custom.toml: rule 'broken': invalid regex in 'regex': missing ): (unclosed");
}

TEST_CASE("an invalid allowlist regex in a user file is reported at load") {
    CHECK(load_error("[[rules]]\nid = \"r\"\nregex = 'x'\n[[rules.allowlists]]\nregexes = ['''[z-a]''']\n") ==
          "custom.toml: rule 'r': invalid regex in 'regexes': invalid character class range: z-a");
}

TEST_CASE("lookarounds, which RE2 does not support, are reported as invalid") {
    CHECK(load_error("[[rules]]\nid = \"look\"\nregex = '''a(?=b)'''\n").starts_with(
        "custom.toml: rule 'look': invalid regex in 'regex': invalid perl operator: (?="));
}

TEST_CASE("unknown keys are errors, not silently ignored") {
    CHECK(load_error("[[rules]]\nid = \"r\"\nregex = 'x'\nsecretgroup = 1\n") == "custom.toml: rule 'r': unknown key 'secretgroup'");
    CHECK(load_error("[rule]\nid = 'x'\n") == "custom.toml: unknown top-level key 'rule'");
}

TEST_CASE("structural mistakes are errors") {
    CHECK(load_error("[[rules]]\ndescription = 'no id'\n") == "custom.toml: a rule has no 'id'");
    CHECK(load_error("[[rules]]\nid = 'r'\n") == "custom.toml: rule 'r': a rule needs a 'regex' or a 'path'");
    CHECK(load_error("[[rules]]\nid = 'r'\nregex = '(a)'\nsecretGroup = 2\n") ==
          "custom.toml: rule 'r': 'secretGroup' is 2 but the regex has only 1 capture groups");
    CHECK(load_error("[[rules]]\nid = 'r'\nregex = 'a'\nseverity = 'fatal'\n") ==
          "custom.toml: rule 'r': 'severity' must be note, warning or error");
}

TEST_CASE("TOML syntax errors carry the line") {
    CHECK(load_error("[[rules]]\nid = \"r\nregex = 'x'\n").starts_with("custom.toml: line 2: "));
}

TEST_CASE("every built-in rule has three examples, three negatives, a reference and provider and kind tags") {
    for (const SecretRule& rule : load_builtin_rules(RuleDetail::with_examples).rules) {
        INFO(rule.id);
        CHECK(rule.examples.size() >= 3);
        CHECK(rule.negative_examples.size() >= 3);
        CHECK(rule.reference.starts_with("https://"));
        CHECK(rule.tags.size() >= 2);
        CHECK(!rule.keywords.empty());
        CHECK(!rule.description.empty());
        REQUIRE(rule.regex);
        CHECK(rule.regex->get().ok());  // built-in rules compile lazily, so check them here
        CHECK(rule.secret_group <= rule.regex->get().NumberOfCapturingGroups());
        for (const Allowlist& allowlist : rule.allowlists) {
            for (const auto& list : {allowlist.regexes, allowlist.paths}) {
                for (const LazyRegex& regex : list) CHECK(regex.get().ok());
            }
        }
    }
}

// A rule is compiled, and its automaton built, the first time its keyword occurs: RE2's cost grows
// with the compiled program, and a counted range such as `[A-Za-z0-9]{100,1000}` compiles to a
// thousand copies of its class (tens of milliseconds on first use). Built-in rules keep upper
// bounds for documented lengths only and stay within this budget.
TEST_CASE("every built-in rule compiles to a small RE2 program") {
    constexpr int program_budget = 5000;
    for (const SecretRule& rule : load_builtin_rules(RuleDetail::for_scanning).rules) {
        if (!rule.regex) continue;
        INFO(rule.id << ": " << rule.regex->get().ProgramSize() << " instructions");
        CHECK(rule.regex->get().ProgramSize() <= program_budget);
    }
}

TEST_CASE("the {{assign}} macro stands for every assignment operator, aligned with up to 20 blanks") {
    const RuleSet set = load_rule_text("macro.toml", R"TOML(
[[rules]]
id = "acme-token"
regex = '''(?i)acme[_.-]?token{{assign}}([a-z0-9]{12})\b'''
keywords = ["acme"]
)TOML", {});
    const SecretScanner scanner(set);
    for (const char* line : {"ACME_TOKEN=a1b2c3d4e5f6", "acme_token:   a1b2c3d4e5f6", "\"acmeToken\": \"a1b2c3d4e5f6\"",
                             "acme_token                    = \"a1b2c3d4e5f6\"", "acme_token := \"a1b2c3d4e5f6\""}) {
        INFO(line);
        std::vector<Finding> findings;
        scanner.scan(SourceText("a", line), findings);
        CHECK(findings.size() == 1);
    }
    std::vector<Finding> none;
    scanner.scan(SourceText("a", "acme_token a1b2c3d4e5f6"), none);
    CHECK(none.empty());
}

// toml++ 3.3.0 reached an unreachable point classifying these characters (its issues #190, #295);
// keylint compiles it from headers with the upstream fix (scripts/patch_tomlplusplus.py).
TEST_CASE("a non-ASCII character after a line-ending backslash in a multi-line string loads") {
    const RuleSet set = load_rule_text("custom.toml",
                                       "[[rules]]\n"
                                       "id = \"section-token\"\n"
                                       "description = \"\"\"\\\n"
                                       "\xC2\xA7 4 token\"\"\"\n"
                                       "regex = '''sec_[a-z0-9]{24}'''\n",
                                       {});
    REQUIRE(set.rules.size() == 1);
    CHECK(set.rules[0].description == "\xC2\xA7 4 token");
}

TEST_CASE("a rules file that starts with a malformed UTF-8 pair is an error naming the file") {
    CHECK(load_error("\xCC\xAA").rfind("custom.toml:", 0) == 0);
}

TEST_CASE("a table header that starts with neither a bare key nor a quote is an error naming the file") {
    for (const char* text : {"[/crates]\n", "[[[1]]]\n", "[[=\n"}) {
        INFO(text);
        CHECK(load_error(text).rfind("custom.toml:", 0) == 0);
    }
}
