// A stack is the unit that checks across resources reason over: one CloudFormation template, or
// one Terraform module (the .tf files of one directory). It lists the resources (and, for
// Terraform, the data sources) with their type, name, body and span, in source order, and keeps
// what reference resolution needs: CloudFormation parameters and conditions, Terraform variables
// and locals. Bodies are as written; resolve them with the stack's resolver
// (cloudformation_resolver.hpp, terraform_resolver.hpp) or read references with references.hpp.
// Tested in tests/unit/stack_test.cpp.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/source_text.hpp"
#include "syntax/document.hpp"

namespace keylint {

struct StackResource {
    std::string type;     // "AWS::SecretsManager::Secret" or "aws_secretsmanager_secret"
    std::string name;     // CloudFormation logical id, Terraform local name
    std::string address;  // how the stack refers to it: the logical id; "aws_x.name"; "data.aws_x.name";
                          // a Terraform instance: "aws_x.name[0]", "aws_x.name[\"db\"]"
    std::string base_address;  // the address without an instance key (equal to `address` otherwise)
    std::string instance_key;  // a Terraform count/for_each instance's index or key; empty otherwise
    std::string path;     // the file that declares it
    Span span;            // the whole declaration
    const Value* body = nullptr;  // CloudFormation Properties (null when absent), Terraform block body
    const Value* declaration = nullptr;  // CloudFormation: the resource object (Type, Properties, Condition…)
    bool data_source = false;            // Terraform `data` block

    // The member of the body, or null.
    const Value* property(std::string_view key) const { return body ? body->find(key) : nullptr; }
};

struct TerraformFile {
    const SourceText* text;
    const Value* root;  // read_hcl of text
};

// What a module call binds to one of the called module's variables (terraform_modules.hpp): the
// argument resolved in the caller, final in the called module. A part the caller could not
// resolve is an unknown written as the variable's own path (`var.NAME`, `var.NAME["key"]`), so
// the called module reads it as it reads a variable without a value.
struct ModuleArgument {
    Value value;
    std::string path;  // the caller's file
    Span span;         // the argument in it
    bool known = false;  // the value holds no unknown part
};

struct Stack {
    enum class Format { cloudformation, terraform };

    Format format = Format::cloudformation;
    std::vector<StackResource> resources;

    // CloudFormation
    std::string path;                    // the template (Terraform: the module's directory)
    const Value* template_root = nullptr;
    std::map<std::string, const Value*> parameters;  // name → declaration (Type, Default, NoEcho…)

    // Terraform
    std::vector<TerraformFile> files;
    std::map<std::string, const Value*> variables;  // name → variable block body
    std::map<std::string, const Value*> locals;     // name → expression
    std::vector<std::shared_ptr<const Value>> instance_bodies;  // what instances' bodies point to
    // A module instantiated by a module call: its address (`module.app`, `module.app["db"].module.key`,
    // empty for a root module), the arguments the call binds to its variables, and the outputs of
    // the modules it calls in turn (call name → an object of outputs, or of instance keys to them).
    std::string module_address;
    std::map<std::string, ModuleArgument> arguments;
    std::map<std::string, Value> module_outputs;
    // The root module's directory (Terraform's working directory: `path.module` and the paths of
    // file() and templatefile() are relative to it) and what reads those files; none by default.
    std::string root_directory;
    std::function<std::optional<std::string>(const std::string& path)> read_file;

    // The resource as written, or its instances (terraform_instances.hpp), in stack order.
    std::vector<const StackResource*> instances_of(std::string_view base_address) const;

    const StackResource* find(std::string_view address) const;
    std::vector<const StackResource*> of_type(std::string_view type) const;
    // Of any of the types; for checks written once for both formats.
    std::vector<const StackResource*> of_types(std::initializer_list<std::string_view> types) const;
    const SourceText* text_of(std::string_view path) const;  // Terraform files only
};

bool looks_like_cloudformation(const Value& root);

// The template's resources; they point into `root`, which must outlive the stack.
Stack cloudformation_stack(const Value& root, const std::string& path);

// The module's resources and data sources, resources with a readable count/for_each as their
// instances; they point into the files' roots and the stack's instance bodies. `arguments` are
// what a module call binds (empty for a root module).
Stack terraform_stack(const std::vector<TerraformFile>& files, const std::string& directory,
                      std::map<std::string, ModuleArgument> arguments = {});

}  // namespace keylint
