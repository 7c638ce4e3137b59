// libFuzzer target: format detection by content (format_sniffer.hpp) and by name and content
// together (file_format.hpp): any text gets one of the formats, and sniffing reads no further
// than its first KiB.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "credentials/file_format.hpp"
#include "credentials/format_sniffer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const keylint::FileFormat sniffed = keylint::sniff_format(text);
    if (static_cast<int>(sniffed) < 0 || static_cast<int>(sniffed) > static_cast<int>(keylint::FileFormat::lock_file)) {
        __builtin_trap();
    }
    // Bytes past the sniffed prefix never change the answer.
    if (size > keylint::sniffed_bytes && keylint::sniff_format(text.substr(0, keylint::sniffed_bytes)) != sniffed) {
        __builtin_trap();
    }
    for (std::string_view name : {"config", "app.conf", ".muttrc", "settings.txt"}) {
        (void)keylint::detect_file_format(name, text);
    }
    return 0;
}
