// libFuzzer target: TOML, which has no document reader of its own, through the credential
// detector's format path: tree-sitter-toml → extract_literal_assignments. Every extracted
// literal must lie inside the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/source_text.hpp"
#include "credentials/syntax_extractor.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const keylint::SourceText text("config.toml", std::string(reinterpret_cast<const char*>(data), size));
    const keylint::SyntaxExtraction extraction = keylint::extract_literal_assignments(keylint::FileFormat::toml, text);
    keylint::fuzz::check_values(extraction.values, text.bytes());
    return 0;
}
