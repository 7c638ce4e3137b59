// The options every reporting command shares (--format, --output, --color, --quiet, --verbose,
// --fail-on, --exit-zero) and the last step of a run: write the report, print diagnostics to
// stderr, compute the exit code.
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "core/level.hpp"
#include "core/run_result.hpp"

namespace keylint {

struct ReportSettings {
    std::string format = "text";
    std::string output;  // empty: stdout
    std::string color = "auto";
    bool quiet = false;
    bool verbose = false;
    std::string fail_on = "note";
    bool exit_zero = false;
    Level fail_level = Level::note;
};

void add_report_options(boost::program_options::options_description& options, ReportSettings& settings);

// Validates the parsed values (unknown format, level or colour mode → UsageError).
void check_report_settings(ReportSettings& settings);

// Writes the report atomically (a file is replaced only once complete) and returns the exit code:
// 0 nothing at or above the threshold, 1 findings.
int finish_run(const RunResult& run, const ReportSettings& settings, const std::string& source_root);

}  // namespace keylint
