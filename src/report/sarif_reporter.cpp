#include "report/sarif_reporter.hpp"

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "report/json_stream.hpp"

namespace keylint {
namespace {

using json = nlohmann::ordered_json;

std::string severity_text(double value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

json rule_descriptor(const RuleInfo& rule) {
    json descriptor;
    descriptor["id"] = rule.id;
    descriptor["name"] = rule.id;
    descriptor["shortDescription"] = {{"text", rule.title}};
    descriptor["fullDescription"] = {{"text", rule.description}};
    descriptor["help"] = {{"text", rule.help}, {"markdown", rule.help}};
    if (!rule.help_uri.empty()) descriptor["helpUri"] = rule.help_uri;
    descriptor["defaultConfiguration"] = {{"level", level_name(rule.level)}};
    descriptor["properties"] = {
        {"tags", rule.tags},
        {"precision", rule.precision},
        {"security-severity", severity_text(rule.security_severity)},
    };
    return descriptor;
}

json sarif_region(const Span& span) {
    return {
        {"startLine", span.start_line},
        {"startColumn", span.start_column},
        {"endLine", span.end_line},
        {"endColumn", span.end_column},
    };
}

json physical_location(const std::string& path) {
    return {{"artifactLocation", {{"uri", relative_path_uri(path)}, {"uriBaseId", "SRCROOT"}}}};
}

std::string directory_uri(const std::string& directory) {
    std::string uri = "file://" + relative_path_uri(directory);
    if (uri.back() != '/') uri.push_back('/');
    return uri;
}

}  // namespace

std::string relative_path_uri(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string uri;
    for (unsigned char c : path) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                                c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved) {
            uri.push_back(static_cast<char>(c));
        } else {
            uri.push_back('%');
            uri.push_back(hex[c >> 4]);
            uri.push_back(hex[c & 0xF]);
        }
    }
    return uri;
}

namespace {

json sarif_result(const Finding& finding, size_t rule_index) {
    json region = sarif_region(finding.span);
    if (!finding.snippet.empty()) region["snippet"] = {{"text", finding.snippet}};
    json location = physical_location(finding.path);
    location["region"] = std::move(region);
    json result;
    result["ruleId"] = finding.rule_id;
    result["ruleIndex"] = rule_index;
    result["level"] = level_name(finding.level);
    result["message"] = {{"text", finding.message}};
    result["locations"] = json::array({{{"physicalLocation", std::move(location)}}});
    json fingerprints = json::object();
    for (const auto& [name, value] : finding.fingerprints) fingerprints[name] = value;
    result["partialFingerprints"] = std::move(fingerprints);
    if (!finding.related_locations.empty()) {
        json related = json::array();
        for (const RelatedLocation& location : finding.related_locations) {
            json physical = physical_location(location.path);
            physical["region"] = sarif_region(location.span);
            related.push_back({{"id", related.size()},
                               {"physicalLocation", std::move(physical)},
                               {"message", {{"text", location.message}}}});
        }
        result["relatedLocations"] = std::move(related);
    }
    if (!finding.properties.empty()) result["properties"] = finding.properties;
    if (!finding.suppressed_by.empty()) {
        result["suppressions"] = json::array({{{"kind", "inSource"}, {"justification", "marked " + finding.suppressed_by}}});
    }
    return result;
}

constexpr std::string_view results_placeholder = "\x01keylint results\x01";

}  // namespace

void write_sarif_report(const RunResult& run, const ReportOptions& options, std::ostream& out) {
    std::map<std::string, const RuleInfo*> rules_by_id;
    for (const RuleInfo& rule : run.rules) rules_by_id.emplace(rule.id, &rule);
    std::set<std::string> used;
    for (const Finding& finding : run.findings) used.insert(finding.rule_id);

    json rules = json::array();
    std::map<std::string, size_t> rule_index;
    for (const std::string& id : used) {
        auto found = rules_by_id.find(id);
        RuleInfo fallback;
        fallback.id = fallback.title = fallback.description = fallback.help = id;
        rule_index[id] = rules.size();
        rules.push_back(rule_descriptor(found != rules_by_id.end() ? *found->second : fallback));
    }

    json notifications = json::array();
    for (const Diagnostic& diagnostic : run.diagnostics) {
        json notification;
        const bool skipped = diagnostic.kind == Diagnostic::Kind::skipped;
        notification["level"] = skipped ? "note" : "warning";
        std::string prefix = skipped ? "skipped: " : diagnostic.kind == Diagnostic::Kind::unreadable ? "unreadable: " : "";
        notification["message"] = {{"text", prefix + diagnostic.message}};
        if (!diagnostic.path.empty()) {
            notification["locations"] = json::array({{{"physicalLocation", physical_location(diagnostic.path)}}});
        }
        notifications.push_back(std::move(notification));
    }

    json driver = {
        {"name", "keylint"},
        {"semanticVersion", KEYLINT_VERSION},
        {"version", KEYLINT_VERSION},
        {"rules", std::move(rules)},
    };
    // Files that could not be read are notifications; the run itself succeeded if it got here.
    json invocation = {{"executionSuccessful", true}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
    json sarif_run;
    sarif_run["tool"] = {{"driver", std::move(driver)}};
    sarif_run["invocations"] = json::array({std::move(invocation)});
    if (!options.source_root.empty()) {
        sarif_run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", directory_uri(options.source_root)}}}};
    }
    sarif_run["columnKind"] = "utf16CodeUnits";
    sarif_run["properties"] = {
        {"findingsSuppressedInline", run.stats.findings_suppressed},
        {"findingsHiddenByBaseline", run.stats.findings_baselined},
    };
    sarif_run["results"] = std::string(results_placeholder);
    const json document = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", json::array({std::move(sarif_run)})},
    };
    write_json_streaming_array(out, document, results_placeholder, run.findings.size(), [&](size_t i) {
        const Finding& finding = run.findings[i];
        return sarif_result(finding, rule_index.at(finding.rule_id));
    });
    out << '\n';
}

json sarif_report(const RunResult& run, const ReportOptions& options) {
    std::ostringstream text;
    write_sarif_report(run, options, text);
    return json::parse(text.str());
}

}  // namespace keylint
