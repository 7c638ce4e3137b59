// The source context reported with a finding: the line(s) around a byte range, cut to a bounded
// width on each side so a minified file does not put megabytes into a report.
#pragma once

#include <string>
#include <string_view>

namespace keylint {

// The line(s) holding [begin, end), without the final line terminator.
std::string_view line_around(std::string_view text, size_t begin, size_t end);

// At most max_snippet_bytes of context on each side of [begin, end), within its line(s).
std::string snippet_around(std::string_view text, size_t begin, size_t end);

}  // namespace keylint
