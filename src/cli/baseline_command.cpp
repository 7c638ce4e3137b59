// keylint baseline create|update: scan as `keylint scan` would and write the findings as a
// baseline file (filters/baseline.hpp), which `scan` then uses to report only new findings.
#include <filesystem>
#include <iostream>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/option_parsing.hpp"
#include "cli/scan_modes.hpp"
#include "core/error.hpp"
#include "filters/baseline.hpp"

namespace keylint {
namespace po = boost::program_options;

int baseline_command(const Arguments& args) {
    SecretScanRequest request;
    std::string config, output;
    bool force = false;
    InputSettings input;
    GitSettings git;
    std::vector<std::string> rest;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("output,o", po::value(&output)->value_name("FILE"),
         "the baseline file; default: .keylint-baseline.json in the scanned directory (the repository root in git "
         "modes), where `keylint scan` finds it by itself")
        ("force", po::bool_switch(&force), "create: replace an existing baseline file (and its salt)")
        ("config,c", po::value(&config)->value_name("FILE"), "rule file, as for `keylint scan`")
        ("threads,j", po::value(&request.settings.threads)->value_name("N"), "worker threads (default: one per core)");
    input.add_to(options);
    git.add_to(options);
    options.add_options()("args", po::value(&rest)->value_name("ARG"), "");
    const std::string description =
        "  create [PATH...]   scan PATHs (default: the current directory) and record every finding in a new\n"
        "                     baseline file, with a fresh random salt\n"
        "  update [PATH...]   scan again and rewrite the baseline: new findings are added, entries whose finding\n"
        "                     is gone are dropped, the salt is kept\n"
        "\n"
        "`keylint scan` then hides the findings the baseline lists and says how many it hid. An entry is the rule,\n"
        "the path and a salted SHA-256 of the secret: never the secret, never a line number, so moving code does\n"
        "not change the file. Entries are sorted and carry no timestamps. Paths are relative to the scanned\n"
        "directory (the repository root in git modes): create the baseline where you run `keylint scan`.";
    if (!parse_command_line(args, options, "args", "keylint baseline create|update [PATH...] [OPTIONS]", description)) return 0;
    if (rest.empty()) throw UsageError("baseline: expected 'create' or 'update'");
    const std::string action = rest[0];
    if (action != "create" && action != "update") {
        throw UsageError("baseline: unknown action '" + action + "' (expected create or update)");
    }
    input.apply(request.walk, request.settings.max_file_size);
    request.paths.assign(rest.begin() + 1, rest.end());
    request.settings.credentials = &CredentialDetector::shared();  // every finding a scan can report
    request.settings.filters.show_secrets = true;                    // the entries digest them

    CollectedScan collected = collect_findings(config, std::move(request), git, BaselineSettings{.none = true});
    const std::filesystem::path target =
        output.empty() ? std::filesystem::path(collected.source_root) / default_baseline_name : std::filesystem::path(output);
    std::error_code ignored;
    const bool exists = std::filesystem::exists(target, ignored);
    if (action == "create" && exists && !force) {
        throw UsageError(target.string() + " exists; use `keylint baseline update` to refresh it, or --force to start anew");
    }
    if (action == "update" && !exists) {
        throw UsageError(target.string() + " does not exist; create it with `keylint baseline create`");
    }
    Baseline baseline = action == "update" ? Baseline::load(target.string()) : Baseline::with_new_salt();
    const auto [added, dropped] = baseline.replace_with(collected.run.findings);
    write_file_atomically(target, baseline.serialise(), "the baseline file");
    std::cerr << "keylint: baseline " << target.string() << ": " << baseline.entries().size() << " entries";
    if (action == "update") std::cerr << " (" << added << " added, " << dropped << " dropped)";
    std::cerr << '\n';
    return 0;
}

}  // namespace keylint
