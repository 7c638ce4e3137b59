#include "infra/terraform_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "syntax/json_reader.hpp"
#include "syntax/tree_sitter_parser.hpp"

namespace keylint {
namespace {

constexpr size_t max_nesting = 64;
constexpr size_t max_values = 100'000;
constexpr std::string_view prefix = "x = ";  // the expression is parsed as an attribute's value

struct Failed {};  // a type error, a missing attribute, a bad argument: the expression fails

bool is(TSNode node, const char* type) { return std::strcmp(ts_node_type(node), type) == 0; }

Value make(Value::Kind kind, std::string scalar = {}) {
    Value value;
    value.kind = kind;
    value.scalar = std::move(scalar);
    return value;
}

Value string_value(std::string text) { return make(Value::Kind::string, std::move(text)); }
Value boolean_value(bool flag) { return make(Value::Kind::boolean, flag ? "true" : "false"); }

std::string number_text(double number) {
    if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e15) {
        return std::to_string(static_cast<long long>(number));
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", number);
    return buffer;
}

Value number_value(double number) {
    if (!std::isfinite(number)) throw Failed{};
    return make(Value::Kind::number, number_text(number));
}

bool holds_unknown(const Value& value, size_t depth = 0) {
    if (value.is_unknown() || depth > max_nesting) return true;
    for (const Member& member : value.members) {
        if (holds_unknown(member.value, depth + 1)) return true;
    }
    for (const Value& item : value.items) {
        if (holds_unknown(item, depth + 1)) return true;
    }
    return false;
}

double as_number(const Value& value) {
    if (value.kind != Value::Kind::number && value.kind != Value::Kind::string) throw Failed{};
    char* end = nullptr;
    const double number = std::strtod(value.scalar.c_str(), &end);
    if (value.scalar.empty() || end != value.scalar.c_str() + value.scalar.size()) throw Failed{};
    return number;
}

bool as_boolean(const Value& value) {
    if ((value.kind == Value::Kind::boolean || value.is_string()) && (value.scalar == "true" || value.scalar == "false")) {
        return value.scalar == "true";
    }
    throw Failed{};
}

// A primitive as Terraform converts it to a string.
std::string as_string(const Value& value) {
    if (value.is_string() || value.kind == Value::Kind::number || value.kind == Value::Kind::boolean) return value.scalar;
    throw Failed{};
}

bool same(const Value& a, const Value& b) {
    if (a.kind == Value::Kind::number && b.kind == Value::Kind::number) return as_number(a) == as_number(b);
    if (a.kind != b.kind || a.scalar != b.scalar || a.members.size() != b.members.size() ||
        a.items.size() != b.items.size()) {
        return false;
    }
    for (size_t i = 0; i < a.members.size(); ++i) {
        if (a.members[i].key != b.members[i].key || !same(a.members[i].value, b.members[i].value)) return false;
    }
    for (size_t i = 0; i < a.items.size(); ++i) {
        if (!same(a.items[i], b.items[i])) return false;
    }
    return true;
}

const std::vector<Value>& as_list(const Value& value) {
    if (!value.is_array()) throw Failed{};
    return value.items;
}

const Value& as_object(const Value& value) {
    if (!value.is_object()) throw Failed{};
    return value;
}

std::string quoted_json(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// Terraform's format verbs: %s %v %d %f %t %q and %%, with flags and widths read and ignored.
std::string formatted(const std::string& pattern, const std::vector<Value>& arguments) {
    std::string out;
    size_t next = 1;
    for (size_t at = 0; at < pattern.size(); ++at) {
        if (pattern[at] != '%') {
            out += pattern[at];
            continue;
        }
        ++at;
        while (at < pattern.size() && std::strchr("-+ #0123456789.", pattern[at])) ++at;
        if (at >= pattern.size()) throw Failed{};
        const char verb = pattern[at];
        if (verb == '%') {
            out += '%';
            continue;
        }
        if (next >= arguments.size()) throw Failed{};
        const Value& argument = arguments[next++];
        switch (verb) {
            case 's':
            case 'v': out += as_string(argument); break;
            case 'd': out += number_text(std::trunc(as_number(argument))); break;
            case 'f': {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, "%f", as_number(argument));
                out += buffer;
                break;
            }
            case 't': out += as_boolean(argument) ? "true" : "false"; break;
            case 'q': out += quoted_json(as_string(argument)); break;
            default: throw Failed{};
        }
    }
    return out;
}

class Evaluator {
   public:
    Evaluator(const SourceText& text, const NamedValue& named, const FileReader& files)
        : text_(text), named_(named), files_(files) {}

    // The text of a template file (templatefile) with `variables` bound; nullopt when it fails.
    Value template_file(TSNode heredoc, const Value& variables) {
        for (const Member& member : as_object(variables).members) bindings_.emplace_back(member.key, member.value);
        return heredoc_value(heredoc, 0);
    }

