// YAML → document model (document.hpp), with spans, via tree-sitter-yaml. Reads the first
// document of a stream. CloudFormation short tags become their long forms so extraction sees one
// shape: `!Ref X` → {"Ref": X}, `!Sub s` → {"Fn::Sub": s}, `!GetAtt A.B` → {"Fn::GetAtt": ["A", "B"]},
// `!Condition C` → {"Condition": C}; the object spans the tag and its value, the key spans the
// tag. Aliases (`*name`) are unknown values. Nesting deeper than max_nesting_depth is an error.
// Tested in tests/unit/yaml_hcl_reader_test.cpp.
#pragma once

#include "core/source_text.hpp"
#include "syntax/document.hpp"

namespace keylint {

ParseResult read_yaml(const SourceText& text);

}  // namespace keylint
