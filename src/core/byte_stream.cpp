// See byte_stream.hpp.
#include "core/byte_stream.hpp"

#include <bit>

namespace keylint {

void ByteWriter::f64(double value) { u64(std::bit_cast<uint64_t>(value)); }

void ByteWriter::string(std::string_view text) {
    u32(static_cast<uint32_t>(text.size()));
    bytes_.append(text);
}

void ByteWriter::strings(const std::vector<std::string>& texts) {
    u32(static_cast<uint32_t>(texts.size()));
    for (const std::string& text : texts) string(text);
}

void ByteWriter::u32s(const std::vector<uint32_t>& values) {
    u32(static_cast<uint32_t>(values.size()));
    for (uint32_t value : values) u32(value);
}

std::string_view ByteReader::take(size_t size) {
    if (size > bytes_.size() - position_) throw FormatError("truncated at byte " + std::to_string(position_));
    const std::string_view part = bytes_.substr(position_, size);
    position_ += size;
    return part;
}

uint8_t ByteReader::u8() { return static_cast<uint8_t>(take(1)[0]); }

uint32_t ByteReader::u32() {
    const std::string_view part = take(4);
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<uint8_t>(part[static_cast<size_t>(i)]);
    return value;
}

uint64_t ByteReader::u64() {
    const std::string_view part = take(8);
    uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | static_cast<uint8_t>(part[static_cast<size_t>(i)]);
    return value;
}

double ByteReader::f64() { return std::bit_cast<double>(u64()); }

bool ByteReader::boolean() {
    const uint8_t value = u8();
    if (value > 1) throw FormatError("a boolean of " + std::to_string(value) + " at byte " + std::to_string(position_ - 1));
    return value == 1;
}

size_t ByteReader::count(size_t min_item_bytes) {
    const uint32_t items = u32();
    if (min_item_bytes != 0 && items > (bytes_.size() - position_) / min_item_bytes) {
        throw FormatError("a count of " + std::to_string(items) + " past the end at byte " + std::to_string(position_ - 4));
    }
    return items;
}

std::string ByteReader::string() {
    const uint32_t size = u32();
    return std::string(take(size));
}

std::vector<std::string> ByteReader::strings() {
    std::vector<std::string> texts(count(4));
    for (std::string& text : texts) text = string();
    return texts;
}

std::vector<uint32_t> ByteReader::u32s() {
    std::vector<uint32_t> values(count(4));
    for (uint32_t& value : values) value = u32();
    return values;
}

}  // namespace keylint
