#include "walk/file_walker.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <utility>

#include "core/error.hpp"
#include "walk/ignore_rules.hpp"

namespace keylint {
namespace fs = std::filesystem;
namespace {

class Walker {
   public:
    Walker(const WalkOptions& options, WalkResult& result) : options_(options), result_(result) {}

    void walk_directory(const fs::path& directory, const std::string& prefix) {
        struct stat info {};
        if (::stat(directory.c_str(), &info) == 0) {
            if (!visited_.insert({info.st_dev, info.st_ino}).second) {
                skip(prefix, "symlink loop: the directory was already visited");
                return;
            }
        }
        std::error_code error;
        fs::directory_iterator entries(directory, fs::directory_options::none, error);
        if (error) {
            result_.diagnostics.push_back({Diagnostic::Kind::unreadable, prefix.empty() ? "." : prefix,
                                           "cannot read directory: " + error.message()});
            return;
        }
        const size_t pushed = options_.use_ignore_files ? ignores_.push_directory(directory, prefix) : 0;
        for (; entries != fs::directory_iterator(); entries.increment(error)) {
            if (error) {
                result_.diagnostics.push_back({Diagnostic::Kind::unreadable, prefix, "cannot list directory: " + error.message()});
                break;
            }
            const fs::directory_entry& entry = *entries;
            const std::string name = entry.path().filename().string();
            const std::string display = prefix.empty() ? name : prefix + "/" + name;
            visit(entry.path(), display, name);
        }
        ignores_.pop(pushed);
    }

    void visit(const fs::path& path, const std::string& display, const std::string& name) {
        std::error_code error;
        const fs::file_status link_status = fs::symlink_status(path, error);
        if (error) {
            result_.diagnostics.push_back({Diagnostic::Kind::unreadable, display, "cannot stat: " + error.message()});
            return;
        }
        if (fs::is_symlink(link_status) && !options_.follow_symlinks) {
            skip(display, "symbolic link (use --follow-symlinks to scan its target)");
            return;
        }
        const fs::file_status status = fs::status(path, error);
        if (error) {
            skip(display, "broken symbolic link");
            return;
        }
        const bool is_directory = fs::is_directory(status);
        if (is_directory && name == ".git") return;  // repository internals, not content
        if (options_.use_ignore_files && ignores_.ignored(display, is_directory)) {
            skip(display, is_directory ? "directory ignored by .gitignore/.ignore/.keylintignore"
                                       : "ignored by .gitignore/.ignore/.keylintignore");
            return;
        }
        if (is_directory) {
            walk_directory(path, display);
        } else if (fs::is_regular_file(status)) {
            result_.files.push_back({path, display});
        } else {
            skip(display, "not a regular file");
        }
    }

   private:
    void skip(const std::string& display, std::string reason) {
        result_.diagnostics.push_back({Diagnostic::Kind::skipped, display, std::move(reason)});
    }

    const WalkOptions& options_;
    WalkResult& result_;
    std::set<std::pair<dev_t, ino_t>> visited_;
    IgnoreStack ignores_;
};

std::string normalized_root_display(const std::string& root) {
    std::string display = fs::path(root).lexically_normal().generic_string();
    while (display.size() > 2 && display.starts_with("./")) display.erase(0, 2);
    if (display.size() > 1 && display.back() == '/') display.pop_back();
    return display;
}

}  // namespace

WalkResult walk_inputs(const std::vector<std::string>& roots, const WalkOptions& options) {
    WalkResult result;
    Walker walker(options, result);
    for (const std::string& root : roots) {
        std::error_code error;
        const fs::file_status status = fs::status(root, error);
        if (error || !fs::exists(status)) throw UsageError(root + ": no such file or directory");
        if (fs::is_directory(status)) {
            walker.walk_directory(root, "");
        } else {
            walker.visit(root, normalized_root_display(root), fs::path(root).filename().string());
        }
    }
    std::sort(result.files.begin(), result.files.end(),
              [](const InputFile& a, const InputFile& b) { return a.display_path < b.display_path; });
    return result;
}

}  // namespace keylint
