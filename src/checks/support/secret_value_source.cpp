#include "checks/support/secret_value_source.hpp"

#include <regex>
#include <set>

namespace keylint {
namespace {

// What a part of a value is: a literal, safe (not plain text), or exposed (with a reason).
struct Source {
    enum class Kind { literal, safe, exposed };
    Kind kind = Kind::literal;
    std::string reason;
};

Source safe() { return {Source::Kind::safe, {}}; }
Source exposed(std::string reason) { return {Source::Kind::exposed, std::move(reason)}; }

// Combines parts: one exposed part exposes the whole; any safe part makes literal parts harmless
// labels (`{"username": "app", "password": "${Pw}"}`).
Source combine(const std::vector<Source>& parts) {
    bool any_safe = false;
    for (const Source& part : parts) {
        if (part.kind == Source::Kind::exposed) return part;
        any_safe = any_safe || part.kind == Source::Kind::safe;
    }
    return any_safe || parts.empty() ? safe() : Source{};
}

Source cloudformation_parameter(const Stack& stack, const std::string& name) {
    const auto parameter = stack.parameters.find(name);
    if (parameter == stack.parameters.end() || !parameter->second) return safe();  // a resource or pseudo parameter
    const Value& declaration = *parameter->second;
    const bool no_echo = is_true(declaration.find("NoEcho"));
    if (declaration.find("Default")) {
        return exposed("parameter " + name + " has a Default, which is written in the template");
    }
    if (!no_echo) return exposed("parameter " + name + " is not NoEcho, so its value shows in the console and describe-stacks");
    return safe();
}

Source cloudformation_source(const Stack& stack, const Value& value, size_t depth);

Source cloudformation_sub(const Stack& stack, const Value& argument, size_t depth) {
    const Value* text = argument.is_array() && !argument.items.empty() ? &argument.items[0] : &argument;
    const Value* variables = argument.is_array() && argument.items.size() > 1 ? &argument.items[1] : nullptr;
    if (!text->is_string()) return safe();
    if (is_dynamic_reference(text->scalar)) return safe();
    std::vector<Source> parts{Source{}};
    static const std::regex variable_pattern(R"(\$\{([^!}][^}]*)\})");
    for (std::sregex_iterator it(text->scalar.begin(), text->scalar.end(), variable_pattern), end; it != end; ++it) {
        std::string name = (*it)[1].str();
        if (variables && variables->is_object()) {
            if (const Value* bound = variables->find(name)) {
                parts.push_back(cloudformation_source(stack, *bound, depth + 1));
                continue;
            }
        }
        if (name.starts_with("AWS::")) continue;  // a pseudo parameter is a known, public value
        const size_t dot = name.find('.');
        if (dot != std::string::npos) {
            parts.push_back(safe());  // Resource.Attribute
            continue;
        }
        parts.push_back(cloudformation_parameter(stack, name));
    }
    return combine(parts);
}

Source cloudformation_source(const Stack& stack, const Value& value, size_t depth) {
    if (depth > 64) return safe();
    if (value.is_string()) return is_dynamic_reference(value.scalar) ? safe() : Source{};
    if (value.kind == Value::Kind::number || value.kind == Value::Kind::boolean) return Source{};
    if (value.is_unknown() || value.kind == Value::Kind::null) return safe();
    if (value.is_array()) {
        std::vector<Source> parts;
        for (const Value& item : value.items) parts.push_back(cloudformation_source(stack, item, depth + 1));
        return combine(parts);
    }
    if (value.members.size() == 1) {
        const Member& call = value.members[0];
        if (call.key == "Ref") {
            return call.value.is_string() ? cloudformation_parameter(stack, call.value.scalar) : safe();
        }
        if (call.key == "Fn::Sub") return cloudformation_sub(stack, call.value, depth);
        if (call.key == "Fn::Join" && call.value.is_array() && call.value.items.size() == 2) {
            return cloudformation_source(stack, call.value.items[1], depth + 1);
        }
        if (call.key == "Fn::If" && call.value.is_array() && call.value.items.size() == 3) {
            const Source then = cloudformation_source(stack, call.value.items[1], depth + 1);
            const Source otherwise = cloudformation_source(stack, call.value.items[2], depth + 1);
            if (then.kind == Source::Kind::exposed) return then;
            if (otherwise.kind == Source::Kind::exposed) return otherwise;
            return then.kind == Source::Kind::literal ? then : otherwise;
        }
        if (call.key.starts_with("Fn::") || call.key == "Condition") return safe();  // GetAtt, ImportValue, …
    }
    std::vector<Source> parts;
    for (const Member& member : value.members) parts.push_back(cloudformation_source(stack, member.value, depth + 1));
    return combine(parts);
}

Source terraform_variable(const Stack& stack, const std::string& name) {
    if (const auto argument = stack.arguments.find(name); argument != stack.arguments.end() && argument->second.known) {
        return exposed("the call of " + stack.module_address + " sets variable " + name + " to a literal in " +
                       argument->second.path + " (line " + std::to_string(argument->second.span.start_line) + ")");
    }
    const auto variable = stack.variables.find(name);
    if (variable == stack.variables.end() || !variable->second) return safe();
    const Value& block = *variable->second;
    if (block.find("default")) return exposed("variable " + name + " has a default, which is written in the module");
    if (!is_true(block.find("sensitive"))) {
        return exposed("variable " + name + " is not marked sensitive = true, so its value shows in plans and logs");
    }
    return safe();
}

Source terraform_source(const Stack& stack, const Value& value, size_t depth);

// The references in an expression's text: variables are judged, locals followed, anything else
// (a resource attribute, a data source, a function of them) is not plain text in the module.
Source terraform_text(const Stack& stack, const std::string& text, size_t depth) {
    static const std::regex reference(R"((^|[^A-Za-z0-9_.])(var|local)\.([A-Za-z_][A-Za-z0-9_-]*))");
    static const std::regex other_reference(R"((^|[^A-Za-z0-9_."])([A-Za-z_][A-Za-z0-9_-]*)\.[A-Za-z_])");
    std::vector<Source> parts;
    for (std::sregex_iterator it(text.begin(), text.end(), reference), end; it != end; ++it) {
        const std::string name = (*it)[3].str();
        if ((*it)[2].str() == "var") {
            parts.push_back(terraform_variable(stack, name));
        } else if (const auto local = stack.locals.find(name); local != stack.locals.end() && local->second) {
            parts.push_back(terraform_source(stack, *local->second, depth + 1));
        }
    }
    for (std::sregex_iterator it(text.begin(), text.end(), other_reference), end; it != end; ++it) {
        const std::string head = (*it)[2].str();
        if (head != "var" && head != "local") parts.push_back(safe());
    }
    return parts.empty() ? safe() : combine(parts);
}

