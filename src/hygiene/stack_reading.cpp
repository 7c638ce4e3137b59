#include "hygiene/stack_reading.hpp"

#include <algorithm>
#include <cctype>

#include "infra/references.hpp"

namespace keylint {

StackReader::StackReader(const Stack& stack) : stack_(stack) {
    if (cloudformation()) {
        if (stack.template_root) cloudformation_.emplace(*stack.template_root);
    } else {
        terraform_.emplace(stack);
    }
}

const Value* StackReader::property(const StackResource& resource, std::string_view cloudformation_key,
                                   std::string_view terraform_key) const {
    return resource.property(cloudformation() ? cloudformation_key : terraform_key);
}

Value StackReader::resolve(const Value& value) const {
    if (cloudformation_) return cloudformation_->resolve(value);
    if (terraform_) return terraform_->resolve(value);
    return value;
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

std::vector<const StackResource*> secret_resources(const Stack& stack) {
    return stack.of_types({"AWS::SecretsManager::Secret", "aws_secretsmanager_secret"});
}

std::vector<const Value*> members_named(const Value* body, std::string_view key) {
    std::vector<const Value*> found;
    if (!body) return found;
    for (const Member& member : body->members) {
        if (member.key != key) continue;
        if (member.value.is_array()) {
            for (const Value& item : member.value.items) found.push_back(&item);
        } else {
            found.push_back(&member.value);
        }
    }
    return found;
}

static bool scalar_is(const Value* value, std::string_view word) {
    if (!value || !(value->kind == Value::Kind::boolean || value->is_string())) return false;
    const std::string& text = value->scalar;
    return text.size() == word.size() &&
           std::equal(text.begin(), text.end(), word.begin(), [](char a, char b) { return std::tolower(a) == b; });
}

bool is_true(const Value* value) { return scalar_is(value, "true"); }
bool is_false(const Value* value) { return scalar_is(value, "false"); }

std::string describe(const Value& value) {
    if (value.is_string() || value.is_unknown() || value.kind == Value::Kind::number ||
        value.kind == Value::Kind::boolean) {
        return value.scalar;
    }
    if (value.is_object() && value.members.size() == 1) return value.members[0].key + " …";
    return value.is_array() ? "a list" : "an object";
}

}  // namespace keylint
