// JSON → document model (document.hpp), with spans, via tree-sitter-json. Rejects syntax
// errors and nesting deeper than max_nesting_depth with a message naming the position.
// Tested in tests/unit/json_reader_test.cpp.
#pragma once

#include "core/source_text.hpp"
#include "syntax/document.hpp"

namespace keylint {

constexpr size_t max_nesting_depth = 256;

ParseResult read_json(const SourceText& text);

// Decodes the body of a JSON string literal (without the quotes).
std::string unescape_json_string(std::string_view body);

}  // namespace keylint
