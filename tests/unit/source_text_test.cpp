#include <catch2/catch.hpp>

#include "core/source_text.hpp"

using keylint::SourceText;

TEST_CASE("positions are 1-based lines and columns") {
    const SourceText text("f", "ab\ncd\n\nef");
    CHECK(text.line_count() == 4);
    CHECK(text.position_at(0).line == 1);
    CHECK(text.position_at(0).column == 1);
    CHECK(text.position_at(4).line == 2);
    CHECK(text.position_at(4).column == 2);
    CHECK(text.position_at(6).line == 3);
    CHECK(text.position_at(9).line == 4);
    CHECK(text.position_at(9).column == 3);
}

TEST_CASE("columns count UTF-16 code units") {
    // "é" is 2 bytes and 1 unit; "😀" is 4 bytes and 2 units.
    const SourceText text("f", "\xC3\xA9x\xF0\x9F\x98\x80y");
    CHECK(text.position_at(2).column == 2);  // x
    CHECK(text.position_at(7).column == 5);  // y
}

TEST_CASE("invalid UTF-8 bytes count one unit each") {
    const SourceText text("f", "\xFF\xFEz");
    CHECK(text.position_at(2).column == 3);
    CHECK(keylint::utf16_length("\xE2\x82") == 2);
}

TEST_CASE("line_text strips the terminator, including CR") {
    const SourceText text("f", "one\r\ntwo\nthree");
    CHECK(text.line_text(1) == "one");
    CHECK(text.line_text(2) == "two");
    CHECK(text.line_text(3) == "three");
    CHECK(text.line_text(4).empty());
}
