#include "syntax/hcl_reader.hpp"

#include <cstring>

#include "syntax/json_reader.hpp"
#include "syntax/tree_sitter_parser.hpp"

namespace keylint {
namespace {

struct TooDeep {
    TSNode node;
};

bool is(TSNode node, const char* type) { return std::strcmp(ts_node_type(node), type) == 0; }

std::string strip_heredoc_indent(std::string_view body) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < body.size()) {
        size_t end = body.find('\n', start);
        if (end == std::string_view::npos) end = body.size();
        lines.push_back(body.substr(start, end - start));
        start = end + 1;
    }
    size_t indent = std::string_view::npos;
    for (std::string_view line : lines) {
        const size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos) indent = std::min(indent, first);
    }
    if (indent == std::string_view::npos) indent = 0;
    std::string out;
    for (std::string_view line : lines) {
        out += line.size() > indent ? line.substr(indent) : std::string_view{};
        out.push_back('\n');
    }
    return out;
}

class HclBuilder {
   public:
    explicit HclBuilder(const SourceText& text) : text_(text) {}

    Value body(TSNode node, Span span, size_t depth) {
        if (depth > max_nesting_depth) throw TooDeep{node};
        Value object;
        object.kind = Value::Kind::object;
        object.span = span;
        for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
            TSNode child = ts_node_named_child(node, i);
            if (is(child, "attribute")) {
                TSNode name = ts_node_named_child(child, 0);
                TSNode expression = ts_node_named_child(child, 1);
                if (ts_node_is_null(name) || ts_node_is_null(expression)) continue;
                Member member;
                member.key = std::string(node_text(name, text_));
                member.key_span = node_span(name, text_);
                member.value = expr(expression, depth + 1);
                object.members.push_back(std::move(member));
            } else if (is(child, "block")) {
                object.members.push_back(block(child, depth + 1));
            }
        }
        return object;
    }

   private:
    Member block(TSNode node, size_t depth) {
        const Span span = node_span(node, text_);
        std::vector<TSNode> names;  // type, then labels
        TSNode block_body{};
        bool has_body = false;
        for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
            TSNode child = ts_node_named_child(node, i);
            if (is(child, "identifier") || is(child, "string_lit")) names.push_back(child);
            if (is(child, "body")) {
                block_body = child;
                has_body = true;
            }
        }
        Value inner;
        if (has_body) {
            inner = body(block_body, span, depth + 1);
        } else {
            inner.kind = Value::Kind::object;
            inner.span = span;
        }
        for (size_t i = names.size(); i-- > 1;) {
            Value wrapper;
            wrapper.kind = Value::Kind::object;
            wrapper.span = span;
            wrapper.members.push_back(Member{label(names[i]), node_span(names[i], text_), std::move(inner)});
            inner = std::move(wrapper);
        }
        return Member{names.empty() ? std::string() : label(names[0]),
                      names.empty() ? span : node_span(names[0], text_), std::move(inner)};
    }

    std::string label(TSNode node) {
        if (is(node, "string_lit")) return literal_text(node);
        return std::string(node_text(node, text_));
    }

    // The decoded text of a string_lit or quoted_template without interpolations.
    std::string literal_text(TSNode node) {
        std::string out;
        for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
            TSNode child = ts_node_named_child(node, i);
            if (is(child, "template_literal")) out += unescape_json_string(node_text(child, text_));
        }
        return out;
    }

    Value unknown(TSNode node) {
        Value value;
        value.kind = Value::Kind::unknown;
        value.span = node_span(node, text_);
        value.scalar = std::string(node_text(node, text_));
        return value;
    }

    Value expr(TSNode node, size_t depth) {
        if (depth > max_nesting_depth) throw TooDeep{node};
        // `expression` wraps one node, or a traversal (variable_expr get_attr … / index / splat).
        while (is(node, "expression") || is(node, "collection_value") || is(node, "template_expr") ||
               is(node, "literal_value")) {
            if (ts_node_named_child_count(node) != 1) return unknown(node);
            node = ts_node_named_child(node, 0);
        }
        Value value;
        value.span = node_span(node, text_);
        const std::string_view type = ts_node_type(node);
        if (type == "string_lit") {
            value.kind = Value::Kind::string;
            value.scalar = literal_text(node);
        } else if (type == "numeric_lit") {
            value.kind = Value::Kind::number;
            value.scalar = std::string(node_text(node, text_));
        } else if (type == "bool_lit") {
            value.kind = Value::Kind::boolean;
            value.scalar = std::string(node_text(node, text_));
        } else if (type == "null_lit") {
            value.kind = Value::Kind::null;
        } else if (type == "quoted_template") {
            uint32_t literals = 0, interpolations = 0;
            for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
                TSNode child = ts_node_named_child(node, i);
                if (is(child, "template_literal")) ++literals;
                else if (!is(child, "quoted_template_start") && !is(child, "quoted_template_end")) ++interpolations;
            }
            if (interpolations == 0) {
                value.kind = Value::Kind::string;
                value.scalar = literal_text(node);
            } else if (literals == 0 && interpolations == 1) {
                return unknown(node);
            } else {
                const std::string_view raw = node_text(node, text_);
                value.kind = Value::Kind::string;
                value.scalar = std::string(raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0));
            }
        } else if (type == "heredoc_template") {
            // The body runs from the line after the opening marker to the line before the closing one.
            const std::string_view bytes = text_.bytes();
            const uint32_t begin = ts_node_start_byte(node), end = ts_node_end_byte(node);
            const size_t body_start = bytes.find('\n', begin);
            const size_t closing_line = bytes.rfind('\n', end - 1);
            value.kind = Value::Kind::string;
            if (body_start != std::string_view::npos && closing_line != std::string_view::npos &&
                closing_line > body_start) {
                const std::string_view body = bytes.substr(body_start + 1, closing_line - body_start);
                const bool indented = node_text(node, text_).starts_with("<<-");
                value.scalar = indented ? strip_heredoc_indent(body) : std::string(body);
            }
        } else if (type == "tuple") {
            value.kind = Value::Kind::array;
            for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
                TSNode child = ts_node_named_child(node, i);
                if (is(child, "expression")) value.items.push_back(expr(child, depth + 1));
            }
        } else if (type == "object") {
            value.kind = Value::Kind::object;
            for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
                TSNode element = ts_node_named_child(node, i);
                if (!is(element, "object_elem")) continue;
                TSNode key = ts_node_child_by_field_name(element, "key", 3);
                TSNode val = ts_node_child_by_field_name(element, "val", 3);
                if (ts_node_is_null(key) || ts_node_is_null(val)) continue;
                Member member;
                const Value key_value = expr(key, depth + 1);
                member.key = key_value.scalar;  // a bare identifier key is its own text
                member.key_span = node_span(key, text_);
                member.value = expr(val, depth + 1);
                value.members.push_back(std::move(member));
            }
        } else if (type == "function_call") {
            TSNode name = ts_node_named_child(node, 0);
            TSNode arguments = ts_node_named_child(node, 1);
            const std::string_view function = node_text(name, text_);
            const bool passes_its_argument = function == "jsonencode" || function == "toset" ||
                                             function == "tolist" || function == "tomap";
            if (passes_its_argument && !ts_node_is_null(arguments) && is(arguments, "function_arguments") &&
                ts_node_named_child_count(arguments) == 1) {
                return expr(ts_node_named_child(arguments, 0), depth + 1);
            }
            return unknown(node);
        } else {
            return unknown(node);  // variable_expr alone, conditional, operation, for_expr, …
        }
        return value;
    }

    const SourceText& text_;
};

}  // namespace

ParseResult read_hcl(const SourceText& text) {
    ParseResult result;
    const CheckedTree parsed = parse_valid_document(tree_sitter_hcl(), text, "HCL");
    if (!parsed.tree) {
        result.error = parsed.error;
        return result;
    }
    TSNode root = ts_tree_root_node(parsed.tree.get());
    try {
        HclBuilder builder(text);
        for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
            TSNode child = ts_node_named_child(root, i);
            if (is(child, "body")) {
                result.root = builder.body(child, node_span(root, text), 0);
                return result;
            }
        }
        Value empty;
        empty.kind = Value::Kind::object;
        empty.span = node_span(root, text);
        result.root = std::move(empty);
    } catch (const TooDeep& deep) {
        const Position at = text.position_at(ts_node_start_byte(deep.node));
        result.error = "nesting deeper than " + std::to_string(max_nesting_depth) + " levels at line " +
                       std::to_string(at.line);
    }
    return result;
}

}  // namespace keylint
