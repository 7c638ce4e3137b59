// Ignore files: .gitignore, .ignore and .keylintignore, with git's pattern semantics — comments,
// negation (!), directory-only patterns (trailing /), anchoring (a / at the start or in the
// middle), *, ?, [classes] and **. A deeper directory's files override a shallower one's; within a
// directory .keylintignore overrides .ignore, which overrides .gitignore; within a file the last
// matching pattern wins. Tested in tests/unit/ignore_rules_test.cpp.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keylint {

struct IgnorePattern {
    std::string glob;        // relative to the directory of the ignore file, without ! and trailing /
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;   // matches the path from the base; otherwise any trailing name run
};

// The patterns of one ignore file, with the directory (relative to the walk root) they apply to.
struct IgnoreFile {
    std::string base;  // "" for the root, else "dir/sub"
    std::vector<IgnorePattern> patterns;
};

IgnoreFile parse_ignore_file(std::string_view base, std::string_view text);

// Git's wildmatch subset: '*' and '?' do not match '/', '**' between slashes matches any number of
// directories, '[...]' classes with ranges and '!'/'^' negation, '\' escapes.
bool glob_matches(std::string_view glob, std::string_view path);

// The ignore files that apply to one directory: its own on top of its parent's. Immutable and
// cheap to copy (shared nodes), so parallel walkers can each carry the chain of the directory
// they are listing.
class IgnoreChain {
   public:
    // This chain plus the ignore files of `directory` (relative path `base`), if it has any.
    IgnoreChain with_directory(const std::filesystem::path& directory, const std::string& base) const;
    // The same with only the named ignore files (in increasing precedence), e.g. {".keylintignore"}.
    IgnoreChain with_files(const std::filesystem::path& directory, const std::string& base,
                           std::initializer_list<const char*> names) const;

    // Whether `path` (relative to the walk root) is ignored.
    bool ignored(std::string_view path, bool is_directory) const;

   private:
    struct Node {
        IgnoreFile file;
        std::shared_ptr<const Node> parent;
    };
    std::shared_ptr<const Node> top_;  // highest precedence first: deepest directory, .keylintignore
};

}  // namespace keylint
