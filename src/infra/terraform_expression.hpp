// Reading Terraform expression text that the HCL reader keeps as written (unknown values and
// templates): identifiers, a lone "${…}" in quotes, and the interpolations of a template. Shared
// by reference resolution (terraform_resolver.hpp), instance binding (terraform_instances.hpp) and
// resource references (references.hpp).
// Tested through tests/unit/stack_test.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace keylint {

// A character of a Terraform identifier (letters, digits, '_' and '-').
bool is_identifier_char(char c);

// `text` as a Terraform string literal: in double quotes, with `"` and `\` escaped.
std::string quoted_literal(std::string_view text);

// `text` without surrounding spaces, tabs and line breaks.
std::string_view trimmed_expression(std::string_view text);

// The expression x of `"${x}"` written alone in quotes; otherwise `text`, trimmed.
std::string_view unwrapped_expression(std::string_view text);

// One step of a traversal starting at `at`: `.name`, `["key"]` (a plain string: no escapes or
// interpolation) or `[0]`; the member key or index it names, and where it ends.
struct TraversalStep {
    std::string_view key;
    size_t end;
    bool index;  // written in brackets
};
std::optional<TraversalStep> traversal_step_at(std::string_view text, size_t at);

// `text` with each "${…}" replaced by what `rewrite` returns for the text inside it; an
// interpolation `rewrite` returns nullopt for is kept as written.
std::string rewrite_interpolations(const std::string& text,
                                   const std::function<std::optional<std::string>(std::string_view inside)>& rewrite);

}  // namespace keylint
