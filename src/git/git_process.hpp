// Running git: every call is `git` with an argument vector (posix_spawn, never a shell), found in
// the absolute PATH entries only (a relative entry would find a `git` planted in the scanned
// tree), with the repository's fsmonitor command turned off, in the current directory, with the
// user's environment (GIT_DIR, GIT_INDEX_FILE from hooks still apply).
// Standard error goes to a temporary file, so a chatty git can never block on a full pipe; it is
// kept for the error messages.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

struct GitOutput {
    int exit_code = 0;    // 128 + signal number when git was killed; 127 when git is missing
    std::string out;      // standard output, complete
    std::string err;      // standard error, trimmed
};

// Runs `git ARGS...` to completion. Throws std::runtime_error if git cannot be started at all.
GitOutput run_git(const std::vector<std::string>& args);

// A buffered reader over a file descriptor.
class FdReader {
   public:
    explicit FdReader(int fd) : fd_(fd) {}
    // A line without its '\n'; nullopt at end of input (a final unterminated line is returned).
    std::optional<std::string> read_line();
    // Exactly `count` bytes appended to `out` (or discarded when out is null); false at early EOF.
    bool read_exact(size_t count, std::string* out);

   private:
    bool fill();
    int fd_;
    std::vector<char> buffer_ = std::vector<char>(1 << 20);
    size_t begin_ = 0, end_ = 0;
};

// One object read by GitBlobReader.
struct BlobContent {
    std::optional<std::string> bytes;  // empty when skipped or unreadable
    std::string problem;               // why not
    bool unreadable = false;           // missing or corrupt, rather than skipped on purpose
    uint64_t size = 0;
};

// Reads blobs through one long-running `git cat-file --batch`. Blobs larger than max_size are
// drained without being kept. If git dies on a corrupt object, that object is reported unreadable
// and a new cat-file process carries on with the rest.
class GitBlobReader {
   public:
    explicit GitBlobReader(uint64_t max_size) : max_size_(max_size) {}
    // Calls `deliver(index, content)` for every id, in order, on the calling thread.
    void read_all(const std::vector<std::string>& ids, const std::function<void(size_t, BlobContent&&)>& deliver);

   private:
    // Reads ids[first..] with one cat-file process; returns the index it stopped at (ids.size()
    // when done).
    size_t read_from(const std::vector<std::string>& ids, size_t first, const std::function<void(size_t, BlobContent&&)>& deliver);
    uint64_t max_size_;
};

}  // namespace keylint
