#include "walk/ignore_rules.hpp"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace keylint {
namespace {

constexpr size_t max_ignore_file_bytes = 4 << 20;

std::string_view trim_trailing_spaces(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
        if (line.size() >= 2 && line[line.size() - 2] == '\\') break;  // escaped space stays
        line.remove_suffix(1);
    }
    return line;
}

// Matches a '[...]' class at glob[i] against c; sets `end` past the class. False if malformed.
bool match_class(std::string_view glob, size_t i, char c, size_t& end, bool& matched) {
    size_t j = i + 1;
    bool negate = false;
    if (j < glob.size() && (glob[j] == '!' || glob[j] == '^')) {
        negate = true;
        ++j;
    }
    bool found = false;
    bool first = true;
    while (j < glob.size() && (glob[j] != ']' || first)) {
        first = false;
        char low = glob[j];
        if (low == '\\' && j + 1 < glob.size()) low = glob[++j];
        char high = low;
        if (j + 2 < glob.size() && glob[j + 1] == '-' && glob[j + 2] != ']') {
            high = glob[j + 2];
            if (high == '\\' && j + 3 < glob.size()) high = glob[++j + 2];
            j += 2;
        }
        if (c >= low && c <= high) found = true;
        ++j;
    }
    if (j >= glob.size()) return false;
    end = j + 1;
    matched = found != negate;
    return true;
}

// One glob against one path. Every recursive call matches a suffix of the glob against a suffix
// of the path, so a (glob offset, path offset) pair that failed once fails again: remembering
// those keeps patterns like "*a*a*a*a*a*b" (or a line of stars, as a hostile .gitignore may
// hold) polynomial instead of exponential in the number of stars.
class GlobMatcher {
   public:
    GlobMatcher(std::string_view glob, std::string_view path) : glob_(glob), path_(path) {}
    bool matches() { return match_here(0, 0, 0); }

   private:
    bool match_here(size_t glob_offset, size_t path_offset, int budget_depth) {
        const uint64_t key = static_cast<uint64_t>(glob_offset) * (path_.size() + 1) + path_offset;
        if (failed_.contains(key)) return false;
        const bool matched = match_suffixes(glob_offset, path_offset, budget_depth);
        if (!matched) failed_.insert(key);
        return matched;
    }

    bool match_suffixes(size_t glob_offset, size_t path_offset, int budget_depth) {
        const std::string_view glob = glob_.substr(glob_offset);
        const std::string_view path = path_.substr(path_offset);
        if (budget_depth > 64) return false;
        size_t g = 0, p = 0;
        while (g < glob.size()) {
            const char c = glob[g];
            if (c == '*') {
                const bool double_star = g + 1 < glob.size() && glob[g + 1] == '*';
                if (double_star) {
                    const bool at_segment_start = g == 0 || glob[g - 1] == '/';
                    size_t after = g + 2;
                    if (at_segment_start && after < glob.size() && glob[after] == '/') {
                        // "**/" : zero or more whole directories
                        const size_t rest = glob_offset + after + 1;
                        for (size_t q = p; q <= path.size(); ++q) {
                            if ((q == p || path[q - 1] == '/') && match_here(rest, path_offset + q, budget_depth + 1)) return true;
                        }
                        return false;
                    }
                    if (at_segment_start && after == glob.size()) return true;  // trailing "/**" or lone "**"
                    // "**" elsewhere behaves like "*"
                    g = after - 1;
                }
                const size_t rest = glob_offset + g + 1;
                for (size_t q = p; q <= path.size(); ++q) {
                    if (match_here(rest, path_offset + q, budget_depth + 1)) return true;
                    if (q < path.size() && path[q] == '/') break;
                }
                return false;
            }
            if (p >= path.size()) return false;
            if (c == '?') {
                if (path[p] == '/') return false;
                ++g;
                ++p;
            } else if (c == '[') {
                size_t end = 0;
                bool matched = false;
                if (match_class(glob, g, path[p], end, matched)) {
                    if (!matched || path[p] == '/') return false;
                    g = end;
                    ++p;
                } else {
                    if (path[p] != '[') return false;
                    ++g;
                    ++p;
                }
            } else {
                char literal = c;
                if (c == '\\' && g + 1 < glob.size()) literal = glob[++g];
                if (path[p] != literal) return false;
                ++g;
                ++p;
            }
        }
        return p == path.size();
    }

    std::string_view glob_;
    std::string_view path_;
    std::unordered_set<uint64_t> failed_;
};

bool pattern_matches(const IgnorePattern& pattern, std::string_view relative) {
    if (pattern.anchored) return glob_matches(pattern.glob, relative);
    // Unanchored: matches the last path component (git matches the name at any depth).
    const size_t slash = relative.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? relative : relative.substr(slash + 1);
    return glob_matches(pattern.glob, name);
}

}  // namespace

bool glob_matches(std::string_view glob, std::string_view path) { return GlobMatcher(glob, path).matches(); }

IgnoreFile parse_ignore_file(std::string_view base, std::string_view text) {
    IgnoreFile file;
    file.base = std::string(base);
    std::istringstream lines{std::string(text)};
    std::string raw;
    while (std::getline(lines, raw)) {
        std::string_view line = trim_trailing_spaces(raw);
        if (line.empty() || line.front() == '#') continue;
        IgnorePattern pattern;
        if (line.front() == '!') {
            pattern.negated = true;
            line.remove_prefix(1);
        } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
            line.remove_prefix(1);
        }
        if (!line.empty() && line.back() == '/') {
            pattern.directory_only = true;
            line.remove_suffix(1);
        }
        if (line.empty()) continue;
        const size_t slash = line.find('/');
        pattern.anchored = slash != std::string_view::npos;
        if (line.front() == '/') line.remove_prefix(1);
        pattern.glob = std::string(line);
        file.patterns.push_back(std::move(pattern));
    }
    return file;
}

IgnoreChain IgnoreChain::with_directory(const std::filesystem::path& directory, const std::string& base) const {
    return with_files(directory, base, {".gitignore", ".ignore", ".keylintignore"});  // increasing precedence
}

IgnoreChain IgnoreChain::with_files(const std::filesystem::path& directory, const std::string& base,
                                    std::initializer_list<const char*> names) const {
    IgnoreChain chain = *this;
    for (const char* name : names) {
        std::ifstream in(directory / name, std::ios::binary);
        if (!in) continue;
        std::string text(max_ignore_file_bytes, '\0');
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<size_t>(in.gcount()));
        chain.top_ = std::make_shared<const Node>(Node{parse_ignore_file(base, text), chain.top_});
    }
    return chain;
}

bool IgnoreChain::ignored(std::string_view path, bool is_directory) const {
    for (const Node* node = top_.get(); node != nullptr; node = node->parent.get()) {
        const IgnoreFile& file = node->file;
        std::string_view relative = path;
        if (!file.base.empty()) {
            if (!path.starts_with(file.base) || path.size() <= file.base.size() || path[file.base.size()] != '/') continue;
            relative = path.substr(file.base.size() + 1);
        }
        for (auto pattern = file.patterns.rbegin(); pattern != file.patterns.rend(); ++pattern) {
            if (pattern->directory_only && !is_directory) continue;
            if (pattern_matches(*pattern, relative)) return !pattern->negated;
        }
    }
    return false;
}

}  // namespace keylint
