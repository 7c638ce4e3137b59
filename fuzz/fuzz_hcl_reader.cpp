// libFuzzer target: bytes → read_hcl (tree-sitter-yaml → document model, CloudFormation short
// tags to long forms). Any input either parses or is rejected with a message; deep nesting is
// cut at max_nesting_depth; aliases stay unknown values, so an anchor bomb cannot expand.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/source_text.hpp"
#include "fuzz_checks.hpp"
#include "syntax/hcl_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const keylint::SourceText text("fuzz.tf", std::string(reinterpret_cast<const char*>(data), size));
    const keylint::ParseResult result = keylint::read_hcl(text);
    if (result.root) {
        keylint::fuzz::check_document(*result.root, text);
    } else if (result.error.empty()) {
        __builtin_trap();  // a rejected input must say why
    }
    return 0;
}
