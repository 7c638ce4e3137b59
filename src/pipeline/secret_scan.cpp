#include "pipeline/secret_scan.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iostream>
#include <optional>
#include <mutex>
#include <thread>

#include "core/fingerprints.hpp"
#include "credentials/file_format.hpp"
#include "filters/filter_stage.hpp"
#include "walk/file_reader.hpp"

namespace keylint {
namespace {

struct FileOutcome {
    std::vector<Finding> findings;
    std::optional<Diagnostic> diagnostic;
    size_t bytes = 0;
    bool scanned = false;
    bool unplaced = false;  // no reader for its format (RunStats::files_unplaced)
};

void scan_text(const SecretScanner& scanner, const CredentialDetector* credentials, const SourceText& text,
               FileOutcome& outcome) {
    if (auto problem = detect_secrets(scanner, credentials, text, outcome.findings)) {
        outcome.diagnostic = Diagnostic{Diagnostic::Kind::warning, text.path(), std::move(*problem)};
    }
    outcome.bytes = text.bytes().size();
    outcome.scanned = true;
    outcome.unplaced = credentials != nullptr && detect_file_format(text.path(), text.bytes()) == FileFormat::unknown;
}

FileOutcome scan_file(const SecretScanner& scanner, const CredentialDetector* credentials, const InputFile& file,
                      uint64_t max_file_size) {
    FileOutcome outcome;
    ReadOutcome read = read_input_file(file.path, max_file_size);
    if (!read.bytes) {
        outcome.diagnostic = Diagnostic{read.unreadable ? Diagnostic::Kind::unreadable : Diagnostic::Kind::skipped,
                                        file.display_path, read.problem};
        return outcome;
    }
    scan_text(scanner, credentials, SourceText(file.display_path, std::move(*read.bytes)), outcome);
    return outcome;
}

// Standard input, unless it is longer than max_bytes (then it is drained and nullopt returned,
// without holding more than max_bytes in memory).
std::optional<std::string> read_standard_input(uint64_t max_bytes) {
    std::string bytes;
    char buffer[65536];
    bool too_large = false;
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        const auto got = static_cast<size_t>(std::cin.gcount());
        if (too_large || bytes.size() + got > max_bytes) {
            too_large = true;
            bytes.clear();
            continue;
        }
        bytes.append(buffer, got);
    }
    if (too_large) return std::nullopt;
    return bytes;
}

// A configuration's global allowlists (paths, regexes, stopwords) hold for the structural
// findings from `first` on, as they do for the regex rules' matches.
void drop_globally_allowed(const SecretScanner& scanner, const SourceText& text, std::vector<Finding>& out,
                           size_t first) {
    if (scanner.rules().global_allowlists.empty()) return;
    auto allowed = [&](const Finding& finding) {
        return scanner.globally_allowed(finding.rule_id, text.path(), finding.secret,
                                        text.line_text(finding.span.start_line));
    };
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), allowed), out.end());
}

}  // namespace

std::optional<std::string> detect_secrets(const SecretScanner& scanner, const CredentialDetector* credentials,
                                          const SourceText& text, std::vector<Finding>& out) {
    std::optional<std::string> problem;
    if (credentials != nullptr) {
        std::vector<std::vector<size_t>> stem_hits;
        scanner.scan(text, out, &stem_hits);
        const size_t first_structural = out.size();
        problem = credentials->scan(text, stem_hits, out);
        drop_globally_allowed(scanner, text, out, first_structural);
    } else {
        scanner.scan(text, out);
    }
    filter_file_findings(text, out);
    add_fingerprints(text, out, 0);
    return problem;
}

