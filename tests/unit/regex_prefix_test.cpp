#include <catch2/catch.hpp>

#include "secrets/regex_prefix.hpp"

using namespace keylint;

TEST_CASE("regex prefix: the literal every match begins with, through boundaries and plain groups") {
    CHECK(regex_literal_prefix(R"(\b(ghp_[A-Za-z0-9]{36})\b)") == "ghp_");
    CHECK(regex_literal_prefix(R"((?i)(?:cohere)[\w.-]{0,25}?key)") == "cohere");
    CHECK(regex_literal_prefix(R"((?i)\bhttps?://[^\s:@]+)") == "http");
    CHECK(regex_literal_prefix(R"(\b(EAA[A-Za-z0-9]{90,500})\b)") == "eaa");
    CHECK(regex_literal_prefix(R"(\b(ser\.[A-Za-z0-9]{22}))") == "ser.");
    CHECK(regex_literal_prefix(R"((?i:\btoken)["']?[ \t]{0,20}:)") == "token");
    CHECK(regex_literal_prefix(R"(\b((?:sk)_live_[0-9]{4}))") == "sk_live_");
    CHECK(regex_literal_prefix(R"(-----BEGIN (?:RSA )?PRIVATE KEY)") == "-----begin ");
}

TEST_CASE("regex prefix: nothing where a match may start otherwise") {
    CHECK(regex_literal_prefix(R"(abc|def)").empty());
    CHECK(regex_literal_prefix(R"((?i)(?:split(?:io)?[\w.-]{0,25}?key|authorizationKey)=)").empty());
    CHECK(regex_literal_prefix(R"((?:^|[^A-Za-z0-9])(sk[A-Za-z0-9]{150}))").empty());
    CHECK(regex_literal_prefix(R"((?:abc)?def)").empty());
    CHECK(regex_literal_prefix(R"(a?bc)").empty());
    CHECK(regex_literal_prefix(R"((?s)abc)").empty());
    CHECK(regex_literal_prefix(R"([a-z]abc)").empty());
    CHECK(regex_literal_prefix(R"(\dabc)").empty());
    CHECK(regex_literal_prefix(R"(((abc)").empty());
    CHECK(regex_literal_prefix("").empty());
}

TEST_CASE("regex prefix: the literal stops before a quantified character or a later boundary") {
    CHECK(regex_literal_prefix(R"(abcd?e)") == "abc");
    CHECK(regex_literal_prefix(R"(xoxb-[0-9]+)") == "xoxb-");
    CHECK(regex_literal_prefix(R"(api\bkey)") == "api");
    CHECK(regex_literal_prefix(R"((abc)+d)").empty());
    CHECK(regex_literal_prefix(R"((?:ab)(cd)e)") == "abcde");
}
