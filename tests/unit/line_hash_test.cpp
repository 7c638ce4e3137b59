// GitHub's primaryLocationLineHash, checked against the published test vectors.
#include <catch2/catch.hpp>

#include "core/line_hash.hpp"

using keylint::primary_location_line_hashes;

TEST_CASE("line hash of the empty file matches the published vector") {
    const auto hashes = primary_location_line_hashes("");
    REQUIRE(hashes.size() == 1);
    CHECK(hashes[0] == "c129715d7a2bc9a3:1");
}

TEST_CASE("line hashes skip spaces and tabs as in the published vector") {
    const auto hashes = primary_location_line_hashes(" a\nb\n  \t\tc\n d");
    REQUIRE(hashes.size() == 4);
    CHECK(hashes[0] == "271789c17abda88f:1");
    CHECK(hashes[1] == "54703d4cd895b18:1");
    CHECK(hashes[2] == "180aee12dab6264:1");
    CHECK(hashes[3] == "a23a3dc5e078b07b:1");
}

TEST_CASE("CRLF line endings hash like LF") {
    CHECK(primary_location_line_hashes(" a\r\nb\r\n  \t\tc\r\n d") == primary_location_line_hashes(" a\nb\n  \t\tc\n d"));
}

TEST_CASE("lines with identical 100-character windows share a hash and count up") {
    std::string text;
    for (int i = 0; i < 300; ++i) text += "a\n";
    const auto hashes = primary_location_line_hashes(text);
    REQUIRE(hashes.size() >= 300);
    const std::string first = hashes[0].substr(0, hashes[0].find(':'));
    CHECK(hashes[0] == first + ":1");
    CHECK(hashes[1] == first + ":2");
    CHECK(hashes[9] == first + ":10");
    CHECK(hashes[299].substr(0, hashes[299].find(':')) != first);  // its window reaches the end of the file
}
