// Human-readable report: findings grouped by file, secrets already redacted, ANSI colour when
// asked, then a one-line summary. Diagnostics go to stderr, not into the report.
#pragma once

#include <ostream>

#include "core/run_result.hpp"
#include "report/report_options.hpp"

namespace keylint {

void write_text_report(const RunResult& run, const ReportOptions& options, std::ostream& out, bool with_summary);

}  // namespace keylint
