#include "git/diff_parser.hpp"

#include <charconv>
#include <stdexcept>

namespace keylint {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (;;) {
        const size_t at = text.find(separator, start);
        if (at == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, at - start));
        start = at + 1;
    }
}

CommitInfo parse_commit_header(std::string_view line) {
    const std::vector<std::string_view> fields = split(line.substr(1), '\x1f');
    CommitInfo commit;
    if (fields.size() > 0) commit.id = fields[0];
    if (fields.size() > 1) commit.author = fields[1];
    if (fields.size() > 2) commit.email = fields[2];
    if (fields.size() > 3) commit.date = fields[3];
    return commit;
}

bool is_file_mode(std::string_view mode) { return mode != "160000" && mode != "120000"; }

// "b/path" or "\"b/pa\\tth\"" (from "+++ " lines, "Binary files" lines): the path without "b/".
std::string new_side_path(std::string_view text) {
    if (!text.empty() && text.back() == '\t') text.remove_suffix(1);  // git's marker after names with spaces
    std::string path = unquote_git_path(text);
    if (path == "/dev/null") return "";
    if (path.size() >= 2 && path[1] == '/') path.erase(0, 2);  // the b/ prefix
    return path;
}

uint32_t parse_number(std::string_view text, const char* what) {
    uint32_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw std::runtime_error(std::string("unexpected git diff output: bad ") + what + " '" + std::string(text) + "'");
    }
    return value;
}

// "-a,b" or "+c,d" (count 1 when omitted) → {start, count}.
std::pair<uint32_t, uint32_t> parse_hunk_side(std::string_view text) {
    text.remove_prefix(1);
    const size_t comma = text.find(',');
    if (comma == std::string_view::npos) return {parse_number(text, "hunk start"), 1};
    return {parse_number(text.substr(0, comma), "hunk start"), parse_number(text.substr(comma + 1), "hunk length")};
}

}  // namespace

std::string unquote_git_path(std::string_view text) {
    if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::string(text);
    text = text.substr(1, text.size() - 2);
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out.push_back(text[i]);
            continue;
        }
        const char c = text[++i];
        switch (c) {
            case 'a': out.push_back('\a'); break;
            case 'b': out.push_back('\b'); break;
            case 't': out.push_back('\t'); break;
            case 'n': out.push_back('\n'); break;
            case 'v': out.push_back('\v'); break;
            case 'f': out.push_back('\f'); break;
            case 'r': out.push_back('\r'); break;
            default:
                if (c >= '0' && c <= '3' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '7' &&
                    text[i + 2] >= '0' && text[i + 2] <= '7') {
                    out.push_back(static_cast<char>((c - '0') * 64 + (text[i + 1] - '0') * 8 + (text[i + 2] - '0')));
                    i += 2;
                } else {
                    out.push_back(c);  // \" and \\ and anything unknown
                }
        }
    }
    return out;
}

