// libFuzzer target: the ignore-file parser and git's wildmatch subset. The first line of the
// input is a path to match; the rest is an ignore file whose patterns are matched against it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "walk/ignore_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const size_t newline = input.find('\n');
    const std::string_view path = input.substr(0, newline);
    const std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    const keylint::IgnoreFile file = keylint::parse_ignore_file("sub/dir", body);
    for (const keylint::IgnorePattern& pattern : file.patterns) {
        (void)keylint::glob_matches(pattern.glob, path);
    }
    // Each line as a glob against the path, unparsed, as wildmatch sees hostile patterns.
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        (void)keylint::glob_matches(body.substr(start, end - start), path);
        start = end + 1;
    }
    return 0;
}
