// What `scan` and `baseline create|update` share beyond the file options: the git scan modes
// (--staged, --git-range, --since-commit, --git-history, --branch), baseline selection
// (--baseline, --no-baseline), and running the scan in the chosen mode. The pipeline applies
// every filter (filters/filter_stage.hpp); the command line only fills in its options, the
// baseline file among them.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "cli/report_output.hpp"
#include "core/run_result.hpp"
#include "pipeline/secret_scan.hpp"

namespace keylint {

inline constexpr const char* default_baseline_name = ".keylint-baseline.json";

struct GitSettings {
    bool staged = false;
    std::string range;
    std::string since_commit;
    bool history = false;
    std::vector<std::string> branches;

    void add_to(boost::program_options::options_description& options);
    bool active() const { return staged || !range.empty() || !since_commit.empty() || history; }
    // UsageError for conflicting choices.
    void check() const;
};

struct BaselineSettings {
    std::string file;
    bool none = false;
    void add_to(boost::program_options::options_description& options);
};

struct CollectedScan {
    RunResult run;            // filtered as request.settings.filters asked
    std::string source_root;  // what report paths are relative to (the repository root in git modes)
};

// Runs a file or git scan with the configured rules (--config, else discovery in the source root)
// and the baseline `baseline` selects (--baseline, else the source root's default file).
CollectedScan collect_findings(const std::string& config, SecretScanRequest request, const GitSettings& git,
                               const BaselineSettings& baseline);

// scan: collect, report; returns the exit code.
int scan_and_report(const std::string& config, SecretScanRequest request, const GitSettings& git,
                    const BaselineSettings& baseline, const ReportSettings& report);

}  // namespace keylint
