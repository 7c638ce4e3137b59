#include <catch2/catch.hpp>

#include "core/base64.hpp"

using namespace keylint;

TEST_CASE("base64: standard and URL-safe alphabets, padding optional") {
    CHECK(decode_base64("dXNlcjpwYXNz") == std::optional<std::string>("user:pass"));
    CHECK(decode_base64("dXNlcjo=") == std::optional<std::string>("user:"));
    CHECK(decode_base64("dXNlcjo") == std::optional<std::string>("user:"));
    CHECK(decode_base64("-_8") == std::optional<std::string>("\xfb\xff"));
    CHECK(decode_base64("+/8=") == std::optional<std::string>("\xfb\xff"));
    CHECK(decode_base64("") == std::optional<std::string>(""));
}

TEST_CASE("base64: anything else is not base64") {
    CHECK_FALSE(decode_base64("abc!").has_value());
    CHECK_FALSE(decode_base64("dXNl cjo=").has_value());
    CHECK_FALSE(decode_base64("abcde").has_value());  // 5 characters: a dangling sextet
}
