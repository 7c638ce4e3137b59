#include "infra/stack.hpp"

#include "infra/terraform_instances.hpp"

namespace keylint {

bool looks_like_cloudformation(const Value& root) {
    if (!root.is_object()) return false;
    const Value* resources = root.find("Resources");
    if (!resources || !resources->is_object()) return false;
    for (const Member& resource : resources->members) {
        const Value* type = resource.value.find("Type");
        if (type && type->is_string() && type->scalar.starts_with("AWS::")) return true;
    }
    return false;
}

Stack cloudformation_stack(const Value& root, const std::string& path) {
    Stack stack;
    stack.format = Stack::Format::cloudformation;
    stack.path = path;
    stack.template_root = &root;
    if (const Value* parameters = root.find("Parameters"); parameters && parameters->is_object()) {
        for (const Member& parameter : parameters->members) stack.parameters[parameter.key] = &parameter.value;
    }
    const Value* resources = root.find("Resources");
    if (!resources || !resources->is_object()) return stack;
    for (const Member& member : resources->members) {
        const Value* type = member.value.find("Type");
        if (!type || !type->is_string()) continue;
        StackResource resource;
        resource.type = type->scalar;
        resource.name = member.key;
        resource.address = member.key;
        resource.base_address = member.key;
        resource.path = path;
        resource.span = Span{member.key_span.start_line, member.key_span.start_column, member.value.span.end_line,
                             member.value.span.end_column};
        const Value* properties = member.value.find("Properties");
        resource.body = properties && properties->is_object() ? properties : nullptr;
        resource.declaration = &member.value;
        stack.resources.push_back(std::move(resource));
    }
    return stack;
}

Stack terraform_stack(const std::vector<TerraformFile>& files, const std::string& directory,
                      std::map<std::string, ModuleArgument> arguments) {
    Stack stack;
    stack.format = Stack::Format::terraform;
    stack.path = directory;
    stack.files = files;
    stack.arguments = std::move(arguments);
    for (const TerraformFile& file : files) {
        for (const Member& top : file.root->members) {
            if (!top.value.is_object()) continue;
            if (top.key == "variable") {
                for (const Member& variable : top.value.members) stack.variables[variable.key] = &variable.value;
            } else if (top.key == "locals") {
                for (const Member& local : top.value.members) stack.locals[local.key] = &local.value;
            } else if (top.key == "resource" || top.key == "data") {
                const bool data = top.key == "data";
                for (const Member& type : top.value.members) {
                    if (!type.value.is_object()) continue;
                    for (const Member& name : type.value.members) {
                        if (!name.value.is_object()) continue;
                        StackResource resource;
                        resource.type = type.key;
                        resource.name = name.key;
                        resource.address = (data ? "data." : "") + type.key + "." + name.key;
                        resource.base_address = resource.address;
                        resource.path = file.text->path();
                        resource.span = name.value.span;
                        resource.body = &name.value;
                        resource.declaration = &name.value;
                        resource.data_source = data;
                        stack.resources.push_back(std::move(resource));
                    }
                }
            }
        }
    }
    expand_instances(stack);
    return stack;
}

const StackResource* Stack::find(std::string_view address) const {
    for (const StackResource& resource : resources) {
        if (resource.address == address) return &resource;
    }
    return nullptr;
}

std::vector<const StackResource*> Stack::instances_of(std::string_view base_address) const {
    std::vector<const StackResource*> found;
    for (const StackResource& resource : resources) {
        if (resource.base_address == base_address) found.push_back(&resource);
    }
    return found;
}

std::vector<const StackResource*> Stack::of_type(std::string_view type) const { return of_types({type}); }

std::vector<const StackResource*> Stack::of_types(std::initializer_list<std::string_view> types) const {
    std::vector<const StackResource*> found;
    for (const StackResource& resource : resources) {
        for (std::string_view type : types) {
            if (resource.type == type) {
                found.push_back(&resource);
                break;
            }
        }
    }
    return found;
}

const SourceText* Stack::text_of(std::string_view file_path) const {
    for (const TerraformFile& file : files) {
        if (file.text->path() == file_path) return file.text;
    }
    return nullptr;
}

}  // namespace keylint
