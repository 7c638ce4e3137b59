#include "infra/cloudformation_resolver.hpp"

namespace keylint {
namespace {

constexpr size_t max_depth = 64;

bool is_intrinsic(const Value& value) {
    return value.is_object() && value.members.size() == 1 &&
           (value.members[0].key == "Ref" || value.members[0].key.starts_with("Fn::"));
}

bool is_condition_branch(const Value& value) {
    return value.is_object() && value.members.size() == 1 && value.members[0].key == "Fn::If" &&
           value.members[0].value.is_array() && value.members[0].value.items.size() == 3;
}

Value unknown_value(const Span& span, std::string text) {
    Value value;
    value.kind = Value::Kind::unknown;
    value.span = span;
    value.scalar = std::move(text);
    return value;
}

Value string_value(const Span& span, std::string text) {
    Value value;
    value.kind = Value::Kind::string;
    value.span = span;
    value.scalar = std::move(text);
    return value;
}

void collect_branches(const Value& value, std::vector<const Value*>& out, size_t depth) {
    if (depth > max_depth) return;
    if (is_condition_branch(value)) {
        collect_branches(value.members[0].value.items[1], out, depth + 1);
        collect_branches(value.members[0].value.items[2], out, depth + 1);
    } else if (!is_no_value(value)) {
        out.push_back(&value);
    }
}

}  // namespace

bool is_no_value(const Value& value) { return value.is_string() && value.scalar == "${AWS::NoValue}"; }

std::vector<const Value*> cloudformation_branches(const Value& value) {
    std::vector<const Value*> branches;
    collect_branches(value, branches, 0);
    return branches;
}

CloudFormationResolver::CloudFormationResolver(const Value& root) {
    if (const Value* parameters = root.find("Parameters"); parameters && parameters->is_object()) {
        for (const Member& parameter : parameters->members) defaults_[parameter.key] = parameter.value.find("Default");
    }
    if (const Value* resources = root.find("Resources"); resources && resources->is_object()) {
        for (const Member& resource : resources->members) resources_.insert(resource.key);
    }
}

Value CloudFormationResolver::resolve(const Value& value, size_t depth) const {
    if (depth > max_depth) return unknown_value(value.span, "a nesting of intrinsic functions too deep to resolve");
    if (is_intrinsic(value)) return resolve_intrinsic(value.members[0], value.span, depth);
    Value copy;
    copy.kind = value.kind;
    copy.scalar = value.scalar;
    copy.span = value.span;
    for (const Member& member : value.members) {
        copy.members.push_back(Member{member.key, member.key_span, resolve(member.value, depth + 1)});
    }
    for (const Value& item : value.items) {
        Value resolved = resolve(item, depth + 1);
        if (is_condition_branch(resolved)) {
            for (const Value* branch : cloudformation_branches(resolved)) copy.items.push_back(*branch);
        } else {
            copy.items.push_back(std::move(resolved));
        }
    }
    return copy;
}

Value CloudFormationResolver::resolve_intrinsic(const Member& call, const Span& span, size_t depth) const {
    const Value& argument = call.value;
    if (call.key == "Ref" && argument.is_string()) {
        const std::string& name = argument.scalar;
        if (auto parameter = defaults_.find(name); parameter != defaults_.end()) {
            if (parameter->second) {
                Value resolved = resolve(*parameter->second, depth + 1);
                resolved.span = span;
                return resolved;
            }
            return unknown_value(span, "Ref " + name + " (a parameter without a default)");
        }
        if (name.starts_with("AWS::") || resources_.contains(name)) return string_value(span, "${" + name + "}");
        return unknown_value(span, "Ref " + name);
    }
    if (call.key == "Fn::GetAtt") {
        std::string target;
        if (argument.is_string()) target = argument.scalar;
        for (const Value& part : argument.items) target += (target.empty() ? "" : ".") + part.scalar;
        return string_value(span, "${" + target + "}");
    }
    if (call.key == "Fn::Sub") return substitute(argument, span, depth);
    if (call.key == "Fn::ImportValue") {
        const Value name = resolve(argument, depth + 1);
        return unknown_value(span, "Fn::ImportValue " + (name.is_string() ? name.scalar : std::string("(computed)")));
    }
    if (call.key == "Fn::If" && argument.is_array() && argument.items.size() == 3) {
        Value branches;
        branches.kind = Value::Kind::array;
        branches.span = argument.span;
        branches.items.push_back(argument.items[0]);
        branches.items.push_back(resolve(argument.items[1], depth + 1));
        branches.items.push_back(resolve(argument.items[2], depth + 1));
        Value condition;
        condition.kind = Value::Kind::object;
        condition.span = span;
        condition.members.push_back(Member{"Fn::If", span, std::move(branches)});
        return condition;
    }
    if (call.key == "Fn::Join" && argument.is_array() && argument.items.size() == 2 && argument.items[0].is_string()) {
        const Value parts = resolve(argument.items[1], depth + 1);
        if (!parts.is_array()) return unknown_value(span, "Fn::Join of a list keylint cannot resolve");
        std::string joined;
        for (size_t i = 0; i < parts.items.size(); ++i) {
            if (!parts.items[i].is_string()) return unknown_value(span, "Fn::Join with a part keylint cannot resolve");
            if (i) joined += argument.items[0].scalar;
            joined += parts.items[i].scalar;
        }
        return string_value(span, joined);
    }
    if (call.key == "Fn::Select" && argument.is_array() && argument.items.size() == 2) {
        const Value index = resolve(argument.items[0], depth + 1);
        const Value list = resolve(argument.items[1], depth + 1);
        if ((index.is_string() || index.kind == Value::Kind::number) && list.is_array() && !index.scalar.empty() &&
            index.scalar.find_first_not_of("0123456789") == std::string::npos && index.scalar.size() < 6) {
            const size_t at = std::stoul(index.scalar);
            if (at < list.items.size()) {
                Value item = list.items[at];
                item.span = span;
                return item;
            }
        }
        return unknown_value(span, "Fn::Select of a list keylint cannot resolve");
    }
    return unknown_value(span, call.key + " (not resolved by keylint)");
}

// Fn::Sub: ${Param} with a default is replaced; ${Resource}, ${A.B} and ${AWS::…} stay as written
// (specific values). A string that is only an unresolvable ${Param} is unknown.
Value CloudFormationResolver::substitute(const Value& argument, const Span& span, size_t depth) const {
    const Value* body = &argument;
    std::map<std::string, Value> variables;
    if (argument.is_array() && !argument.items.empty()) {
        body = &argument.items[0];
        if (argument.items.size() > 1 && argument.items[1].is_object()) {
            for (const Member& member : argument.items[1].members) variables[member.key] = resolve(member.value, depth + 1);
        }
    }
    if (!body->is_string()) return unknown_value(span, "Fn::Sub of a value keylint cannot resolve");
    const std::string& text = body->scalar;
    std::string out;
    bool only_unknown = false;
    size_t at = 0;
    while (at < text.size()) {
        const size_t open = text.find("${", at);
        if (open == std::string::npos || text.compare(open, 3, "${!") == 0) {
            out += text.substr(at, open == std::string::npos ? std::string::npos : open + 3 - at);
            if (open == std::string::npos) break;
            at = open + 3;
            continue;
        }
        const size_t close = text.find('}', open);
        if (close == std::string::npos) {
            out += text.substr(at);
            break;
        }
        out += text.substr(at, open - at);
        const std::string name = text.substr(open + 2, close - open - 2);
        const bool whole = open == 0 && close + 1 == text.size();
        const Value* replacement = nullptr;
        Value from_parameter;
        if (auto variable = variables.find(name); variable != variables.end()) {
            replacement = &variable->second;
        } else if (auto parameter = defaults_.find(name); parameter != defaults_.end()) {
            if (parameter->second) {
                from_parameter = resolve(*parameter->second, depth + 1);
                replacement = &from_parameter;
            } else if (whole) {
                only_unknown = true;
            }
        }
        if (replacement && replacement->is_string()) out += replacement->scalar;
        else if (replacement && replacement->is_unknown() && whole) only_unknown = true;
        else out += text.substr(open, close - open + 1);
        at = close + 1;
    }
    if (only_unknown) return unknown_value(span, "Fn::Sub " + text + " (a parameter without a default)");
    return string_value(span, out);
}

bool has_dynamic_reference(std::string_view text) { return text.find("{{resolve:") != std::string_view::npos; }

}  // namespace keylint
