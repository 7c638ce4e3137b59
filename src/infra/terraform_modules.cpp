#include "infra/terraform_modules.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "infra/terraform_expression.hpp"
#include "infra/terraform_instances.hpp"
#include "infra/terraform_resolver.hpp"

namespace keylint {
namespace {

constexpr size_t max_depth = 256;

// The meta-arguments of a module call; every other argument sets a variable of the called module.
bool is_meta_argument(std::string_view key) {
    return key == "source" || key == "version" || key == "count" || key == "for_each" || key == "providers" ||
           key == "depends_on";
}

// Makes a value resolved on one side of a module boundary final on the other: each part that is
// not known (an unknown, or a string still holding an interpolation) becomes an unknown written
// as the path that reaches it from `path`. Whether every part was known.
bool make_final(Value& value, const std::string& path, size_t depth) {
    const bool unresolved = value.is_unknown() || (value.is_string() && value.scalar.find("${") != std::string::npos);
    if (unresolved || depth > max_depth) {
        value.kind = Value::Kind::unknown;
        value.scalar = path;
        value.members.clear();
        value.items.clear();
        return false;
    }
    bool known = true;
    for (Member& member : value.members) {
        known = make_final(member.value, path + "[" + quoted_literal(member.key) + "]", depth + 1) && known;
    }
    for (size_t index = 0; index < value.items.size(); ++index) {
        known = make_final(value.items[index], path + "[" + std::to_string(index) + "]", depth + 1) && known;
    }
    return known;
}

std::string instance_suffix(const InstanceBinding& binding) {
    return "[" + (binding.counted ? binding.key.scalar : quoted_literal(binding.key.scalar)) + "]";
}

// The arguments one instance of a call binds, resolved in the caller.
std::map<std::string, ModuleArgument> call_arguments(const ModuleCall& call, const TerraformResolver& caller,
                                                     const InstanceBinding* binding) {
    std::map<std::string, ModuleArgument> arguments;
    for (const Member& member : call.body->members) {
        if (is_meta_argument(member.key)) continue;
        ModuleArgument argument;
        argument.value = caller.resolve(binding ? bind_instance(member.value, *binding) : member.value);
        argument.known = make_final(argument.value, "var." + member.key, 0);
        argument.path = call.file->path();
        argument.span = Span{member.key_span.start_line, member.key_span.start_column, member.value.span.end_line,
                             member.value.span.end_column};
        arguments.emplace(member.key, std::move(argument));
    }
    return arguments;
}

// The outputs of an instantiated module as the caller reads them: an object of output names.
Value module_outputs_of(const Stack& module, const std::string& caller_path) {
    const TerraformResolver resolver(module);
    Value outputs;
    outputs.kind = Value::Kind::object;
    for (const TerraformFile& file : module.files) {
        for (const Member& top : file.root->members) {
            if (top.key != "output" || !top.value.is_object()) continue;
            for (const Member& output : top.value.members) {
                const Value* written = output.value.is_object() ? output.value.find("value") : nullptr;
                if (!written) continue;
                Value value = resolver.resolve(*written);
                make_final(value, caller_path + "." + output.key, 0);
                outputs.members.push_back(Member{output.key, output.key_span, std::move(value)});
            }
        }
    }
    return outputs;
}

class Instantiator {
   public:
    Instantiator(const ModuleFiles& files, ModuleTree& tree, std::string root,
                 std::function<std::optional<std::string>(const std::string&)> read_file)
        : files_(files), tree_(tree), root_(std::move(root)), read_file_(std::move(read_file)) {}

    Stack& instantiate(const std::string& directory, const std::vector<TerraformFile>& files, std::string address,
                       std::map<std::string, ModuleArgument> arguments) {
        auto stack = std::make_unique<Stack>(terraform_stack(files, directory, std::move(arguments)));
        stack->module_address = std::move(address);
        stack->root_directory = root_;
        stack->read_file = read_file_;
        Stack& module = *stack;
        tree_.instances.push_back(ModuleInstance{std::move(stack), directory});
        chain_.push_back(directory);
        const TerraformResolver resolver(module);
        for (const ModuleCall& call : module_calls(files)) follow(module, resolver, call);
        chain_.pop_back();
        return module;
    }

   private:
    void report(Diagnostic::Kind kind, const ModuleCall& call, const std::string& problem) {
        tree_.diagnostics.push_back(
            {kind, call.file->path(),
             "module \"" + call.name + "\" (line " + std::to_string(call.body->span.start_line) + "): " + problem});
    }

    std::string address_of(const Stack& caller, const ModuleCall& call) const {
        return (caller.module_address.empty() ? "" : caller.module_address + ".") + "module." + call.name;
    }

