// Inputs: turns the paths on the command line into the list of files to read. Directories are
// walked recursively on every core (without following symlinks unless asked, and safe against
// loops), `.git` directories are skipped, ignore files are honoured, and every file left out is
// reported as a Diagnostic with its reason. The result does not depend on the thread count.
// Tested in tests/unit/file_walker_test.cpp and the end-to-end tests.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/run_result.hpp"

namespace keylint {

struct WalkOptions {
    bool follow_symlinks = false;
    bool use_ignore_files = true;  // .gitignore, .ignore, .keylintignore (walk/ignore_rules.hpp)
    unsigned threads = 0;          // directories listed in parallel; 0: one thread per core
};

struct InputFile {
    std::filesystem::path path;  // where to read it
    // How reports name it, with forward slashes: relative to the root when the only root is a
    // directory; otherwise relative to the current directory (each root as written, then the
    // path below it), so files of two roots never share a name.
    std::string display_path;
};

struct WalkResult {
    std::vector<InputFile> files;          // sorted by display path
    std::vector<Diagnostic> diagnostics;   // skipped and unreadable entries, sorted by path
};

// Whether the roots are one directory, which report paths are then relative to.
bool roots_are_one_directory(const std::vector<std::string>& roots);

// A missing root is a UsageError (exit 2), not a diagnostic.
WalkResult walk_inputs(const std::vector<std::string>& roots, const WalkOptions& options);

// The same, also calling `on_file` for each file as soon as it is found, from the walking threads and
// in no particular order, so files can be read while the walk goes on.
using FileFound = std::function<void(const InputFile&)>;
WalkResult walk_inputs(const std::vector<std::string>& roots, const WalkOptions& options, const FileFound& on_file);

}  // namespace keylint
