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