ParsedPatches parse_patches(std::string_view text) {
    ParsedPatches parsed;
    FileChange* file = nullptr;
    uint32_t old_left = 0, new_left = 0;
    size_t position = 0;
    while (position < text.size()) {
        size_t end = text.find('\n', position);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(position, end - position);
        position = end + 1;

        if (old_left > 0 || new_left > 0) {  // inside a hunk: counted lines, whatever they hold
            if (line.starts_with('+')) {
                if (new_left == 0) throw std::runtime_error("unexpected git diff output: hunk longer than announced");
                --new_left;
            } else if (line.starts_with('-')) {
                if (old_left == 0) throw std::runtime_error("unexpected git diff output: hunk longer than announced");
                --old_left;
            } else if (line.starts_with(' ')) {
                if (old_left > 0) --old_left;
                if (new_left > 0) --new_left;
            } else if (!line.starts_with('\\')) {
                throw std::runtime_error("unexpected git diff output inside a hunk: '" + std::string(line.substr(0, 80)) + "'");
            }
            continue;
        }
        if (line.starts_with('\x01')) {
            parsed.commits.push_back(parse_commit_header(line));
            file = nullptr;
        } else if (line.starts_with("diff --git ")) {
            parsed.files.emplace_back();
            file = &parsed.files.back();
            file->commit = parsed.commits.empty() ? 0 : parsed.commits.size() - 1;
        } else if (file == nullptr) {
            continue;  // blank lines between commits, "\ No newline" after a hunk
        } else if (line.starts_with("new file mode ") || line.starts_with("new mode ")) {
            if (!is_file_mode(line.substr(line.rfind(' ') + 1))) file->not_a_file = true;
        } else if (line.starts_with("index ")) {
            const std::vector<std::string_view> fields = split(line.substr(6), ' ');
            const size_t dots = fields[0].find("..");
            if (dots != std::string_view::npos) file->blob = std::string(fields[0].substr(dots + 2));
            if (fields.size() > 1 && !is_file_mode(fields[1])) file->not_a_file = true;
        } else if (line.starts_with("+++ ")) {
            file->path = new_side_path(line.substr(4));
        } else if (line.starts_with("Binary files ") && line.ends_with(" differ")) {
            file->binary = true;
            std::string_view names = line.substr(13, line.size() - 13 - 7);
            size_t at = names.rfind(" and \"b/");
            if (at == std::string_view::npos) at = names.rfind(" and b/");
            if (at != std::string_view::npos) file->path = new_side_path(names.substr(at + 5));
        } else if (line.starts_with("@@ -")) {
            const std::vector<std::string_view> fields = split(line, ' ');
            if (fields.size() < 4 || !fields[2].starts_with('+')) {
                throw std::runtime_error("unexpected git diff output: bad hunk header '" + std::string(line) + "'");
            }
            const auto [old_start, old_count] = parse_hunk_side(fields[1]);
            const auto [new_start, new_count] = parse_hunk_side(fields[2]);
            (void)old_start;
            old_left = old_count;
            new_left = new_count;
            if (new_count > 0) {
                const LineRange range{new_start, new_start + new_count - 1};
                if (!file->added.empty() && file->added.back().last + 1 >= range.first) {
                    file->added.back().last = std::max(file->added.back().last, range.last);
                } else {
                    file->added.push_back(range);
                }
            }
        }
    }
    if (old_left > 0 || new_left > 0) throw std::runtime_error("unexpected git diff output: the last hunk is incomplete");
    return parsed;
}

bool touches_added_lines(const std::vector<LineRange>& added, uint32_t first, uint32_t last) {
    for (const LineRange& range : added) {
        if (range.first > last) return false;
        if (range.last >= first) return true;
    }
    return false;
}

ParsedRawLog parse_raw_log(std::string_view text) {
    ParsedRawLog parsed;
    const std::vector<std::string_view> records = split(text, '\0');
    for (size_t i = 0; i < records.size(); ++i) {
        std::string_view record = records[i];
        while (!record.empty() && record.front() == '\n') record.remove_prefix(1);
        if (record.starts_with('\x01')) {
            parsed.commits.push_back(parse_commit_header(record));
            continue;
        }
        if (!record.starts_with(':')) continue;
        // ":old_mode new_mode old_id new_id status", then one path (two for renames and copies)
        const std::vector<std::string_view> fields = split(record.substr(1), ' ');
        if (fields.size() < 5) throw std::runtime_error("unexpected git log --raw output: '" + std::string(record) + "'");
        const bool two_paths = fields[4].starts_with('R') || fields[4].starts_with('C');
        if (i + (two_paths ? 2 : 1) >= records.size()) {
            throw std::runtime_error("unexpected git log --raw output: a record without its path");
        }
        const std::string_view path = records[i + (two_paths ? 2 : 1)];
        i += two_paths ? 2 : 1;
        const std::string_view new_id = fields[3];
        if (fields[4].starts_with('D') || !is_file_mode(fields[1]) || new_id.find_first_not_of('0') == std::string_view::npos) {
            continue;
        }
        parsed.entries.push_back(RawEntry{std::string(path), std::string(new_id), parsed.commits.empty() ? 0 : parsed.commits.size() - 1});
    }
    return parsed;
}

}  // namespace keylint
