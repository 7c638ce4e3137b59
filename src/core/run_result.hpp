// Everything one run of `scan` or `policy` hands to the reporters.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/rule_info.hpp"

namespace keylint {

// Something the run could not do or chose to skip. Printed on stderr (skips only with
// --verbose), listed in JSON and in SARIF toolExecutionNotifications, counted in RunStats:
// nothing is left out silently.
struct Diagnostic {
    enum class Kind {
        skipped,     // left out on purpose: binary, too large, ignored, a symbolic link
        unreadable,  // an I/O error: permissions, a vanished file, an unlistable directory
        warning,     // read but not understood, e.g. a policy file that does not parse
    };
    Kind kind = Kind::warning;
    std::string path;  // may be empty for run-wide problems
    std::string message;
};

struct RunStats {
    size_t files_scanned = 0;
    size_t bytes_scanned = 0;
    size_t files_skipped = 0;     // Diagnostic::Kind::skipped
    size_t files_unreadable = 0;  // Diagnostic::Kind::unreadable
    // Scanned files whose format neither their name nor their content decides: the provider-token
    // rules ran on them, the structural credential detector could not (scan without --regex-only).
    size_t files_unplaced = 0;
    size_t findings_suppressed = 0;
    size_t findings_baselined = 0;  // hidden because the baseline file lists them
};

struct RunResult {
    std::string command;            // "scan" or "policy"
    std::vector<Finding> findings;  // in finding_order
    std::vector<RuleInfo> rules;    // metadata of every rule that can appear in findings
    std::vector<Diagnostic> diagnostics;
    RunStats stats;

    // Sets stats.files_skipped and stats.files_unreadable from the diagnostics.
    void count_diagnostics() {
        stats.files_skipped = stats.files_unreadable = 0;
        for (const Diagnostic& diagnostic : diagnostics) {
            if (diagnostic.kind == Diagnostic::Kind::skipped) ++stats.files_skipped;
            if (diagnostic.kind == Diagnostic::Kind::unreadable) ++stats.files_unreadable;
        }
    }
};

}  // namespace keylint
