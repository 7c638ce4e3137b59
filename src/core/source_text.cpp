// Line index for SourceText; tested in tests/unit/source_text_test.cpp.
#include "core/source_text.hpp"

#include <algorithm>
#include <cstring>

namespace keylint {

SourceText::SourceText(std::string path, std::string bytes) : path_(std::move(path)), bytes_(std::move(bytes)) {}

const std::vector<size_t>& SourceText::line_starts() const {
    if (line_starts_.empty()) {
        line_starts_.push_back(0);
        for (const char* at = bytes_.data(); (at = static_cast<const char*>(
                                                   std::memchr(at, '\n', bytes_.size() - static_cast<size_t>(at - bytes_.data())))) != nullptr;
             ++at) {
            line_starts_.push_back(static_cast<size_t>(at - bytes_.data()) + 1);
        }
    }
    return line_starts_;
}

uint32_t SourceText::line_at(size_t offset) const {
    offset = std::min(offset, bytes_.size());
    const std::vector<size_t>& starts = line_starts();
    return static_cast<uint32_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
}

Position SourceText::position_at(size_t offset) const {
    offset = std::min(offset, bytes_.size());
    const uint32_t line = line_at(offset);
    size_t from = line_starts()[line - 1];
    size_t units = 0;
    // Positions are mostly asked in increasing order; counting on from the last one on the same
    // line keeps a long minified line with many findings linear. Only from a character boundary.
    const bool boundary = last_offset_ < bytes_.size() && (static_cast<unsigned char>(bytes_[last_offset_]) & 0xC0) != 0x80;
    if (last_position_.line == line && last_offset_ >= from && last_offset_ <= offset && boundary) {
        from = last_offset_;
        units = last_position_.column - 1;
    }
    units += utf16_length(std::string_view(bytes_).substr(from, offset - from));
    last_offset_ = offset;
    last_position_ = Position{line, static_cast<uint32_t>(units + 1)};
    return last_position_;
}

std::string_view SourceText::line_text(uint32_t line) const {
    const std::vector<size_t>& starts = line_starts();
    if (line == 0 || line > starts.size()) return {};
    const size_t start = starts[line - 1];
    size_t end = line < starts.size() ? starts[line] - 1 : bytes_.size();
    if (end > start && bytes_[end - 1] == '\r') --end;
    return std::string_view(bytes_).substr(start, end - start);
}

size_t utf16_length(std::string_view utf8) {
    size_t units = 0;
    size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        size_t length = 1;
        if (lead >= 0xF0 && lead <= 0xF4) length = 4;
        else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
        else if (lead >= 0xC2 && lead <= 0xDF) length = 2;
        bool valid = length > 1 && i + length <= utf8.size();
        for (size_t k = 1; valid && k < length; ++k) {
            valid = (static_cast<unsigned char>(utf8[i + k]) & 0xC0) == 0x80;
        }
        if (length > 1 && !valid) length = 1;
        units += length == 4 ? 2 : 1;
        i += length;
    }
    return units;
}

}  // namespace keylint
