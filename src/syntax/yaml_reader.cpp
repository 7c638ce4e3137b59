#include "syntax/yaml_reader.hpp"

#include <array>
#include <cstring>

#include "syntax/json_reader.hpp"
#include "syntax/tree_sitter_parser.hpp"

namespace keylint {
namespace {

struct TooDeep {
    TSNode node;
};

bool is(TSNode node, const char* type) { return std::strcmp(ts_node_type(node), type) == 0; }

// CloudFormation's short-form intrinsic functions and conditions.
constexpr std::array<std::string_view, 21> cloudformation_functions = {
    "Base64", "Cidr",  "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform",
    "And",    "Equals", "If",       "Not",    "Or",     "ToJsonString", "Length", "ForEach", "Ref", "Condition"};

std::string_view trim(std::string_view s) {
    const size_t first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const size_t last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

// Multi-line flow scalars: each line break with its surrounding blanks becomes one space, an empty
// line a line feed.
std::string fold_lines(std::string_view raw) {
    if (raw.find('\n') == std::string_view::npos) return std::string(raw);
    std::string out;
    bool first = true, pending_space = false;
    size_t start = 0;
    while (start <= raw.size()) {
        size_t end = raw.find('\n', start);
        if (end == std::string_view::npos) end = raw.size();
        std::string_view line = raw.substr(start, end - start);
        line = first ? std::string_view(line.data(), trim(line).empty() ? 0 : line.size()) : line;
        const std::string_view content = trim(line);
        if (!first && content.empty()) {
            out.push_back('\n');
            pending_space = false;
        } else {
            if (pending_space) out.push_back(' ');
            out += first ? std::string(line.substr(0, line.find_last_not_of(" \t\r") + 1)) : std::string(content);
            pending_space = true;
        }
        first = false;
        start = end + 1;
    }
    return out;
}

// A literal (|) or folded (>) block scalar: header, then lines indented at least as the first one.
std::string block_scalar_value(std::string_view raw) {
    const size_t header_end = raw.find('\n');
    const std::string_view header = raw.substr(0, header_end);
    const bool folded = header.starts_with('>');
    const char chomp = header.find('-') != std::string_view::npos   ? '-'
                       : header.find('+') != std::string_view::npos ? '+'
                                                                    : ' ';
    if (header_end == std::string_view::npos) return {};
    std::vector<std::string_view> lines;
    size_t start = header_end + 1;
    while (start < raw.size()) {
        size_t end = raw.find('\n', start);
        if (end == std::string_view::npos) end = raw.size();
        lines.push_back(raw.substr(start, end - start));
        start = end + 1;
    }
    size_t indent = std::string_view::npos;
    for (std::string_view line : lines) {
        if (trim(line).empty()) continue;
        indent = std::min(indent, line.find_first_not_of(' '));
    }
    if (indent == std::string_view::npos) indent = 0;
    std::string out;
    bool previous_text = false;
    for (std::string_view line : lines) {
        const std::string_view body = line.size() > indent ? line.substr(indent) : std::string_view{};
        if (folded && previous_text && !trim(body).empty() && body.front() != ' ') {
            out.back() = ' ';
        }
        out += body;
        out.push_back('\n');
        previous_text = !trim(body).empty() && body.front() != ' ';
    }
    if (chomp != '+') {
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        if (chomp == ' ' && !out.empty()) out.push_back('\n');
    }
    return out;
}

// A node's span without the line breaks and blanks a block mapping or sequence ends with.
Span trimmed_span(TSNode node, const SourceText& text) {
    const uint32_t begin = ts_node_start_byte(node);
    uint32_t end = ts_node_end_byte(node);
    const std::string_view bytes = text.bytes();
    while (end > begin && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ' ||
                           bytes[end - 1] == '\t')) {
        --end;
    }
    const Position start = text.position_at(begin);
    const Position stop = text.position_at(end);
    return Span{start.line, start.column, stop.line, stop.column};
}

class YamlBuilder {
   public:
    explicit YamlBuilder(const SourceText& text) : text_(text) {}

