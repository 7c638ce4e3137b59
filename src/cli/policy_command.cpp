// keylint policy: options → policy-audit pipeline → report.
#include <string>

#include "audit/check_registry.hpp"
#include "audit/check_selection.hpp"
#include "checks/stack_check.hpp"
#include "cli/commands.hpp"
#include "cli/option_parsing.hpp"
#include "cli/report_output.hpp"
#include "core/error.hpp"
#include "pipeline/policy_audit.hpp"

namespace keylint {
namespace po = boost::program_options;
namespace {

// A whole number of days from 1 to 3650 (ten years), or a usage error saying what is wrong.
int parse_max_rotation_days(const std::string& text) {
    const std::string problem = "--max-rotation-days: '" + text + "' is not a number of days from 1 to 3650";
    if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos) {
        throw UsageError(problem);
    }
    const int days = std::stoi(text);
    if (days < 1 || days > 3650) throw UsageError(problem);
    return days;
}

}  // namespace

int policy_command(const Arguments& args) {
    ReportSettings report;
    PolicyAuditRequest request;
    InputSettings input;
    po::options_description options("Options");
    options.add_options()("help,h", "show this help");
    input.add_to(options);
    add_report_options(options, report);
    std::string max_rotation_days = "90";
    options.add_options()("max-rotation-days", po::value(&max_rotation_days)->value_name("DAYS")->default_value("90"),
                          "report secrets whose rotation schedule can leave more than DAYS days between rotations "
                          "(1 to 3650)");
    std::string only_checks, skipped_checks;
    options.add_options()("checks", po::value(&only_checks)->value_name("LIST"),
                          "run and report only these checks: comma-separated check ids or prefixes ending in *, e.g. "
                          "'iam-*,secret-no-rotation' (keylint rules list names them)");
    options.add_options()("skip-checks", po::value(&skipped_checks)->value_name("LIST"),
                          "do not run or report these checks (same form as --checks)");
    options.add_options()("paths", po::value(&request.paths)->value_name("PATH"), "files or directories to audit");

    const std::string description =
        "Audit AWS IAM policies for overbroad access: identity, resource and trust policy JSON files,\n"
        "CloudFormation templates (JSON, YAML) and Terraform (.tf, each directory as one module, with the local\n"
        "modules it calls); in templates and modules also the hygiene of Secrets Manager secrets and their KMS\n"
        "keys (encryption key, rotation and its interval, plaintext values, resource and key policies, tags).\n"
        "A Terraform plan in JSON (terraform show -json plan.out > plan.json) is audited with every value as\n"
        "Terraform resolved it, and its findings point at the .tf lines of the modules beside it (the plan's\n"
        "directory is taken as Terraform's working directory); those .tf files are then audited through the\n"
        "plan only. Terraform itself is not needed.\n"
        "PATH defaults to the current directory. Files that hold no policy are ignored; files that cannot be\n"
        "parsed are reported as warnings.\n"
        "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or run-time error.";
    if (!parse_command_line(args, options, "paths", "keylint policy [OPTIONS] [PATH...]", description)) return 0;
    check_report_settings(report);
    input.apply(request.walk, request.max_file_size);
    request.stack_settings.max_rotation_days = parse_max_rotation_days(max_rotation_days);
    const std::vector<RuleInfo> checks = policy_audit_rules();
    if (!only_checks.empty()) request.selection.only = parse_check_list("--checks", only_checks, checks);
    if (!skipped_checks.empty()) request.selection.skip = parse_check_list("--skip-checks", skipped_checks, checks);
    if (request.paths.empty()) request.paths.push_back(".");

    const RunResult run = run_policy_audit(request);
    return finish_run(run, report, source_root_of(request.paths));
}

}  // namespace keylint
