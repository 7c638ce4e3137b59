// SourceText: the bytes of one input plus a line index. Both halves report positions through
// it, so line and column numbers mean the same thing everywhere: lines are 1-based; columns are
// 1-based and counted in UTF-16 code units (SARIF's default column kind), with each byte of an
// invalid UTF-8 sequence counted as one unit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

struct Position {
    uint32_t line = 1;
    uint32_t column = 1;
};

class SourceText {
   public:
    SourceText(std::string path, std::string bytes);

    const std::string& path() const { return path_; }
    std::string_view bytes() const { return bytes_; }
    size_t line_count() const { return line_starts().size(); }

    // Position of a byte offset (offset == size() is the end of the text).
    Position position_at(size_t offset) const;
    // The 1-based line of a byte offset.
    uint32_t line_at(size_t offset) const;
    // The text of a 1-based line without its line terminator.
    std::string_view line_text(uint32_t line) const;
    size_t line_start_offset(uint32_t line) const { return line_starts().at(line - 1); }

   private:
    // Built on first use: most scanned files have no finding and never need it. A SourceText
    // belongs to one thread at a time.
    const std::vector<size_t>& line_starts() const;

    std::string path_;
    std::string bytes_;
    mutable std::vector<size_t> line_starts_;
    mutable size_t last_offset_ = 0;  // the last position_at answer, to count on from
    mutable Position last_position_{0, 0};
};

// Number of UTF-16 code units that the UTF-8 text encodes (invalid bytes count one each).
size_t utf16_length(std::string_view utf8);

}  // namespace keylint