    // A block_node or flow_node (tag, anchor, content) or a bare content node.
    Value build(TSNode node, size_t depth) {
        if (depth > max_nesting_depth) throw TooDeep{node};
        if (!is(node, "block_node") && !is(node, "flow_node")) return build_content(node, depth);
        TSNode tag{}, content{};
        bool has_tag = false, has_content = false;
        for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
            TSNode child = ts_node_named_child(node, i);
            if (is(child, "tag")) {
                tag = child;
                has_tag = true;
            } else if (!is(child, "anchor") && !is(child, "comment") && !has_content) {
                content = child;
                has_content = true;
            }
        }
        Value inner;
        if (has_content) {
            inner = build_content(content, depth + 1);
        } else {
            inner.span = node_span(node, text_);
            inner.span.start_line = inner.span.end_line;
            inner.span.start_column = inner.span.end_column;
        }
        if (!has_tag) return inner;
        const std::string_view tag_text = node_text(tag, text_);
        const std::string_view name = tag_text.substr(1);
        bool known = false;
        for (std::string_view function : cloudformation_functions) known = known || function == name;
        if (!tag_text.starts_with('!') || tag_text.starts_with("!!") || !known) return inner;
        if (name == "GetAtt" && inner.is_string()) {
            // `!GetAtt Resource.Attribute` is the list form [Resource, Attribute].
            const size_t dot = inner.scalar.find('.');
            Value list;
            list.kind = Value::Kind::array;
            list.span = inner.span;
            Value part = inner;
            part.scalar = inner.scalar.substr(0, dot);
            list.items.push_back(part);
            if (dot != std::string::npos) {
                part.scalar = inner.scalar.substr(dot + 1);
                list.items.push_back(part);
            }
            inner = std::move(list);
        }
        Value wrapped;
        wrapped.kind = Value::Kind::object;
        wrapped.span = trimmed_span(node, text_);
        Member member;
        member.key = name == "Ref" || name == "Condition" ? std::string(name) : "Fn::" + std::string(name);
        member.key_span = node_span(tag, text_);
        member.value = std::move(inner);
        wrapped.members.push_back(std::move(member));
        return wrapped;
    }

