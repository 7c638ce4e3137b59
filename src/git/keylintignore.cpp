#include "git/keylintignore.hpp"

#include <filesystem>

namespace keylint {

const IgnoreChain& KeylintIgnore::chain_for(const std::string& directory) {
    auto found = chains_.find(directory);
    if (found != chains_.end()) return found->second;
    IgnoreChain parent;
    if (!directory.empty()) {
        const size_t slash = directory.rfind('/');
        parent = chain_for(slash == std::string::npos ? std::string() : directory.substr(0, slash));
    }
    const std::filesystem::path on_disk = std::filesystem::path(work_tree_) / directory;
    return chains_.emplace(directory, parent.with_files(on_disk, directory, {".keylintignore"})).first->second;
}

bool KeylintIgnore::ignored(std::string_view path) {
    if (work_tree_.empty()) return false;
    const std::string key(path);
    if (auto found = decided_.find(key); found != decided_.end()) return found->second;
    return decided_[key] = decide(path);
}

bool KeylintIgnore::decide(std::string_view path) {
    // Like a walk: a directory that is ignored hides everything below it.
    size_t slash = path.find('/');
    while (slash != std::string_view::npos) {
        const std::string directory(path.substr(0, slash));
        const size_t parent_end = directory.rfind('/');
        const std::string parent = parent_end == std::string::npos ? std::string() : directory.substr(0, parent_end);
        if (chain_for(parent).ignored(directory, true)) return true;
        slash = path.find('/', slash + 1);
    }
    const size_t last = path.rfind('/');
    return chain_for(last == std::string_view::npos ? std::string() : std::string(path.substr(0, last))).ignored(path, false);
}

}  // namespace keylint