    Value evaluate(TSNode node, size_t depth) {
        if (depth > max_nesting || ++made_ > max_values) throw Failed{};
        if (is(node, "expression")) return expression(node, depth);
        if (is(node, "literal_value") || is(node, "collection_value") || is(node, "template_expr") ||
            is(node, "operation") || is(node, "for_expr") || is(node, "splat")) {
            if (ts_node_named_child_count(node) != 1) return unknown(node);
            return evaluate(ts_node_named_child(node, 0), depth + 1);
        }
        if (is(node, "numeric_lit")) return make(Value::Kind::number, std::string(node_text(node, text_)));
        if (is(node, "bool_lit")) return make(Value::Kind::boolean, std::string(node_text(node, text_)));
        if (is(node, "null_lit")) return make(Value::Kind::null);
        if (is(node, "string_lit") || is(node, "quoted_template")) return template_value(node, depth);
        if (is(node, "heredoc_template")) return heredoc_value(node, depth);
        if (is(node, "tuple")) return tuple(node, depth);
        if (is(node, "object")) return object(node, depth);
        if (is(node, "function_call")) return call(node, depth);
        if (is(node, "conditional")) return conditional(node, depth);
        if (is(node, "binary_operation")) return binary(node, depth);
        if (is(node, "unary_operation")) return unary(node, depth);
        if (is(node, "for_tuple_expr") || is(node, "for_object_expr")) return for_expression(node, depth);
        if (is(node, "variable_expr")) return traversal(node, node, node, {}, depth);
        return unknown(node);  // a heredoc, a splat, …
    }

   private:
    // Counts what a copied or built value holds against the evaluation's budget.
    Value charged(Value value) {
        made_ += value_count(value, max_values + 1);
        if (made_ > max_values) throw Failed{};
        return value;
    }

    Value unknown(TSNode node) const { return make(Value::Kind::unknown, std::string(node_text(node, text_))); }
    Value unknown(TSNode first, TSNode last) const {
        const uint32_t begin = ts_node_start_byte(first), end = ts_node_end_byte(last);
        return make(Value::Kind::unknown, std::string(text_.bytes().substr(begin, end - begin)));
    }

    static bool is_step(TSNode node) { return is(node, "get_attr") || is(node, "index") || is(node, "splat"); }

    // The operands of an operation: the grammar writes each as a term followed by its steps.
    std::vector<std::vector<TSNode>> operands(TSNode node) const {
        std::vector<std::vector<TSNode>> groups;
        for (TSNode child : named_children(node)) {
            if (is_step(child) && !groups.empty()) groups.back().push_back(child);
            else groups.push_back({child});
        }
        return groups;
    }

    // A term with its steps (a group of operands()).
    Value operand(const std::vector<TSNode>& group, size_t depth) {
        const std::vector<TSNode> steps(group.begin() + 1, group.end());
        if (is(group[0], "variable_expr")) return traversal(group.front(), group.back(), group[0], steps, depth);
        return stepped(group.front(), group.back(), evaluate(group[0], depth + 1), steps, 0, depth);
    }

    std::vector<TSNode> named_children(TSNode node) const {
        std::vector<TSNode> children;
        for (uint32_t i = 0; i < ts_node_named_child_count(node); ++i) {
            TSNode child = ts_node_named_child(node, i);
            if (!is(child, "comment")) children.push_back(child);
        }
        return children;
    }

    // `expression` holds one node, or a term followed by its attribute, index and splat steps.
    Value expression(TSNode node, size_t depth) {
        const std::vector<TSNode> children = named_children(node);
        if (children.empty()) return unknown(node);
        if (children.size() == 1) return evaluate(children[0], depth + 1);
        return operand(children, depth);
    }

    // A name with its steps: a `for` variable, or what `named` knows (`var.x`, `local.x`, `module.x`).
    Value traversal(TSNode first, TSNode last, TSNode variable, const std::vector<TSNode>& steps, size_t depth) {
        const std::string name(node_text(variable, text_));
        for (auto bound = bindings_.rbegin(); bound != bindings_.rend(); ++bound) {
            if (bound->first == name) return charged(stepped(first, last, bound->second, steps, 0, depth));
        }
        if ((name == "var" || name == "local" || name == "module" || name == "path") && !steps.empty() &&
            is(steps[0], "get_attr")) {
            const std::string root = name + std::string(node_text(steps[0], text_));
            if (std::optional<Value> value = named_(root)) {
                return charged(stepped(first, last, charged(std::move(*value)), steps, 1, depth));
            }
        }
        return unknown(first, last);
    }

