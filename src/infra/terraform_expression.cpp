#include "infra/terraform_expression.hpp"

namespace keylint {

bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string quoted_literal(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string_view trimmed_expression(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n')) text.remove_suffix(1);
    return text;
}

std::string_view unwrapped_expression(std::string_view text) {
    text = trimmed_expression(text);
    if (text.starts_with("\"${") && text.ends_with("}\"")) return trimmed_expression(text.substr(3, text.size() - 5));
    return text;
}

std::optional<TraversalStep> traversal_step_at(std::string_view text, size_t at) {
    if (at >= text.size()) return std::nullopt;
    if (text[at] == '.') {
        size_t end = at + 1;
        while (end < text.size() && is_identifier_char(text[end])) ++end;
        if (end == at + 1) return std::nullopt;
        return TraversalStep{text.substr(at + 1, end - at - 1), end, false};
    }
    if (text[at] != '[') return std::nullopt;
    const size_t close = text.find(']', at);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view inside = text.substr(at + 1, close - at - 1);
    if (inside.size() >= 2 && inside.front() == '"' && inside.back() == '"') {
        inside = inside.substr(1, inside.size() - 2);
        if (inside.find_first_of("\\\"$") != std::string_view::npos) return std::nullopt;
    } else if (inside.empty() || inside.find_first_not_of("0123456789") != std::string_view::npos) {
        return std::nullopt;
    }
    return TraversalStep{inside, close + 1, true};
}

std::string rewrite_interpolations(const std::string& text,
                                   const std::function<std::optional<std::string>(std::string_view inside)>& rewrite) {
    std::string out;
    size_t at = 0;
    while (at < text.size()) {
        const size_t open = text.find("${", at);
        const size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
        if (close == std::string::npos) {
            out += text.substr(at);
            break;
        }
        out += text.substr(at, open - at);
        const std::optional<std::string> rewritten = rewrite(std::string_view(text).substr(open + 2, close - open - 2));
        out += rewritten ? *rewritten : text.substr(open, close - open + 1);
        at = close + 1;
    }
    return out;
}

}  // namespace keylint
