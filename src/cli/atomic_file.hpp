// Writing an output file (a report, a baseline) whole or not at all, and only that file. The
// contents go to a new temporary file in the target's own directory, created exclusively under a
// random name (O_EXCL: a symbolic link or file planted under any name is never followed or
// truncated), which is then renamed over the target. An error leaves the target as it was and
// removes the temporary. An existing target that is not a plain file (a device such as /dev/null,
// a FIFO, a symbolic link such as /dev/stdout) is written through in place instead: replacing it
// would replace the device or the link. Tested in tests/e2e/run_hostile.py (output_files_are_written_through_a_new
// temporary_and_a_rename, a_planted_symlink_at_the_old_temporary_name_is_not_followed).
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>

namespace keylint {

// Throws std::runtime_error "TARGET: cannot write WHAT: reason" on failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view contents, std::string_view what);
// The same, with the contents written to a stream as they are produced (a large report).
void write_file_atomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& write_contents,
                           std::string_view what);

}  // namespace keylint
