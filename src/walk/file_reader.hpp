// Reads one input file for the detectors, deciding whether it is scannable: files over the size
// limit and binary files (a NUL byte in the first 8 KiB) are skipped with a reason.
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

}  // namespace keylint
