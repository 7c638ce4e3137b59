#include "cli/report_output.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/atomic_file.hpp"
#include "core/error.hpp"
#include "report/json_reporter.hpp"
#include "report/sarif_reporter.hpp"
#include "report/text_reporter.hpp"

namespace keylint {
namespace po = boost::program_options;

void add_report_options(po::options_description& options, ReportSettings& settings) {
    options.add_options()
        ("format,f", po::value(&settings.format)->default_value("text")->value_name("FORMAT"),
         "report format: text (for people), json (for scripts, see docs/json-output.md) or sarif (SARIF 2.1.0 for "
         "code scanning)")
        ("output,o", po::value(&settings.output)->value_name("FILE"),
         "write the report to FILE instead of standard output; the file is replaced only when the report is complete")
        ("color", po::value(&settings.color)->default_value("auto")->value_name("WHEN"),
         "colour the text report: auto (when standard output is a terminal and NO_COLOR is not set), always, never")
        ("quiet,q", po::bool_switch(&settings.quiet), "print no summary and no warnings to standard error")
        ("verbose,v", po::bool_switch(&settings.verbose),
         "also list every skipped file with the reason, and timing, on standard error")
        ("fail-on", po::value(&settings.fail_on)->default_value("note")->value_name("LEVEL"),
         "exit with 1 when a finding at or above LEVEL is reported: note, warning or error (findings lowered as "
         "documentation or examples never count; see scan --strict)")
        ("exit-zero", po::bool_switch(&settings.exit_zero),
         "exit with 0 even when there are findings (errors still exit with 2)");
}

void check_report_settings(ReportSettings& settings) {
    if (settings.format != "text" && settings.format != "json" && settings.format != "sarif") {
        throw UsageError("unknown --format '" + settings.format + "' (expected text, json or sarif)");
    }
    if (settings.color != "auto" && settings.color != "always" && settings.color != "never") {
        throw UsageError("unknown --color '" + settings.color + "' (expected auto, always or never)");
    }
    auto level = parse_level(settings.fail_on);
    if (!level) throw UsageError("unknown --fail-on level '" + settings.fail_on + "' (expected note, warning or error)");
    settings.fail_level = *level;
    if (settings.quiet && settings.verbose) throw UsageError("--quiet and --verbose cannot be used together");
}

static bool use_colour(const ReportSettings& settings) {
    if (settings.format != "text") return false;
    if (settings.color == "always") return true;
    if (settings.color == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return settings.output.empty() && ::isatty(STDOUT_FILENO);
}

static void print_diagnostics(const RunResult& run, const ReportSettings& settings) {
    if (settings.quiet) return;
    for (const Diagnostic& diagnostic : run.diagnostics) {
        if (diagnostic.kind == Diagnostic::Kind::skipped && !settings.verbose) continue;
        const char* kind = diagnostic.kind == Diagnostic::Kind::skipped      ? "skipped"
                           : diagnostic.kind == Diagnostic::Kind::unreadable ? "unreadable"
                                                                             : "warning";
        std::cerr << "keylint: " << kind << ": " << (diagnostic.path.empty() ? "" : diagnostic.path + ": ")
                  << diagnostic.message << '\n';
    }
    if (settings.verbose && run.stats.files_unplaced > 0) {
        std::cerr << "keylint: " << run.stats.files_unplaced
                  << " scanned file(s) of no format known by name or content got the provider-token rules only\n";
    }
    if (!settings.verbose && run.stats.files_skipped > 0) {
        std::cerr << "keylint: skipped " << run.stats.files_skipped
                  << " file(s) (binary, too large, ignored, symbolic links or special files); --verbose lists them\n";
    }
}

int finish_run(const RunResult& run, const ReportSettings& settings, const std::string& source_root) {
    ReportOptions options;
    options.color = use_colour(settings);
    options.verbose = settings.verbose;
    options.source_root = source_root;

    const auto write_report = [&](std::ostream& out) {
        if (settings.format == "text") write_text_report(run, options, out, !settings.quiet);
        else if (settings.format == "json") write_json_report(run, options, out);
        else write_sarif_report(run, options, out);
    };
    if (settings.output.empty()) {
        write_report(std::cout);
        std::cout << std::flush;
    } else {
        write_file_atomically(settings.output, write_report, "the report");
    }
    print_diagnostics(run, settings);

    bool failing = false;
    for (const Finding& finding : run.findings) {
        // Findings lowered as documentation or examples (filters/documentation_examples.hpp) do not fail the run.
        failing = failing || (finding.suppressed_by.empty() && finding.level >= settings.fail_level &&
                              finding.properties.count("lowered") == 0);
    }
    return failing && !settings.exit_zero ? 1 : 0;
}

}  // namespace keylint
