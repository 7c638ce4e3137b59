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

// At most max_snippet_bytes of context on each side of the secret, within its line(s). Only that
// much of the line is looked at, so the cost does not grow with the line's length.
std::string snippet_around(std::string_view text, size_t begin, size_t end) {
    const size_t floor = begin > max_snippet_bytes ? begin - max_snippet_bytes : 0;
    const size_t newline_before = begin == floor ? std::string_view::npos : text.substr(floor, begin - floor).rfind('\n');
    const size_t from = newline_before == std::string_view::npos ? floor : floor + newline_before + 1;
    const size_t ceiling = std::min(text.size(), end + max_snippet_bytes);
    const size_t last = end > begin ? end - 1 : end;
    const size_t newline_after = last >= ceiling ? std::string_view::npos : text.substr(last, ceiling - last).find('\n');
    const size_t to = newline_after == std::string_view::npos ? ceiling : last + newline_after;
    std::string snippet(text.substr(from, to - from));
    if (!snippet.empty() && snippet.back() == '\r') snippet.pop_back();
    return snippet;
}

}  // namespace keylint
