// Reporter details that the end-to-end tests do not pin down.
#include <catch2/catch.hpp>
#include <sstream>

#include "report/json_reporter.hpp"
#include "report/json_stream.hpp"
#include "report/sarif_reporter.hpp"
#include "report/text_reporter.hpp"

using namespace keylint;

namespace {

RunResult sample_run() {
    RunResult run;
    run.command = "scan";
    Finding finding;
    finding.rule_id = "demo";
    finding.level = Level::warning;
    finding.message = "Demo finding.";
    finding.path = "dir with space/é.txt";
    finding.span = {3, 5, 3, 9};
    finding.snippet = "a\x1b[31mb\xff";
    finding.fingerprints["primaryLocationLineHash"] = "abc:1";
    run.findings.push_back(finding);
    RuleInfo info;
    info.id = "demo";
    info.title = "Demo";
    info.security_severity = 5.5;
    run.rules.push_back(info);
    run.stats.files_scanned = 2;
    run.stats.bytes_scanned = 2048;
    run.diagnostics.push_back({Diagnostic::Kind::skipped, "big.bin", "binary file"});
    return run;
}

}  // namespace

TEST_CASE("SARIF URIs are percent-encoded relative references") {
    CHECK(relative_path_uri("dir with space/\xC3\xA9.txt") == "dir%20with%20space/%C3%A9.txt");
    CHECK(relative_path_uri("a/b-c_d.e~f") == "a/b-c_d.e~f");
}

TEST_CASE("SARIF carries security-severity as a string and skipped files as notifications") {
    const auto sarif = sarif_report(sample_run(), ReportOptions{false, false, "/src/repo"});
    const auto& run = sarif["runs"][0];
    CHECK(run["tool"]["driver"]["rules"][0]["properties"]["security-severity"] == "5.5");
    CHECK(run["results"][0]["level"] == "warning");
    CHECK(run["results"][0]["ruleIndex"] == 0);
    CHECK(run["results"][0]["partialFingerprints"]["primaryLocationLineHash"] == "abc:1");
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir%20with%20space/%C3%A9.txt");
    CHECK(run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file:///src/repo/");
    CHECK(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == "skipped: binary file");
}

TEST_CASE("the text report neutralises control characters from scanned files") {
    std::ostringstream out;
    write_text_report(sample_run(), ReportOptions{}, out, true);
    const std::string text = out.str();
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("1 finding (1 warning). Scanned 2 files (2.0 KiB), skipped 0.") == std::string::npos);
    CHECK(text.find("1 finding (1 warning). Scanned 2 files (2.0 KiB).") != std::string::npos);
}

TEST_CASE("skipped and unreadable entries are counted from the diagnostics and summarised") {
    RunResult run = sample_run();
    run.diagnostics.push_back({Diagnostic::Kind::unreadable, "secret.pem", "cannot open: Permission denied"});
    run.diagnostics.push_back({Diagnostic::Kind::warning, "policy.json", "invalid JSON: syntax error at line 1, column 2"});
    run.count_diagnostics();
    CHECK(run.stats.files_skipped == 1);
    CHECK(run.stats.files_unreadable == 1);
    std::ostringstream out;
    write_text_report(run, ReportOptions{}, out, true);
    CHECK(out.str().find("Scanned 2 files (2.0 KiB), skipped 1, 1 unreadable.") != std::string::npos);
    const auto sarif = sarif_report(run, ReportOptions{});
    const auto& notifications = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notifications.size() == 3);
    CHECK(notifications[1]["message"]["text"] == "unreadable: cannot open: Permission denied");
    CHECK(notifications[1]["level"] == "warning");
    CHECK(json_report(run, ReportOptions{})["summary"]["files_unreadable"] == 1);
}

TEST_CASE("the JSON report has the documented top-level shape") {
    const auto json = json_report(sample_run(), ReportOptions{});
    CHECK(json["tool"]["name"] == "keylint");
    CHECK(json["summary"]["findings"] == 1);
    CHECK(json["findings"][0]["start_line"] == 3);
    CHECK(json["diagnostics"][0]["kind"] == "skipped");
    CHECK_NOTHROW(json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

TEST_CASE("a streamed array is written as dumping the whole document would write it") {
    using json = nlohmann::ordered_json;
    const auto element = [](size_t i) {
        return json{{"index", i}, {"nested", {{"list", json::array({1, 2})}, {"text", "bad \xff byte"}}}};
    };
    for (size_t count : {0u, 1u, 3u}) {
        json whole = {{"runs", json::array({{{"name", "r"}, {"results", json::array()}, {"after", true}}})}};
        json skeleton = whole;
        skeleton["runs"][0]["results"] = "@placeholder@";
        for (size_t i = 0; i < count; ++i) whole["runs"][0]["results"].push_back(element(i));
        std::ostringstream streamed;
        write_json_streaming_array(streamed, skeleton, "@placeholder@", count, element);
        CHECK(streamed.str() == whole.dump(2, ' ', false, json::error_handler_t::replace));
    }
    std::ostringstream out;
    CHECK_THROWS_AS(write_json_streaming_array(out, json{{"a", 1}}, "@placeholder@", 0, element), std::logic_error);
}

TEST_CASE("the JSON and SARIF writers write what their documents hold") {
    const RunResult run = sample_run();
    std::ostringstream json_text, sarif_text;
    write_json_report(run, ReportOptions{}, json_text);
    write_sarif_report(run, ReportOptions{false, false, "/src/repo"}, sarif_text);
    CHECK(json_text.str() == json_report(run, ReportOptions{}).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
    const auto sarif = nlohmann::ordered_json::parse(sarif_text.str());
    CHECK(sarif["runs"][0]["results"].size() == 1);
    CHECK(sarif["runs"][0]["results"][0]["ruleId"] == "demo");
    CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] ==
          "a\x1b[31mb\xef\xbf\xbd");
}