    void follow(Stack& caller, const TerraformResolver& resolver, const ModuleCall& call) {
        if (call.source.empty()) {
            report(Diagnostic::Kind::warning, call, "its source is not a literal string; the module is not audited");
            return;
        }
        if (!is_local_module_source(call.source)) {
            report(Diagnostic::Kind::warning, call,
                   "source \"" + call.source +
                       "\" is not a local path; registry, git and archive sources are not downloaded, so its "
                       "resources are not audited");
            return;
        }
        const std::string directory = called_directory(caller.path, call.source);
        if (std::find(chain_.begin(), chain_.end(), directory) != chain_.end()) {
            report(Diagnostic::Kind::warning, call,
                   "source \"" + call.source + "\" leads back to " + shown(directory) +
                       ", a module that is already being instantiated (a cycle); it is not followed");
            return;
        }
        if (chain_.size() >= max_module_depth) {
            report(Diagnostic::Kind::warning, call,
                   "modules nest deeper than " + std::to_string(max_module_depth) + " calls here; it is not followed");
            return;
        }
        const std::vector<TerraformFile>* files = files_(directory);
        if (!files) {
            report(Diagnostic::Kind::warning, call,
                   "source \"" + call.source + "\" names " + shown(directory) +
                       ", which does not exist or holds no .tf file keylint could read; the module is not audited");
            return;
        }
        const CollectionInstances collection = collection_instances(caller, resolver, *call.body);
        if (collection.readable && collection.size > max_instances) {
            report(Diagnostic::Kind::warning, call,
                   "its " + std::string(call.body->find("count") ? "count" : "for_each") + " makes " +
                       std::to_string(collection.size) + " instances, more than " + std::to_string(max_instances) +
                       "; the module is audited once as written");
        }
        const std::vector<InstanceBinding>& bindings = collection.bindings;
        const size_t wanted = std::max<size_t>(bindings.size(), 1);
        if (tree_.instances.size() + wanted > max_module_instances) {
            report(Diagnostic::Kind::warning, call,
                   "it would take the run past " + std::to_string(max_module_instances) +
                       " module instances; it is not followed");
            return;
        }
        const std::string address = address_of(caller, call);
        Value outputs;
        if (bindings.empty()) {
            Stack& called = instantiate(directory, *files, address, call_arguments(call, resolver, nullptr));
            outputs = module_outputs_of(called, address);
        } else {
            outputs.kind = bindings.front().counted ? Value::Kind::array : Value::Kind::object;
            for (const InstanceBinding& binding : bindings) {
                const std::string instance = address + instance_suffix(binding);
                Stack& called = instantiate(directory, *files, instance, call_arguments(call, resolver, &binding));
                Value instance_outputs = module_outputs_of(called, instance);
                if (binding.counted) {
                    outputs.items.push_back(std::move(instance_outputs));
                } else {
                    outputs.members.push_back(Member{binding.key.scalar, call.body->span, std::move(instance_outputs)});
                }
            }
        }
        caller.module_outputs[call.name] = std::move(outputs);
    }

    static std::string shown(const std::string& directory) {
        return directory.empty() ? std::string("the root directory") : "directory " + directory;
    }

    const ModuleFiles& files_;
    ModuleTree& tree_;
    std::string root_;
    std::function<std::optional<std::string>(const std::string&)> read_file_;
    std::vector<std::string> chain_;  // the directories being instantiated, outermost first
};

}  // namespace

std::vector<ModuleCall> module_calls(const std::vector<TerraformFile>& files) {
    std::vector<ModuleCall> calls;
    for (const TerraformFile& file : files) {
        for (const Member& top : file.root->members) {
            if (top.key != "module" || !top.value.is_object()) continue;
            for (const Member& call : top.value.members) {
                if (!call.value.is_object()) continue;
                const Value* source = call.value.find("source");
                calls.push_back(ModuleCall{call.key, source && source->is_string() ? source->scalar : std::string(),
                                           &call.value, file.text});
            }
        }
    }
    return calls;
}

bool is_local_module_source(std::string_view source) {
    return source.starts_with("./") || source.starts_with("../") || source == "." || source == "..";
}

std::string called_directory(const std::string& caller_directory, std::string_view source) {
    const std::filesystem::path joined = caller_directory.empty() || caller_directory == "."
                                             ? std::filesystem::path(source)
                                             : std::filesystem::path(caller_directory) / source;
    std::string directory = joined.lexically_normal().generic_string();
    while (directory.size() > 1 && directory.back() == '/') directory.pop_back();
    return directory == "." ? std::string() : directory;
}

ModuleTree instantiate_modules(const std::string& directory, const ModuleFiles& files,
                               const std::function<std::optional<std::string>(const std::string&)>& read_file) {
    ModuleTree tree;
    const std::vector<TerraformFile>* root = files(directory);
    if (!root) return tree;
    const std::string root_directory = directory == "." ? std::string() : directory;
    Instantiator(files, tree, root_directory, read_file).instantiate(root_directory, *root, "", {});
    return tree;
}

}  // namespace keylint
