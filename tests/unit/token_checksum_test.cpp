#include <catch2/catch.hpp>

#include <vector>

#include "secrets/rule_loader.hpp"
#include "secrets/secret_scanner.hpp"
#include "secrets/token_checksum.hpp"

using namespace keylint;

TEST_CASE("token checksum: GitHub's published example and npm's shape verify; a changed character fails") {
    // GitHub's example entropy and checksum, from its 2021 token-format announcement.
    CHECK(token_checksum_holds(TokenChecksum::crc32_base62, "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") == true);
    CHECK(token_checksum_holds(TokenChecksum::crc32_base62, "ghp_zQWBuTSOoRi4A9spHcVY5ncnsDkxkK0mLq17") == false);
    CHECK(token_checksum_holds(TokenChecksum::crc32_base62, "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") == true);
    // Not the 30 + 6 shape: no verdict.
    CHECK_FALSE(token_checksum_holds(TokenChecksum::crc32_base62, "ghs_tooShort").has_value());
    CHECK_FALSE(token_checksum_holds(TokenChecksum::none, "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").has_value());
    CHECK(parse_token_checksum("crc32-base62") == TokenChecksum::crc32_base62);
    CHECK_FALSE(parse_token_checksum("luhn").has_value());
}

TEST_CASE("token checksum: a GitHub token whose checksum fails is a warning, a valid one an error") {
    const SecretScanner scanner(load_builtin_rules(RuleDetail::with_examples));
    std::vector<Finding> findings;
    scanner.scan(SourceText("a.env", "A=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\nB=ghp_zQWBuTSOoRi4A9spHcVY5ncnsDkxkK0mLq17\n"),
                 findings);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].level == Level::error);
    CHECK(findings[0].properties.at("checksum") == "valid");
    CHECK(findings[1].level == Level::warning);
    CHECK(findings[1].properties.at("checksum") == "failed");
}
