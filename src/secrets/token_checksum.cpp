// See token_checksum.hpp.
#include "secrets/token_checksum.hpp"

#include <array>
#include <cstdint>
#include <string>

namespace keylint {
namespace {

// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum of zlib and PNG.
uint32_t crc32(std::string_view bytes) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> entries{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t value = i;
            for (int bit = 0; bit < 8; ++bit) value = (value & 1) ? 0xEDB88320u ^ (value >> 1) : value >> 1;
            entries[i] = value;
        }
        return entries;
    }();
    uint32_t crc = 0xFFFFFFFFu;
    for (char c : bytes) crc = table[(crc ^ static_cast<unsigned char>(c)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

std::string base62(uint32_t value, size_t width) {
    static constexpr std::string_view digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::string out;
    do {
        out.insert(out.begin(), digits[value % 62]);
        value /= 62;
    } while (value > 0);
    while (out.size() < width) out.insert(out.begin(), '0');
    return out;
}

constexpr size_t checksum_width = 6;
constexpr size_t entropy_width = 30;

}  // namespace

std::optional<TokenChecksum> parse_token_checksum(std::string_view name) {
    if (name == "crc32-base62") return TokenChecksum::crc32_base62;
    return std::nullopt;
}

std::optional<bool> token_checksum_holds(TokenChecksum kind, std::string_view token) {
    if (kind == TokenChecksum::none) return std::nullopt;
    const size_t separator = token.find('_');
    if (separator == std::string_view::npos || token.size() != separator + 1 + entropy_width + checksum_width) {
        return std::nullopt;
    }
    const std::string_view entropy = token.substr(separator + 1, entropy_width);
    return base62(crc32(entropy), checksum_width) == token.substr(token.size() - checksum_width);
}

}  // namespace keylint