    Value stepped(TSNode first, TSNode last, Value value, const std::vector<TSNode>& steps, size_t from, size_t depth) {
        for (size_t i = from; i < steps.size(); ++i) {
            if (value.is_unknown()) return unknown(first, last);
            TSNode step = steps[i];
            std::string key;
            bool index = false;
            if (is(step, "get_attr")) {
                key = std::string(node_text(step, text_)).substr(1);
            } else if (is(step, "index")) {
                TSNode inner = ts_node_named_child(step, 0);
                if (is(inner, "new_index")) {
                    const Value at = evaluate(ts_node_named_child(inner, 0), depth + 1);
                    if (at.is_unknown()) return unknown(first, last);
                    key = as_string(at);
                    index = at.kind == Value::Kind::number;
                } else {
                    key = std::string(node_text(inner, text_)).substr(1);  // legacy `.0`
                    index = true;
                }
            } else {
                return unknown(first, last);  // a splat
            }
            if (value.is_object()) {
                const Value* member = value.find(key);
                if (!member) throw Failed{};
                Value next = *member;
                value = std::move(next);
            } else if (value.is_array()) {
                const double at = as_number(string_value(key));
                if (!index && key.find_first_not_of("0123456789") != std::string::npos) throw Failed{};
                if (at < 0 || at >= static_cast<double>(value.items.size()) || at != std::floor(at)) throw Failed{};
                Value next = value.items[static_cast<size_t>(at)];
                value = std::move(next);
            } else {
                throw Failed{};
            }
        }
        return value;
    }

    // A template's text: literals, interpolations and directives; unknown if an interpolation is.
    Value template_value(TSNode node, size_t depth) {
        std::string out;
        if (!append_template(node, out, depth)) return unknown(node);
        return string_value(std::move(out));
    }

    bool append_template(TSNode node, std::string& out, size_t depth) {
        return append_parts(node, 0, ts_node_named_child_count(node), out, depth);
    }

    // `<<ID` … `ID`: its lines as written, with interpolations and directives evaluated. An
    // indented heredoc (`<<-`) keeps its indentation here, so it is left unknown.
    Value heredoc_value(TSNode node, size_t depth) {
        const uint32_t count = ts_node_named_child_count(node);
        if (count < 3 || node_text(node, text_).starts_with("<<-")) return unknown(node);
        const bool was_raw = std::exchange(raw_, true);
        std::string out;
        const bool known = append_parts(node, 2, count - 1, out, depth);
        raw_ = was_raw;
        if (!known) return unknown(node);
        if (out.starts_with('\n')) out.erase(0, 1);  // the line break after the opening marker
        return string_value(std::move(out));
    }

    std::string_view raw_text(uint32_t begin, uint32_t end) const {
        return begin < end ? text_.bytes().substr(begin, end - begin) : std::string_view();
    }

    TSNode first_named(TSNode node, const char* type) const {
        for (TSNode child : named_children(node)) {
            if (is(child, type)) return child;
        }
        return TSNode{};
    }

    // Appends the parts of a template or a directive's body from `from` to `to` (child indexes).
    // In a heredoc everything between the parts that are evaluated is copied as written.
    bool append_parts(TSNode node, uint32_t from, uint32_t to, std::string& out, size_t depth) {
        if (raw_) {
            uint32_t cursor = from == 0 ? ts_node_start_byte(node) : ts_node_end_byte(ts_node_named_child(node, from - 1));
            const uint32_t stop =
                to < ts_node_named_child_count(node) ? ts_node_start_byte(ts_node_named_child(node, to)) : ts_node_end_byte(node);
            for (uint32_t i = from; i < to; ++i) {
                TSNode part = ts_node_named_child(node, i);
                if (!is(part, "template_interpolation") && !is(part, "template_directive")) continue;
                out += raw_text(cursor, ts_node_start_byte(part));
                if (!append_evaluated(part, out, depth)) return false;
                cursor = ts_node_end_byte(part);
            }
            out += raw_text(cursor, stop);
            return true;
        }
        for (uint32_t i = from; i < to; ++i) {
            TSNode part = ts_node_named_child(node, i);
            if (is(part, "template_literal")) {
                out += unescape_json_string(node_text(part, text_));
            } else if (!append_evaluated(part, out, depth)) {
                return false;
            }
        }
        return true;
    }

    // An interpolation's or a directive's text; other nodes add nothing.
    bool append_evaluated(TSNode part, std::string& out, size_t depth) {
        if (is(part, "template_interpolation")) {
            TSNode inner = first_named(part, "expression");
            if (ts_node_is_null(inner)) return false;
            const Value value = evaluate(inner, depth + 1);
            if (value.is_unknown()) return false;
            out += as_string(value);
        } else if (is(part, "template_directive")) {
            return append_directive(ts_node_named_child(part, 0), out, depth + 1);
        }
        return true;
    }

