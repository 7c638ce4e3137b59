// libFuzzer target: a pattern's literal prefix (secrets/regex_prefix.hpp). Whatever the pattern, the
// prefix is lower case, and never longer than the pattern.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "secrets/regex_prefix.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view pattern(reinterpret_cast<const char*>(data), size);
    const std::string prefix = keylint::regex_literal_prefix(pattern);
    if (prefix.size() > pattern.size()) __builtin_trap();
    for (char c : prefix) {
        if (std::isupper(static_cast<unsigned char>(c))) __builtin_trap();
    }
    return 0;
}
