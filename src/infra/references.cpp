#include "infra/references.hpp"

#include <set>
#include <string_view>

#include "infra/terraform_expression.hpp"

namespace keylint {
namespace {

// CloudFormation: the logical id in "${Name}" or "${Name.Attribute}" starting at `open`.
std::string_view cloudformation_target(std::string_view text, size_t open) {
    const size_t close = text.find('}', open);
    if (close == std::string_view::npos) return {};
    std::string_view inside = text.substr(open + 2, close - open - 2);
    return inside.substr(0, inside.find('.'));
}

// Terraform: the address `type.name` (or `data.type.name`) a reference starting at `at` names.
std::string_view terraform_address(std::string_view text, size_t at) {
    size_t end = at;
    int parts = 0;
    const int wanted = text.substr(at).starts_with("data.") ? 3 : 2;
    while (end < text.size()) {
        size_t part_end = end;
        while (part_end < text.size() && is_identifier_char(text[part_end])) ++part_end;
        if (part_end == end) break;
        ++parts;
        end = part_end;
        if (parts == wanted || end >= text.size() || text[end] != '.') break;
        ++end;
    }
    return parts == wanted ? text.substr(at, end - at) : std::string_view();
}

// Terraform: the literal index written right after an address (`["db"]`, `[0]`), as the
// instance key it names; empty when there is none or it is an expression.
std::string literal_index(std::string_view text, size_t at) {
    const std::optional<TraversalStep> step = traversal_step_at(text, at);
    return step && step->index ? std::string(step->key) : std::string();
}

// The resources a Terraform reference to `address` names: the instance its literal index names;
// without one, every instance (or the resource as written).
std::vector<const StackResource*> terraform_targets(const Stack& stack, std::string_view text, std::string_view address) {
    const size_t after = static_cast<size_t>(address.data() - text.data()) + address.size();
    std::vector<const StackResource*> instances = stack.instances_of(address);
    const std::string index = literal_index(text, after);
    if (index.empty()) return instances;
    for (const StackResource* instance : instances) {
        if (instance->instance_key == index) return {instance};
    }
    // An index into a resource as written (its count keylint cannot read) names that resource.
    if (instances.size() == 1 && instances[0]->instance_key.empty()) return instances;
    return {};
}

void mentioned_in_text(const Stack& stack, std::string_view text, std::set<const StackResource*>& found) {
    if (stack.format == Stack::Format::cloudformation) {
        for (size_t open = text.find("${"); open != std::string_view::npos; open = text.find("${", open + 2)) {
            if (const StackResource* resource = stack.find(cloudformation_target(text, open))) found.insert(resource);
        }
        return;
    }
    for (size_t at = 0; at < text.size(); ++at) {
        if (!is_identifier_char(text[at]) || (at > 0 && (is_identifier_char(text[at - 1]) || text[at - 1] == '.'))) continue;
        const std::string_view address = terraform_address(text, at);
        if (address.empty()) continue;
        for (const StackResource* resource : terraform_targets(stack, text, address)) found.insert(resource);
    }
}

void mentioned_in(const Stack& stack, const Value& value, std::set<const StackResource*>& found, size_t depth) {
    if (depth > 256) return;
    if (value.is_string() || value.is_unknown()) mentioned_in_text(stack, value.scalar, found);
    for (const Member& member : value.members) mentioned_in(stack, member.value, found, depth + 1);
    for (const Value& item : value.items) mentioned_in(stack, item, found, depth + 1);
}

}  // namespace

const StackResource* referenced_resource(const Stack& stack, const Value& value) {
    if (!value.is_string() && !value.is_unknown()) return nullptr;
    std::string_view text = value.scalar;
    if (stack.format == Stack::Format::cloudformation) {
        if (!value.is_string() || !text.starts_with("${") || !text.ends_with("}")) return nullptr;
        if (text.find("${", 2) != std::string_view::npos) return nullptr;
        return stack.find(cloudformation_target(text, 0));
    }
    if (text.starts_with("\"${") && text.ends_with("}\"")) text = text.substr(3, text.size() - 5);
    else if (text.starts_with("${") && text.ends_with("}")) text = text.substr(2, text.size() - 3);
    const std::string_view address = terraform_address(text, 0);
    if (address.empty()) return nullptr;
    // Only an attribute access or an index may follow: `aws_x.y.arn`, `aws_x.y[0].id`.
    const std::string_view rest = text.substr(address.size());
    if (!rest.empty() && rest[0] != '.' && rest[0] != '[') return nullptr;
    for (char c : rest) {
        if (!is_identifier_char(c) && c != '.' && c != '[' && c != ']' && c != '"') return nullptr;
    }
    const std::vector<const StackResource*> targets = terraform_targets(stack, text, address);
    return targets.size() == 1 ? targets[0] : nullptr;
}

std::vector<const StackResource*> mentioned_resources(const Stack& stack, const Value& value) {
    std::set<const StackResource*> found;
    mentioned_in(stack, value, found, 0);
    std::vector<const StackResource*> ordered;
    for (const StackResource& resource : stack.resources) {
        if (found.contains(&resource)) ordered.push_back(&resource);
    }
    return ordered;
}

}  // namespace keylint