    bool append_directive(TSNode directive, std::string& out, size_t depth) {
        if (ts_node_is_null(directive) || depth > max_nesting) return false;
        const uint32_t count = ts_node_named_child_count(directive);
        if (is(directive, "template_if")) {
            TSNode intro = ts_node_named_child(directive, 0);
            TSNode condition = first_named(intro, "expression");
            if (ts_node_is_null(condition)) return false;
            const Value chosen = evaluate(condition, depth + 1);
            if (chosen.is_unknown()) return false;
            uint32_t otherwise = count;
            for (uint32_t i = 1; i < count; ++i) {
                if (is(ts_node_named_child(directive, i), "template_else_intro")) otherwise = i;
            }
            const uint32_t end = count - 1;  // template_if_end
            return as_boolean(chosen) ? append_parts(directive, 1, std::min(otherwise, end), out, depth)
                                      : otherwise < end && append_parts(directive, otherwise + 1, end, out, depth);
        }
        if (is(directive, "template_for")) {
            TSNode start = ts_node_named_child(directive, 0);
            std::vector<std::string> names;
            TSNode collection{};
            for (TSNode child : named_children(start)) {
                if (is(child, "identifier")) names.push_back(std::string(node_text(child, text_)));
                if (is(child, "expression")) collection = child;
            }
            if (ts_node_is_null(collection) || names.empty() || names.size() > 2) return false;
            const Value items = evaluate(collection, depth + 1);
            if (items.is_unknown()) return false;
            bool complete = true;
            each_item(items, [&](const Value& key, const Value& item) {
                push_bindings(names, key, item);
                complete = complete && append_parts(directive, 1, count - 1, out, depth);
                pop_bindings(names);
            });
            return complete;
        }
        return false;
    }

    void push_bindings(const std::vector<std::string>& names, const Value& key, const Value& item) {
        if (names.size() == 2) bindings_.emplace_back(names[0], key);
        bindings_.emplace_back(names.back(), item);
    }
    void pop_bindings(const std::vector<std::string>& names) { bindings_.resize(bindings_.size() - names.size()); }

    template <typename Visit>
    void each_item(const Value& collection, Visit visit) {
        if (collection.is_array()) {
            for (size_t i = 0; i < collection.items.size(); ++i) {
                visit(make(Value::Kind::number, std::to_string(i)), collection.items[i]);
            }
        } else if (collection.is_object()) {
            for (const Member& member : collection.members) visit(string_value(member.key), member.value);
        } else {
            throw Failed{};
        }
    }

    Value tuple(TSNode node, size_t depth) {
        Value list = make(Value::Kind::array);
        for (TSNode child : named_children(node)) {
            if (is(child, "expression")) list.items.push_back(evaluate(child, depth + 1));
        }
        return list;
    }

    Value object(TSNode node, size_t depth) {
        Value result = make(Value::Kind::object);
        for (TSNode element : named_children(node)) {
            if (!is(element, "object_elem")) continue;
            TSNode key = ts_node_child_by_field_name(element, "key", 3);
            TSNode val = ts_node_child_by_field_name(element, "val", 3);
            if (ts_node_is_null(key) || ts_node_is_null(val)) return unknown(node);
            const std::string name = object_key(key, depth);
            if (name.empty() && !key_is_literal_empty(key)) return unknown(node);
            put(result, name, evaluate(val, depth + 1));
        }
        return result;
    }

    bool key_is_literal_empty(TSNode key) const { return node_text(key, text_) == "\"\""; }

    // A bare identifier key is its own text; any other key is evaluated ("" when unknown).
    std::string object_key(TSNode key, size_t depth) {
        const std::vector<TSNode> children = named_children(key);
        if (children.size() == 1 && is(children[0], "variable_expr")) return std::string(node_text(children[0], text_));
        const Value value = evaluate(key, depth + 1);
        if (value.is_unknown()) return {};
        return as_string(value);
    }

    static void put(Value& object, const std::string& key, Value value) {
        for (Member& member : object.members) {
            if (member.key == key) {
                member.value = std::move(value);
                return;
            }
        }
        object.members.push_back(Member{key, Span{}, std::move(value)});
    }

    Value conditional(TSNode node, size_t depth) {
        const std::vector<TSNode> parts = named_children(node);
        if (parts.size() != 3) return unknown(node);
        const Value condition = evaluate(parts[0], depth + 1);
        if (condition.is_unknown()) return unknown(node);
        return evaluate(as_boolean(condition) ? parts[1] : parts[2], depth + 1);
    }

