#include "infra/stack_reader.hpp"

#include <algorithm>

#include "core/ascii_case.hpp"
#include "infra/references.hpp"
#include "infra/terraform_expression.hpp"

namespace keylint {

StackReader::StackReader(const Stack& stack) : stack_(stack) {
    if (terraform()) {
        terraform_.emplace(stack);
    } else if (stack.template_root) {
        cloudformation_.emplace(*stack.template_root);
    }
}

std::string snake_case(std::string_view name) {
    std::string out;
    for (size_t at = 0; at < name.size(); ++at) {
        const char c = name[at];
        const bool upper = c >= 'A' && c <= 'Z';
        if (upper && at > 0) {
            const char before = name[at - 1];
            const bool after_lower = (before >= 'a' && before <= 'z') || (before >= '0' && before <= '9');
            const bool ends_acronym = before >= 'A' && before <= 'Z' && at + 1 < name.size() && name[at + 1] >= 'a' &&
                                      name[at + 1] <= 'z';
            if (after_lower || ends_acronym) out += '_';
        }
        out += upper ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string StackReader::spelling(std::string_view cloudformation_name) const {
    return cloudformation() ? std::string(cloudformation_name) : snake_case(cloudformation_name);
}

std::string StackReader::spelling(std::string_view cloudformation_name, std::string_view terraform_name) const {
    return std::string(cloudformation() ? cloudformation_name : terraform_name);
}

const Value* StackReader::property(const StackResource& resource, std::string_view cloudformation_name) const {
    return resource.property(spelling(cloudformation_name));
}

const Value* StackReader::property(const StackResource& resource, std::string_view cloudformation_name,
                                   std::string_view terraform_name) const {
    return resource.property(cloudformation() ? cloudformation_name : terraform_name);
}

const Value* StackReader::member(const Value& object, std::string_view cloudformation_name) const {
    return object.find(spelling(cloudformation_name));
}

std::vector<const Value*> StackReader::items(const Value* body, std::string_view cloudformation_name) const {
    return members_named(body, spelling(cloudformation_name));
}

std::vector<const Value*> StackReader::items(const Value* body, std::string_view cloudformation_name,
                                             std::string_view terraform_name) const {
    return members_named(body, cloudformation() ? cloudformation_name : terraform_name);
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

const ModuleArgument* StackReader::literal_argument_of(const Value& written) const {
    if (!terraform_ || !terraform_->variable_of(written)) return nullptr;
    const std::string_view name = unwrapped_expression(written.scalar).substr(4);
    const auto argument = stack_.arguments.find(std::string(name));
    return argument != stack_.arguments.end() && argument->second.known ? &argument->second : nullptr;
}

std::vector<const Value*> StackReader::branches(const Value& resolved) const {
    if (cloudformation()) return cloudformation_branches(resolved);
    return {&resolved};
}

std::vector<const Value*> StackReader::alternatives(const Value& resolved) const {
    std::vector<const Value*> out;
    for (const Value* branch : branches(resolved)) {
        if (!branch->is_array()) {
            out.push_back(branch);
            continue;
        }
        for (const Value& item : branch->items) {
            for (const Value* alternative : branches(item)) out.push_back(alternative);
        }
    }
    return out;
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
                                                         std::string_view cloudformation_name) const {
    const std::string name = spelling(cloudformation_name);
    return referrers(target, types, name, name);
}

std::vector<const StackResource*> StackReader::referrers(const StackResource& target,
                                                         std::initializer_list<std::string_view> types,
                                                         std::string_view cloudformation_name,
                                                         std::string_view terraform_name) const {
    std::vector<const StackResource*> found;
    for (const StackResource* resource : stack_.of_types(types)) {
        const Value* value = property(*resource, cloudformation_name, terraform_name);
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

const Member* member_ignoring_case(const Value& object, std::string_view key) {
    for (const Member& member : object.members) {
        if (equal_ignoring_ascii_case(member.key, key)) return &member;
    }
    return nullptr;
}

std::optional<bool> boolean_value(const Value& resolved) {
    if (resolved.kind != Value::Kind::boolean && resolved.kind != Value::Kind::string) return std::nullopt;
    if (equal_ignoring_ascii_case(resolved.scalar, "true")) return true;
    if (equal_ignoring_ascii_case(resolved.scalar, "false")) return false;
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
