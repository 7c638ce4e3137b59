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
    InputSettings input;
    po::options_description options("Options");
    options.add_options()("help,h", "show this help");
    input.add_to(options);
    add_report_options(options, report);
    options.add_options()("paths", po::value(&request.paths)->value_name("PATH"), "files or directories to audit");

    const std::string description =
        "Audit AWS IAM policies for overbroad access: identity, resource and trust policy JSON files,\n"
        "CloudFormation templates (JSON, YAML) and Terraform (.tf, each directory as one module).\n"
        "PATH defaults to the current directory. Files that hold no policy are ignored; files that cannot be\n"
        "parsed are reported as warnings.\n"
        "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or run-time error.";
    if (!parse_command_line(args, options, "paths", "keylint policy [OPTIONS] [PATH...]", description)) return 0;
    check_report_settings(report);
    input.apply(request.walk, request.max_file_size);
    if (request.paths.empty()) request.paths.push_back(".");

    const RunResult run = run_policy_audit(request);
    return finish_run(run, report, source_root_of(request.paths));
}

}  // namespace keylint
