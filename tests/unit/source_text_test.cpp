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

TEST_CASE("positions asked in any order agree with a fresh count, multi-byte characters included") {
    const std::string line = "a\xC3\xA9" "b\xF0\x9F\x98\x80" "c\xE2\x82\xAC" "d\xC3" "e";  // é, 😀, €, a broken sequence
    const std::string bytes = line + line + "\n" + line;
    const SourceText reused("f", bytes);
    for (size_t offset : {0, 3, 4, 2, 9, 5, 13, 15, 16, 17, 18, 30, 19, 40}) {
        const SourceText fresh("f", bytes);
        const keylint::Position expected = fresh.position_at(offset);
        const keylint::Position actual = reused.position_at(offset);
        INFO(offset);
        CHECK(actual.line == expected.line);
        CHECK(actual.column == expected.column);
    }
}
