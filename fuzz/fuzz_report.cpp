// libFuzzer target: the JSON and SARIF writers, round trip. Input bytes become a finding's path,
// snippet, message and properties and a diagnostic; the report must serialise (invalid UTF-8 is
// replaced, as report_output.cpp does) and parse back to the same number of results.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/run_result.hpp"
#include "report/json_reporter.hpp"
#include "report/sarif_reporter.hpp"

namespace {
std::string take(std::string_view& input) {
    const size_t cut = input.find('\x1f');
    std::string part(input.substr(0, cut));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
    return part;
}

void round_trip(const nlohmann::ordered_json& document) {
    const std::string text = document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    const nlohmann::json parsed = nlohmann::json::parse(text);  // throws (and crashes the target) if invalid
    (void)parsed;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    keylint::RunResult run;
    run.command = "scan";
    keylint::Finding finding;
    finding.rule_id = "generic-password";
    finding.path = take(input);
    finding.message = take(input);
    finding.snippet = take(input);
    finding.properties["key"] = take(input);
    finding.fingerprints["keylint/v1"] = take(input);
    finding.span = {1, 1, 1, 2};
    run.findings.push_back(finding);
    run.diagnostics.push_back({keylint::Diagnostic::Kind::skipped, take(input), take(input)});
    run.diagnostics.push_back({keylint::Diagnostic::Kind::unreadable, std::string(input), "cannot open"});
    run.count_diagnostics();
    keylint::ReportOptions options;
    options.source_root = "/src";
    const nlohmann::ordered_json json = keylint::json_report(run, options);
    if (json["findings"].size() != 1) __builtin_trap();
    round_trip(json);
    const nlohmann::ordered_json sarif = keylint::sarif_report(run, options);
    if (sarif["runs"][0]["results"].size() != 1) __builtin_trap();
    round_trip(sarif);
    return 0;
}
