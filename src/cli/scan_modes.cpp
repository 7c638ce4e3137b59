#include "cli/scan_modes.hpp"

#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/option_parsing.hpp"
#include "cli/rule_config.hpp"
#include "core/error.hpp"
#include "filters/baseline.hpp"
#include "git/repository.hpp"
#include "pipeline/git_scan.hpp"

namespace keylint {
namespace po = boost::program_options;

void GitSettings::add_to(po::options_description& options) {
    options.add_options()
        ("staged", po::bool_switch(&staged),
         "scan what is staged for the next commit (the index) and report only secrets on added or changed lines; "
         "line numbers are the staged file's. For pre-commit hooks")
        ("git-range", po::value(&range)->value_name("BASE..HEAD"),
         "scan the lines added by the commits in BASE..HEAD (for CI on a pull request); findings carry the commit, "
         "author and date")
        ("since-commit", po::value(&since_commit)->value_name("REF"), "the same as --git-range REF..HEAD")
        ("git-history", po::bool_switch(&history),
         "scan every blob reachable from all refs (or the --branch refs) once; a finding names the first commit "
         "that introduced it")
        ("branch", po::value(&branches)->value_name("REF"),
         "with --git-history: walk only from REF (repeatable) instead of every ref");
}

void GitSettings::check() const {
    const int modes = (staged ? 1 : 0) + (range.empty() ? 0 : 1) + (since_commit.empty() ? 0 : 1) + (history ? 1 : 0);
    if (modes > 1) throw UsageError("choose one of --staged, --git-range, --since-commit and --git-history");
    if (!branches.empty() && !history) throw UsageError("--branch needs --git-history");
}

void BaselineSettings::add_to(po::options_description& options) {
    options.add_options()
        ("baseline", po::value(&file)->value_name("FILE"),
         "hide findings listed in this baseline file (see `keylint baseline --help`); by default "
         ".keylint-baseline.json in the scanned directory (the repository root in git modes) is used if present")
        ("no-baseline", po::bool_switch(&none), "do not use a baseline file, even if one is present");
}

// The structural detector's name stems ride in the scanner's keyword pass.
static std::vector<std::string> keywords_for(const CredentialDetector* credentials) {
    return credentials != nullptr ? CredentialDetector::name_stems() : std::vector<std::string>{};
}

// The baseline file `baseline` selects, loaded; nullopt for none.
static std::optional<Baseline> selected_baseline(const BaselineSettings& baseline, const std::string& source_root) {
    if (baseline.none && !baseline.file.empty()) throw UsageError("--baseline and --no-baseline cannot be used together");
    if (baseline.none) return std::nullopt;
    if (!baseline.file.empty()) return Baseline::load(baseline.file);
    const std::filesystem::path candidate = std::filesystem::path(source_root) / default_baseline_name;
    std::error_code ignored;
    if (!std::filesystem::is_regular_file(candidate, ignored)) return std::nullopt;
    return Baseline::load(candidate.string());
}

CollectedScan collect_findings(const std::string& config, SecretScanRequest request, const GitSettings& git,
                               const BaselineSettings& baseline) {
    git.check();
    CollectedScan collected;
    if (!git.active()) {
        if (request.paths.empty()) request.paths.push_back(".");
        collected.source_root = source_root_of(request.paths);
        const SecretScanner scanner(load_configured_rules(config, request.paths), keywords_for(request.settings.credentials));
        request.settings.filters.baseline = selected_baseline(baseline, collected.source_root);
        collected.run = run_secret_scan(scanner, request);
        return collected;
    }
    for (const std::string& path : request.paths) {
        if (path == "-") throw UsageError("standard input ('-') cannot be combined with a git scan mode");
    }
    const Repository repository = open_repository();
    collected.source_root = repository.root;
    GitScanRequest git_request;
    git_request.pathspecs = request.paths;
    git_request.use_ignore_files = request.walk.use_ignore_files;
    git_request.settings = std::move(request.settings);
    if (!repository.bare) git_request.work_tree = repository.root;
    if (git.staged) {
        if (repository.bare) throw UsageError("--staged needs a work tree; " + repository.root + " is a bare repository");
        git_request.mode = GitScanMode::staged;
    } else if (git.history) {
        git_request.mode = GitScanMode::history;
        for (const std::string& branch : git.branches) resolve_commit(repository, branch, "--branch");
        git_request.refs = git.branches;
    } else {
        git_request.mode = GitScanMode::range;
        const auto [base, head] = git.range.empty() ? std::make_pair(git.since_commit, std::string("HEAD")) : split_range(git.range);
        const char* option = git.range.empty() ? "--since-commit" : "--git-range";
        git_request.base = resolve_commit(repository, base, option);
        git_request.head = resolve_commit(repository, head, option);
    }
    git_request.settings.filters.baseline = selected_baseline(baseline, collected.source_root);
    // The rules load (~10 ms for the built-in pack) while git computes the diff and starts reading blobs.
    std::shared_future<std::shared_ptr<const SecretScanner>> scanner =
        std::async(std::launch::async, [&config, root = repository.root, credentials = git_request.settings.credentials] {
            return std::make_shared<const SecretScanner>(load_configured_rules(config, {root}), keywords_for(credentials));
        }).share();
    collected.run = run_git_scan([&scanner]() -> const SecretScanner& { return *scanner.get(); }, git_request);
    return collected;
}

int scan_and_report(const std::string& config, SecretScanRequest request, const GitSettings& git,
                    const BaselineSettings& baseline, const ReportSettings& report) {
    CollectedScan collected = collect_findings(config, std::move(request), git, baseline);
    const int status = finish_run(collected.run, report, collected.source_root);
    if (status == 1 && git.staged && !report.quiet) {
        std::cerr << "keylint: commit blocked: the staged changes add the secrets listed above.\n"
                     "  Remove them (and revoke any real credential that was exposed). If a finding is not a secret,\n"
                     "  mark its line with `keylint:allow`, or accept it into the baseline with `keylint baseline update`.\n";
    }
    return status;
}

}  // namespace keylint
