#include "infra/terraform_plan.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "infra/terraform_expression.hpp"
#include "infra/terraform_modules.hpp"

namespace keylint {
namespace {

constexpr size_t max_nesting = 64;  // nested blocks and child modules; deeper parts are left out
constexpr std::string_view known_after_apply = "(known after apply)";

const Value* member_of(const Value* object, std::string_view key) {
    return object && object->is_object() ? object->find(key) : nullptr;
}

std::string string_of(const Value* value) { return value && value->is_string() ? value->scalar : std::string(); }

bool is_true(const Value* value) { return value && value->kind == Value::Kind::boolean && value->scalar == "true"; }

Span span_from(const Span& first, const Span& last) {
    return Span{first.start_line, first.start_column, last.end_line, last.end_column};
}

std::string directory_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// An <expression-representation>: {"constant_value": …} or {"references": […]}.
bool is_expression(const Value* value) {
    if (!value || !value->is_object() || value->members.empty()) return false;
    return std::all_of(value->members.begin(), value->members.end(), [](const Member& member) {
        return member.key == "constant_value" || member.key == "references";
    });
}

std::vector<std::string> references_of(const Value* expression) {
    std::vector<std::string> out;
    if (!is_expression(expression)) return out;
    if (const Value* references = expression->find("references"); references && references->is_array()) {
        for (const Value& reference : references->items) {
            if (reference.is_string()) out.push_back(reference.scalar);
        }
    }
    return out;
}

// A reference to another object of the configuration, as opposed to a value of the module itself.
bool names_object(std::string_view reference) {
    for (std::string_view own : {"var.", "local.", "each.", "count.", "path.", "terraform.", "self."}) {
        if (reference.starts_with(own)) return false;
    }
    return true;
}

// The most specific reference to another object: Terraform lists `aws_kms_key.k.arn` before `aws_kms_key.k`.
std::optional<std::string> object_reference(const Value* expression) {
    for (const std::string& reference : references_of(expression)) {
        if (names_object(reference)) return reference;
    }
    return std::nullopt;
}

bool looks_like_document(const Value& value) {
    if (!value.is_string()) return false;
    const size_t first = value.scalar.find_first_not_of(" \t\r\n");
    return first != std::string::npos && (value.scalar[first] == '{' || value.scalar[first] == '[');
}

Value unknown_value(std::string text, const Span& span) {
    Value value;
    value.kind = Value::Kind::unknown;
    value.scalar = std::move(text);
    value.span = span;
    return value;
}

Value object_value(const Span& span) {
    Value value;
    value.kind = Value::Kind::object;
    value.span = span;
    return value;
}

size_t occurrences(const Value& object, std::string_view key) {
    return static_cast<size_t>(std::count_if(object.members.begin(), object.members.end(),
                                             [&](const Member& member) { return member.key == key; }));
}

// What the plan says about one value besides the value itself, each the counterpart of the value
// in its own structure: `sensitive_values`, `after_unknown`, and the configuration's expressions.
struct Annotation {
    const Value* sensitive = nullptr;
    const Value* unknown = nullptr;
    const Value* expressions = nullptr;  // block expressions, an array of them, or one expression
    std::string fallback;                // what an unknown part of an attribute written as one expression holds

    // A counterpart that is `true` covers everything under it.
    static const Value* below(const Value* annotation, std::string_view key) {
        return is_true(annotation) ? annotation : member_of(annotation, key);
    }
    static const Value* item(const Value* annotation, size_t index) {
        if (is_true(annotation)) return annotation;
        return annotation && annotation->is_array() && index < annotation->items.size() ? &annotation->items[index]
                                                                                        : nullptr;
    }

    Annotation member(std::string_view key) const {
        Annotation child{below(sensitive, key), below(unknown, key), nullptr, fallback};
        if (is_expression(expressions)) {
            child.fallback = unknown_text(expressions);
        } else {
            child.expressions = member_of(expressions, key);
        }
        return child;
    }
    Annotation item_at(size_t index) const {
        Annotation child{item(sensitive, index), item(unknown, index), nullptr, fallback};
        if (is_expression(expressions)) {
            child.fallback = unknown_text(expressions);
        } else {
            child.expressions = item(expressions, index);
        }
        return child;
    }

