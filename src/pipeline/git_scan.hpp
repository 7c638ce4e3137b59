// The git scan modes of `keylint scan`: what is staged (--staged), the commits of a range
// (--git-range, --since-commit) and the whole history (--git-history). Blob contents come from one
// long-running `git cat-file --batch` and go through the same detectors as files
// (detect_secrets, with the per-file filters) and the same per-run filters once the mode has chosen
// its findings; the result is a RunResult like a directory scan's, with paths relative to the
// repository root.
//
//   staged   the index blob of every added, copied, modified or renamed file is scanned whole (so
//            line numbers are the staged file's) and only findings on added or changed lines are
//            kept: deleting a secret never blocks a commit.
//   range    the same for every commit of the range (`git log -p -U0`, oldest first); a finding
//            carries the commit that added its line (properties commit, author, email, date).
//   history  every blob reachable from the refs (default: all refs) is scanned once, found with
//            `git log --raw` oldest commit first; a finding names the first commit that introduced
//            the blob, and a secret seen again at the same path in a later blob is not reported
//            twice (a suppressed sighting and an unsuppressed one are two).
//
// Files matched by the work tree's .keylintignore files are skipped and counted (git/keylintignore.hpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/run_result.hpp"
#include "credentials/credential_detector.hpp"
#include "git/repository.hpp"
#include "pipeline/scan_settings.hpp"
#include "secrets/secret_scanner.hpp"

namespace keylint {

enum class GitScanMode { staged, range, history };

struct GitScanRequest {
    GitScanMode mode = GitScanMode::staged;
    std::string base, head;              // range: resolved commit ids, base excluded
    std::vector<std::string> refs;       // history: the refs to walk; empty: every ref (--all)
    std::vector<std::string> pathspecs;  // limit to these paths (git pathspecs, relative to the current directory)
    std::string work_tree;               // where .keylintignore files are read; empty: none (bare repository)
    bool use_ignore_files = true;        // false with --no-ignore
    ScanSettings settings;               // as a file scan's
};

// The scanner, possibly still being built: git runs while the rules load, and the first blob to
// scan waits for them. Called from several threads; it must be thread-safe and may throw.
using ScannerSource = std::function<const SecretScanner&()>;

RunResult run_git_scan(const ScannerSource& scanner, const GitScanRequest& request);

}  // namespace keylint
