#include "infra/embedded_json.hpp"

#include "syntax/json_reader.hpp"

namespace keylint {
namespace {

void respan(Value& value, const Span& span) {
    value.span = span;
    for (Member& member : value.members) {
        member.key_span = span;
        respan(member.value, span);
    }
    for (Value& item : value.items) respan(item, span);
}

}  // namespace

std::optional<Value> parse_embedded_json(const Value& value, const SourceText& text, std::string& error) {
    const size_t start = text.line_start_offset(value.span.start_line);
    const bool heredoc = text.bytes().substr(start).find("<<") < text.line_text(value.span.start_line).size() &&
                         value.span.end_line > value.span.start_line + 1;
    if (heredoc) {
        const size_t body_begin = text.line_start_offset(value.span.start_line + 1);
        const size_t body_end = text.line_start_offset(value.span.end_line);
        std::string bytes(text.bytes());
        for (size_t i = 0; i < bytes.size(); ++i) {
            if ((i < body_begin || i >= body_end) && bytes[i] != '\n') bytes[i] = ' ';
        }
        ParseResult parsed = read_json(SourceText(text.path(), std::move(bytes)));
        error = parsed.error;
        return std::move(parsed.root);
    }
    ParseResult parsed = read_json(SourceText(text.path(), value.scalar));
    error = parsed.error;
    if (parsed.root) respan(*parsed.root, value.span);
    return std::move(parsed.root);
}

}  // namespace keylint
