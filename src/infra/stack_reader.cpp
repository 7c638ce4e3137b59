#include "infra/stack_reader.hpp"

#include <algorithm>
#include <cctype>

#include "infra/references.hpp"

namespace keylint {

StackReader::StackReader(const Stack& stack) : stack_(stack) {
    if (terraform()) {
        terraform_.emplace(stack);
    } else if (stack.template_root) {
        cloudformation_.emplace(*stack.template_root);
    }
}

const Value* StackReader::property(const StackResource& resource, std::string_view cloudformation_key,
                                   std::string_view terraform_key) const {
    return resource.property(cloudformation() ? cloudformation_key : terraform_key);
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

std::vector<const Value*> StackReader::branches(const Value& resolved) const {
    if (cloudformation()) return cloudformation_branches(resolved);
    return {&resolved};
}

bool StackReader::may_be_absent(const Value& resolved) const {
    if (!cloudformation() || !resolved.is_object() || resolved.members.size() != 1) return false;
    const Member& call = resolved.members[0];
    if (call.key != "Fn::If" || !call.value.is_array() || call.value.items.size() != 3) return false;
    for (size_t branch = 1; branch <= 2; ++branch) {
        if (is_no_value(call.value.items[branch]) || may_be_absent(call.value.items[branch])) return true;
    }
    return false;
}

bool StackReader::mentions(const Value& value, const StackResource& target) const {
    const std::vector<const StackResource*> found =
        mentioned_resources(stack_, cloudformation() ? resolve(value) : value);
    return std::find(found.begin(), found.end(), &target) != found.end();
}

std::vector<const StackResource*> StackReader::referrers(const StackResource& target,
                                                         std::initializer_list<std::string_view> types,
                                                         std::string_view cloudformation_key,
                                                         std::string_view terraform_key) const {
    std::vector<const StackResource*> found;
    for (const StackResource* resource : stack_.of_types(types)) {
        const Value* value = property(*resource, cloudformation_key, terraform_key);
        if (value && mentions(*value, target)) found.push_back(resource);
    }
    return found;
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

std::vector<const Value*> members_named(const Value* body, std::string_view key) {
    return body ? items_named(*body, key) : std::vector<const Value*>{};
}

bool is_true(const Value* value) { return value && boolean_value(*value) == true; }
bool is_false(const Value* value) { return value && boolean_value(*value) == false; }

std::string describe(const Value& value) {
    if (value.is_string() || value.is_unknown() || value.kind == Value::Kind::number ||
        value.kind == Value::Kind::boolean) {
        return value.scalar;
    }
    if (value.is_object() && value.members.size() == 1) return value.members[0].key + " …";
    return value.is_array() ? "a list" : "an object";
}

}  // namespace keylint
