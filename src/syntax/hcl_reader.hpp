// HCL (Terraform) → document model (document.hpp), with spans, via tree-sitter-hcl, in the shape
// of Terraform's JSON syntax: a body is an object; an attribute is a member; a block
// `resource "aws_iam_policy" "p" { … }` is a member "resource" whose value nests one object per
// label ({"aws_iam_policy": {"p": {…body…}}}), each spanning the whole block. Repeated blocks stay
// repeated members in source order. Literals become strings, numbers, booleans and null;
// tuples arrays; objects objects; a quoted template with text around its interpolations a string
// holding the raw text; a heredoc a string (indentation of `<<-` removed) spanning the whole
// heredoc; `jsonencode(x)` the value of x, and so are the type conversions `toset(x)`, `tolist(x)` and
// `tomap(x)` (a set keeps the list's items: keylint never relies on their order or uniqueness). Anything else (a reference such as `var.x` or
// `data.aws_iam_policy_document.d.json`, another function call, a lone "${…}", an operation) is
// an unknown value holding its source text. Nesting deeper than max_nesting_depth is an error.
// Tested in tests/unit/yaml_hcl_reader_test.cpp.
#pragma once

#include "core/source_text.hpp"
#include "syntax/document.hpp"

namespace keylint {

ParseResult read_hcl(const SourceText& text);

}  // namespace keylint