RunResult run_secret_scan(const SecretScanner& scanner, const SecretScanRequest& request) {
    RunResult run;
    run.command = "scan";
    for (const SecretRule& rule : scanner.rules().rules) run.rules.push_back(rule.info());
    const ScanSettings& settings = request.settings;
    if (settings.credentials != nullptr) {
        for (const RuleInfo& info : CredentialDetector::rules()) run.rules.push_back(info);
    }

    std::vector<std::string> roots;
    bool read_stdin = false;
    for (const std::string& path : request.paths) {
        if (path == "-") read_stdin = true;
        else roots.push_back(path);
    }
    // Files are read and scanned while the walk goes on: the walking threads queue each file as they
    // find it. Deques, because their elements stay where they are as they grow.
    WalkOptions walk = request.walk;
    walk.threads = settings.threads;
    std::mutex mutex;
    std::condition_variable available;
    std::deque<InputFile> files;
    std::deque<FileOutcome> outcomes;
    bool walk_done = false;
    std::exception_ptr walk_failure;
    WalkResult walked;
    std::thread walker([&] {
        try {
            walked = walk_inputs(roots, walk, [&](const InputFile& file) {
                {
                    std::lock_guard lock(mutex);
                    files.push_back(file);
                    outcomes.emplace_back();
                }
                available.notify_one();
            });
        } catch (...) {
            walk_failure = std::current_exception();
        }
        {
            std::lock_guard lock(mutex);
            walk_done = true;
        }
        available.notify_all();
    });

    size_t next = 0;
    auto worker = [&] {
        while (true) {
            const InputFile* file = nullptr;
            FileOutcome* outcome = nullptr;
            {
                std::unique_lock lock(mutex);
                available.wait(lock, [&] { return next < files.size() || walk_done; });
                if (next >= files.size()) return;
                file = &files[next];
                outcome = &outcomes[next];
                ++next;
            }
            *outcome = scan_file(scanner, settings.credentials, *file, settings.max_file_size);
        }
    };
    const unsigned threads = settings.threads != 0 ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
    walker.join();
    if (walk_failure) std::rethrow_exception(walk_failure);
    std::optional<FileOutcome> stdin_outcome;
    if (read_stdin) {
        FileOutcome& outcome = stdin_outcome.emplace();
        std::optional<std::string> bytes = read_standard_input(settings.max_file_size);
        if (!bytes) {
            outcome.diagnostic = Diagnostic{Diagnostic::Kind::skipped, request.stdin_name, "larger than --max-file-size"};
        } else if (looks_binary(*bytes)) {
            outcome.diagnostic = Diagnostic{Diagnostic::Kind::skipped, request.stdin_name, "binary input"};
        } else {
            scan_text(scanner, settings.credentials, SourceText(request.stdin_name, std::move(*bytes)), outcome);
            if (outcome.unplaced && !outcome.diagnostic) {
                outcome.diagnostic = Diagnostic{Diagnostic::Kind::warning, request.stdin_name,
                                                "its format is not recognised by name or content, so only the provider-token "
                                                "rules ran; name it with --stdin-filename (e.g. settings.yml, .env) to read "
                                                "its structure"};
            }
        }
    }

    run.diagnostics = std::move(walked.diagnostics);

    // Reported in the walk's order (by display path) whatever order the files were found in.
    std::vector<size_t> order(files.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return files[a].display_path < files[b].display_path; });
    std::vector<FileOutcome*> in_order;
    for (size_t i : order) in_order.push_back(&outcomes[i]);
    if (stdin_outcome) in_order.push_back(&*stdin_outcome);
    for (FileOutcome* outcome_in_order : in_order) {
        FileOutcome& outcome = *outcome_in_order;
        if (outcome.scanned) {
            ++run.stats.files_scanned;
            run.stats.bytes_scanned += outcome.bytes;
            run.stats.files_unplaced += outcome.unplaced;
        }
        if (outcome.diagnostic) run.diagnostics.push_back(std::move(*outcome.diagnostic));
        for (Finding& finding : outcome.findings) run.findings.push_back(std::move(finding));
    }
    run.count_diagnostics();
    filter_run_findings(settings.filters, run);
    std::sort(run.findings.begin(), run.findings.end(), finding_order);
    return run;
}

}  // namespace keylint
