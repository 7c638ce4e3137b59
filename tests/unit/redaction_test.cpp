#include <catch2/catch.hpp>

#include "filters/redaction.hpp"

using namespace keylint;

TEST_CASE("long secrets keep a 4-character prefix, short ones nothing") {
    CHECK(mask_secret("AKIAZ4T7XQ2LWN3RBVKE") == "AKIA*****");
    CHECK(mask_secret("hunter2") == "*****");
}

TEST_CASE("redaction removes the secret from snippet and secret fields") {
    Finding finding;
    finding.secret = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
    finding.snippet = "token: ghp_0123456789abcdefghijABCDEFGHIJ012345 # twice ghp_0123456789abcdefghijABCDEFGHIJ012345";
    std::vector<Finding> findings{finding};
    redact_findings(findings);
    CHECK(findings[0].secret == "ghp_*****");
    CHECK(findings[0].snippet == "token: ghp_***** # twice ghp_*****");
}

TEST_CASE("a secret cut at the snippet's edge is still masked") {
    Finding finding;
    finding.secret = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
    finding.snippet = "-----BEGIN PRIVATE KEY-----";
    std::vector<Finding> findings{finding};
    redact_findings(findings);
    CHECK(findings[0].snippet.find("-----BEGIN PRIVATE KEY-----") == std::string::npos);
}

namespace {
Finding at(uint32_t line, uint32_t column, std::string secret, std::string snippet) {
    Finding finding;
    finding.secret = std::move(secret);
    finding.snippet = std::move(snippet);
    finding.span = {line, column, line, column + static_cast<uint32_t>(finding.secret.size())};
    return finding;
}
}  // namespace

TEST_CASE("two secrets on one line do not show each other in their snippets") {
    const std::string line = "var cfg={id:\"AKIAZ4T7XQ2LWN3RBVKE\",password:\"Tr4il-Mix-Oct0ber\"};";
    std::vector<Finding> findings{at(1, 14, "AKIAZ4T7XQ2LWN3RBVKE", line), at(1, 46, "Tr4il-Mix-Oct0ber", line)};
    note_nearby_secrets(findings);
    // The password finding is dropped (as a suppressed or baselined one would be): its secret
    // must still be masked in the key's snippet.
    findings.pop_back();
    redact_findings(findings);
    CHECK(findings[0].snippet == "var cfg={id:\"AKIA*****\",password:\"Tr4i*****\"};");
    CHECK(findings[0].nearby_secrets.empty());
}

TEST_CASE("secrets far apart on one long line are not each other's neighbours") {
    std::vector<Finding> findings{at(1, 10, "AKIAZ4T7XQ2LWN3RBVKE", ""), at(1, 5000, "AKIA2MXPN7QR4TZLWV6J", ""),
                                  at(2, 10, "Tr4il-Mix-Oct0ber", "")};
    note_nearby_secrets(findings);
    CHECK(findings[0].nearby_secrets.empty());
    CHECK(findings[1].nearby_secrets.empty());
    CHECK(findings[2].nearby_secrets.empty());
}

TEST_CASE("a multi-line secret and a secret on one of its lines are neighbours") {
    Finding key;
    key.secret = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    key.span = {3, 1, 5, 26};
    std::vector<Finding> findings{key, at(4, 40, "Tr4il-Mix-Oct0ber", "")};
    note_nearby_secrets(findings);
    CHECK(findings[0].nearby_secrets == std::vector<std::string>{"Tr4il-Mix-Oct0ber"});
    CHECK(findings[1].nearby_secrets == std::vector<std::string>{key.secret});
}
