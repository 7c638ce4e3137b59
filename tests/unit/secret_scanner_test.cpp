// The secret-matching pipeline: exact findings, allowlists, and the
// equivalence of the keyword prefilter with running every regex on every text.
#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "secrets/rule_loader.hpp"
#include "secrets/secret_scanner.hpp"

using namespace keylint;

namespace {

const char* const test_rules = R"TOML(
[[rules]]
id = "demo-token"
description = "Demo token"
regex = '''\b(dmo_[A-Za-z0-9]{12})\b'''
keywords = ["dmo_"]
entropy = 2.5

[[rules.allowlists]]
stopwords = ["sample"]

[[rules]]
id = "ctx-key"
description = "Key with context"
regex = '''(?i)ctxkey\s*=\s*"([0-9a-f]{8})"'''
secretGroup = 1
keywords = ["ctxkey"]

[[allowlists]]
paths = ['''^vendor/''']
)TOML";

struct Hit {
    std::string rule;
    uint32_t line, column, end_column;
    std::string suppressed_by;
    bool operator==(const Hit&) const = default;
};

std::vector<Hit> scan(const SecretScanner& scanner, const std::string& path, const std::string& text) {
    std::vector<Finding> findings;
    scanner.scan(SourceText(path, text), findings);
    std::vector<Hit> hits;
    for (const Finding& f : findings) hits.push_back({f.rule_id, f.span.start_line, f.span.start_column, f.span.end_column, f.suppressed_by});
    return hits;
}

}  // namespace

TEST_CASE("findings carry the rule, the secret's span and the secret") {
    const SecretScanner scanner(load_rule_text("t.toml", test_rules, {}));
    const std::string text = "first line\n  t = dmo_Ab3dE6gH9jK1 # end\nCTXKEY = \"00ff12ab\"\n";
    std::vector<Finding> findings;
    scanner.scan(SourceText("app/config.py", text), findings);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].rule_id == "demo-token");
    CHECK(findings[0].path == "app/config.py");
    CHECK(findings[0].span.start_line == 2);
    CHECK(findings[0].span.start_column == 7);
    CHECK(findings[0].span.end_column == 23);
    CHECK(findings[0].secret == "dmo_Ab3dE6gH9jK1");
    CHECK(findings[0].snippet == "  t = dmo_Ab3dE6gH9jK1 # end");
    CHECK(findings[1].rule_id == "ctx-key");
    CHECK(findings[1].secret == "00ff12ab");  // the secret group, not the whole match
    CHECK(findings[1].span.start_line == 3);
    CHECK(findings[1].span.start_column == 11);
}

TEST_CASE("entropy, stopwords and path allowlists drop matches") {
    const SecretScanner scanner(load_rule_text("t.toml", test_rules, {}));
    CHECK(scan(scanner, "a.txt", "dmo_aaaaaaaaaaaa").empty());         // entropy below 2.5
    CHECK(scan(scanner, "a.txt", "dmo_SampleX9z8y7").empty());         // stopword, any case
    CHECK(scan(scanner, "vendor/lib.js", "dmo_Ab3dE6gH9jK1").empty()); // global path allowlist
    CHECK(scan(scanner, "src/lib.js", "dmo_Ab3dE6gH9jK1").size() == 1);
}

TEST_CASE("entropy follows gitleaks: strictly above the threshold, and generic rules need a digit") {
    const SecretScanner scanner(load_rule_text("g.toml", R"TOML(
[[rules]]
id = "generic-password"
regex = '''pw=([A-Za-z0-9]{8})'''
keywords = ["pw="]
entropy = 2.0

[[rules]]
id = "exact-entropy"
regex = '''ee=([ab]{4})'''
keywords = ["ee="]
entropy = 1.0
)TOML", {}));
    CHECK(scan(scanner, "a", "pw=abcdefgh").empty());  // letters only: dropped for a generic rule
    CHECK(scan(scanner, "a", "pw=abcdefg1").size() == 1);
    CHECK(scan(scanner, "a", "ee=abab").empty());       // entropy exactly 1.0 is not above 1.0
}

TEST_CASE("the AWS documented example key is not a finding; a real-shaped key is") {
    const SecretScanner scanner(load_builtin_rules(RuleDetail::with_examples));
    CHECK(scan(scanner, "a", "key = AKIAIOSFODNN7EXAMPLE").empty());
    const auto hits = scan(scanner, "a", "key = AKIAZ4T7XQ2LWN3RBVKE");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].rule == "aws-access-key-id");
}

