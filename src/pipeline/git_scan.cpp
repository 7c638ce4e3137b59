#include "pipeline/git_scan.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>

#include "filters/filter_stage.hpp"
#include "git/diff_parser.hpp"
#include "git/git_process.hpp"
#include "git/keylintignore.hpp"
#include "pipeline/secret_scan.hpp"
#include "walk/file_reader.hpp"

namespace keylint {
namespace {

// Blobs read ahead of the scanners are capped, so a history of large files cannot fill memory.
constexpr size_t max_queued_bytes = 64u << 20;

struct BlobTask {
    std::string blob;
    std::string path;
    std::string context;  // appended to diagnostics, e.g. " (commit 1a2b3c4d5e6f)"
};

struct BlobOutcome {
    std::vector<Finding> findings;
    std::optional<Diagnostic> diagnostic;
    size_t bytes = 0;
    bool scanned = false;
};

// Reads every task's blob on one thread (through git cat-file) and scans them on `threads` others.
std::vector<BlobOutcome> scan_blobs(const ScannerSource& scanner, const ScanSettings& settings,
                                    const std::vector<BlobTask>& tasks) {
    std::vector<BlobOutcome> outcomes(tasks.size());
    if (tasks.empty()) return outcomes;
    std::vector<std::string> ids;
    ids.reserve(tasks.size());
    for (const BlobTask& task : tasks) ids.push_back(task.blob);

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::pair<size_t, BlobContent>> queue;
    size_t queued_bytes = 0;
    bool reading_done = false;
    std::exception_ptr failure, scan_failure;

    std::thread reader([&] {
        try {
            GitBlobReader blobs(settings.max_file_size);
            blobs.read_all(ids, [&](size_t index, BlobContent&& content) {
                const size_t size = content.bytes ? content.bytes->size() : 0;
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return queued_bytes == 0 || queued_bytes + size <= max_queued_bytes; });
                queued_bytes += size;
                queue.emplace_back(index, std::move(content));
                changed.notify_all();
            });
        } catch (...) {
            std::lock_guard lock(mutex);
            failure = std::current_exception();
        }
        std::lock_guard lock(mutex);
        reading_done = true;
        changed.notify_all();
    });

    auto worker = [&] {
        for (;;) {
            std::pair<size_t, BlobContent> item;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return !queue.empty() || reading_done; });
                if (queue.empty()) return;
                item = std::move(queue.front());
                queue.pop_front();
                queued_bytes -= item.second.bytes ? item.second.bytes->size() : 0;
                changed.notify_all();
            }
            const BlobTask& task = tasks[item.first];
            BlobOutcome& outcome = outcomes[item.first];
            BlobContent& content = item.second;
            const SecretScanner* ready = nullptr;
            try {
                if (content.bytes) ready = &scanner();  // rules may still be loading: wait for them
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!scan_failure) scan_failure = std::current_exception();
                continue;  // keep draining, so the reader is never stuck on a full queue
            }
            if (!content.bytes) {
                outcome.diagnostic = Diagnostic{content.unreadable ? Diagnostic::Kind::unreadable : Diagnostic::Kind::skipped,
                                                task.path, content.problem + task.context};
            } else if (looks_binary(*content.bytes)) {
                outcome.diagnostic = Diagnostic{Diagnostic::Kind::skipped, task.path, "binary file" + task.context};
            } else {
                outcome.bytes = content.bytes->size();
                outcome.scanned = true;
                if (auto problem = detect_secrets(*ready, settings.credentials, SourceText(task.path, std::move(*content.bytes)),
                                                  outcome.findings)) {
                    outcome.diagnostic = Diagnostic{Diagnostic::Kind::warning, task.path, *problem + task.context};
                }
            }
        }
    };
    unsigned count = settings.threads != 0 ? settings.threads : std::max(1u, std::thread::hardware_concurrency());
    count = static_cast<unsigned>(std::min<size_t>(count, tasks.size()));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < count; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
    reader.join();
    if (scan_failure) std::rethrow_exception(scan_failure);
    if (failure) std::rethrow_exception(failure);
    return outcomes;
}

