// keylint's JSON report. The shape is documented in docs/json-output.md and is stable within a
// major version: new fields may appear, existing ones keep their meaning.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "core/run_result.hpp"
#include "report/report_options.hpp"

namespace keylint {

// Writes the report, each finding built as it is written (a large run is never one document).
void write_json_report(const RunResult& run, const ReportOptions& options, std::ostream& out);

// The report as a document: what write_json_report writes, read back.
nlohmann::ordered_json json_report(const RunResult& run, const ReportOptions& options);

}  // namespace keylint
