// Inputs: turns the paths on the command line into the list of files to read. Directories are
// walked recursively on every core (without following symlinks unless asked, and safe against
// loops), `.git` directories are skipped, ignore files are honoured, and every file left out is
// reported as a Diagnostic with its reason. The result does not depend on the thread count.
// Tested in tests/unit/file_walker_test.cpp and the end-to-end tests.
#pragma once

#include <cstdint>
#include <filesystem>
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
    std::string display_path;    // how reports name it: relative to the scan root, forward slashes
};

struct WalkResult {
    std::vector<InputFile> files;          // sorted by display path
    std::vector<Diagnostic> diagnostics;   // skipped and unreadable entries, sorted by path
};

// A missing root is a UsageError (exit 2), not a diagnostic.
WalkResult walk_inputs(const std::vector<std::string>& roots, const WalkOptions& options);

}  // namespace keylint
