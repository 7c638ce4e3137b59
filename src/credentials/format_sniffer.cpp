// See format_sniffer.hpp.
#include "credentials/format_sniffer.hpp"

#include <string>

namespace keylint {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_char(char c) { return is_letter(c) || is_digit(c) || c == '_' || c == '-' || c == '.'; }

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    return line;
}

FileFormat script_format(std::string_view shebang) {
    for (auto [interpreter, format] : {std::pair<std::string_view, FileFormat>{"python", FileFormat::python},
                                       {"node", FileFormat::javascript},
                                       {"ruby", FileFormat::ruby},
                                       {"php", FileFormat::php},
                                       {"bash", FileFormat::shell},
                                       {"zsh", FileFormat::shell},
                                       {"ksh", FileFormat::shell},
                                       {"/sh", FileFormat::shell},
                                       {" sh", FileFormat::shell}}) {
        if (shebang.find(interpreter) != std::string_view::npos) return format;
    }
    return FileFormat::unknown;
}

// `value`, `"quoted value"`, `900 1`: what follows a directive's name. A sentence (more than three
// words, or ending in a full stop) is prose, not a setting.
bool looks_like_directive_value(std::string_view rest) {
    if (rest.front() == '"' || rest.front() == '\'') return rest.find(rest.front(), 1) != std::string_view::npos;
    if (rest.back() == '.') return false;
    size_t words = 1;
    for (size_t i = 1; i < rest.size(); ++i) words += is_blank(rest[i]) && !is_blank(rest[i - 1]);
    return words <= 3;
}

// What one meaningful line of a line-oriented config looks like.
enum class LineShape { section, upper_assignment, assignment, yaml_pair, yaml_item, directive, other };

LineShape shape_of(std::string_view line) {
    if (line.front() == '[' && line.back() == ']' && line.size() > 2) return LineShape::section;
    if (line.starts_with("export ")) line = trimmed(line.substr(7));
    if (line.starts_with("- ")) return LineShape::yaml_item;
    size_t name_end = 0;
    if (!line.empty() && (line.front() == '"' || line.front() == '\'')) {  // YAML's `"quoted key": value`
        const size_t close = line.find(line.front(), 1);
        if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == ':') return LineShape::yaml_pair;
        return LineShape::other;
    }
    while (name_end < line.size() && is_name_char(line[name_end])) ++name_end;
    if (name_end == 0 || (!is_letter(line.front()) && line.front() != '_')) return LineShape::other;
    const std::string_view name = line.substr(0, name_end);
    size_t after = name_end;
    while (after < line.size() && is_blank(line[after])) ++after;
    if (after == line.size()) return LineShape::other;
    const char next = line[after];
    if (next == '=') {
        bool upper = after == name_end;  // `NAME=value`, no blank before `=`
        for (char c : name) upper = upper && !(c >= 'a' && c <= 'z');
        return upper ? LineShape::upper_assignment : LineShape::assignment;
    }
    if (next == ':' && (after + 1 == line.size() || line[after + 1] == ' ' || line[after + 1] == '\t')) {
        return after == name_end ? LineShape::yaml_pair : LineShape::assignment;  // `key : value` is INI-ish
    }
    if (after > name_end && looks_like_directive_value(line.substr(after))) return LineShape::directive;  // `name value`
    return LineShape::other;
}

FileFormat sniff_lines(std::string_view text) {
    size_t sections = 0, upper = 0, assignments = 0, yaml = 0, directives = 0, other = 0, meaningful = 0;
    bool yaml_document = false;
    size_t start = 0;
    while (start < text.size() && meaningful < 64) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = trimmed(text.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == '#' || line.front() == ';' || line.starts_with("//")) continue;
        if (line == "---") {
            yaml_document = true;
            continue;
        }
        ++meaningful;
        switch (shape_of(line)) {
            case LineShape::section: ++sections; break;
            case LineShape::upper_assignment: ++upper; break;
            case LineShape::assignment: ++assignments; break;
            case LineShape::yaml_pair: ++yaml; break;
            case LineShape::yaml_item: ++yaml; break;
            case LineShape::directive: ++directives; break;
            case LineShape::other: ++other; break;
        }
    }
    if (meaningful == 0) return FileFormat::unknown;
    const size_t known = meaningful - other;
    if (known * 2 < meaningful) return FileFormat::unknown;  // mostly prose or code
    if (sections > 0 && assignments + upper + directives > 0) return FileFormat::ini;
    if (yaml_document || (yaml > 0 && yaml >= assignments + upper + directives)) return FileFormat::yaml;
    if (upper > 0 && upper >= assignments + directives) return FileFormat::dotenv;
    if (assignments + upper > 0 && assignments + upper >= directives) return FileFormat::ini;
    if (directives > 0) return FileFormat::directives;
    return FileFormat::unknown;
}

}  // namespace

FileFormat sniff_format(std::string_view text) {
    text = text.substr(0, sniffed_bytes);
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (text.starts_with("#!")) return script_format(text.substr(0, text.find('\n')));
    if (text.find("<|||>") != std::string_view::npos) return FileFormat::heidisql_settings;
    size_t first = 0;
    while (first < text.size() && (is_blank(text[first]) || text[first] == '\n')) ++first;
    if (first == text.size()) return FileFormat::unknown;
    const char c = text[first];
    if (c == '<' && first + 1 < text.size() && (text[first + 1] == '?' || text[first + 1] == '!' || is_letter(text[first + 1]))) {
        return FileFormat::xml;
    }
    if (c == '{') return FileFormat::json;
    if (c == '[') {  // a JSON array, or an INI section
        size_t next = first + 1;
        while (next < text.size() && (is_blank(text[next]) || text[next] == '\n')) ++next;
        if (next < text.size() && std::string_view("\"{[]0123456789-").find(text[next]) != std::string_view::npos) {
            return FileFormat::json;
        }
    }
    return sniff_lines(text);
}

}  // namespace keylint
