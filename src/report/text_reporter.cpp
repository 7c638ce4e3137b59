#include "report/text_reporter.hpp"

#include <array>
#include <map>

namespace keylint {
namespace {

struct Palette {
    bool enabled;
    std::string paint(std::string_view text, std::string_view code) const {
        if (!enabled) return std::string(text);
        return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
    }
};

std::string_view level_colour(Level level) {
    switch (level) {
        case Level::error: return "1;31";
        case Level::warning: return "1;33";
        case Level::note: return "1;36";
    }
    return "0";
}

std::string plural(size_t count, std::string_view word) {
    return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

std::string human_bytes(size_t bytes) {
    static constexpr std::array<const char*, 4> units = {"B", "KiB", "MiB", "GiB"};
    double value = static_cast<double>(bytes);
    size_t unit = 0;
    while (value >= 1024 && unit + 1 < units.size()) {
        value /= 1024;
        ++unit;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return buffer;
}

// Control characters from the scanned file must not drive the user's terminal.
std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (c == '\t') out.push_back(' ');
        else if (c < 0x20 || c == 0x7F) out.push_back('?');
        else out.push_back(static_cast<char>(c));
    }
    return out;
}

}  // namespace

void write_text_report(const RunResult& run, const ReportOptions& options, std::ostream& out, bool with_summary) {
    const Palette palette{options.color};
    std::map<Level, size_t> per_level;
    std::string current_path;
    bool first_file = true;
    for (const Finding& finding : run.findings) {
        if (finding.path != current_path || first_file) {
            if (!first_file) out << '\n';
            out << palette.paint(printable(finding.path), "1") << '\n';
            current_path = finding.path;
            first_file = false;
        }
        if (finding.suppressed_by.empty()) ++per_level[finding.level];
        const std::string position = std::to_string(finding.span.start_line) + ":" + std::to_string(finding.span.start_column);
        std::string level(level_name(finding.level));
        level.resize(7, ' ');
        out << "  " << position << std::string(position.size() < 8 ? 8 - position.size() : 1, ' ')
            << palette.paint(level, level_colour(finding.level)) << ' ' << palette.paint(finding.rule_id, "2") << "  "
            << printable(finding.message);
        if (!finding.suppressed_by.empty()) out << " (suppressed by " << finding.suppressed_by << ")";
        out << '\n';
        if (!finding.snippet.empty()) out << "          " << printable(finding.snippet) << '\n';
        for (const RelatedLocation& related : finding.related_locations) {
            out << "          via " << printable(related.path) << ':' << related.span.start_line << "  "
                << printable(related.message) << '\n';
        }
    }
    if (!run.findings.empty()) out << '\n';

    if (!with_summary) return;
    size_t reported = 0;
    for (const auto& [level, count] : per_level) reported += count;
    std::string summary = reported == 0 ? "No findings" : plural(reported, "finding");
    if (reported > 0) {
        summary += " (";
        bool first = true;
        for (Level level : {Level::error, Level::warning, Level::note}) {
            if (per_level[level] == 0) continue;
            summary += (first ? "" : ", ") + plural(per_level[level], std::string(level_name(level)));
            first = false;
        }
        summary += ")";
    }
    summary += ". " + std::string(run.command == "policy" ? "Checked " : "Scanned ") + plural(run.stats.files_scanned, "file") +
               " (" + human_bytes(run.stats.bytes_scanned) + ")";
    if (run.stats.files_skipped > 0) summary += ", skipped " + std::to_string(run.stats.files_skipped);
    if (run.stats.files_unreadable > 0) summary += ", " + std::to_string(run.stats.files_unreadable) + " unreadable";
    if (run.stats.findings_suppressed > 0) summary += "; " + std::to_string(run.stats.findings_suppressed) + " suppressed inline";
    if (run.stats.findings_baselined > 0) summary += "; " + std::to_string(run.stats.findings_baselined) + " hidden by the baseline";
    summary += ".";
    out << palette.paint(summary, "1") << '\n';

}

}  // namespace keylint
