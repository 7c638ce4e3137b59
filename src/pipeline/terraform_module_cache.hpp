// The Terraform modules of one policy audit, by directory: each directory's .tf files read once
// and parsed once, whether the walk found them or a module call names a directory the walk did not
// reach (`source = "../../modules/app"` from the directory that was audited). Directories are
// named as reports name files (walk/file_walker.hpp's display paths, "" for the top); a directory
// outside the walk is read from disk below the same base, its regular .tf files only (a symbolic
// link is reported and left out), through the same size limit as every input.
// Tested through fixtures/policy/modules (tests/e2e/run_policy_modules.py).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/run_result.hpp"
#include "core/source_text.hpp"
#include "infra/terraform_modules.hpp"
#include "syntax/document.hpp"

namespace keylint {

class TerraformModuleCache {
   public:
    // `base`: the directory display paths are relative to (empty: the current directory).
    TerraformModuleCache(std::filesystem::path base, uint64_t max_file_size);

    // A .tf file the walk found and the audit read.
    void add(std::unique_ptr<SourceText> text);

    // The directories of the files added, in order.
    std::vector<std::string> walked_directories() const;

    // The parsed files of a directory, read from disk when the walk did not reach it; null when it
    // holds none keylint could read.
    const std::vector<TerraformFile>* files(const std::string& directory);
    ModuleFiles loader() {
        return [this](const std::string& directory) { return files(directory); };
    }

    // What file() and templatefile() of the modules rooted at `root_directory` read: a path
    // relative to it (Terraform's working directory) that stays inside the audited base, also
    // after symbolic links are followed, a regular file within the size limit; nullopt otherwise.
    std::function<std::optional<std::string>(const std::string&)> file_reader(const std::string& root_directory) const;

    // The texts of a directory already read, for fingerprints and snippets.
    std::vector<const SourceText*> texts(const std::string& directory) const;

    // Parse errors and files that could not be read, once each; moved out.
    std::vector<Diagnostic> take_diagnostics();

    size_t files_read_from_disk() const { return files_read_; }
    size_t bytes_read_from_disk() const { return bytes_read_; }

   private:
    struct Directory {
        std::vector<std::unique_ptr<SourceText>> texts;
        std::vector<std::unique_ptr<Value>> roots;
        std::vector<TerraformFile> files;
        bool parsed = false;
    };
    void read_from_disk(const std::string& directory, Directory& into);
    void parse(Directory& directory);

    std::filesystem::path base_;
    uint64_t max_file_size_;
    std::map<std::string, Directory> directories_;
    std::vector<std::string> walked_;
    std::set<std::string> walked_set_;
    std::vector<Diagnostic> diagnostics_;
    size_t files_read_ = 0;
    size_t bytes_read_ = 0;
};

}  // namespace keylint