   private:
    Value build_content(TSNode node, size_t depth) {
        if (depth > max_nesting_depth) throw TooDeep{node};
        Value value;
        value.span = trimmed_span(node, text_);
        const std::string_view type = ts_node_type(node);
        if (type == "block_mapping" || type == "flow_mapping") {
            value.kind = Value::Kind::object;
            for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
                TSNode pair = ts_node_named_child(node, i);
                if (is(pair, "comment")) continue;
                if (is(pair, "flow_node")) {  // `{a}`: a key without a value
                    add_member(value, pair, TSNode{}, pair, depth);
                    continue;
                }
                TSNode key = ts_node_child_by_field_name(pair, "key", 3);
                TSNode member_value = ts_node_child_by_field_name(pair, "value", 5);
                if (ts_node_is_null(key)) continue;
                add_member(value, key, member_value, pair, depth);
            }
        } else if (type == "block_sequence" || type == "flow_sequence") {
            value.kind = Value::Kind::array;
            for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
                TSNode item = ts_node_named_child(node, i);
                if (is(item, "comment")) continue;
                if (is(item, "block_sequence_item")) {
                    if (ts_node_named_child_count(item) == 0) {
                        Value empty;
                        empty.span = node_span(item, text_);
                        value.items.push_back(std::move(empty));
                        continue;
                    }
                    item = ts_node_named_child(item, 0);
                    if (is(item, "comment")) continue;
                }
                if (is(item, "flow_pair")) {  // [a: b] is a single-pair mapping
                    Value single;
                    single.kind = Value::Kind::object;
                    single.span = node_span(item, text_);
                    add_member(single, ts_node_child_by_field_name(item, "key", 3),
                               ts_node_child_by_field_name(item, "value", 5), item, depth);
                    value.items.push_back(std::move(single));
                    continue;
                }
                value.items.push_back(build(item, depth + 1));
            }
        } else if (type == "plain_scalar") {
            const std::string_view raw = node_text(node, text_);
            const std::string_view kind =
                ts_node_named_child_count(node) == 1 ? ts_node_type(ts_node_named_child(node, 0)) : "string_scalar";
            value.scalar = fold_lines(raw);
            if (kind == "integer_scalar" || kind == "float_scalar") value.kind = Value::Kind::number;
            else if (kind == "boolean_scalar") value.kind = Value::Kind::boolean;
            else if (kind == "null_scalar") value.kind = Value::Kind::null;
            else value.kind = Value::Kind::string;
        } else if (type == "double_quote_scalar") {
            std::string_view raw = node_text(node, text_);
            raw = raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0);
            value.kind = Value::Kind::string;
            value.scalar = unescape_json_string(fold_lines(raw));
        } else if (type == "single_quote_scalar") {
            std::string_view raw = node_text(node, text_);
            raw = raw.substr(1, raw.size() >= 2 ? raw.size() - 2 : 0);
            value.kind = Value::Kind::string;
            for (char c : fold_lines(raw)) {
                if (c == '\'' && !value.scalar.empty() && value.scalar.back() == '\'' && !quote_pending_) {
                    quote_pending_ = true;  // '' is one quote
                    continue;
                }
                quote_pending_ = false;
                value.scalar.push_back(c);
            }
            quote_pending_ = false;
        } else if (type == "block_scalar") {
            value.kind = Value::Kind::string;
            value.scalar = block_scalar_value(node_text(node, text_));
        } else if (type == "alias") {
            value.kind = Value::Kind::unknown;
            value.scalar = std::string(node_text(node, text_));
        } else if (type == "block_node" || type == "flow_node") {
            return build(node, depth + 1);
        }
        return value;
    }

    void add_member(Value& object, TSNode key, TSNode member_value, TSNode pair, size_t depth) {
        Member member;
        const Value key_value = build(key, depth + 1);
        member.key = key_value.scalar.empty() && !key_value.is_string() ? std::string(node_text(key, text_))
                                                                          : key_value.scalar;
        member.key_span = node_span(key, text_);
        if (!ts_node_is_null(member_value)) {
            member.value = build(member_value, depth + 1);
        } else {
            const Span pair_span = node_span(pair, text_);
            member.value.span = Span{pair_span.end_line, pair_span.end_column, pair_span.end_line, pair_span.end_column};
        }
        object.members.push_back(std::move(member));
    }

    const SourceText& text_;
    bool quote_pending_ = false;
};

}  // namespace

ParseResult read_yaml(const SourceText& text) {
    ParseResult result;
    const CheckedTree parsed = parse_valid_document(tree_sitter_yaml(), text, "YAML");
    if (!parsed.tree) {
        result.error = parsed.error;
        return result;
    }
    TSNode root = ts_tree_root_node(parsed.tree.get());
    try {
        YamlBuilder builder(text);
        for (uint32_t i = 0; i < ts_node_named_child_count(root); ++i) {
            TSNode document = ts_node_named_child(root, i);
            if (!is(document, "document")) continue;
            for (uint32_t j = 0; j < ts_node_named_child_count(document); ++j) {
                TSNode child = ts_node_named_child(document, j);
                if (is(child, "block_node") || is(child, "flow_node")) {
                    result.root = builder.build(child, 0);
                    return result;
                }
            }
        }
    } catch (const TooDeep& deep) {
        const Position at = text.position_at(ts_node_start_byte(deep.node));
        result.error = "nesting deeper than " + std::to_string(max_nesting_depth) + " levels at line " +
                       std::to_string(at.line);
        return result;
    }
    result.error = "invalid YAML: the file holds no document";
    return result;
}

}  // namespace keylint
