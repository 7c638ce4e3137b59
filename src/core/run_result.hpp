// Everything one run of `scan` or `policy` hands to the reporters.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/rule_info.hpp"

namespace keylint {

// Something the run could not do or chose to skip (an unreadable file, a binary file). Reported
// in the text summary with --verbose and in SARIF toolExecutionNotifications: nothing is skipped
// silently.
struct Diagnostic {
    enum class Kind { skipped, warning, error };
    Kind kind = Kind::warning;
    std::string path;  // may be empty for run-wide problems
    std::string message;
};

// How many diagnostics are deliberate skips (counted in RunStats::files_skipped).
inline size_t count_skipped(const std::vector<Diagnostic>& diagnostics) {
    size_t skipped = 0;
    for (const Diagnostic& diagnostic : diagnostics) skipped += diagnostic.kind == Diagnostic::Kind::skipped ? 1 : 0;
    return skipped;
}

struct RunStats {
    size_t files_scanned = 0;
    size_t bytes_scanned = 0;
    size_t files_skipped = 0;
    size_t findings_suppressed = 0;
};

struct RunResult {
    std::string command;            // "scan" or "policy"
    std::vector<Finding> findings;  // in finding_order
    std::vector<RuleInfo> rules;    // metadata of every rule that can appear in findings
    std::vector<Diagnostic> diagnostics;
    RunStats stats;
};

}  // namespace keylint
