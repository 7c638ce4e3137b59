// keylint policy: options → policy-audit pipeline → report.
#include "cli/commands.hpp"
#include "cli/option_parsing.hpp"
#include "cli/report_output.hpp"
#include "pipeline/policy_audit.hpp"

namespace keylint {
namespace po = boost::program_options;

int policy_command(const Arguments& args) {
    ReportSettings report;
    PolicyAuditRequest request;
    std::string max_file_size = "25M";
    bool no_ignore = false;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("max-file-size", po::value(&max_file_size)->default_value("25M")->value_name("SIZE"),
         "skip (and report) files larger than SIZE, e.g. 512K, 25M, 1G")
        ("no-ignore", po::bool_switch(&no_ignore), "do not honour .gitignore, .ignore and .keylintignore files (by default what they ignore is "
         "skipped and counted)")
        ("follow-symlinks", po::bool_switch(&request.walk.follow_symlinks),
         "read the targets of symbolic links (loops are detected); by default links are skipped and reported");
    add_report_options(options, report);
    options.add_options()("paths", po::value(&request.paths)->value_name("PATH"), "files or directories to audit");

    const std::string description =
        "Audit AWS IAM policies (identity, resource and trust policy JSON files) for overbroad access.\n"
        "PATH defaults to the current directory. Files that hold no policy are ignored; files that cannot be\n"
        "parsed are reported as warnings.\n"
        "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or run-time error.";
    if (!parse_command_line(args, options, "paths", "keylint policy [OPTIONS] [PATH...]", description)) return 0;
    check_report_settings(report);
    request.max_file_size = parse_size(max_file_size, "max-file-size");
    request.walk.use_ignore_files = !no_ignore;
    if (request.paths.empty()) request.paths.push_back(".");

    const RunResult run = run_policy_audit(request);
    return finish_run(run, report, source_root_of(request.paths));
}

}  // namespace keylint
