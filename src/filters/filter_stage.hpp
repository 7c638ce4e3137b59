// The filter stage of `keylint scan`: every filter between detection and the reporters, in one
// order for every input (directory, file and standard input, staged changes, a git range, the git
// history). It has two parts, because some filters need one file's text and all of its findings
// and the others need the run's:
//   per file  (filter_file_findings, called by detect_secrets while the text is at hand):
//             inline suppression markers (inline_suppression.hpp) → each finding's neighbouring
//             secrets noted for redaction → generic findings yielding to specific ones on their
//             line (generic_overlap.hpp)
//   per run   (filter_run_findings, called once by each pipeline when it holds every finding):
//             suppressed findings counted, and dropped unless include_suppressed → documentation
//             and example findings lowered to notes (documentation_examples.hpp) → baselined
//             findings dropped and counted (baseline.hpp) → redaction unless show_secrets
//             (redaction.hpp)
// Tested in tests/unit/filter_stage_test.cpp.
#pragma once

#include <optional>
#include <vector>

#include "core/finding.hpp"
#include "core/run_result.hpp"
#include "core/source_text.hpp"
#include "filters/baseline.hpp"

namespace keylint {

struct FilterOptions {
    bool include_suppressed = false;   // --include-suppressed
    bool show_secrets = false;         // --show-secrets; `baseline create|update`, which digest the secrets
    bool lower_documentation = false;  // `scan` without --strict
    std::optional<Baseline> baseline;  // --baseline, or the scanned directory's default file
};

// The per-file filters over `findings`, all of them `text`'s (secrets still in hand).
void filter_file_findings(const SourceText& text, std::vector<Finding>& findings);

// The per-run filters over `run.findings`; sets the suppressed and baselined counts of `run.stats`.
void filter_run_findings(const FilterOptions& options, RunResult& run);

}  // namespace keylint
