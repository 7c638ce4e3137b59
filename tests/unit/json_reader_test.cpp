#include <catch2/catch.hpp>

#include "syntax/json_reader.hpp"

using namespace keylint;

TEST_CASE("JSON values keep their spans") {
    const SourceText text("p.json", "{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": true}\n}\n");
    const ParseResult parsed = read_json(text);
    REQUIRE(parsed.root);
    const Value& root = *parsed.root;
    REQUIRE(root.is_object());
    REQUIRE(root.members.size() == 2);
    CHECK(root.members[0].key == "a");
    CHECK(root.members[0].key_span.start_line == 2);
    CHECK(root.members[0].key_span.start_column == 3);
    const Value* a = root.find("a");
    REQUIRE(a);
    REQUIRE(a->items.size() == 2);
    CHECK(a->items[1].scalar == "x");
    CHECK(a->items[1].span.start_line == 2);
    CHECK(a->items[1].span.start_column == 12);
    CHECK(a->items[1].span.end_column == 15);
    const Value* b = root.find("b");
    REQUIRE(b);
    CHECK(b->span.start_line == 3);
    CHECK(b->find("c")->kind == Value::Kind::boolean);
}

TEST_CASE("string escapes are decoded") {
    CHECK(unescape_json_string(R"(a\"b\\c\/d\n)") == "a\"b\\c/d\n");
    CHECK(unescape_json_string(R"(\u00e9\ud83d\ude00)") == "\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(unescape_json_string(R"(\ud800x)") == "\xEF\xBF\xBDx");  // lone surrogate
}

TEST_CASE("syntax errors are reported with their position") {
    const ParseResult parsed = read_json(SourceText("bad.json", "{\n  \"a\": [1, 2,,]\n}"));
    CHECK(!parsed.root);
    CHECK(parsed.error.starts_with("invalid JSON: "));
    CHECK(parsed.error.find("line 2") != std::string::npos);
}

TEST_CASE("empty and multi-value documents are rejected") {
    CHECK(read_json(SourceText("e.json", "  \n")).error == "invalid JSON: the file holds no value");
    CHECK(read_json(SourceText("m.json", "{} {}")).error.starts_with("invalid JSON"));
}

TEST_CASE("very deep nesting is refused, not a stack overflow") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const ParseResult parsed = read_json(SourceText("deep.json", deep));
    CHECK(!parsed.root);
    CHECK(parsed.error == "nesting deeper than 256 levels at line 1");
}
