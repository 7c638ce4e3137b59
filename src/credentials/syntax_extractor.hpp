// Literal assignments read from a tree-sitter parse: object members (JSON, YAML, TOML, HCL),
// XML elements and attributes, and in code the assignments, declarations, object and dict
// literals, keyword arguments, default parameters and the string arguments of obvious setters
// (`define('DB_PASSWORD', '…')`, `setPassword("…")`, `os.Setenv("TOKEN", "…")`).
//
// Each language is a table of node shapes (which node types pair a name with a value, which are
// string literals, which children make a string an interpolation rather than a literal); one
// walker serves them all. A value that is not a plain literal (a variable, a call, an f-string, a
// YAML `!Ref`) is never extracted. Where a format spells the name beside the value
// (`{"name": "DB_PASSWORD", "value": "…"}`, `<add key="Password" value="…"/>`) the name is taken
// from its sibling; a Terraform `variable "db_password" { default = "…" }` is named by its label.
// Tested in tests/unit/syntax_extractor_test.cpp.
#pragma once

#include <vector>

#include "core/source_text.hpp"
#include "credentials/file_format.hpp"
#include "credentials/named_value.hpp"

namespace keylint {

struct SyntaxExtraction {
    std::vector<NamedValue> values;
    bool parsed = false;  // false: no grammar for the format, or the parse ran out of time
};

SyntaxExtraction extract_literal_assignments(FileFormat format, const SourceText& text);

bool has_syntax_reader(FileFormat format);

}  // namespace keylint