    // What an unknown value written by `expression` holds: the object it names, else its first reference.
    static std::string unknown_text(const Value* expression) {
        if (auto reference = object_reference(expression)) return *reference;
        const std::vector<std::string> references = references_of(expression);
        return references.empty() ? std::string(known_after_apply) : references.front();
    }
    std::string unknown_text() const {
        if (is_expression(expressions)) return unknown_text(expressions);
        return fallback.empty() ? std::string(known_after_apply) : fallback;
    }
};

// Writes plan values as the .tf files write them, recording each value's configuration path.
class DocumentWriter {
   public:
    explicit DocumentWriter(std::vector<PlanPlace>& places) : places_(places) {}

    void enter(std::string key, size_t occurrence = PlanStep::any) { path_.push_back({std::move(key), occurrence}); }
    void leave() { path_.pop_back(); }
    void place(const Span& span) { places_.push_back({span, path_}); }

    // The members of a values object (a resource's `values`, a nested block), into `out`.
    void values(const Value& values, const Annotation& annotation, Value& out, size_t depth) {
        const Value* tags_all = values.find("tags_all");
        for (const Member& member : values.members) {
            if (member.key == "tags_all") continue;
            const Value* value = &member.value;
            if (member.key == "tags" && tags_all && tags_all->is_object() &&
                (!value->is_object() || tags_all->members.size() > value->members.size())) {
                value = tags_all;
            }
            add(member.key, member.key_span, *value, annotation.member(member.key), out, depth);
        }
        // Attributes known only after apply may be left out of the values altogether.
        if (annotation.unknown && annotation.unknown->is_object()) {
            for (const Member& unknown : annotation.unknown->members) {
                if (!is_true(&unknown.value) || values.find(unknown.key)) continue;
                const Annotation child = annotation.member(unknown.key);
                if (!child.expressions) continue;  // computed by the provider, not written in the configuration
                push(out, unknown.key, unknown.key_span, unknown_value(child.unknown_text(), unknown.value.span));
            }
        }
    }

    // A block written as configuration expressions alone (a provider, a module call's arguments).
    void expressions(const Value& block, Value& out, size_t depth) {
        for (const Member& member : block.members) {
            const Value& written = member.value;
            if (is_expression(&written)) {
                if (const Value* constant = written.find("constant_value")) {
                    if (constant->kind != Value::Kind::null) push(out, member.key, member.key_span, *constant);
                } else {
                    push(out, member.key, member.key_span, unknown_value(Annotation::unknown_text(&written), written.span));
                }
            } else if (depth < max_nesting && written.is_array()) {
                for (const Value& item : written.items) {
                    if (item.is_object()) nested(out, member.key, member.key_span, item, depth);
                }
            } else if (depth < max_nesting && written.is_object()) {
                nested(out, member.key, member.key_span, written, depth);
            }
        }
    }

    // A value copied as it is, with a place for each member of its objects.
    void copy(Value& out, const std::string& key, const Span& key_span, const Value& value, size_t depth) {
        Value copied = value;
        if (value.is_object() && depth < max_nesting) {
            copied.members.clear();
            enter(key, occurrences(out, key));
            for (const Member& member : value.members) copy(copied, member.key, member.key_span, member.value, depth + 1);
            leave();
        }
        push(out, key, key_span, std::move(copied));
    }

   private:
    void nested(Value& out, const std::string& key, const Span& key_span, const Value& block, size_t depth) {
        Value written = object_value(block.span);
        enter(key, occurrences(out, key));
        expressions(block, written, depth + 1);
        leave();
        push(out, key, key_span, std::move(written));
    }

    void push(Value& out, const std::string& key, const Span& key_span, Value value) {
        places_.push_back({span_from(key_span, value.span), path_});
        places_.back().path.push_back({key, occurrences(out, key)});
        out.members.push_back(Member{key, key_span, std::move(value)});
    }

