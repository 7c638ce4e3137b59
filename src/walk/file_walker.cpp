// The directory walk: a shared stack of directories that worker threads list in parallel. Each
// directory carries the ignore-file chain of its ancestors (walk/ignore_rules.hpp), so workers
// share no mutable state but the stack, the set of visited directories (symlink loops) and the
// merged results, all under one mutex. Tested in tests/unit/file_walker_test.cpp and end to end.
#include "walk/file_walker.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "core/error.hpp"
#include "walk/ignore_rules.hpp"

namespace keylint {
namespace fs = std::filesystem;
namespace {

struct DirectoryJob {
    fs::path path;
    std::string prefix;  // path of the directory relative to its root; "" for a root
    IgnoreChain ignores;  // the ignore files of its ancestors
    std::string root_label;  // how reports name the root ("" when paths are relative to it)
};

// How reports name an entry: its path below the root, after the root's label.
std::string labelled(const std::string& root_label, const std::string& relative) {
    if (root_label.empty()) return relative;
    return relative.empty() ? root_label : root_label + "/" + relative;
}

// What one worker found; merged into the shared result when the worker ends.
struct Found {
    std::vector<InputFile> files;
    std::vector<Diagnostic> diagnostics;

    void skip(const std::string& display, std::string reason) {
        diagnostics.push_back({Diagnostic::Kind::skipped, display, std::move(reason)});
    }
    void unreadable(const std::string& display, std::string problem) {
        diagnostics.push_back({Diagnostic::Kind::unreadable, display, std::move(problem)});
    }
};

class Walker {
   public:
    Walker(const WalkOptions& options, const FileFound& on_file) : options_(options), on_file_(on_file) {}

    void add_directory(const fs::path& path, const std::string& root_label) {
        jobs_.push_back({path, "", IgnoreChain{}, root_label});
    }

    void add_file(const fs::path& path, const std::string& display) {
        Found found;
        visit(path, display, IgnoreChain{}, "", found);
        merge(found);
    }

    WalkResult run(unsigned threads) {
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back([this] { work(); });
        work();
        for (std::thread& thread : pool) thread.join();
        std::sort(result_.files.begin(), result_.files.end(),
                  [](const InputFile& a, const InputFile& b) { return a.display_path < b.display_path; });
        std::sort(result_.diagnostics.begin(), result_.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::tie(a.path, a.message) < std::tie(b.path, b.message);
        });
        return std::move(result_);
    }

   private:
    void work() {
        Found found;
        while (true) {
            DirectoryJob job;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [this] { return !jobs_.empty() || busy_ == 0; });
                if (jobs_.empty()) break;
                job = std::move(jobs_.back());
                jobs_.pop_back();
                ++busy_;
            }
            list_directory(job, found);
            {
                std::lock_guard lock(mutex_);
                --busy_;
            }
            changed_.notify_all();
        }
        merge(found);
    }

    void list_directory(const DirectoryJob& job, Found& found) {
        const std::string& prefix = job.prefix;
        const std::string display = labelled(job.root_label, prefix);
        struct stat info {};
        if (::stat(job.path.c_str(), &info) == 0) {
            std::lock_guard lock(mutex_);
            if (!visited_.insert({info.st_dev, info.st_ino}).second) {
                found.skip(display, "symlink loop: the directory was already visited");
                return;
            }
        }
        std::error_code error;
        fs::directory_iterator entries(job.path, fs::directory_options::none, error);
        if (error) {
            found.unreadable(display.empty() ? job.path.string() : display, "cannot read directory: " + error.message());
            return;
        }
        const IgnoreChain ignores = options_.use_ignore_files ? job.ignores.with_directory(job.path, prefix) : job.ignores;
        for (; entries != fs::directory_iterator(); entries.increment(error)) {
            if (error) {
                found.unreadable(display, "cannot list directory: " + error.message());
                break;
            }
            const std::string name = entries->path().filename().string();
            visit(entries->path(), prefix.empty() ? name : prefix + "/" + name, ignores, job.root_label, found);
        }
    }

    // `relative` is the entry's path below its root, which ignore files are matched against.
    void visit(const fs::path& path, const std::string& relative, const IgnoreChain& ignores,
               const std::string& root_label, Found& found) {
        const std::string display = labelled(root_label, relative);
        std::error_code error;
        const fs::file_status link_status = fs::symlink_status(path, error);
        if (error) {
            found.unreadable(display, "cannot stat: " + error.message());
            return;
        }
        if (fs::is_symlink(link_status) && !options_.follow_symlinks) {
            found.skip(display, "symbolic link (use --follow-symlinks to scan its target)");
            return;
        }
        const fs::file_status status = fs::status(path, error);
        if (error) {
            found.skip(display, "broken symbolic link");
            return;
        }
        const bool is_directory = fs::is_directory(status);
        if (is_directory && path.filename() == ".git") return;  // repository internals, not content
        if (options_.use_ignore_files && ignores.ignored(relative, is_directory)) {
            found.skip(display, is_directory ? "directory ignored by .gitignore/.ignore/.keylintignore"
                                             : "ignored by .gitignore/.ignore/.keylintignore");
            return;
        }
        if (is_directory) {
            {
                std::lock_guard lock(mutex_);
                jobs_.push_back({path, relative, ignores, root_label});
            }
            changed_.notify_one();
        } else if (fs::is_regular_file(status)) {
            found.files.push_back({path, display});
            if (on_file_) on_file_(found.files.back());
        } else {
            found.skip(display, "not a regular file");
        }
    }

    void merge(Found& found) {
        std::lock_guard lock(mutex_);
        std::move(found.files.begin(), found.files.end(), std::back_inserter(result_.files));
        std::move(found.diagnostics.begin(), found.diagnostics.end(), std::back_inserter(result_.diagnostics));
    }

    const WalkOptions& options_;
    const FileFound& on_file_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<DirectoryJob> jobs_;
    size_t busy_ = 0;
    std::set<std::pair<dev_t, ino_t>> visited_;
    WalkResult result_;
};

std::string normalized_root_display(const std::string& root) {
    std::string display = fs::path(root).lexically_normal().generic_string();
    while (display.size() > 2 && display.starts_with("./")) display.erase(0, 2);
    if (display.size() > 1 && display.back() == '/') display.pop_back();
    return display;
}

}  // namespace

bool roots_are_one_directory(const std::vector<std::string>& roots) {
    std::error_code error;
    return roots.size() == 1 && roots.front() != "-" && fs::is_directory(roots.front(), error);
}

WalkResult walk_inputs(const std::vector<std::string>& roots, const WalkOptions& options) {
    return walk_inputs(roots, options, FileFound{});
}

WalkResult walk_inputs(const std::vector<std::string>& roots, const WalkOptions& options, const FileFound& on_file) {
    Walker walker(options, on_file);
    const bool one_directory = roots_are_one_directory(roots);
    for (const std::string& root : roots) {
        std::error_code error;
        const fs::file_status status = fs::status(root, error);
        if (error || !fs::exists(status)) throw UsageError(root + ": no such file or directory");
        const std::string label = normalized_root_display(root);
        if (fs::is_directory(status)) walker.add_directory(root, one_directory || label == "." ? "" : label);
        else walker.add_file(root, label);
    }
    const unsigned threads = options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    return walker.run(threads);
}

}  // namespace keylint