std::string short_id(const std::string& id) { return id.substr(0, 12); }

void attribute(Finding& finding, const CommitInfo& commit) {
    finding.properties["commit"] = commit.id;
    finding.properties["author"] = commit.author;
    finding.properties["email"] = commit.email;
    finding.properties["date"] = commit.date;
    finding.message += " Added in commit " + short_id(commit.id) + " by " + commit.author + " on " + commit.date.substr(0, 10) + ".";
}

GitOutput checked_git(const std::vector<std::string>& args, const char* what) {
    GitOutput output = run_git(args);
    if (output.exit_code != 0) {
        throw std::runtime_error(std::string(what) + " failed (exit " + std::to_string(output.exit_code) + ")" +
                                 (output.err.empty() ? "" : ": " + output.err));
    }
    return output;
}

std::vector<std::string> patch_arguments(const char* command) {
    return {"-c", "core.quotePath=false", command, "-p", "-U0", "--full-index", "--no-color", "--no-ext-diff",
            "--no-textconv", "--src-prefix=a/", "--dst-prefix=b/", "--no-relative", "--diff-filter=ACMR", "-M"};
}

bool is_null_id(const std::string& id) { return id.empty() || id.find_first_not_of('0') == std::string::npos; }

// A blob's statistics and diagnostic; its findings are the mode's to choose.
void record_outcome(BlobOutcome& outcome, RunResult& run) {
    if (outcome.scanned) {
        ++run.stats.files_scanned;
        run.stats.bytes_scanned += outcome.bytes;
    }
    if (outcome.diagnostic) run.diagnostics.push_back(std::move(*outcome.diagnostic));
}

// staged and range: scan each changed blob whole, keep the findings on added lines.
void scan_patches(const ScannerSource& scanner, const GitScanRequest& request, RunResult& run) {
    std::vector<std::string> args;
    if (request.mode == GitScanMode::staged) {
        args = patch_arguments("diff");
        args.push_back("--cached");
    } else {
        args = patch_arguments("log");
        for (const char* option : {"--reverse", "--no-show-signature", commit_header_format}) args.push_back(option);
        args.push_back(request.base + ".." + request.head);
    }
    args.push_back("--");
    args.insert(args.end(), request.pathspecs.begin(), request.pathspecs.end());
    const ParsedPatches patches = parse_patches(checked_git(args, request.mode == GitScanMode::staged ? "git diff" : "git log").out);

    std::vector<BlobTask> tasks;
    std::map<std::pair<std::string, std::string>, size_t> task_of;
    std::vector<size_t> file_task(patches.files.size(), SIZE_MAX);
    KeylintIgnore ignore(request.use_ignore_files ? request.work_tree : "");
    std::set<std::string> reported_ignored;
    for (size_t i = 0; i < patches.files.size(); ++i) {
        const FileChange& file = patches.files[i];
        if (file.path.empty() || is_null_id(file.blob) || (!file.binary && file.added.empty())) continue;
        const std::string context = patches.commits.empty() ? "" : " (commit " + short_id(patches.commits[file.commit].id) + ")";
        if (file.not_a_file) {
            run.diagnostics.push_back({Diagnostic::Kind::skipped, file.path, "symbolic link or submodule" + context});
            continue;
        }
        if (ignore.ignored(file.path)) {
            if (reported_ignored.insert(file.path).second) {
                run.diagnostics.push_back({Diagnostic::Kind::skipped, file.path, "ignored by .keylintignore"});
            }
            continue;
        }
        auto [entry, inserted] = task_of.emplace(std::make_pair(file.blob, file.path), tasks.size());
        if (inserted) tasks.push_back({file.blob, file.path, context});
        file_task[i] = entry->second;
    }
    std::vector<BlobOutcome> outcomes = scan_blobs(scanner, request.settings, tasks);

    for (BlobOutcome& outcome : outcomes) record_outcome(outcome, run);
    for (size_t i = 0; i < patches.files.size(); ++i) {
        if (file_task[i] == SIZE_MAX) continue;
        const FileChange& file = patches.files[i];
        for (const Finding& finding : outcomes[file_task[i]].findings) {
            // Git calls a file binary when it cannot show lines; if it is text to us, all of it counts.
            if (!file.binary && !touches_added_lines(file.added, finding.span.start_line, finding.span.end_line)) continue;
            Finding kept = finding;
            if (!patches.commits.empty()) attribute(kept, patches.commits[file.commit]);
            run.findings.push_back(std::move(kept));
        }
    }
}

