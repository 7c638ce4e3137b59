#include "hygiene/stack_reading.hpp"

#include <algorithm>
#include <cctype>

namespace keylint {

StackReader::StackReader(const Stack& stack) : stack_(stack) {
    if (stack.format == Stack::Format::terraform) {
        terraform_.emplace(stack);
    } else if (stack.template_root) {
        cloudformation_.emplace(*stack.template_root);
    }
}

Value StackReader::resolve(const Value& value) const {
    if (terraform_) return terraform_->resolve(value);
    if (cloudformation_) return cloudformation_->resolve(value);
    return value;
}

const Value* StackReader::parameter_of(const Value& written) const {
    if (terraform_) return terraform_->variable_of(written);
    if (!written.is_object() || written.members.size() != 1 || written.members[0].key != "Ref") return nullptr;
    const auto parameter = stack_.parameters.find(written.members[0].value.scalar);
    return parameter == stack_.parameters.end() ? nullptr : parameter->second;
}

std::vector<const Value*> items_named(const Value& object, std::string_view key) {
    std::vector<const Value*> items;
    for (const Member& member : object.members) {
        if (member.key != key) continue;
        if (member.value.is_array()) {
            for (const Value& item : member.value.items) items.push_back(&item);
        } else {
            items.push_back(&member.value);
        }
    }
    return items;
}

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

const Member* member_ignoring_case(const Value& object, std::string_view key) {
    for (const Member& member : object.members) {
        if (equal_ignoring_case(member.key, key)) return &member;
    }
    return nullptr;
}

std::optional<bool> boolean_value(const Value& resolved) {
    if (resolved.kind != Value::Kind::boolean && resolved.kind != Value::Kind::string) return std::nullopt;
    if (equal_ignoring_case(resolved.scalar, "true")) return true;
    if (equal_ignoring_case(resolved.scalar, "false")) return false;
    return std::nullopt;
}

std::optional<std::string> scalar_text(const Value& resolved) {
    if (resolved.kind == Value::Kind::string || resolved.kind == Value::Kind::number) return resolved.scalar;
    return std::nullopt;
}

Span member_span(const Member& member) {
    return Span{member.key_span.start_line, member.key_span.start_column, member.value.span.end_line,
                member.value.span.end_column};
}

std::vector<const StackResource*> declared_secrets(const Stack& stack) {
    std::vector<const StackResource*> secrets;
    for (const StackResource* resource : stack.of_types({"AWS::SecretsManager::Secret", "aws_secretsmanager_secret"})) {
        if (!resource->data_source) secrets.push_back(resource);
    }
    return secrets;
}

bool has_dynamic_reference(std::string_view text) { return text.find("{{resolve:") != std::string_view::npos; }

}  // namespace keylint
