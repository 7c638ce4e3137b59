#include "infra/terraform_resolver.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "infra/terraform_evaluator.hpp"
#include "infra/terraform_expression.hpp"

namespace keylint {
namespace {

constexpr size_t max_depth = 32;

// `var.NAME` / `local.NAME` as a whole expression, optionally followed by attribute and index
// steps (`var.secrets["db"].days`, `local.keys[0]`).
struct Traversal {
    std::string_view name;
    std::vector<std::string_view> steps;  // member keys, or list indexes written as digits
};

std::optional<Traversal> traversal(std::string_view expression, std::string_view prefix) {
    expression = unwrapped_expression(expression);
    if (!expression.starts_with(prefix)) return std::nullopt;
    // The prefix ends with its dot: the name is the first step.
    const std::optional<TraversalStep> name = traversal_step_at(expression, prefix.size() - 1);
    if (!name || name->index) return std::nullopt;
    Traversal found;
    found.name = name->key;
    size_t at = name->end;
    while (at < expression.size()) {
        const std::optional<TraversalStep> step = traversal_step_at(expression, at);
        if (!step) return std::nullopt;
        found.steps.push_back(step->key);
        at = step->end;
    }
    return found;
}

// The value `steps` lead to inside `value`, or null when one of them does not exist there.
const Value* walked(const Value& value, const std::vector<std::string_view>& steps) {
    const Value* at = &value;
    for (std::string_view step : steps) {
        if (at->is_object()) {
            at = at->find(step);
        } else if (at->is_array() && step.find_first_not_of("0123456789") == std::string_view::npos && step.size() < 6) {
            const size_t index = std::stoul(std::string(step));
            at = index < at->items.size() ? &at->items[index] : nullptr;
        } else {
            at = nullptr;
        }
        if (!at) return nullptr;
    }
    return at;
}

// Where `separator` first occurs outside strings, parentheses, brackets and braces; npos if nowhere.
size_t top_level(std::string_view text, std::string_view separator) {
    int nesting = 0;
    bool quoted = false;
    for (size_t at = 0; at + separator.size() <= text.size(); ++at) {
        const char c = text[at];
        if (quoted) {
            if (c == '\\') ++at;
            else if (c == '"') quoted = false;
        } else if (nesting == 0 && text.substr(at).starts_with(separator)) {
            return at;
        } else if (c == '"') {
            quoted = true;
        } else if (c == '(' || c == '[' || c == '{') {
            ++nesting;
        } else if (c == ')' || c == ']' || c == '}') {
            --nesting;
        }
    }
    return std::string_view::npos;
}

// `(x)` is x, when the parentheses enclose the whole text.
std::string_view without_parentheses(std::string_view text) {
    text = trimmed_expression(text);
    while (text.size() >= 2 && text.front() == '(' && text.back() == ')' &&
           top_level(text.substr(1), ")") == text.size() - 2) {
        text = trimmed_expression(text.substr(1, text.size() - 2));
    }
    return text;
}

// A literal written in an expression: "text" (without interpolation or escapes), a number, true,
// false or null.
std::optional<Value> literal(std::string_view text) {
    Value value;
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        const std::string_view inside = text.substr(1, text.size() - 2);
        if (inside.find_first_of("\"\\") != std::string_view::npos || inside.find("${") != std::string_view::npos) {
            return std::nullopt;
        }
        value.kind = Value::Kind::string;
        value.scalar = std::string(inside);
        return value;
    }
    if (text == "true" || text == "false") {
        value.kind = Value::Kind::boolean;
    } else if (text == "null") {
        value.kind = Value::Kind::null;
    } else if (!text.empty() && text.find_first_not_of("0123456789.-") == std::string_view::npos &&
               text.find_first_of("0123456789") != std::string_view::npos) {
        value.kind = Value::Kind::number;
    } else {
        return std::nullopt;
    }
    value.scalar = std::string(text);
    return value;
}

// What `steps` reach in a value handed across a module boundary (a call's argument, a called
// module's outputs), which is final: an unknown part stays as the expression that names it.
std::optional<Value> handed_over(const Value& value, const std::vector<std::string_view>& steps, const Span& span) {
    const Value* reached = walked(value, steps);
    if (!reached || reached->is_unknown()) return std::nullopt;
    Value copy = *reached;
    set_spans(copy, span);  // written elsewhere: a finding points where it is used
    return copy;
}

bool same_value(const Value& a, const Value& b) {
    if (a.is_unknown() || b.is_unknown() || a.kind != b.kind) return false;
    return a.scalar == b.scalar;
}

}  // namespace

std::optional<Value> TerraformResolver::known_operand(std::string_view text, size_t depth) const {
    text = without_parentheses(text);
    if (std::optional<Value> value = literal(text)) return value;
    Value expression;
    expression.kind = Value::Kind::unknown;
    expression.scalar = std::string(text);
    Value resolved = resolve(expression, depth + 1);
    if (resolved.is_unknown()) return std::nullopt;
    return resolved;
}