// history: every reachable blob once, attributed to the first commit that recorded it.
void scan_history(const ScannerSource& scanner, const GitScanRequest& request, RunResult& run) {
    // --root: the first commit's files count even if log.showRoot is off; -m: blobs that only a merge
    // records (conflict resolutions) count too.
    std::vector<std::string> args{"log", "--raw", "-z", "--no-abbrev", "--no-renames", "--root", "-m",
                                  "--topo-order", "--reverse", "--no-show-signature", commit_header_format};
    if (request.refs.empty()) args.push_back("--all");
    args.insert(args.end(), request.refs.begin(), request.refs.end());
    args.push_back("--");
    args.insert(args.end(), request.pathspecs.begin(), request.pathspecs.end());
    const ParsedRawLog log = parse_raw_log(checked_git(args, "git log").out);

    std::vector<BlobTask> tasks;
    std::vector<size_t> task_commit;
    std::set<std::string_view> seen_blobs;
    KeylintIgnore ignore(request.use_ignore_files ? request.work_tree : "");
    std::set<std::string_view> reported_ignored;
    for (const RawEntry& entry : log.entries) {
        if (ignore.ignored(entry.path)) {
            if (reported_ignored.insert(entry.path).second) {
                run.diagnostics.push_back({Diagnostic::Kind::skipped, entry.path, "ignored by .keylintignore"});
            }
            continue;
        }
        if (!seen_blobs.insert(entry.blob).second) continue;
        tasks.push_back({entry.blob, entry.path, " (commit " + short_id(log.commits[entry.commit].id) + ")"});
        task_commit.push_back(entry.commit);
    }
    std::vector<BlobOutcome> outcomes = scan_blobs(scanner, request.settings, tasks);

    // A secret's suppressed and unsuppressed sightings count apart, as a range scan sees them: a
    // marker removed in a later blob must not leave the secret hidden behind its suppressed past.
    using Sighting = std::tuple<std::string, std::string, std::string, bool>;  // rule, path, secret, suppressed
    std::set<Sighting> reported;
    for (size_t i = 0; i < tasks.size(); ++i) {
        record_outcome(outcomes[i], run);
        std::vector<Sighting> keys;
        for (Finding& finding : outcomes[i].findings) {
            Sighting key{finding.rule_id, finding.path, finding.secret, !finding.suppressed_by.empty()};
            if (reported.count(key)) continue;  // an older blob at this path had it already
            keys.push_back(std::move(key));
            attribute(finding, log.commits[task_commit[i]]);
            run.findings.push_back(std::move(finding));
        }
        reported.insert(keys.begin(), keys.end());
    }
}

}  // namespace

RunResult run_git_scan(const ScannerSource& scanner, const GitScanRequest& request) {
    RunResult run;
    run.command = "scan";
    if (request.mode == GitScanMode::history) scan_history(scanner, request, run);
    else scan_patches(scanner, request, run);
    for (const SecretRule& rule : scanner().rules().rules) run.rules.push_back(rule.info());
    if (request.settings.credentials != nullptr) {
        for (const RuleInfo& info : CredentialDetector::rules()) run.rules.push_back(info);
    }
    run.count_diagnostics();
    filter_run_findings(request.settings.filters, run);
    std::stable_sort(run.findings.begin(), run.findings.end(), finding_order);
    return run;
}

}  // namespace keylint