    void add(const std::string& key, const Span& key_span, const Value& value, const Annotation& annotation, Value& out,
             size_t depth) {
        const bool written_as_reference = is_expression(annotation.expressions) && !annotation.expressions->find("constant_value");
        if (value.kind == Value::Kind::null) {
            if (is_true(annotation.unknown) && (annotation.expressions || !annotation.fallback.empty())) {
                push(out, key, key_span, unknown_value(annotation.unknown_text(), value.span));
            }
            return;
        }
        if (is_true(annotation.sensitive) && written_as_reference) {
            const std::vector<std::string> references = references_of(annotation.expressions);
            if (!references.empty()) {
                push(out, key, key_span, unknown_value(references.front(), value.span));
                return;
            }
        }
        if (value.is_array()) {
            if (value.items.empty()) return;
            const bool blocks = std::all_of(value.items.begin(), value.items.end(), [](const Value& item) { return item.is_object(); });
            if (blocks && depth < max_nesting) {
                for (size_t index = 0; index < value.items.size(); ++index) {
                    Value block = object_value(value.items[index].span);
                    enter(key, occurrences(out, key));
                    values(value.items[index], annotation.item_at(index), block, depth + 1);
                    leave();
                    push(out, key, key_span, std::move(block));
                }
                return;
            }
            Value list = value;
            for (size_t index = 0; index < list.items.size(); ++index) {
                const Annotation item = annotation.item_at(index);
                if (list.items[index].kind == Value::Kind::null && is_true(item.unknown)) {
                    list.items[index] = unknown_value(item.unknown_text(), list.items[index].span);
                }
            }
            push(out, key, key_span, std::move(list));
            return;
        }
        if (value.is_object()) {
            Value object = object_value(value.span);
            if (depth < max_nesting) {
                enter(key, occurrences(out, key));
                values(value, annotation, object, depth + 1);
                leave();
            }
            push(out, key, key_span, std::move(object));
            return;
        }
        // Providers write an optional string left unset as "" where they read it back.
        if (value.is_string() && value.scalar.empty()) return;
        // A scalar computed from another object is that reference, unless it is a document rendered
        // from something other than a policy document data source, which the extractors follow.
        if (auto reference = object_reference(annotation.expressions);
            reference && (!looks_like_document(value) || reference->starts_with("data.aws_iam_policy_document."))) {
            push(out, key, key_span, unknown_value(*reference, value.span));
            return;
        }
        push(out, key, key_span, value);
    }

    std::vector<PlanPlace>& places_;
    std::vector<PlanStep> path_;
};

// The name of the call a child module instance's address adds to its parent's:
// ("module.app[\"db\"].module.key[0]", "module.app[\"db\"]") → "key".
std::string call_name(const std::string& child, const std::string& parent) {
    std::string_view rest = child;
    if (!parent.empty()) {
        if (!rest.starts_with(parent) || rest.size() <= parent.size() || rest[parent.size()] != '.') return {};
        rest.remove_prefix(parent.size() + 1);
    }
    if (!rest.starts_with("module.")) return {};
    rest.remove_prefix(7);
    size_t end = 0;
    while (end < rest.size() && is_identifier_char(rest[end])) ++end;
    return std::string(rest.substr(0, end));
}

std::string instance_key_of(const Value* index) {
    if (!index) return {};
    if (index->is_string()) return quoted_literal(index->scalar);
    if (index->kind == Value::Kind::number) return index->scalar;
    return {};
}

struct PlanIndex {
    std::map<std::string, const Value*> changes;       // resource instance address → change
    std::map<std::string, const Value*> prior_modules;  // module address → prior_state module
    const Value* provider_configs = nullptr;
};

void index_prior_modules(const Value* module, const std::string& address, PlanIndex& index, size_t depth) {
    if (!module || !module->is_object() || depth > max_nesting) return;
    index.prior_modules.emplace(address, module);
    if (const Value* children = module->find("child_modules"); children && children->is_array()) {
        for (const Value& child : children->items) {
            index_prior_modules(&child, string_of(child.find("address")), index, depth + 1);
        }
    }
}

// The resource configuration of a planned resource instance: the same mode, type and name.
const Value* resource_configuration(const Value* configuration, std::string_view mode, std::string_view type,
                                    std::string_view name) {
    const Value* resources = member_of(configuration, "resources");
    if (!resources || !resources->is_array()) return nullptr;
    for (const Value& resource : resources->items) {
        if (string_of(resource.find("mode")) == mode && string_of(resource.find("type")) == type &&
            string_of(resource.find("name")) == name) {
            return &resource;
        }
    }
    return nullptr;
}

class PlanReader {
   public:
    PlanReader(const Value& root, const std::string& path) : root_(root), path_(path) {
        if (const Value* changes = root.find("resource_changes"); changes && changes->is_array()) {
            for (const Value& change : changes->items) {
                index_.changes.emplace(string_of(change.find("address")), change.find("change"));
            }
        }
        index_prior_modules(member_of(member_of(root.find("prior_state"), "values"), "root_module"), "", index_, 0);
        index_.provider_configs = member_of(root.find("configuration"), "provider_config");
    }

