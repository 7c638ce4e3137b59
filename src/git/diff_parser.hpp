// Parsers for git's plumbing output, tested in tests/unit/git_diff_parser_test.cpp:
//   - unified diffs with zero context (`git diff -p -U0 --full-index`, also `git log -p` with a
//     commit header line): per file, the new path, the new blob id and the added line ranges;
//   - raw logs (`git log --raw -z --no-abbrev`): per commit, the blobs it records.
// Paths that git quotes ("a\tb", octal escapes) are unquoted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

// The commit header line keylint asks git for: \x01 id \x1f author \x1f email \x1f date (ISO 8601).
inline constexpr const char* commit_header_format = "--format=%x01%H%x1f%an%x1f%ae%x1f%aI";

struct CommitInfo {
    std::string id;
    std::string author;
    std::string email;
    std::string date;
};

struct LineRange {
    uint32_t first = 0, last = 0;  // 1-based, inclusive, in the new file
};

struct FileChange {
    std::string path;                  // the new path, relative to the repository root
    std::string blob;                  // the new blob id (needs --full-index), empty if unknown
    std::vector<LineRange> added;      // ascending, non-overlapping
    bool binary = false;               // git showed "Binary files … differ": no line information
    bool not_a_file = false;           // a submodule or a symbolic link
    size_t commit = 0;                 // index into the parsed commits (0 for a plain diff)
};

struct ParsedPatches {
    std::vector<CommitInfo> commits;  // empty for a plain diff
    std::vector<FileChange> files;    // in output order
};

// Parses `git diff` or `git log --format=<commit_header_format>` output made with -p -U0
// --full-index --no-color --no-ext-diff. Throws std::runtime_error on output it cannot follow.
ParsedPatches parse_patches(std::string_view text);

// Whether any line of [first, last] was added.
bool touches_added_lines(const std::vector<LineRange>& added, uint32_t first, uint32_t last);

struct RawEntry {
    std::string path;
    std::string blob;  // the new blob id
    size_t commit = 0;
};

struct ParsedRawLog {
    std::vector<CommitInfo> commits;
    std::vector<RawEntry> entries;  // regular files only (no deletions, submodules or symlinks)
};

// Parses `git log --raw -z --no-abbrev --no-renames --format=<commit_header_format>`.
ParsedRawLog parse_raw_log(std::string_view text);

// Undoes git's C-style quoting of a path ("a\tb" with the quotes); other text is returned as is.
std::string unquote_git_path(std::string_view text);

}  // namespace keylint
