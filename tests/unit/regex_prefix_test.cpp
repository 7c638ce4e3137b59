#include <catch2/catch.hpp>

#include <string>
#include <vector>

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

TEST_CASE("regex prefixes: one literal per alternative a match may begin with") {
    CHECK(regex_literal_prefixes(R"(\b(ghp_[A-Za-z0-9]{36}))") == std::vector<std::string>{"ghp_"});
    CHECK(regex_literal_prefixes(R"((?i)(?:azure[_.-]?devops|\bado|azdo|vsts)[\w.-]{0,25}?(?:pat|token))") ==
          std::vector<std::string>{"azure", "ado", "azdo", "vsts"});
    CHECK(regex_literal_prefixes(R"(abc|De\.f)") == std::vector<std::string>{"abc", "de.f"});
    CHECK(regex_literal_prefixes(R"(\b(?:AKIA|ASIA)[A-Z2-7]{16})") == std::vector<std::string>{"akia", "asia"});
    CHECK(regex_literal_prefixes(R"((?i)(?:split(?:io)?[\w.-]{0,25}?key|authorizationKey)=)") ==
          std::vector<std::string>{"split", "authorizationkey"});
    // An alternative without a literal start, a skippable group: no prefixes.
    CHECK(regex_literal_prefixes(R"((?:abc|[a-z]+)x)").empty());
    CHECK(regex_literal_prefixes(R"((?:abc|def)?x)").empty());
    CHECK(regex_literal_prefixes(R"(abc|)").empty());
    CHECK(regex_literal_prefixes(R"([0-9]+)").empty());
}

TEST_CASE("regex start: the literal as written, its case, and a boundary before it") {
    const RegexStart facebook = regex_start(R"(\b(EAA[A-Za-z0-9]{90,500})\b)");
    CHECK(facebook.literal == "EAA");
    CHECK(facebook.case_sensitive);
    CHECK(facebook.boundary_before);
    const RegexStart token = regex_start(R"((?i:\btoken)["']?:)");
    CHECK(token.literal == "token");
    CHECK(!token.case_sensitive);
    CHECK(token.boundary_before);
    const RegexStart folded = regex_start(R"((?i)sk-ant-[a-z]{4})");
    CHECK(folded.literal == "sk-ant-");
    CHECK(!folded.case_sensitive);
    CHECK(!folded.boundary_before);
    CHECK(regex_start(R"([a-z]+)").literal.empty());
}