    Value unary(TSNode node, size_t depth) {
        const std::vector<std::vector<TSNode>> parts = operands(node);
        if (parts.size() != 1) return unknown(node);
        const std::string_view operation = node_text(ts_node_child(node, 0), text_);
        const Value value = operand(parts[0], depth + 1);
        if (value.is_unknown()) return unknown(node);
        if (operation == "!") return boolean_value(!as_boolean(value));
        if (operation == "-") return number_value(-as_number(value));
        return unknown(node);
    }

    Value binary(TSNode node, size_t depth) {
        const std::vector<std::vector<TSNode>> parts = operands(node);
        if (parts.size() != 2) return unknown(node);
        // The operator is the unnamed child after the first operand.
        std::string_view operation;
        for (uint32_t i = 0; i < ts_node_child_count(node); ++i) {
            TSNode child = ts_node_child(node, i);
            if (!ts_node_is_named(child) && ts_node_start_byte(child) >= ts_node_end_byte(parts[0].back())) {
                operation = node_text(child, text_);
                break;
            }
        }
        const Value left = operand(parts[0], depth + 1);
        const Value right = operand(parts[1], depth + 1);
        if (holds_unknown(left) || holds_unknown(right)) return unknown(node);
        if (operation == "==") return boolean_value(same(left, right));
        if (operation == "!=") return boolean_value(!same(left, right));
        if (operation == "&&") return boolean_value(as_boolean(left) && as_boolean(right));
        if (operation == "||") return boolean_value(as_boolean(left) || as_boolean(right));
        const double a = as_number(left), b = as_number(right);
        if (operation == "+") return number_value(a + b);
        if (operation == "-") return number_value(a - b);
        if (operation == "*") return number_value(a * b);
        if (operation == "/") return number_value(a / b);
        if (operation == "%") return number_value(std::fmod(a, b));
        if (operation == "<") return boolean_value(a < b);
        if (operation == "<=") return boolean_value(a <= b);
        if (operation == ">") return boolean_value(a > b);
        if (operation == ">=") return boolean_value(a >= b);
        return unknown(node);
    }

    Value for_expression(TSNode node, size_t depth) {
        const bool to_object = is(node, "for_object_expr");
        TSNode intro{}, condition{};
        std::vector<TSNode> results;
        for (TSNode child : named_children(node)) {
            if (is(child, "for_intro")) intro = child;
            else if (is(child, "for_cond")) condition = first_named(child, "expression");
            else if (is(child, "expression")) results.push_back(child);
            else if (is(child, "ellipsis")) return unknown(node);  // grouping
        }
        if (ts_node_is_null(intro) || results.size() != (to_object ? 2u : 1u)) return unknown(node);
        std::vector<std::string> names;
        TSNode collection{};
        for (TSNode child : named_children(intro)) {
            if (is(child, "identifier")) names.push_back(std::string(node_text(child, text_)));
            if (is(child, "expression")) collection = child;
        }
        if (ts_node_is_null(collection) || names.empty() || names.size() > 2) return unknown(node);
        const Value items = evaluate(collection, depth + 1);
        if (items.is_unknown()) return unknown(node);
        Value out = make(to_object ? Value::Kind::object : Value::Kind::array);
        bool known = true;
        each_item(items, [&](const Value& key, const Value& item) {
            if (!known) return;
            push_bindings(names, key, item);
            bool keep = true;
            if (!ts_node_is_null(condition)) {
                const Value holds = evaluate(condition, depth + 1);
                if (holds.is_unknown()) known = false;
                else keep = as_boolean(holds);
            }
            if (known && keep) {
                if (to_object) {
                    const Value name = evaluate(results[0], depth + 1);
                    if (name.is_unknown()) known = false;
                    else put(out, as_string(name), evaluate(results[1], depth + 1));
                } else {
                    out.items.push_back(evaluate(results[0], depth + 1));
                }
            }
            pop_bindings(names);
        });
        return known ? out : unknown(node);
    }

    Value call(TSNode node, size_t depth) {
        TSNode name_node = ts_node_named_child(node, 0);
        const std::string name(node_text(name_node, text_));
        std::vector<TSNode> argument_nodes;
        if (ts_node_named_child_count(node) > 1) {
            TSNode arguments = ts_node_named_child(node, 1);
            for (TSNode child : named_children(arguments)) {
                if (is(child, "ellipsis")) return unknown(node);  // expanding a list into arguments
                if (is(child, "expression")) argument_nodes.push_back(child);
            }
        }
        if (name == "try" || name == "can") return attempt(node, name == "can", argument_nodes, depth);
        std::vector<Value> arguments;
        for (TSNode argument : argument_nodes) arguments.push_back(evaluate(argument, depth + 1));
        std::optional<Value> result = builtin(name, arguments);
        return result ? charged(std::move(*result)) : unknown(node);
    }

