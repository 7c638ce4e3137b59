// libFuzzer target: bytes → read_json (tree-sitter-json → document model). Any input either
// parses, with every span inside the text, or is rejected with a message; deep nesting is cut at
// max_nesting_depth.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/source_text.hpp"
#include "fuzz_checks.hpp"
#include "syntax/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const keylint::SourceText text("fuzz.json", std::string(reinterpret_cast<const char*>(data), size));
    const keylint::ParseResult result = keylint::read_json(text);
    if (result.root) {
        keylint::fuzz::check_document(*result.root, text);
    } else if (result.error.empty()) {
        __builtin_trap();  // a rejected input must say why
    }
    // The string unescaper on its own, on the same bytes.
    std::string unescaped = keylint::unescape_json_string(text.bytes());
    (void)unescaped;
    return 0;
}
