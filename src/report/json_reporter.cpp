#include "report/json_reporter.hpp"

#include <sstream>

#include "report/json_stream.hpp"

namespace keylint {
namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view findings_placeholder = "\x01keylint findings\x01";

std::string_view diagnostic_kind(Diagnostic::Kind kind) {
    switch (kind) {
        case Diagnostic::Kind::skipped: return "skipped";
        case Diagnostic::Kind::unreadable: return "unreadable";
        case Diagnostic::Kind::warning: return "warning";
    }
    return "warning";
}

json finding_json(const Finding& finding) {
    json item;
    item["rule_id"] = finding.rule_id;
    item["level"] = level_name(finding.level);
    item["message"] = finding.message;
    item["path"] = finding.path;
    item["start_line"] = finding.span.start_line;
    item["start_column"] = finding.span.start_column;
    item["end_line"] = finding.span.end_line;
    item["end_column"] = finding.span.end_column;
    item["snippet"] = finding.snippet;
    if (!finding.secret.empty()) item["secret"] = finding.secret;
    item["fingerprints"] = finding.fingerprints;
    item["properties"] = finding.properties;
    if (!finding.related_locations.empty()) {
        json related = json::array();
        for (const RelatedLocation& location : finding.related_locations) {
            related.push_back({{"path", location.path},
                               {"start_line", location.span.start_line},
                               {"start_column", location.span.start_column},
                               {"end_line", location.span.end_line},
                               {"end_column", location.span.end_column},
                               {"message", location.message}});
        }
        item["related_locations"] = std::move(related);
    }
    if (!finding.suppressed_by.empty()) item["suppressed_by"] = finding.suppressed_by;
    return item;
}

}  // namespace

void write_json_report(const RunResult& run, const ReportOptions&, std::ostream& out) {
    size_t reported = 0;
    for (const Finding& finding : run.findings) reported += finding.suppressed_by.empty() ? 1 : 0;
    json diagnostics = json::array();
    for (const Diagnostic& diagnostic : run.diagnostics) {
        diagnostics.push_back({{"kind", diagnostic_kind(diagnostic.kind)}, {"path", diagnostic.path}, {"message", diagnostic.message}});
    }
    json report;
    report["tool"] = {{"name", "keylint"}, {"version", KEYLINT_VERSION}};
    report["command"] = run.command;
    report["findings"] = std::string(findings_placeholder);
    report["summary"] = {
        {"findings", reported},
        {"suppressed", run.stats.findings_suppressed},
        {"baselined", run.stats.findings_baselined},
        {"files_scanned", run.stats.files_scanned},
        {"bytes_scanned", run.stats.bytes_scanned},
        {"files_skipped", run.stats.files_skipped},
        {"files_unreadable", run.stats.files_unreadable},
    };
    report["diagnostics"] = std::move(diagnostics);
    write_json_streaming_array(out, report, findings_placeholder, run.findings.size(),
                               [&run](size_t i) { return finding_json(run.findings[i]); });
    out << '\n';
}

nlohmann::ordered_json json_report(const RunResult& run, const ReportOptions& options) {
    std::ostringstream text;
    write_json_report(run, options, text);
    return json::parse(text.str());
}

}  // namespace keylint