    TerraformPlan read() {
        const Value* planned = member_of(root_.find("planned_values"), "root_module");
        const Value* configuration = member_of(root_.find("configuration"), "root_module");
        if (!planned) {
            Value empty = object_value(root_.span);
            read_module(empty, "", "", configuration, directory_of(path_), nullptr, 0);
        } else {
            read_module(*planned, "", "", configuration, directory_of(path_), nullptr, 0);
        }
        return std::move(plan_);
    }

   private:
    void read_module(const Value& planned, const std::string& address, const std::string& configuration_address,
                     const Value* configuration, std::optional<std::string> directory, const Value* call, size_t depth) {
        PlanModule module;
        module.address = address;
        module.directory = directory;
        module.document = object_value(planned.span);
        DocumentWriter writer(module.places);
        std::vector<std::string> planned_addresses;
        const auto add_resources = [&](const Value* resources, bool prior) {
            if (!resources || !resources->is_array()) return;
            for (const Value& resource : resources->items) add_resource(resource, configuration, prior, module, writer, planned_addresses);
        };
        add_resources(planned.find("resources"), false);
        if (auto prior = index_.prior_modules.find(address); prior != index_.prior_modules.end()) {
            add_resources(prior->second->find("resources"), true);
        }
        add_variables(configuration, module, writer);
        add_providers(configuration_address, module, writer);
        if (call) add_arguments(*call, module);
        const size_t position = plan_.modules.size();
        plan_.modules.push_back(std::move(module));

        const Value* children = planned.find("child_modules");
        if (!children || !children->is_array()) return;
        if (depth >= max_nesting) {
            plan_.diagnostics.push_back({Diagnostic::Kind::warning, path_,
                                         "child modules of " + address + " are nested deeper than " +
                                             std::to_string(max_nesting) + " modules; they were not audited"});
            return;
        }
        std::set<std::string> called;
        for (const Value& child : children->items) {
            const std::string child_address = string_of(child.find("address"));
            const std::string name = call_name(child_address, address);
            const Value* child_call = member_of(member_of(configuration, "module_calls"), name);
            std::optional<std::string> child_directory;
            const std::string source =
                child_call ? (child_call->find("source") ? string_of(child_call->find("source"))
                                                         : string_of(child_call->find("resolved_source")))
                           : std::string();
            if (plan_.modules[position].directory && is_local_module_source(source)) {
                child_directory = called_directory(*plan_.modules[position].directory, source);
            }
            if (child_call && called.insert(name).second) add_argument_places(*child_call, name, plan_.modules[position]);
            read_module(child, child_address,
                        (configuration_address.empty() ? "" : configuration_address + ".") + "module." + name,
                        member_of(child_call, "module"), child_directory, child_call, depth + 1);
        }
    }

    void add_resource(const Value& resource, const Value* configuration, bool prior, PlanModule& module,
                      DocumentWriter& writer, std::vector<std::string>& planned_addresses) {
        const std::string full_address = string_of(resource.find("address"));
        const std::string mode = string_of(resource.find("mode"));
        const std::string type = string_of(resource.find("type"));
        const std::string name = string_of(resource.find("name"));
        const Value* values = resource.find("values");
        if (type.empty() || name.empty() || !values || !values->is_object()) return;
        if (prior && (mode != "data" || std::find(planned_addresses.begin(), planned_addresses.end(), full_address) !=
                                            planned_addresses.end())) {
            return;
        }
        planned_addresses.push_back(full_address);
        const bool data = mode == "data";
        PlanResource named;
        named.base_address = (data ? "data." : "") + type + "." + name;
        named.instance_key = instance_key_of(resource.find("index"));
        named.address = named.instance_key.empty() ? named.base_address : named.base_address + "[" + named.instance_key + "]";
        module.resources.push_back(std::move(named));

        Annotation annotation;
        annotation.sensitive = resource.find("sensitive_values");
        if (auto change = index_.changes.find(full_address); change != index_.changes.end()) {
            annotation.unknown = member_of(change->second, "after_unknown");
            if (!annotation.sensitive) annotation.sensitive = member_of(change->second, "after_sensitive");
        }
        annotation.expressions = member_of(resource_configuration(configuration, mode, type, name), "expressions");

        const std::string kind = data ? "data" : "resource";
        writer.enter(kind);
        writer.enter(type);
        writer.enter(name);
        writer.place(values->span);
        Value body = object_value(values->span);
        writer.values(*values, annotation, body, 0);
        writer.leave();
        writer.leave();
        writer.leave();
        Value named_block = object_value(resource.span);
        named_block.members.push_back(Member{name, values->span, std::move(body)});
        Value typed_block = object_value(resource.span);
        typed_block.members.push_back(Member{type, resource.span, std::move(named_block)});
        module.document.members.push_back(Member{kind, resource.span, std::move(typed_block)});
    }

