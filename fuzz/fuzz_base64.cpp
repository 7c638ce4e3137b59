// libFuzzer target: the base64 decoder (core/base64.hpp). Decoded text has exactly the bytes the
// input's sextets hold; anything with a character outside both alphabets is refused.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/base64.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto decoded = keylint::decode_base64(text);
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    if (decoded && decoded->size() != text.size() * 6 / 8) __builtin_trap();
    return 0;
}
