// Baselines (filters/baseline.hpp): stable, salted, secret-free, and matched by rule, path and
// secret only.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "filters/baseline.hpp"

using namespace keylint;

namespace {

Finding finding(const std::string& rule, const std::string& path, uint32_t line, const std::string& secret) {
    Finding f;
    f.rule_id = rule;
    f.path = path;
    f.span = {line, 1, line, 20};
    f.secret = secret;
    f.snippet = "key = " + secret;
    return f;
}

}  // namespace

TEST_CASE("a baseline never holds the secret and hides the same finding wherever its line moves") {
    Baseline baseline("00112233445566778899aabbccddeeff");
    baseline.replace_with({finding("aws-access-key-id", "app.py", 3, "AKIAZ4T7XQ2LWN3RBVKE")});
    const std::string text = baseline.serialise();
    CHECK(text.find("AKIAZ4T7XQ2LWN3RBVKE") == std::string::npos);
    CHECK(text.find("\"line") == std::string::npos);
    CHECK(baseline.contains(finding("aws-access-key-id", "app.py", 40, "AKIAZ4T7XQ2LWN3RBVKE")));
    CHECK_FALSE(baseline.contains(finding("aws-access-key-id", "other.py", 3, "AKIAZ4T7XQ2LWN3RBVKE")));
    CHECK_FALSE(baseline.contains(finding("aws-access-key-id", "app.py", 3, "AKIA2MXPN7QR4TZLWV6J")));
    CHECK_FALSE(baseline.contains(finding("other-rule", "app.py", 3, "AKIAZ4T7XQ2LWN3RBVKE")));
}

TEST_CASE("the digest depends on the salt, so baselines cannot be compared across repositories") {
    Baseline first("00"), second("01");
    const Finding f = finding("r", "p", 1, "s3cr3t");
    CHECK(first.entry_for(f).digest != second.entry_for(f).digest);
    CHECK(first.entry_for(f).digest.size() == 64);
    CHECK(Baseline::with_new_salt().salt().size() == 32);
    CHECK(Baseline::with_new_salt().salt() != Baseline::with_new_salt().salt());
}

TEST_CASE("serialised baselines are sorted, stable and survive a round trip") {
    Baseline baseline("abcd");
    baseline.replace_with({finding("z-rule", "b.py", 1, "one"), finding("a-rule", "b.py", 9, "two"),
                           finding("m-rule", "a.py", 5, "three"), finding("m-rule", "a.py", 7, "three")});
    CHECK(baseline.entries().size() == 3);
    const std::string text = baseline.serialise();
    CHECK(text.find("\"a.py\"") < text.find("\"b.py\""));
    CHECK(text.find("\"a-rule\"") < text.find("\"z-rule\""));
    const Baseline again = Baseline::parse(text, "x.json");
    CHECK(again.salt() == "abcd");
    CHECK(again.entries() == baseline.entries());
    CHECK(again.serialise() == text);
}

TEST_CASE("update adds new entries and drops vanished ones; suppressed findings are never entries") {
    Baseline baseline("abcd");
    baseline.replace_with({finding("r", "a.py", 1, "one"), finding("r", "a.py", 2, "two")});
    Finding suppressed = finding("r", "c.py", 1, "four");
    suppressed.suppressed_by = "keylint:allow";
    const auto [added, dropped] = baseline.replace_with({finding("r", "a.py", 5, "two"), finding("r", "b.py", 1, "three"), suppressed});
    CHECK(added == 1);
    CHECK(dropped == 1);
    CHECK(baseline.entries().size() == 2);
}

TEST_CASE("applying a baseline removes listed unsuppressed findings and counts them") {
    Baseline baseline("abcd");
    baseline.replace_with({finding("r", "a.py", 1, "one")});
    Finding suppressed = finding("r", "a.py", 1, "one");
    suppressed.suppressed_by = "gitleaks:allow";
    std::vector<Finding> findings{finding("r", "a.py", 8, "one"), finding("r", "a.py", 9, "new"), suppressed};
    CHECK(apply_baseline(baseline, findings) == 1);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].secret == "new");
    CHECK(findings[1].suppressed_by == "gitleaks:allow");
}

TEST_CASE("malformed baseline files are configuration errors naming the problem") {
    CHECK_THROWS_AS(Baseline::parse("not json", "b.json"), ConfigError);
    CHECK_THROWS_WITH(Baseline::parse("{}", "b.json"), Catch::Contains("no \"keylint_baseline\" version field"));
    CHECK_THROWS_WITH(Baseline::parse(R"({"keylint_baseline": 2, "salt": "ab", "entries": []})", "b.json"),
                      Catch::Contains("unsupported version 2"));
    CHECK_THROWS_WITH(Baseline::parse(R"({"keylint_baseline": 1, "salt": "xyz", "entries": []})", "b.json"),
                      Catch::Contains("salt"));
    CHECK_THROWS_WITH(Baseline::parse(R"({"keylint_baseline": 1, "salt": "ab", "entries": [{"rule": "r"}]})", "b.json"),
                      Catch::Contains("\"rule\", \"path\" and \"digest\""));
    CHECK_THROWS_WITH(Baseline::load("/nonexistent/baseline.json"), Catch::Contains("cannot read the baseline file"));
}
