#include "git/repository.hpp"

#include <filesystem>
#include <vector>

#include "core/error.hpp"
#include "git/git_process.hpp"

namespace keylint {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

Repository open_repository() {
    const GitOutput probe =
        run_git({"rev-parse", "--is-bare-repository", "--is-shallow-repository", "--absolute-git-dir", "--show-toplevel"});
    const std::vector<std::string> lines = lines_of(probe.out);
    Repository repository;
    if (lines.size() >= 3 && lines[0] == "true") {
        repository.bare = true;
        repository.shallow = lines[1] == "true";
        repository.git_dir = repository.root = lines[2];
        return repository;
    }
    if (probe.exit_code != 0 || lines.size() < 4) {
        std::error_code ignored;
        const std::string here = std::filesystem::current_path(ignored).string();
        std::string message = here + " is not inside a git repository (the git scan modes need one";
        if (!probe.err.empty() && probe.err.find("not a git repository") == std::string::npos) message += "; git says: " + probe.err;
        throw UsageError(message + ")");
    }
    repository.shallow = lines[1] == "true";
    repository.git_dir = lines[2];
    repository.root = lines[3];
    return repository;
}

std::string resolve_commit(const Repository& repository, const std::string& revision, const std::string& option) {
    const GitOutput resolved = run_git({"rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"});
    if (resolved.exit_code == 0 && !resolved.out.empty()) return lines_of(resolved.out).front();
    std::string message = option + ": '" + revision + "' is not a commit in this repository";
    if (repository.shallow) {
        message += "; this is a shallow clone, so the commit may lie beyond the fetched history: fetch it "
                   "(git fetch --unshallow, or actions/checkout with fetch-depth: 0)";
    }
    throw UsageError(message);
}

std::pair<std::string, std::string> split_range(const std::string& range) {
    size_t dots = range.find("...");
    size_t width = 3;
    if (dots == std::string::npos) {
        dots = range.find("..");
        width = 2;
    }
    if (dots == std::string::npos) {
        throw UsageError("--git-range: expected BASE..HEAD (for example origin/main..HEAD), got '" + range + "'");
    }
    std::string base = range.substr(0, dots), head = range.substr(dots + width);
    if (base.empty()) base = "HEAD";
    if (head.empty()) head = "HEAD";
    if (head.find("..") != std::string::npos) throw UsageError("--git-range: expected one BASE..HEAD, got '" + range + "'");
    return {base, head};
}

}  // namespace keylint
