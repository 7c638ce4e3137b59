// The repository a git scan runs in (the one holding the current directory, as for git itself)
// and the checks that turn git's failures into clear messages: not a repository, an unknown
// revision, a shallow clone that lacks the commit asked for. Each is a UsageError (exit 2).
#pragma once

#include <string>
#include <utility>

namespace keylint {

struct Repository {
    std::string root;     // the work tree's top directory; the git directory of a bare repository
    std::string git_dir;  // absolute
    bool bare = false;
    bool shallow = false;
};

// Throws UsageError when the current directory is not in a git repository.
Repository open_repository();

// The full commit id of `revision`; UsageError naming `option` if it does not resolve, with a
// hint about fetching more history when the clone is shallow.
std::string resolve_commit(const Repository& repository, const std::string& revision, const std::string& option);

// "BASE..HEAD" or "BASE...HEAD" → {BASE, HEAD} (an empty side means HEAD); UsageError otherwise.
std::pair<std::string, std::string> split_range(const std::string& range);

}  // namespace keylint
