// .keylintignore files in the git scan modes. Committed files are scanned whatever .gitignore
// says (it is about untracked files), but a .keylintignore states what keylint should not read —
// test fixtures with fake keys, vendored code — so the git modes honour the .keylintignore files
// of the work tree, with the same pattern semantics as a directory scan (walk/ignore_rules.hpp).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "walk/ignore_rules.hpp"

namespace keylint {

class KeylintIgnore {
   public:
    // `work_tree` empty (a bare repository): nothing is ignored.
    explicit KeylintIgnore(std::string work_tree) : work_tree_(std::move(work_tree)) {}

    // Whether a repository-relative file path, or one of its directories, is ignored.
    bool ignored(std::string_view path);

   private:
    bool decide(std::string_view path);
    const IgnoreChain& chain_for(const std::string& directory);  // "" for the root
    std::string work_tree_;
    std::map<std::string, IgnoreChain> chains_;
    std::unordered_map<std::string, bool> decided_;  // history mode asks about the same paths again and again
};

}  // namespace keylint
