// JSON written inside a Terraform string: a heredoc (`<<EOF … EOF`) or a quoted string holding a
// policy document or an ECS container definition list. A heredoc is parsed in place (the file with
// everything but its body blanked), so every value keeps its exact span; the values of a quoted
// string all get the string's span.
// Tested through tests/unit/stack_test.cpp (policies) and tests/unit/hygiene_workloads_test.cpp.
#pragma once

#include <optional>
#include <string>

#include "core/source_text.hpp"
#include "syntax/document.hpp"

namespace keylint {

// `value` is a string value read from `text`; on failure, `error` says why.
std::optional<Value> parse_embedded_json(const Value& value, const SourceText& text, std::string& error);

}  // namespace keylint
