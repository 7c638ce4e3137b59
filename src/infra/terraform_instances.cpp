#include "infra/terraform_instances.hpp"

#include <charconv>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "infra/terraform_expression.hpp"
#include "infra/terraform_resolver.hpp"

namespace keylint {
namespace {

constexpr size_t max_depth = 256;
constexpr int max_passes = 4;  // for_each over another resource's instances, chained

// A reached value written back into expression text; nullopt for an object or a list.
std::optional<std::string> as_expression(const Value& value) {
    switch (value.kind) {
        case Value::Kind::string: return quoted_literal(value.scalar);
        case Value::Kind::number:
        case Value::Kind::boolean:
        case Value::Kind::unknown: return value.scalar;
        case Value::Kind::null: return std::string("null");
        default: return std::nullopt;
    }
}

// A reached value written into a template's text ("${each.key}-db"); nullopt when it is not a scalar.
std::optional<std::string> as_template_text(const Value& value) {
    if (value.is_string() || value.kind == Value::Kind::number || value.kind == Value::Kind::boolean) {
        return value.scalar;
    }
    return std::nullopt;
}

struct Reached {
    size_t end;          // where the reference and its steps end in the text
    const Value* value;  // what they reach
};

// `count.index`, `each.key` or `each.value` starting at `at`, with the attribute and index steps
// that lead into the item (`each.value.days`, `each.value["days"]`); nullopt when none starts there.
std::optional<Reached> reference_at(std::string_view text, size_t at, const InstanceBinding& binding) {
    if (at > 0 && (is_identifier_char(text[at - 1]) || text[at - 1] == '.')) return std::nullopt;
    const auto starts = [&](std::string_view word) {
        return text.substr(at).starts_with(word) &&
               (at + word.size() == text.size() || !is_identifier_char(text[at + word.size()]));
    };
    if (binding.counted) {
        if (starts("count.index")) return Reached{at + 11, &binding.key};
        return std::nullopt;
    }
    const std::string key_word = binding.iterator + ".key", value_word = binding.iterator + ".value";
    if (starts(key_word)) return Reached{at + key_word.size(), &binding.key};
    if (!starts(value_word)) return std::nullopt;
    size_t end = at + value_word.size();
    const Value* reached = &binding.value;
    while (reached->is_object()) {
        const std::optional<TraversalStep> step = traversal_step_at(text, end);
        const Value* member = step ? reached->find(step->key) : nullptr;
        if (!member) break;
        reached = member;
        end = step->end;
    }
    return Reached{end, reached};
}

// Expression text with the binding's references written in where they reach something writable.
std::string substituted_expression(std::string_view text, const InstanceBinding& binding) {
    std::string out;
    size_t at = 0;
    while (at < text.size()) {
        if (const std::optional<Reached> reached = reference_at(text, at, binding)) {
            const std::optional<std::string> written = as_expression(*reached->value);
            out += written ? *written : std::string(text.substr(at, reached->end - at));
            at = reached->end;
            continue;
        }
        out += text[at++];
    }
    return out;
}

// A template's text ("${each.key}-db") with each interpolation of the binding written in.
std::string substituted_template(const std::string& text, const InstanceBinding& binding) {
    return rewrite_interpolations(text, [&binding](std::string_view inside) -> std::optional<std::string> {
        const std::string_view expression = trimmed_expression(inside);
        const std::optional<Reached> reached = reference_at(expression, 0, binding);
        const std::optional<std::string> written =
            reached && reached->end == expression.size() ? as_template_text(*reached->value) : std::nullopt;
        return written ? *written : "${" + substituted_expression(inside, binding) + "}";
    });
}

Value bind(const Value& value, const InstanceBinding& binding, size_t depth) {
    if (depth > max_depth) return value;
    if (value.is_unknown()) {
        const std::string_view expression = unwrapped_expression(value.scalar);
        const std::optional<Reached> reached = reference_at(expression, 0, binding);
        if (reached && reached->end == expression.size()) {
            // The item's own value, pointing where the resource says `each.value…`.
            Value copy = *reached->value;
            set_spans(copy, value.span);
            return copy;
        }
        Value copy = value;
        copy.scalar = substituted_expression(value.scalar, binding);
        return copy;
    }
    Value copy;
    copy.kind = value.kind;
    copy.span = value.span;
    copy.scalar = value.is_string() ? substituted_template(value.scalar, binding) : value.scalar;
    for (const Member& member : value.members) {
        copy.members.push_back(Member{member.key, member.key_span, bind(member.value, binding, depth + 1)});
    }
    for (const Value& item : value.items) copy.items.push_back(bind(item, binding, depth + 1));
    return copy;
}

std::optional<long> whole_number(const Value& value) {
    if (value.kind != Value::Kind::number) return std::nullopt;
    long number = 0;
    const char* end = value.scalar.data() + value.scalar.size();
    const auto [stop, error] = std::from_chars(value.scalar.data(), end, number);
    if (error != std::errc() || stop != end) return std::nullopt;
    return number;
}

Value string_value(std::string text) {
    Value value;
    value.kind = Value::Kind::string;
    value.scalar = std::move(text);
    return value;
}

// `for_each = aws_x.y`: y's instances, each key bound to an unknown holding the instance's address.
std::vector<InstanceBinding> resource_instances(const Stack& stack, std::string_view expression) {
    std::vector<InstanceBinding> bindings;
    for (const StackResource* instance : stack.instances_of(expression)) {
        if (instance->instance_key.empty()) return {};
        InstanceBinding binding;
        binding.key = string_value(instance->instance_key);
        binding.value.kind = Value::Kind::unknown;
        binding.value.scalar = instance->address;
        bindings.push_back(std::move(binding));
    }
    return bindings;
}

std::vector<InstanceBinding> for_each_bindings(const Stack& stack, const Value& collection) {
    std::vector<InstanceBinding> bindings;
    std::set<std::string> keys;
    const auto add = [&](const std::string& key, const Value& item) {
        if (!keys.insert(key).second) return;  // a set holds each string once
        InstanceBinding binding;
        binding.key = string_value(key);
        binding.value = item;
        bindings.push_back(std::move(binding));
    };
    if (collection.is_object()) {
        for (const Member& member : collection.members) add(member.key, member.value);
    } else if (collection.is_array()) {
        for (const Value& item : collection.items) {
            if (!item.is_string()) return {};  // only a set of strings can be a for_each
            add(item.scalar, item);
        }
    } else if (collection.is_unknown()) {
        return resource_instances(stack, unwrapped_expression(collection.scalar));
    }
    return bindings;
}

std::vector<InstanceBinding> count_bindings(const Value& count) {
    std::vector<InstanceBinding> bindings;
    const std::optional<long> number = whole_number(count);
    if (!number || *number < 0 || static_cast<size_t>(*number) > max_instances) return bindings;
    for (long index = 0; index < *number; ++index) {
        InstanceBinding binding;
        binding.counted = true;
        binding.key.kind = Value::Kind::number;
        binding.key.scalar = std::to_string(index);
        bindings.push_back(std::move(binding));
    }
    return bindings;
}

std::vector<InstanceBinding> bindings_of(const Stack& stack, const TerraformResolver& resolver,
                                         const StackResource& resource) {
    return resource.body ? collection_instances(stack, resolver, *resource.body).bindings : std::vector<InstanceBinding>{};
}

StackResource instance_of(const StackResource& resource, const InstanceBinding& binding, Stack& stack) {
    StackResource instance = resource;
    instance.instance_key = binding.key.scalar;
    instance.address = resource.base_address + "[" +
                       (binding.counted ? binding.key.scalar : quoted_literal(binding.key.scalar)) + "]";
    auto body = std::make_shared<const Value>(bind(*resource.body, binding, 0));
    instance.body = body.get();
    instance.declaration = body.get();
    stack.instance_bodies.push_back(std::move(body));
    return instance;
}

bool has_dynamic_block(const Value& value, size_t depth) {
    if (depth > max_depth) return false;
    for (const Member& member : value.members) {
        if (member.key == "dynamic" || (member.value.is_object() && has_dynamic_block(member.value, depth + 1))) return true;
    }
    return false;
}

// `body` with its dynamic blocks written out; `budget` is how many more values the copies may hold.
Value with_dynamic_blocks(const Value& body, const Stack& stack, const TerraformResolver& resolver, size_t& budget,
                          size_t depth) {
    if (depth > max_depth || !body.is_object()) return body;
    Value copy;
    copy.kind = body.kind;
    copy.span = body.span;
    for (const Member& member : body.members) {
        if (member.key != "dynamic" || !member.value.is_object()) {
            copy.members.push_back(Member{member.key, member.key_span,
                                          with_dynamic_blocks(member.value, stack, resolver, budget, depth + 1)});
            continue;
        }
        for (const Member& block : member.value.members) {
            const Value* content = block.value.find("content");
            if (!content) continue;
            const Value* iterator = block.value.find("iterator");
            const Value* collection = block.value.find("for_each");
            std::vector<InstanceBinding> bindings =
                collection ? for_each_bindings(stack, resolver.resolve(*collection)) : std::vector<InstanceBinding>{};
            const size_t cost = bindings.size() * value_count(*content, budget + 1);
            if (bindings.empty() || bindings.size() > max_instances || cost > budget) {
                copy.members.push_back(
                    Member{block.key, block.key_span, with_dynamic_blocks(*content, stack, resolver, budget, depth + 1)});
                continue;
            }
            budget -= cost;
            for (InstanceBinding& binding : bindings) {
                binding.iterator = iterator && iterator->is_unknown() ? iterator->scalar : block.key;
                const Value bound = bind(*content, binding, 0);
                copy.members.push_back(
                    Member{block.key, block.key_span, with_dynamic_blocks(bound, stack, resolver, budget, depth + 1)});
            }
        }
    }
    return copy;
}

void expand_dynamic_blocks(Stack& stack, const TerraformResolver& resolver, size_t& budget) {
    for (StackResource& resource : stack.resources) {
        if (!resource.body || !has_dynamic_block(*resource.body, 0)) continue;
        auto body = std::make_shared<const Value>(with_dynamic_blocks(*resource.body, stack, resolver, budget, 0));
        resource.body = body.get();
        resource.declaration = body.get();
        stack.instance_bodies.push_back(std::move(body));
    }
}

}  // namespace

CollectionInstances collection_instances(const Stack& stack, const TerraformResolver& resolver, const Value& body) {
    CollectionInstances found;
    if (const Value* count = body.find("count")) {
        found.repeated = true;
        const Value resolved = resolver.resolve(*count);
        const std::optional<long> number = whole_number(resolved);
        if (!number || *number < 0) return found;
        found.readable = true;
        found.size = static_cast<size_t>(*number);
        found.bindings = count_bindings(resolved);
    } else if (const Value* collection = body.find("for_each")) {
        found.repeated = true;
        const Value resolved = resolver.resolve(*collection);
        found.bindings = for_each_bindings(stack, resolved);
        found.size = found.bindings.size();
        found.readable = !found.bindings.empty() || resolved.is_object() || resolved.is_array();
        if (found.size > max_instances) found.bindings.clear();
    }
    return found;
}

Value bind_instance(const Value& value, const InstanceBinding& binding) { return bind(value, binding, 0); }

void expand_instances(Stack& stack) {
    if (stack.format != Stack::Format::terraform) return;
    const TerraformResolver resolver(stack);
    size_t budget = max_expanded_values;
    std::set<std::string> settled;  // base addresses already expanded
    for (int pass = 0; pass < max_passes; ++pass) {
        bool expanded = false;
        std::vector<StackResource> resources;
        resources.reserve(stack.resources.size());
        for (const StackResource& resource : stack.resources) {
            if (!resource.body || settled.contains(resource.base_address)) {
                resources.push_back(resource);
                continue;
            }
            const std::vector<InstanceBinding> bindings = bindings_of(stack, resolver, resource);
            const size_t cost = bindings.size() * value_count(*resource.body, budget + 1);
            if (bindings.empty() || bindings.size() > max_instances || cost > budget ||
                stack.instance_bodies.size() + bindings.size() > max_stack_instances) {
                resources.push_back(resource);
                continue;
            }
            budget -= cost;
            for (const InstanceBinding& binding : bindings) resources.push_back(instance_of(resource, binding, stack));
            settled.insert(resource.base_address);
            expanded = true;
        }
        stack.resources = std::move(resources);
        if (!expanded) break;
    }
    expand_dynamic_blocks(stack, resolver, budget);
}

}  // namespace keylint
