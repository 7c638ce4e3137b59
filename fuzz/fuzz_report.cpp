// libFuzzer target: the JSON and SARIF writers, round trip. Input bytes, cut at 0x1f, become a
// finding's path, message, snippet, a property and a fingerprint, and two diagnostics. Each report
// must serialise (invalid UTF-8 is replaced, as report_output.cpp does) and parse back; when every
// part is valid UTF-8, every field must come back exactly, the SARIF URI percent-decoding to the
// path.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/run_result.hpp"
#include "report/json_reporter.hpp"
#include "report/sarif_reporter.hpp"

namespace {
using json = nlohmann::ordered_json;

std::string take(std::string_view& input) {
    const size_t cut = input.find('\x1f');
    std::string part(input.substr(0, cut));
    input = cut == std::string_view::npos ? std::string_view() : input.substr(cut + 1);
    return part;
}

bool valid_utf8(const std::string& text) {
    try {
        (void)json(text).dump();
        return true;
    } catch (const json::type_error&) {
        return false;
    }
}

json round_trip(const json& document) {
    const std::string text = document.dump(2, ' ', false, json::error_handler_t::replace);
    return json::parse(text);  // throws (and crashes the target) if invalid
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    __builtin_trap();  // relative_path_uri writes upper-case hex only
}

std::string percent_decoded(const std::string& uri) {
    std::string out;
    for (size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] != '%') {
            out.push_back(uri[i]);
            continue;
        }
        if (i + 2 >= uri.size()) __builtin_trap();
        out.push_back(static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2])));
        i += 2;
    }
    return out;
}

void expect(bool condition) {
    if (!condition) __builtin_trap();
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
    const std::string skipped_path = take(input);
    const std::string skipped_message = take(input);
    run.diagnostics.push_back({keylint::Diagnostic::Kind::skipped, skipped_path, skipped_message});
    const std::string unreadable_path(input);
    run.diagnostics.push_back({keylint::Diagnostic::Kind::unreadable, unreadable_path, "cannot open"});
    run.count_diagnostics();
    keylint::ReportOptions options;
    options.source_root = "/src";

    const bool exact = valid_utf8(finding.path) && valid_utf8(finding.message) && valid_utf8(finding.snippet) &&
                       valid_utf8(finding.properties["key"]) && valid_utf8(finding.fingerprints["keylint/v1"]) &&
                       valid_utf8(skipped_path) && valid_utf8(skipped_message) && valid_utf8(unreadable_path);

    const json report = round_trip(keylint::json_report(run, options));
    expect(report["findings"].size() == 1 && report["diagnostics"].size() == 2);
    if (exact) {
        const json& item = report["findings"][0];
        expect(item["path"] == finding.path && item["message"] == finding.message && item["snippet"] == finding.snippet);
        expect(item["properties"]["key"] == finding.properties["key"]);
        expect(item["fingerprints"]["keylint/v1"] == finding.fingerprints["keylint/v1"]);
        expect(report["diagnostics"][0]["path"] == skipped_path && report["diagnostics"][0]["message"] == skipped_message);
        expect(report["diagnostics"][1]["path"] == unreadable_path);
    }

    const json sarif = round_trip(keylint::sarif_report(run, options));
    const json& sarif_run = sarif["runs"][0];
    expect(sarif_run["results"].size() == 1);
    const json& result = sarif_run["results"][0];
    const json& location = result["locations"][0]["physicalLocation"];
    // The URI is ASCII whatever the path holds, and decodes to the path's bytes.
    expect(percent_decoded(location["artifactLocation"]["uri"].get<std::string>()) == finding.path);
    const json& notifications = sarif_run["invocations"][0]["toolExecutionNotifications"];
    expect(notifications.size() == 2);
    if (exact) {
        expect(result["message"]["text"] == finding.message);
        expect(finding.snippet.empty() ? !location["region"].contains("snippet")
                                       : location["region"]["snippet"]["text"] == finding.snippet);
        expect(result["properties"]["key"] == finding.properties["key"]);
        expect(result["partialFingerprints"]["keylint/v1"] == finding.fingerprints["keylint/v1"]);
        expect(notifications[0]["message"]["text"] == "skipped: " + skipped_message);
        expect(notifications[1]["message"]["text"] == "unreadable: cannot open");
    }
    return 0;
}
