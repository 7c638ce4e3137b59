// keylint scan: options → rule set (config discovery) → secret-scan pipeline → report.
#include "cli/commands.hpp"
#include "cli/option_parsing.hpp"
#include "cli/report_output.hpp"
#include "cli/scan_modes.hpp"

namespace keylint {
namespace po = boost::program_options;

int scan_command(const Arguments& args) {
    ReportSettings report;
    SecretScanRequest request;
    std::string config;
    InputSettings input;
    bool regex_only = false;
    bool strict = false;
    GitSettings git;
    BaselineSettings baseline;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("config,c", po::value(&config)->value_name("FILE"),
         "rule file in gitleaks/keylint TOML format; default: $KEYLINT_CONFIG, else .keylint.toml or .gitleaks.toml "
         "in the scanned directory, else the built-in rules")
        ("threads,j", po::value(&request.settings.threads)->value_name("N"), "worker threads (default: one per core)")
        ("stdin-filename", po::value(&request.stdin_name)->value_name("NAME"),
         "the name to report for standard input (given as the path '-')")
        ("include-suppressed", po::bool_switch(&request.settings.filters.include_suppressed),
         "also report findings suppressed inline (keylint:allow, gitleaks:allow, pragma: allowlist secret, …); "
         "they never affect the exit code")
        ("regex-only", po::bool_switch(&regex_only),
         "run only the rule pack's regular expressions; skip the structural detection of generic passwords and "
         "credentials (rules generic-password and generic-secret)")
        ("strict", po::bool_switch(&strict),
         "report findings in documentation, examples and tests (docs/, examples/, testdata/, fixtures/, *.examples.json, "
         "test files) and documentation-phrase values (VERYSECRET, ThisIsATemporaryPassword) at their rule's level; "
         "by default they are notes that do not fail the run, with the reason in their 'lowered' property")
        ("show-secrets", po::bool_switch(&request.settings.filters.show_secrets),
         "print secrets unredacted (for local triage only; never in CI logs)");
    input.add_to(options);
    git.add_to(options);
    baseline.add_to(options);
    add_report_options(options, report);
    options.add_options()("paths", po::value(&request.paths)->value_name("PATH"), "files or directories to scan");

    const std::string description =
        "Find hardcoded credentials in files and directories: provider tokens and private keys by the rule\n"
        "pack's patterns, and generic passwords and keys by reading the structure of configuration and code.\n"
        "PATH defaults to the current directory; '-' reads standard input. With a git mode (--staged, --git-range,\n"
        "--since-commit, --git-history) the repository is the one holding the current directory, PATHs limit the\n"
        "scan to those paths, and report paths are relative to the repository root.\n"
        "Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or run-time error.";
    if (!parse_command_line(args, options, "paths", "keylint scan [OPTIONS] [PATH...]", description)) return 0;
    check_report_settings(report);
    input.apply(request.walk, request.settings.max_file_size);
    if (!regex_only) request.settings.credentials = &CredentialDetector::shared();
    request.settings.filters.lower_documentation = !strict;
    return scan_and_report(config, std::move(request), git, baseline, report);
}

}  // namespace keylint
