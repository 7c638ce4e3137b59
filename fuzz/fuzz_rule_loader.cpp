// libFuzzer target: rule-file TOML text → load_rule_text. A malformed file must end in a
// ConfigError (exit code 2 in the CLI), never a crash, a hang or a leak.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string_view>

#include "core/error.hpp"
#include "secrets/rule_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // `[extend] useDefault` loads the whole built-in pack; `[extend] path` reads a file, which a
    // fuzzer must not be able to point at /dev/zero.
    if (text.find("useDefault") != std::string_view::npos || text.find("path") != std::string_view::npos) {
        return -1;
    }
    try {
        keylint::RuleSet rules = keylint::load_rule_text("fuzz.toml", text, "/nonexistent-keylint-fuzz");
        (void)rules;
    } catch (const keylint::ConfigError&) {
    }
    return 0;
}
