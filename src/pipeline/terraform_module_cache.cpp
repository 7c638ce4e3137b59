#include "pipeline/terraform_module_cache.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "syntax/hcl_reader.hpp"
#include "walk/file_reader.hpp"

namespace keylint {
namespace {

namespace fs = std::filesystem;

std::string directory_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string below(const std::string& directory, const std::string& name) {
    return directory.empty() ? name : directory + "/" + name;
}

}  // namespace

TerraformModuleCache::TerraformModuleCache(fs::path base, uint64_t max_file_size)
    : base_(std::move(base)), max_file_size_(max_file_size) {}

void TerraformModuleCache::add(std::unique_ptr<SourceText> text) {
    const std::string directory = directory_of(text->path());
    if (walked_set_.insert(directory).second) walked_.push_back(directory);
    directories_[directory].texts.push_back(std::move(text));
}

std::vector<std::string> TerraformModuleCache::walked_directories() const { return walked_; }

std::vector<const SourceText*> TerraformModuleCache::texts(const std::string& directory) const {
    std::vector<const SourceText*> found;
    if (const auto it = directories_.find(directory); it != directories_.end()) {
        for (const auto& text : it->second.texts) found.push_back(text.get());
    }
    return found;
}

void TerraformModuleCache::read_from_disk(const std::string& directory, Directory& into) {
    const fs::path where = directory.empty() ? (base_.empty() ? fs::path(".") : base_)
                                             : (base_.empty() ? fs::path(directory) : base_ / directory);
    std::error_code error;
    fs::directory_iterator entries(where, error);
    if (error == std::errc::no_such_file_or_directory) return;  // the call's diagnostic says so
    if (error) {
        diagnostics_.push_back({Diagnostic::Kind::unreadable, directory.empty() ? where.generic_string() : directory,
                                "cannot list the module directory: " + error.message()});
        return;
    }
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : entries) {
        const std::string name = entry.path().filename().string();
        if (!name.ends_with(".tf")) continue;
        const fs::file_status status = entry.symlink_status(error);
        if (error) {
            diagnostics_.push_back({Diagnostic::Kind::unreadable, below(directory, name), "cannot stat: " + error.message()});
            continue;
        }
        if (fs::is_symlink(status)) {
            diagnostics_.push_back({Diagnostic::Kind::skipped, below(directory, name),
                                    "symbolic link in a called module's directory; it is not read"});
            continue;
        }
        if (fs::is_regular_file(status)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        ReadOutcome read = read_input_file(where / name, max_file_size_);
        if (!read.bytes) {
            diagnostics_.push_back({read.unreadable ? Diagnostic::Kind::unreadable : Diagnostic::Kind::skipped,
                                    below(directory, name), read.problem});
            continue;
        }
        ++files_read_;
        bytes_read_ += read.bytes->size();
        into.texts.push_back(std::make_unique<SourceText>(below(directory, name), std::move(*read.bytes)));
    }
}

void TerraformModuleCache::parse(Directory& directory) {
    directory.parsed = true;
    for (const auto& text : directory.texts) {
        ParseResult parsed = read_hcl(*text);
        if (!parsed.root) {
            diagnostics_.push_back({Diagnostic::Kind::warning, text->path(), parsed.error});
            continue;
        }
        directory.roots.push_back(std::make_unique<Value>(std::move(*parsed.root)));
        directory.files.push_back({text.get(), directory.roots.back().get()});
    }
}

const std::vector<TerraformFile>* TerraformModuleCache::files(const std::string& directory) {
    const bool known = directories_.contains(directory);
    Directory& found = directories_[directory];
    if (!found.parsed) {
        if (!known && !walked_set_.contains(directory)) read_from_disk(directory, found);
        parse(found);
    }
    return found.files.empty() ? nullptr : &found.files;
}

std::function<std::optional<std::string>(const std::string&)> TerraformModuleCache::file_reader(
    const std::string& root_directory) const {
    return [base = base_, root_directory, limit = max_file_size_](const std::string& path) -> std::optional<std::string> {
        if (path.empty() || fs::path(path).is_absolute()) return std::nullopt;
        const std::string display = (fs::path(root_directory.empty() ? "." : root_directory) / path).lexically_normal().generic_string();
        if (display == ".." || display.starts_with("../")) return std::nullopt;  // outside the audited tree
        const fs::path top = base.empty() ? fs::path(".") : base;
        std::error_code error;
        const fs::path inside = fs::weakly_canonical(top / display, error);
        const fs::path canonical_top = fs::weakly_canonical(top, error);
        if (error) return std::nullopt;
        const std::string below = inside.lexically_relative(canonical_top).generic_string();
        if (below.empty() || below == ".." || below.starts_with("../")) return std::nullopt;  // a link out of it
        if (!fs::is_regular_file(inside, error)) return std::nullopt;
        ReadOutcome read = read_input_file(inside, limit);
        return read.bytes;
    };
}

std::vector<Diagnostic> TerraformModuleCache::take_diagnostics() { return std::exchange(diagnostics_, {}); }

}  // namespace keylint
