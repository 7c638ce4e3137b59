// Reading one input: binary detection and UTF-16 text with a byte-order mark.
#include <catch2/catch.hpp>
#include <string>

#include "walk/file_reader.hpp"

using namespace keylint;
using namespace std::string_literals;

TEST_CASE("UTF-16LE with a byte-order mark decodes to UTF-8") {
    const std::string bytes = "\xFF\xFE" "k\0=\0\xE9\0\n\0"s;
    const auto decoded = decode_utf16_with_bom(bytes);
    REQUIRE(decoded);
    CHECK(*decoded == "k=\xC3\xA9\n");
    CHECK_FALSE(looks_binary(*decoded));
}

TEST_CASE("UTF-16BE with a byte-order mark decodes surrogate pairs") {
    const std::string bytes = "\xFE\xFF\0a\xD8\x3D\xDE\x00"s;  // "a" U+1F600
    const auto decoded = decode_utf16_with_bom(bytes);
    REQUIRE(decoded);
    CHECK(*decoded == "a\xF0\x9F\x98\x80");
}

TEST_CASE("UTF-16 decoding replaces unpaired surrogates and an odd last byte") {
    const std::string bytes = "\xFF\xFE\x00\xD8x\0!"s;
    const auto decoded = decode_utf16_with_bom(bytes);
    REQUIRE(decoded);
    CHECK(*decoded == "\xEF\xBF\xBDx\xEF\xBF\xBD");
}

TEST_CASE("Text without a byte-order mark is not UTF-16") {
    CHECK_FALSE(decode_utf16_with_bom("plain text"));
    CHECK_FALSE(decode_utf16_with_bom("\xFF"));
    CHECK(looks_binary("k\0=\0"s));
}