TEST_CASE("one finding per secret: the most specific built-in rule reports it, the others are named") {
    const SecretScanner scanner(load_builtin_rules(RuleDetail::with_examples));
    std::vector<Finding> findings;
    scanner.scan(SourceText("a.env", "PAYSTACK_SECRET_KEY=sk_live_6724ded38eba6d648f651c709636f62ed562917f\n"), findings);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule_id == "paystack-secret-key");  // declared precedence: the narrower format
    CHECK(findings[0].properties.at("also_matched") == "stripe-live-secret-key");
    findings.clear();
    scanner.scan(SourceText("a.sh", "curl -H \"Authorization: Bearer ghp_R8fK2mQ9vX4tL7wN1pZ6yB3cD5hJ0sA8eU2i\" x\n"),
                 findings);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule_id == "github-classic-pat");  // the token's own prefix beats the header rule
    CHECK(findings[0].properties.at("also_matched") == "http-authorization-header");
}

// The prefilter must not change results: running every rule's regex on the whole text (no keyword
// check, no windows around keyword occurrences) gives exactly the findings of the real scan.
TEST_CASE("the keyword prefilter and keyword windows find exactly what every regex finds") {
    const SecretScanner scanner(load_builtin_rules(RuleDetail::with_examples));
    std::vector<std::string> examples;
    for (const SecretRule& rule : scanner.rules().rules) {
        for (const auto& list : {rule.examples, rule.negative_examples}) {
            examples.insert(examples.end(), list.begin(), list.end());
        }
    }
    std::string filler;
    for (int i = 0; i < 30; ++i) filler += "    const value_" + std::to_string(i) + " = compute(input, " + std::to_string(i * 7) + ");\n";
    std::vector<std::string> texts = examples;
    std::string all;
    for (const std::string& example : examples) {
        texts.push_back(filler + example + "\n" + filler);  // far from the start and the end
        all += example + "\n" + filler.substr(0, filler.size() / 3);
    }
    texts.push_back(all);
    std::mt19937 random(12345);
    for (int i = 0; i < 100; ++i) {  // random case flips
        std::string text = texts[random() % texts.size()];
        for (char& c : text) {
            if (random() % 3 == 0) c = static_cast<char>(std::isupper(static_cast<unsigned char>(c)) ? std::tolower(c) : std::toupper(c));
        }
        texts.push_back(text);
    }
    using Key = std::tuple<std::string, uint32_t, uint32_t, uint32_t, uint32_t>;
    for (const std::string& text : texts) {
        const SourceText source("file", text);
        std::set<Key> brute_force, scanned;
        for (size_t rule = 0; rule < scanner.rules().rules.size(); ++rule) {
            for (const SecretMatch& m : scanner.matches_of_rule(rule, text, "file")) {
                const Span span = SecretScanner::reported_span(source, m);
                brute_force.insert({scanner.rules().rules[rule].id, span.start_line, span.start_column, span.end_line, span.end_column});
            }
        }
        std::vector<Finding> findings;
        scanner.scan(source, findings);
        for (const Finding& f : findings) {
            scanned.insert({f.rule_id, f.span.start_line, f.span.start_column, f.span.end_line, f.span.end_column});
            // Rules merged into a more specific rule's finding on the same secret matched too.
            const auto also = f.properties.find("also_matched");
            if (also == f.properties.end()) continue;
            std::stringstream ids(also->second);
            for (std::string id; std::getline(ids, id, ',');) {
                scanned.insert({id, f.span.start_line, f.span.start_column, f.span.end_line, f.span.end_column});
            }
        }
        INFO(text);
        CHECK(brute_force == scanned);
    }
}

TEST_CASE("rules from user files keep gitleaks' semantics: a keyword anywhere in the file") {
    const SecretScanner scanner(load_rule_text("user.toml", R"TOML(
[[rules]]
id = "far-token"
regex = '''tok_[0-9]{6}'''
keywords = ["deployment"]
)TOML", {}));
    std::string text = "# deployment settings\n";
    for (int i = 0; i < 20; ++i) text += "line " + std::to_string(i) + "\n";
    text += "value = tok_123456\n";
    CHECK(scan(scanner, "a.cfg", text) == std::vector<Hit>{{"far-token", 22, 9, 19, ""}});
    CHECK(scan(scanner, "a.cfg", "value = tok_123456\n").empty());  // no keyword, no regex
}
