#include "report/json_stream.hpp"

#include <stdexcept>
#include <string>

namespace keylint {
namespace {

using json = nlohmann::ordered_json;

std::string dumped(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

// `text` with `indent` spaces after each of its line breaks.
void write_indented(std::ostream& out, const std::string& text, size_t indent) {
    const std::string line_break = "\n" + std::string(indent, ' ');
    size_t at = 0;
    for (size_t next = text.find('\n'); next != std::string::npos; next = text.find('\n', at)) {
        out.write(text.data() + at, static_cast<std::streamsize>(next - at));
        out << line_break;
        at = next + 1;
    }
    out.write(text.data() + at, static_cast<std::streamsize>(text.size() - at));
}

}  // namespace

void write_json_streaming_array(std::ostream& out, const json& skeleton, std::string_view placeholder, size_t count,
                                const std::function<json(size_t)>& element) {
    const std::string text = dumped(skeleton);
    const std::string quoted = dumped(json(std::string(placeholder)));
    const size_t at = text.find(quoted);
    if (at == std::string::npos) throw std::logic_error("report skeleton without its placeholder");
    const size_t line_start = text.rfind('\n', at) + 1;  // npos + 1 == 0 for the first line
    const size_t member_indent = text.find_first_not_of(' ', line_start) - line_start;
    out.write(text.data(), static_cast<std::streamsize>(at));
    if (count == 0) {
        out << "[]";
    } else {
        out << '[';
        const std::string element_indent(member_indent + 2, ' ');
        for (size_t i = 0; i < count; ++i) {
            out << '\n' << element_indent;
            write_indented(out, dumped(element(i)), member_indent + 2);
            if (i + 1 < count) out << ',';
        }
        out << '\n' << std::string(member_indent, ' ') << ']';
    }
    out << std::string_view(text).substr(at + quoted.size());
}

}  // namespace keylint