Source terraform_source(const Stack& stack, const Value& value, size_t depth) {
    if (depth > 64) return safe();
    if (value.is_unknown()) return terraform_text(stack, value.scalar, depth);
    if (value.is_string()) {
        if (value.scalar.find("${") == std::string::npos) return Source{};
        Source inside = terraform_text(stack, value.scalar, depth);
        return inside;
    }
    if (value.kind == Value::Kind::number || value.kind == Value::Kind::boolean) return Source{};
    if (value.kind == Value::Kind::null) return safe();
    std::vector<Source> parts;
    for (const Value& item : value.items) parts.push_back(terraform_source(stack, item, depth + 1));
    for (const Member& member : value.members) parts.push_back(terraform_source(stack, member.value, depth + 1));
    return combine(parts);
}

}  // namespace

bool is_dynamic_reference(std::string_view text) {
    for (std::string_view service : {"{{resolve:secretsmanager:", "{{resolve:ssm-secure:", "{{resolve:ssm:"}) {
        if (text.find(service) != std::string_view::npos) return true;
    }
    return false;
}

std::string plaintext_reason(const StackReader& reader, const Value& written) {
    const Stack& stack = reader.stack();
    const Source source = reader.cloudformation() ? cloudformation_source(stack, written, 0) : terraform_source(stack, written, 0);
    if (source.kind == Source::Kind::exposed) return source.reason;
    if (source.kind == Source::Kind::literal) return "it is a literal written in the " + std::string(reader.cloudformation() ? "template" : "module");
    return {};
}

}  // namespace keylint