std::optional<Value> TerraformResolver::conditional_value(std::string_view expression, size_t depth) const {
    expression = without_parentheses(expression);
    const size_t question = top_level(expression, "?");
    if (question == std::string_view::npos) return std::nullopt;
    const std::string_view branches = expression.substr(question + 1);
    const size_t colon = top_level(branches, ":");
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view condition = trimmed_expression(expression.substr(0, question));
    std::optional<bool> holds;
    for (const std::string_view operation : {"==", "!="}) {
        const size_t at = top_level(condition, operation);
        if (at == std::string_view::npos) continue;
        const std::optional<Value> left = known_operand(condition.substr(0, at), depth);
        const std::optional<Value> right = known_operand(condition.substr(at + 2), depth);
        if (!left || !right) return std::nullopt;
        holds = same_value(*left, *right) == (operation == "==");
        break;
    }
    if (!holds) {
        const std::optional<Value> flag = known_operand(condition, depth);
        if (!flag || flag->kind != Value::Kind::boolean) return std::nullopt;
        holds = flag->scalar == "true";
    }
    const std::string_view chosen = trimmed_expression(*holds ? branches.substr(0, colon) : branches.substr(colon + 1));
    if (std::optional<Value> value = literal(chosen)) return value;
    Value branch;  // a reference or another expression: resolved as far as it goes
    branch.kind = Value::Kind::unknown;
    branch.scalar = std::string(chosen);
    return resolve(branch, depth + 1);
}

Value TerraformResolver::module_directory() const {
    Value directory;
    directory.kind = Value::Kind::string;
    const std::string relative = std::filesystem::path(module_.path.empty() ? "." : module_.path)
                                     .lexically_relative(module_.root_directory.empty() ? "." : module_.root_directory)
                                     .generic_string();
    directory.scalar = relative.empty() ? "." : relative;
    return directory;
}

const Value* TerraformResolver::variable_of(const Value& value) const {
    if (!value.is_unknown()) return nullptr;
    const std::optional<Traversal> reference = traversal(value.scalar, "var.");
    if (!reference) return nullptr;
    const auto variable = module_.variables.find(std::string(reference->name));
    return variable == module_.variables.end() ? nullptr : variable->second;
}

std::optional<Value> TerraformResolver::named_value(const Value& value, size_t depth) const {
    const Value* written = nullptr;
    std::optional<Traversal> reference = traversal(value.scalar, "var.");
    if (reference) {
        if (const auto argument = module_.arguments.find(std::string(reference->name)); argument != module_.arguments.end()) {
            return handed_over(argument->second.value, reference->steps, value.span);
        }
        const Value* variable = variable_of(value);
        written = variable ? variable->find("default") : nullptr;
    } else if ((reference = traversal(value.scalar, "local."))) {
        const auto local = module_.locals.find(std::string(reference->name));
        if (local != module_.locals.end()) written = local->second;
    } else if ((reference = traversal(value.scalar, "module."))) {
        const auto outputs = module_.module_outputs.find(std::string(reference->name));
        if (outputs == module_.module_outputs.end()) return std::nullopt;
        return handed_over(outputs->second, reference->steps, value.span);
    }
    if (!written) return std::nullopt;
    const Value whole = resolve(*written, depth + 1);
    const Value* reached = walked(whole, reference->steps);
    if (!reached) return std::nullopt;
    Value resolved = *reached;
    resolved.span = value.span;
    return resolved;
}

Value TerraformResolver::resolve(const Value& value, size_t depth) const {
    if (depth > max_depth) return value;
    if (value.is_unknown()) {
        std::optional<Value> known = named_value(value, depth);
        if (!known) known = conditional_value(unwrapped_expression(value.scalar), depth);
        if (!known && needs_evaluation(unwrapped_expression(value.scalar))) {
            const NamedValue named = [this, depth](std::string_view root) -> std::optional<Value> {
                if (root == "path.module") return module_directory();
                Value reference;
                reference.kind = Value::Kind::unknown;
                reference.scalar = std::string(root);
                return named_value(reference, depth + 1);
            };
            known = evaluate_terraform_expression(unwrapped_expression(value.scalar), named, value.span, module_.read_file);
            if (known) *known = resolve(*known, depth + 1);  // unknown parts may still be variables
        }
        if (!known) return value;
        known->span = value.span;
        return std::move(*known);
    }
    Value copy;
    copy.kind = value.kind;
    copy.span = value.span;
    copy.scalar = value.is_string() ? interpolate(value.scalar, depth) : value.scalar;
    for (const Member& member : value.members) {
        copy.members.push_back(Member{member.key, member.key_span, resolve(member.value, depth + 1)});
    }
    for (const Value& item : value.items) copy.items.push_back(resolve(item, depth + 1));
    return copy;
}

std::string TerraformResolver::interpolate(const std::string& text, size_t depth) const {
    return rewrite_interpolations(text, [this, depth](std::string_view inside) -> std::optional<std::string> {
        Value expression;
        expression.kind = Value::Kind::unknown;
        expression.scalar = std::string(inside);
        const Value resolved = resolve(expression, depth + 1);
        if (resolved.is_string() || resolved.kind == Value::Kind::number) return resolved.scalar;
        return std::nullopt;
    });
}

}  // namespace keylint
