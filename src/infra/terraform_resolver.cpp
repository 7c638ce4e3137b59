#include "infra/terraform_resolver.hpp"

namespace keylint {
namespace {

constexpr size_t max_depth = 32;

bool is_identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// "var.name" → "name" when the whole expression is that reference (also "${var.name}" quoted).
std::string_view referenced_name(std::string_view expression, std::string_view prefix) {
    if (expression.starts_with("\"${") && expression.ends_with("}\"")) expression = expression.substr(3, expression.size() - 5);
    if (!expression.starts_with(prefix)) return {};
    const std::string_view name = expression.substr(prefix.size());
    if (name.empty()) return {};
    for (char c : name) {
        if (!is_identifier_char(c)) return {};
    }
    return name;
}

}  // namespace

const Value* TerraformResolver::variable_of(const Value& value) const {
    if (!value.is_unknown()) return nullptr;
    const std::string_view name = referenced_name(value.scalar, "var.");
    if (name.empty()) return nullptr;
    const auto variable = module_.variables.find(std::string(name));
    return variable == module_.variables.end() ? nullptr : variable->second;
}

Value TerraformResolver::resolve(const Value& value, size_t depth) const {
    if (depth > max_depth) return value;
    if (value.is_unknown()) {
        if (const Value* variable = variable_of(value)) {
            if (const Value* fallback = variable->find("default")) {
                Value resolved = resolve(*fallback, depth + 1);
                resolved.span = value.span;
                return resolved;
            }
            return value;
        }
        const std::string_view local = referenced_name(value.scalar, "local.");
        if (!local.empty()) {
            if (const auto found = module_.locals.find(std::string(local)); found != module_.locals.end()) {
                Value resolved = resolve(*found->second, depth + 1);
                resolved.span = value.span;
                return resolved;
            }
        }
        return value;
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
        Value expression;
        expression.kind = Value::Kind::unknown;
        expression.scalar = text.substr(open + 2, close - open - 2);
        const Value resolved = resolve(expression, depth + 1);
        if (resolved.is_string() || resolved.kind == Value::Kind::number) out += resolved.scalar;
        else out += text.substr(open, close - open + 1);
        at = close + 1;
    }
    return out;
}

}  // namespace keylint
