// Evaluating a Terraform expression that the HCL reader keeps as text (an unknown value): it is
// parsed with the HCL grammar and evaluated as Terraform evaluates it, as far as its inputs are
// known. What it evaluates:
// - literals, tuples, objects, string templates with interpolations and `%{if}` / `%{for}`
//   directives, attribute and index steps, parentheses;
// - operators (`!`, `-`, `*`, `/`, `%`, `+`, `<`, `<=`, `>`, `>=`, `==`, `!=`, `&&`, `||`) and
//   conditionals;
// - `for` expressions over lists and objects (`[for x in l : f(x) if c]`, `{for k, v in m : k => v}`);
// - the pure built-in functions policies and settings are written with: format, join, split,
//   replace (plain substrings), lower, upper, trimspace, trimprefix, trimsuffix, substr, concat,
//   merge, lookup, element, coalesce, coalescelist, compact, try, can, jsondecode, jsonencode,
//   tostring, tonumber, tobool, tolist, toset, tomap, length, keys, values, flatten, distinct,
//   contains, startswith, endswith, one; file and templatefile through `files` (a template is
//   rendered with its variables alone in scope, as Terraform renders it).
// `var.NAME`, `local.NAME` and `module.NAME` come from `named` (the resolver's variables, locals and
// module outputs). Anything else it cannot know — a resource's or data source's attribute, a
// function it does not evaluate, an operation on an unknown — stays an unknown value holding its
// source text, so references inside a built value (`merge(local.tags, { id = aws_x.y.id })`) are
// still read as references. A type error (an attribute a value does not have) fails the
// expression, as in Terraform, and `try` takes the next argument. Bounded: expressions nest at
// most 64 levels, and one evaluation makes at most 100,000 values.
// Tested in tests/unit/terraform_evaluator_test.cpp; fuzzed by fuzz/fuzz_terraform_expression.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "syntax/document.hpp"

namespace keylint {

// A file's text for `file(PATH)` and `templatefile(PATH, VARS)`, PATH as the expression wrote it;
// nullopt when it may not or cannot be read (the reader decides: inside the audited tree only).
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

// The value `var.x` / `local.x` / `module.x` (the first two parts of a traversal) names, resolved; nullopt when unknown.
using NamedValue = std::function<std::optional<Value>(std::string_view root)>;

// The value of `expression`; nullopt when it does not parse as one expression, fails, or is
// unknown as a whole. Its spans are `span`.
std::optional<Value> evaluate_terraform_expression(std::string_view expression, const NamedValue& named,
                                                   const Span& span, const FileReader& files = {});

// Whether `expression` is more than a traversal (`aws_x.y.arn`, `var.x["k"]`): a call, an
// operation, a template, a collection, a `for`. Only such text is worth evaluating.
bool needs_evaluation(std::string_view expression);

}  // namespace keylint
