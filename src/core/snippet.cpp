// See snippet.hpp.
#include "core/snippet.hpp"

#include <algorithm>

namespace keylint {
namespace {

constexpr size_t max_snippet_bytes = 120;

}  // namespace

// The line(s) holding [begin, end), without the final line terminator.
std::string_view line_around(std::string_view text, size_t begin, size_t end) {
    const size_t newline_before = begin == 0 ? std::string_view::npos : text.rfind('\n', begin - 1);
    const size_t line_begin = newline_before == std::string_view::npos ? 0 : newline_before + 1;
    size_t line_end = text.find('\n', end > begin ? end - 1 : end);
    if (line_end == std::string_view::npos) line_end = text.size();
    return text.substr(line_begin, line_end - line_begin);
}

// At most max_snippet_bytes of context on each side of the secret, within its line(s).
std::string snippet_around(std::string_view text, size_t begin, size_t end) {
    const std::string_view line = line_around(text, begin, end);
    const size_t line_begin = static_cast<size_t>(line.data() - text.data());
    const size_t from = std::max(line_begin, begin > max_snippet_bytes ? begin - max_snippet_bytes : 0);
    const size_t to = std::min(line_begin + line.size(), end + max_snippet_bytes);
    std::string snippet(text.substr(from, to - from));
    if (!snippet.empty() && snippet.back() == '\r') snippet.pop_back();
    return snippet;
}

}  // namespace keylint