    void add_variables(const Value* configuration, PlanModule& module, DocumentWriter& writer) {
        const Value* variables = member_of(configuration, "variables");
        if (!variables || !variables->is_object()) return;
        Value block = object_value(variables->span);
        writer.enter("variable");
        for (const Member& variable : variables->members) {
            if (variable.value.is_object()) writer.copy(block, variable.key, variable.key_span, variable.value, 0);
        }
        writer.leave();
        module.document.members.push_back(Member{"variable", variables->span, std::move(block)});
    }

    // The provider configurations written in this module (`module_address` names the module
    // without instance keys; a root module's have none).
    void add_providers(const std::string& configuration_address, PlanModule& module, DocumentWriter& writer) {
        const Value* configs = index_.provider_configs;
        if (!configs || !configs->is_object()) return;
        for (const Member& config : configs->members) {
            const std::string name = string_of(config.value.find("name"));
            if (name.empty() || string_of(config.value.find("module_address")) != configuration_address) continue;
            Value body = object_value(config.value.span);
            writer.enter("provider");
            writer.enter(name);
            writer.place(config.value.span);
            if (const Value* expressions = config.value.find("expressions"); expressions && expressions->is_object()) {
                writer.expressions(*expressions, body, 0);
            }
            writer.leave();
            writer.leave();
            Value named = object_value(config.value.span);
            named.members.push_back(Member{name, config.key_span, std::move(body)});
            module.document.members.push_back(Member{"provider", config.key_span, std::move(named)});
        }
    }

    // Where the caller writes each argument of a call: `module NAME { ARGUMENT = … }`.
    static void add_argument_places(const Value& call, const std::string& name, PlanModule& caller) {
        const Value* expressions = call.find("expressions");
        if (!expressions || !expressions->is_object()) return;
        for (const Member& argument : expressions->members) {
            caller.places.push_back({span_from(argument.key_span, argument.value.span),
                                     {{"module"}, {name}, {argument.key, 0}}});
        }
    }

    // A constant argument is bound to the called module's variable; one written with references
    // is unknown there (the planned values already hold what it resolved to).
    void add_arguments(const Value& call, PlanModule& module) {
        const Value* expressions = call.find("expressions");
        if (!expressions || !expressions->is_object()) return;
        for (const Member& argument : expressions->members) {
            if (!is_expression(&argument.value)) continue;
            ModuleArgument bound;
            bound.path = path_;
            bound.span = span_from(argument.key_span, argument.value.span);
            if (const Value* constant = argument.value.find("constant_value")) {
                bound.value = *constant;
                bound.known = constant->kind != Value::Kind::null;
            } else {
                bound.value = unknown_value("var." + argument.key, argument.value.span);
            }
            module.arguments.emplace(argument.key, std::move(bound));
        }
    }

    const Value& root_;
    const std::string& path_;
    PlanIndex index_;
    TerraformPlan plan_;
};

}  // namespace

bool looks_like_terraform_plan(const Value& root) {
    if (!root.is_object()) return false;
    const Value* version = root.find("format_version");
    return version && version->is_string() && (root.find("planned_values") || root.find("resource_changes"));
}

TerraformPlan read_terraform_plan(const Value& root, const std::string& path) {
    const std::string version = string_of(root.find("format_version"));
    const std::string major = version.substr(0, version.find('.'));
    if (major != "0" && major != "1") {
        TerraformPlan plan;
        plan.diagnostics.push_back({Diagnostic::Kind::warning, path,
                                    "Terraform plan format_version \"" + version +
                                        "\" is not one keylint reads (0.x or 1.x); the plan was not audited"});
        return plan;
    }
    return PlanReader(root, path).read();
}

Stack terraform_plan_stack(const PlanModule& module, const SourceText& text) {
    Stack stack = terraform_stack({TerraformFile{&text, &module.document}}, module.directory.value_or(""), module.arguments);
    stack.module_address = module.address;
    for (size_t index = 0; index < stack.resources.size() && index < module.resources.size(); ++index) {
        StackResource& resource = stack.resources[index];
        resource.address = module.resources[index].address;
        resource.base_address = module.resources[index].base_address;
        resource.instance_key = module.resources[index].instance_key;
    }
    return stack;
}

}  // namespace keylint
