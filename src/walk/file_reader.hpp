// Reads one input file for the detectors, deciding whether it is scannable: files over the size
// limit and binary files (a NUL byte in the first 8 KiB) are skipped with a reason. UTF-16 text
// with a byte-order mark (as Windows tools write it) is decoded to UTF-8 and scanned; UTF-16
// without one has NUL bytes and counts as binary.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace keylint {

constexpr uint64_t default_max_file_size = 25ull << 20;

struct ReadOutcome {
    std::optional<std::string> bytes;  // empty when skipped or unreadable
    std::string problem;               // why not, for the diagnostic
    bool unreadable = false;           // an I/O error rather than a deliberate skip
};

ReadOutcome read_input_file(const std::filesystem::path& path, uint64_t max_file_size);

bool looks_binary(std::string_view bytes);

// UTF-16LE/BE text that starts with its byte-order mark, decoded to UTF-8 without the mark
// (unpaired surrogates and an odd last byte become U+FFFD); nullopt without a mark.
std::optional<std::string> decode_utf16_with_bom(std::string_view bytes);

}  // namespace keylint
