#include "syntax/json_reader.hpp"

#include <cstring>
#include <stdexcept>

#include "syntax/tree_sitter_parser.hpp"

namespace keylint {
namespace {

struct TooDeep {
    TSNode node;
};

void append_utf8(std::string& out, uint32_t code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

bool parse_hex4(std::string_view text, size_t at, uint32_t& value) {
    if (at + 4 > text.size()) return false;
    value = 0;
    for (size_t i = at; i < at + 4; ++i) {
        const char c = text[i];
        value <<= 4;
        if (c >= '0' && c <= '9') value |= static_cast<uint32_t>(c - '0');
        else if (c >= 'a' && c <= 'f') value |= static_cast<uint32_t>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') value |= static_cast<uint32_t>(c - 'A' + 10);
        else return false;
    }
    return true;
}

class JsonBuilder {
   public:
    explicit JsonBuilder(const SourceText& text) : text_(text) {}

    Value build(TSNode node, size_t depth) {
        if (depth > max_nesting_depth) throw TooDeep{node};
        Value value;
        value.span = node_span(node, text_);
        const std::string_view type = ts_node_type(node);
        if (type == "object") {
            value.kind = Value::Kind::object;
            for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
                TSNode pair = ts_node_named_child(node, i);
                if (std::strcmp(ts_node_type(pair), "pair") != 0) continue;
                TSNode key = ts_node_child_by_field_name(pair, "key", 3);
                TSNode member_value = ts_node_child_by_field_name(pair, "value", 5);
                if (ts_node_is_null(key) || ts_node_is_null(member_value)) continue;
                Member member;
                member.key = string_value(key);
                member.key_span = node_span(key, text_);
                member.value = build(member_value, depth + 1);
                value.members.push_back(std::move(member));
            }
        } else if (type == "array") {
            value.kind = Value::Kind::array;
            for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
                TSNode item = ts_node_named_child(node, i);
                if (std::strcmp(ts_node_type(item), "comment") == 0) continue;
                value.items.push_back(build(item, depth + 1));
            }
        } else if (type == "string") {
            value.kind = Value::Kind::string;
            value.scalar = string_value(node);
        } else if (type == "number") {
            value.kind = Value::Kind::number;
            value.scalar = std::string(node_text(node, text_));
        } else if (type == "true" || type == "false") {
            value.kind = Value::Kind::boolean;
            value.scalar = std::string(type);
        } else {
            value.kind = Value::Kind::null;
        }
        return value;
    }

   private:
    std::string string_value(TSNode node) {
        std::string_view raw = node_text(node, text_);
        if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') raw = raw.substr(1, raw.size() - 2);
        return unescape_json_string(raw);
    }

    const SourceText& text_;
};

}  // namespace

std::string unescape_json_string(std::string_view body) {
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '\\' || i + 1 == body.size()) {
            out.push_back(c);
            continue;
        }
        const char escape = body[++i];
        switch (escape) {
            case 'n': out.push_back('\n'); break;
            case 't': out.push_back('\t'); break;
            case 'r': out.push_back('\r'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'u': {
                uint32_t code = 0;
                if (!parse_hex4(body, i + 1, code)) {
                    out += "\\u";
                    break;
                }
                i += 4;
                uint32_t low = 0;
                if (code >= 0xD800 && code <= 0xDBFF && i + 2 < body.size() && body[i + 1] == '\\' &&
                    body[i + 2] == 'u' && parse_hex4(body, i + 3, low) && low >= 0xDC00 && low <= 0xDFFF) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                } else if (code >= 0xD800 && code <= 0xDFFF) {
                    code = 0xFFFD;
                }
                append_utf8(out, code);
                break;
            }
            default: out.push_back(escape); break;  // \" \\ \/
        }
    }
    return out;
}

ParseResult read_json(const SourceText& text) {
    ParseResult result;
    const CheckedTree parsed = parse_valid_document(tree_sitter_json(), text, "JSON");
    if (!parsed.tree) {
        result.error = parsed.error;
        return result;
    }
    TSNode root = ts_tree_root_node(parsed.tree.get());
    TSNode value_node{};
    bool found = false;
    for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
        TSNode child = ts_node_named_child(root, i);
        if (std::strcmp(ts_node_type(child), "comment") == 0) continue;
        if (found) {
            result.error = "invalid JSON: more than one top-level value";
            return result;
        }
        value_node = child;
        found = true;
    }
    if (!found) {
        result.error = "invalid JSON: the file holds no value";
        return result;
    }
    try {
        JsonBuilder builder(text);
        result.root = builder.build(value_node, 0);
    } catch (const TooDeep& deep) {
        const Position at = text.position_at(ts_node_start_byte(deep.node));
        result.error = "nesting deeper than " + std::to_string(max_nesting_depth) + " levels at line " +
                       std::to_string(at.line);
    }
    return result;
}

}  // namespace keylint
