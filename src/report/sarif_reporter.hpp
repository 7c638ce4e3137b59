// SARIF 2.1.0 for code-scanning dashboards (GitHub accepts it as is): one run, the metadata of
// every rule that appears, results with repo-relative URIs under %SRCROOT%, GitHub's
// primaryLocationLineHash, and every skipped file as a toolExecutionNotification. The end-to-end
// tests validate the output against the official schema.
#pragma once

#include <ostream>

#include <nlohmann/json.hpp>

#include "core/run_result.hpp"
#include "report/report_options.hpp"

namespace keylint {

// Writes the log, each result built as it is written (a large run is never one document).
void write_sarif_report(const RunResult& run, const ReportOptions& options, std::ostream& out);

// The log as a document: what write_sarif_report writes, read back.
nlohmann::ordered_json sarif_report(const RunResult& run, const ReportOptions& options);

// Percent-encodes a relative path for a SARIF artifactLocation.uri (keeps '/').
std::string relative_path_uri(std::string_view path);

}  // namespace keylint
