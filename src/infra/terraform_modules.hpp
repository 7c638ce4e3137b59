// Terraform module calls. `module "app" { source = "./modules/app" … }` with a local source is
// followed: the called module is instantiated with the call's arguments bound to its variables
// (resolved in the caller, stack.hpp's ModuleArgument), once per instance of a `count` or
// `for_each` on the call (`module.app[0]`, `module.app["db"]`), and its outputs resolved there
// are what `module.app.OUTPUT` reads in the caller. Calls nest to max_module_depth; a tree holds
// at most max_module_instances instances. A call is reported, not followed, when its source is
// not a local path (registry, git, archive sources are never downloaded), when it leads back into
// a module being instantiated (a cycle), when its directory holds no .tf file keylint could read,
// or past the limits. A collection keylint cannot read, one with no items, or one larger than
// max_instances instantiates the module once as written, with `each.*` / `count.index` unknown.
// Tested in tests/unit/terraform_modules_test.cpp and through fixtures/policy/modules.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/run_result.hpp"
#include "infra/stack.hpp"

namespace keylint {

constexpr size_t max_module_depth = 16;
constexpr size_t max_module_instances = 256;

struct ModuleCall {
    std::string name;
    std::string source;      // as written; empty when it is not a literal string
    const Value* body;       // the call's block
    const SourceText* file;  // where it is written
};

// The `module` blocks of a module's files, in file order.
std::vector<ModuleCall> module_calls(const std::vector<TerraformFile>& files);

// Whether a source is a local path: Terraform reads one that starts with "./" or "../".
bool is_local_module_source(std::string_view source);

// The directory a local source names, from the caller's directory ("" for the root of the run),
// lexically normal with forward slashes: ("envs/prod", "../../modules/app") → "modules/app".
std::string called_directory(const std::string& caller_directory, std::string_view source);

// The parsed .tf files of a module's directory, or null when there are none keylint could read
// (the loader reports why it could not read one).
using ModuleFiles = std::function<const std::vector<TerraformFile>*(const std::string& directory)>;

struct ModuleInstance {
    std::unique_ptr<Stack> stack;  // its module_address is the instance's address; "" for the root
    std::string directory;
};

struct ModuleTree {
    std::vector<ModuleInstance> instances;  // the root first, then each call's instances depth first
    std::vector<Diagnostic> diagnostics;
};

// The root module of `directory` and every module it instantiates; `read_file` is what their
// file() and templatefile() read through (stack.hpp), none by default.
ModuleTree instantiate_modules(const std::string& directory, const ModuleFiles& files,
                               const std::function<std::optional<std::string>(const std::string&)>& read_file = {});

}  // namespace keylint
