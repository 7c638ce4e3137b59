// keylint's JSON report. The shape is documented in docs/json-output.md and is stable within a
// major version: new fields may appear, existing ones keep their meaning.
#pragma once

#include <nlohmann/json.hpp>

#include "core/run_result.hpp"
#include "report/report_options.hpp"

namespace keylint {

nlohmann::ordered_json json_report(const RunResult& run, const ReportOptions& options);

}  // namespace keylint