    // try(a, b, …): the first argument that evaluates; can(a): whether it does.
    Value attempt(TSNode node, bool can, const std::vector<TSNode>& arguments, size_t depth) {
        for (TSNode argument : arguments) {
            const std::vector<std::pair<std::string, Value>> saved = bindings_;
            try {
                Value value = evaluate(argument, depth + 1);
                if (holds_unknown(value)) return unknown(node);
                return can ? boolean_value(true) : value;
            } catch (const Failed&) {
                bindings_ = saved;
                if (can) return boolean_value(false);
            }
        }
        throw Failed{};
    }

    std::optional<Value> builtin(const std::string& name, std::vector<Value>& arguments);
    std::optional<Value> rendered_template(const std::string& content, const Value& variables);

    const SourceText& text_;
    const NamedValue& named_;
    const FileReader& files_;
    bool raw_ = false;  // in a heredoc, literal text is as written: no escapes
    std::vector<std::pair<std::string, Value>> bindings_;  // `for` variables, innermost last
    size_t made_ = 0;
};

bool all_known(const std::vector<Value>& arguments) {
    return std::none_of(arguments.begin(), arguments.end(), [](const Value& value) { return value.is_unknown(); });
}

bool all_fully_known(const std::vector<Value>& arguments) {
    return std::none_of(arguments.begin(), arguments.end(), [](const Value& value) { return holds_unknown(value); });
}

void need(const std::vector<Value>& arguments, size_t least, size_t most) {
    if (arguments.size() < least || arguments.size() > most) throw Failed{};
}

void flatten_into(const Value& value, std::vector<Value>& out, size_t depth) {
    if (depth > max_nesting) throw Failed{};
    if (!value.is_array()) {
        out.push_back(value);
        return;
    }
    for (const Value& item : value.items) flatten_into(item, out, depth + 1);
}

std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
    if (from.empty()) throw Failed{};
    std::string out;
    size_t at = 0;
    for (size_t found = text.find(from); found != std::string::npos; found = text.find(from, at)) {
        out += text.substr(at, found - at) + to;
        at = found + from.size();
    }
    return out + text.substr(at);
}

std::optional<Value> Evaluator::builtin(const std::string& name, std::vector<Value>& arguments) {
    // Functions that build collections keep unknown items; the others need every input known.
    if (name == "concat") {
        if (!all_known(arguments)) return std::nullopt;
        Value list = make(Value::Kind::array);
        for (const Value& argument : arguments) {
            for (const Value& item : as_list(argument)) list.items.push_back(item);
        }
        return list;
    }
    if (name == "merge") {
        if (!all_known(arguments)) return std::nullopt;
        Value object = make(Value::Kind::object);
        for (const Value& argument : arguments) {
            if (argument.kind == Value::Kind::null) continue;
            for (const Member& member : as_object(argument).members) put(object, member.key, member.value);
        }
        return object;
    }
    if (name == "tolist" || name == "toset" || name == "tomap" || name == "jsonencode") {
        need(arguments, 1, 1);
        if (name == "toset" && arguments[0].is_array()) {  // a set holds each value once
            Value set = make(Value::Kind::array);
            for (const Value& item : arguments[0].items) {
                if (std::none_of(set.items.begin(), set.items.end(), [&](const Value& kept) { return same(kept, item); })) {
                    set.items.push_back(item);
                }
            }
            return set;
        }
        return arguments[0];
    }
    if (name == "flatten") {
        need(arguments, 1, 1);
        if (arguments[0].is_unknown()) return std::nullopt;
        Value list = make(Value::Kind::array);
        flatten_into(arguments[0], list.items, 0);
        return list;
    }
    if (name == "element") {
        need(arguments, 2, 2);
        if (!all_known(arguments)) return std::nullopt;
        const std::vector<Value>& items = as_list(arguments[0]);
        if (items.empty()) throw Failed{};
        const double at = as_number(arguments[1]);
        if (at < 0) throw Failed{};
        return items[static_cast<size_t>(at) % items.size()];
    }
    if (name == "lookup") {
        need(arguments, 2, 3);
        if (!all_known(arguments)) return std::nullopt;
        if (const Value* found = as_object(arguments[0]).find(as_string(arguments[1]))) return *found;
        if (arguments.size() == 3) return arguments[2];
        throw Failed{};
    }
    if (name == "keys" || name == "values") {
        need(arguments, 1, 1);
        if (!all_known(arguments)) return std::nullopt;
        Value list = make(Value::Kind::array);
        for (const Member& member : as_object(arguments[0]).members) {
            list.items.push_back(name == "keys" ? string_value(member.key) : member.value);
        }
        if (name == "keys") {
            std::sort(list.items.begin(), list.items.end(), [](const Value& a, const Value& b) { return a.scalar < b.scalar; });
        }
        return list;
    }
    if (name == "coalescelist") {
        if (!all_known(arguments)) return std::nullopt;
        for (const Value& argument : arguments) {
            if (!as_list(argument).empty()) return argument;
        }
        throw Failed{};
    }
    if (name == "compact") {
        need(arguments, 1, 1);
        if (!all_known(arguments)) return std::nullopt;
        Value list = make(Value::Kind::array);
        for (const Value& item : as_list(arguments[0])) {
            if (item.is_unknown()) return std::nullopt;
            if (item.kind != Value::Kind::null && !(item.is_string() && item.scalar.empty())) list.items.push_back(item);
        }
        return list;
    }
    if (name == "one") {
        need(arguments, 1, 1);
        if (!all_known(arguments)) return std::nullopt;
        const std::vector<Value>& items = as_list(arguments[0]);
        if (items.size() > 1) throw Failed{};
        return items.empty() ? make(Value::Kind::null) : items[0];
    }
    if (name == "length") {
        need(arguments, 1, 1);
        if (!all_known(arguments)) return std::nullopt;
        const Value& value = arguments[0];
        if (value.is_array()) return number_value(static_cast<double>(value.items.size()));
        if (value.is_object()) return number_value(static_cast<double>(value.members.size()));
        if (value.is_string()) {
            size_t characters = 0;
            for (const unsigned char c : value.scalar) characters += (c & 0xC0) != 0x80;
            return number_value(static_cast<double>(characters));
        }
        throw Failed{};
    }
    // Everything below reads its inputs whole.
    if (!all_fully_known(arguments)) return std::nullopt;
    if (name == "coalesce") {
        for (const Value& argument : arguments) {
            if (argument.kind != Value::Kind::null && !(argument.is_string() && argument.scalar.empty())) return argument;
        }
        throw Failed{};
    }
    if (name == "distinct") {
        need(arguments, 1, 1);
        Value list = make(Value::Kind::array);
        for (const Value& item : as_list(arguments[0])) {
            if (std::none_of(list.items.begin(), list.items.end(), [&](const Value& kept) { return same(kept, item); })) {
                list.items.push_back(item);
            }
        }
        return list;
    }
    if (name == "contains") {
        need(arguments, 2, 2);
        const std::vector<Value>& items = as_list(arguments[0]);
        return boolean_value(std::any_of(items.begin(), items.end(), [&](const Value& item) { return same(item, arguments[1]); }));
    }
    if (name == "format") {
        if (arguments.empty()) throw Failed{};
        return string_value(formatted(as_string(arguments[0]), arguments));
    }
    if (name == "join") {
        need(arguments, 2, 64);
        std::string out;
        bool first = true;
        for (size_t i = 1; i < arguments.size(); ++i) {
            for (const Value& item : as_list(arguments[i])) {
                out += (first ? "" : as_string(arguments[0])) + as_string(item);
                first = false;
            }
        }
        return string_value(out);
    }
    if (name == "split") {
        need(arguments, 2, 2);
        const std::string separator = as_string(arguments[0]), text = as_string(arguments[1]);
        if (separator.empty()) throw Failed{};
        Value list = make(Value::Kind::array);
        size_t at = 0;
        for (size_t found = text.find(separator); found != std::string::npos; found = text.find(separator, at)) {
            list.items.push_back(string_value(text.substr(at, found - at)));
            at = found + separator.size();
        }
        list.items.push_back(string_value(text.substr(at)));
        return list;
    }
    if (name == "replace") {
        need(arguments, 3, 3);
        const std::string from = as_string(arguments[1]);
        if (from.size() >= 2 && from.front() == '/' && from.back() == '/') return std::nullopt;  // a regular expression
        return string_value(replaced(as_string(arguments[0]), from, as_string(arguments[2])));
    }
    if (name == "lower" || name == "upper") {
        need(arguments, 1, 1);
        std::string text = as_string(arguments[0]);
        for (char& c : text) {
            if (name == "lower" && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (name == "upper" && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
        return string_value(text);
    }
    if (name == "trimspace") {
        need(arguments, 1, 1);
        const std::string text = as_string(arguments[0]);
        const size_t first = text.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) return string_value("");
        return string_value(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
    }
    if (name == "trimprefix" || name == "trimsuffix" || name == "startswith" || name == "endswith") {
        need(arguments, 2, 2);
        const std::string text = as_string(arguments[0]), part = as_string(arguments[1]);
        const bool starts = text.starts_with(part), ends = text.ends_with(part);
        if (name == "startswith") return boolean_value(starts);
        if (name == "endswith") return boolean_value(ends);
        if (name == "trimprefix") return string_value(starts ? text.substr(part.size()) : text);
        return string_value(ends ? text.substr(0, text.size() - part.size()) : text);
    }
    if (name == "substr") {
        need(arguments, 3, 3);
        const std::string text = as_string(arguments[0]);
        const double offset = as_number(arguments[1]), length = as_number(arguments[2]);
        if (offset < 0 || offset > static_cast<double>(text.size())) throw Failed{};
        const size_t from = static_cast<size_t>(offset);
        return string_value(length < 0 ? text.substr(from) : text.substr(from, static_cast<size_t>(length)));
    }
    if (name == "tostring") {
        need(arguments, 1, 1);
        if (arguments[0].kind == Value::Kind::null) return arguments[0];
        return string_value(as_string(arguments[0]));
    }
    if (name == "tonumber") {
        need(arguments, 1, 1);
        if (arguments[0].kind == Value::Kind::null) return arguments[0];
        return number_value(as_number(arguments[0]));
    }
    if (name == "tobool") {
        need(arguments, 1, 1);
        if (arguments[0].kind == Value::Kind::null) return arguments[0];
        return boolean_value(as_boolean(arguments[0]));
    }
    if (name == "file" || name == "templatefile") {
        need(arguments, name == "file" ? 1 : 2, name == "file" ? 1 : 2);
        const std::optional<std::string> content = files_ ? files_(as_string(arguments[0])) : std::nullopt;
        if (!content) return std::nullopt;  // outside the audited tree, unreadable, or too large
        if (name == "file") return string_value(*content);
        return rendered_template(*content, arguments[1]);
    }
    if (name == "jsondecode") {
        need(arguments, 1, 1);
        ParseResult parsed = read_json(SourceText("jsondecode", as_string(arguments[0])));
        if (!parsed.root) throw Failed{};
        return std::move(*parsed.root);
    }
    return std::nullopt;  // a function keylint does not evaluate: unknown
}

constexpr std::string_view template_marker = "KEYLINT_TEMPLATE_END";

// A template file parsed as a heredoc's body, evaluated with only its variables in scope (as in
// Terraform, a template cannot read the module's variables).
std::optional<Value> Evaluator::rendered_template(const std::string& content, const Value& variables) {
    if (content.find(template_marker) != std::string::npos || !variables.is_object() || holds_unknown(variables)) {
        return std::nullopt;
    }
    const bool closed = content.empty() || content.back() == '\n';
    const SourceText text("template", std::string(prefix) + "<<" + std::string(template_marker) + "\n" + content +
                                          (closed ? "" : "\n") + std::string(template_marker) + "\n");
    const TreePtr tree = parse_source(tree_sitter_hcl(), text);
    if (!tree || ts_node_has_error(ts_tree_root_node(tree.get()))) throw Failed{};
    TSNode heredoc = ts_tree_root_node(tree.get());
    while (!ts_node_is_null(heredoc) && !is(heredoc, "heredoc_template")) {
        heredoc = ts_node_named_child(heredoc, ts_node_named_child_count(heredoc) - 1);
    }
    if (ts_node_is_null(heredoc)) throw Failed{};
    static const NamedValue nothing = [](std::string_view) { return std::optional<Value>(); };
    Evaluator inner(text, nothing, files_);
    Value value = inner.template_file(heredoc, variables);
    made_ += inner.made_;
    if (value.is_unknown()) return std::nullopt;
    if (!closed && value.scalar.ends_with('\n')) value.scalar.pop_back();
    return value;
}

bool is_traversal_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == '*';
}

}  // namespace

bool needs_evaluation(std::string_view expression) {
    bool quoted = false;
    for (const char c : expression) {
        if (quoted) {
            if (c == '"') quoted = false;
            continue;
        }
        if (c == '"') quoted = true;
        else if (c != '[' && c != ']' && c != ' ' && !is_traversal_char(c)) return true;
    }
    return false;
}

std::optional<Value> evaluate_terraform_expression(std::string_view expression, const NamedValue& named,
                                                   const Span& span, const FileReader& files) {
    const SourceText text("expression", std::string(prefix) + std::string(expression) + "\n");
    const TreePtr tree = parse_source(tree_sitter_hcl(), text);
    if (!tree) return std::nullopt;
    TSNode root = ts_tree_root_node(tree.get());
    if (ts_node_has_error(root)) return std::nullopt;
    TSNode body = ts_node_named_child(root, 0);
    if (ts_node_is_null(body) || ts_node_named_child_count(body) != 1) return std::nullopt;
    TSNode attribute = ts_node_named_child(body, 0);
    if (std::strcmp(ts_node_type(attribute), "attribute") != 0 || ts_node_named_child_count(attribute) != 2) {
        return std::nullopt;
    }
    try {
        Evaluator evaluator(text, named, files);
        Value value = evaluator.evaluate(ts_node_named_child(attribute, 1), 0);
        if (value.is_unknown()) return std::nullopt;
        set_spans(value, span);
        return value;
    } catch (const Failed&) {
        return std::nullopt;
    }
}

}  // namespace keylint
