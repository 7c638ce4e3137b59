// A compact binary encoding for data keylint builds once and reads many times (the prebuilt rule
// index, rule_index.hpp): little-endian fixed-width integers, and strings and lists prefixed by
// their length. Reading is bounds-checked: a short or corrupt input throws FormatError, never reads
// past the end.
// Tested in tests/unit/rule_index_test.cpp; fuzzed by fuzz/fuzz_rule_index.cpp.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

struct FormatError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ByteWriter {
   public:
    void u8(uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
    void u32(uint32_t value) {
        for (int shift = 0; shift < 32; shift += 8) u8(static_cast<uint8_t>(value >> shift));
    }
    void u64(uint64_t value) {
        for (int shift = 0; shift < 64; shift += 8) u8(static_cast<uint8_t>(value >> shift));
    }
    void i32(int32_t value) { u32(static_cast<uint32_t>(value)); }
    void f64(double value);
    void boolean(bool value) { u8(value ? 1 : 0); }
    void string(std::string_view text);
    void strings(const std::vector<std::string>& texts);
    void u32s(const std::vector<uint32_t>& values);

    const std::string& bytes() const { return bytes_; }

   private:
    std::string bytes_;
};

class ByteReader {
   public:
    explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

    uint8_t u8();
    uint32_t u32();
    uint64_t u64();
    int32_t i32() { return static_cast<int32_t>(u32()); }
    double f64();
    bool boolean();
    std::string string();
    std::vector<std::string> strings();
    std::vector<uint32_t> u32s();
    // A count of items that each take at least `min_item_bytes`: more than the rest can hold is
    // corrupt input, caught before anything is allocated for them.
    size_t count(size_t min_item_bytes = 1);

    bool at_end() const { return position_ == bytes_.size(); }

   private:
    std::string_view take(size_t size);

    std::string_view bytes_;
    size_t position_ = 0;
};

}  // namespace keylint
