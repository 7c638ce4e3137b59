// Per-language tables for the syntax extractor (syntax_extractor.hpp): the tree-sitter node types
// that pair a name with a value, the call shapes whose string arguments may be credentials, the
// string-literal node types, the children that turn a string into an interpolation, and the
// wrapper nodes to look through on the way to a value. Node and field names come from each
// grammar's node-types.json.
#pragma once

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "credentials/file_format.hpp"

namespace keylint {

struct PairShape {
    std::string_view type;
    std::string_view name_field;   // empty: the first named child
    std::string_view value_field;  // empty: the last named child
};

struct CallShape {
    std::string_view type;
    std::string_view function_field;
    std::string_view arguments_field;
};

struct LanguageShapes {
    const TSLanguage* language = nullptr;
    std::vector<PairShape> pairs;
    std::vector<CallShape> calls;
    std::vector<std::string_view> strings;
    std::vector<std::string_view> interpolations;
    std::vector<std::string_view> wrappers;
    bool xml = false;  // elements and attributes instead of pairs
    // Configuration nests settings: a bare `key` is named with its parent's key (`Jwt.Key`).
    bool nested_settings = false;
    // Expressions that fall back to a literal when a lookup is empty: `process.env.X || "…"`,
    // `os.environ.get("X") or "…"`, `getenv('X') ?: '…'`, `ENV["X"] || "…"`, `… ?? "…"`.
    std::vector<std::string_view> fallbacks;
};

// Null for formats without a grammar.
const LanguageShapes* language_shapes(FileFormat format);

}  // namespace keylint
