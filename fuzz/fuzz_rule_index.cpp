// libFuzzer target: the prebuilt rule index (secrets/rule_index.hpp). The first byte picks the mode:
// 0 reads the rest as an index (FormatError or a rule set, never a crash); otherwise the rest is a
// rule file, and its index must read back as written.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/byte_stream.hpp"
#include "core/error.hpp"
#include "secrets/rule_index.hpp"
#include "secrets/rule_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] == 0) {
        try {
            keylint::read_rule_index(input);
        } catch (const keylint::FormatError&) {
        }
        return 0;
    }
    keylint::RuleSet rules;
    try {
        rules = keylint::load_rule_text("fuzz.toml", input, {});
    } catch (const keylint::ConfigError&) {
        return 0;
    }
    const keylint::ScannerTables tables = keylint::build_scanner_tables(rules, {"passw", "token"});
    const std::string bytes = keylint::write_rule_index(rules, tables);
    const keylint::RuleSet read = keylint::read_rule_index(bytes);
    if (!(*read.prebuilt_tables == tables) || keylint::write_rule_index(read, tables) != bytes) __builtin_trap();
    return 0;
}
