#include "core/line_hash.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

namespace keylint {
namespace {

constexpr size_t block_size = 100;
constexpr uint32_t end_of_file = 65535;

// UTF-8 → UTF-16 code units, one U+FFFD for each byte that does not start a valid sequence,
// handed to `emit` one by one: a 200 MB file must not become a 400 MB array of units.
template <typename Emit>
void for_each_utf16_unit(std::string_view text, Emit&& emit) {
    size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        size_t length = 0;
        uint32_t code = 0;
        if (lead < 0x80) { length = 1; code = lead; }
        else if (lead >= 0xC2 && lead <= 0xDF) { length = 2; code = lead & 0x1Fu; }
        else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; code = lead & 0x0Fu; }
        else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; code = lead & 0x07u; }
        bool valid = length > 0 && i + length <= text.size();
        for (size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            valid = (next & 0xC0) == 0x80;
            code = (code << 6) | (next & 0x3Fu);
        }
        if (valid && ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
                      (length == 4 && (code < 0x10000 || code > 0x10FFFF)))) {
            valid = false;
        }
        if (!valid) {
            emit(uint16_t{0xFFFD});
            ++i;
            continue;
        }
        if (code >= 0x10000) {
            code -= 0x10000;
            emit(static_cast<uint16_t>(0xD800 + (code >> 10)));
            emit(static_cast<uint16_t>(0xDC00 + (code & 0x3FF)));
        } else {
            emit(static_cast<uint16_t>(code));
        }
        i += length;
    }
}

class RollingLineHasher {
   public:
    explicit RollingLineHasher(std::vector<std::string>& out) : out_(out) {
        line_at_.fill(-1);
        for (size_t i = 0; i < block_size; ++i) first_mod_ *= 37;
    }

    void character(uint32_t c) {
        if (c == ' ' || c == '\t' || (previous_cr_ && c == '\n')) {
            previous_cr_ = false;
            return;
        }
        previous_cr_ = c == '\r';
        if (c == '\r') c = '\n';
        if (line_at_[index_] != -1) emit();
        if (line_start_) {
            line_start_ = false;
            line_at_[index_] = ++line_number_;
        }
        if (c == '\n') line_start_ = true;
        update(c);
    }

    void finish() {
        character(end_of_file);
        for (size_t i = 0; i < block_size; ++i) {
            if (line_at_[index_] != -1) emit();
            update(0);
        }
    }

   private:
    void update(uint32_t c) {
        const uint64_t leaving = window_[index_];
        window_[index_] = c;
        hash_ = 37 * hash_ + c - first_mod_ * leaving;
        index_ = (index_ + 1) % block_size;
    }

    void emit() {
        char hex[17];
        std::snprintf(hex, sizeof hex, "%llx", static_cast<unsigned long long>(hash_));
        const int count = ++seen_[hex];
        const auto line = static_cast<size_t>(line_at_[index_]);
        if (out_.size() < line) out_.resize(line);
        out_[line - 1] = std::string(hex) + ":" + std::to_string(count);
        line_at_[index_] = -1;
    }

    std::vector<std::string>& out_;
    std::array<uint32_t, block_size> window_{};
    std::array<long, block_size> line_at_{};
    std::unordered_map<std::string, int> seen_;
    uint64_t hash_ = 0;
    uint64_t first_mod_ = 1;
    size_t index_ = 0;
    long line_number_ = 0;
    bool line_start_ = true;
    bool previous_cr_ = false;
};

}  // namespace

std::vector<std::string> primary_location_line_hashes(std::string_view utf8_text) {
    std::vector<std::string> hashes;
    RollingLineHasher hasher(hashes);
    for_each_utf16_unit(utf8_text, [&](uint16_t unit) { hasher.character(unit); });
    hasher.finish();
    return hashes;
}

}  // namespace keylint
