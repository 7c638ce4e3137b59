// Terraform module calls (infra/terraform_modules.hpp): which sources are followed, where they
// lead, what a call binds to the called module's variables (and what stays unknown across the
// boundary), instances of count/for_each, and outputs read back in the caller.
#include <catch2/catch.hpp>

#include <map>
#include <memory>

#include "infra/stack.hpp"
#include "infra/terraform_modules.hpp"
#include "infra/terraform_resolver.hpp"
#include "syntax/hcl_reader.hpp"

using namespace keylint;

namespace {

// Directories of .tf sources, parsed, served as a ModuleFiles loader.
struct Tree {
    std::vector<std::unique_ptr<SourceText>> texts;
    std::vector<std::unique_ptr<Value>> roots;
    std::map<std::string, std::vector<TerraformFile>> directories;

    Tree(std::initializer_list<std::pair<std::string, std::string>> sources) {
        for (const auto& [path, bytes] : sources) {
            texts.push_back(std::make_unique<SourceText>(path, bytes));
            ParseResult parsed = read_hcl(*texts.back());
            REQUIRE(parsed.root);
            roots.push_back(std::make_unique<Value>(std::move(*parsed.root)));
            const size_t slash = path.find_last_of('/');
            directories[slash == std::string::npos ? "" : path.substr(0, slash)].push_back(
                {texts.back().get(), roots.back().get()});
        }
    }

    ModuleTree instantiate(const std::string& directory) {
        return instantiate_modules(directory, [this](const std::string& wanted) -> const std::vector<TerraformFile>* {
            const auto found = directories.find(wanted);
            return found == directories.end() ? nullptr : &found->second;
        });
    }
};

std::vector<std::string> addresses(const ModuleTree& tree) {
    std::vector<std::string> out;
    for (const ModuleInstance& instance : tree.instances) out.push_back(instance.stack->module_address);
    return out;
}

Value unknown(const std::string& text) {
    Value value;
    value.kind = Value::Kind::unknown;
    value.scalar = text;
    return value;
}

}  // namespace

TEST_CASE("only ./ and ../ sources are local module paths") {
    CHECK(is_local_module_source("./modules/app"));
    CHECK(is_local_module_source("../app"));
    CHECK_FALSE(is_local_module_source("hashicorp/consul/aws"));
    CHECK_FALSE(is_local_module_source("git::https://example.com/vpc.git"));
    CHECK_FALSE(is_local_module_source("modules/app"));  // Terraform reads this as a registry address
}

TEST_CASE("a local source is read from the caller's directory, lexically") {
    CHECK(called_directory("envs/prod", "../../modules/app") == "modules/app");
    CHECK(called_directory("", "./modules/app/") == "modules/app");
    CHECK(called_directory(".", "./x") == "x");
    CHECK(called_directory("", "../shared") == "../shared");
    CHECK(called_directory("a", "./") == "a");
    CHECK(called_directory("a", "..") == "");
}

TEST_CASE("a call binds its arguments, resolved in the caller, to the called module's variables") {
    Tree tree{
        {"main.tf",
         "variable \"env\" {\n  default = \"prod\"\n}\n"
         "resource \"aws_kms_key\" \"k\" {}\n"
         "module \"app\" {\n  source = \"./app\"\n  name   = \"${var.env}-db\"\n  key    = aws_kms_key.k.arn\n"
         "  nested = { days = 30, key = aws_kms_key.k.arn }\n}\n"},
        {"app/main.tf", "variable \"name\" {}\nvariable \"key\" {}\nvariable \"nested\" {}\nvariable \"unset\" {\n  default = 7\n}\n"},
    };
    const ModuleTree modules = tree.instantiate("");
    REQUIRE(addresses(modules) == std::vector<std::string>{"", "module.app"});
    const Stack& app = *modules.instances[1].stack;
    CHECK(modules.instances[1].directory == "app");
    const TerraformResolver resolver(app);
    CHECK(resolver.resolve(unknown("var.name")).scalar == "prod-db");
    CHECK(app.arguments.at("name").known);
    CHECK(app.arguments.at("name").path == "main.tf");
    CHECK(app.arguments.at("name").span.start_line == 7);
    // A caller's resource is not the called module's: it stays unknown, named as the variable.
    CHECK_FALSE(app.arguments.at("key").known);
    CHECK(resolver.resolve(unknown("var.key")).scalar == "var.key");
    CHECK(resolver.resolve(unknown("var.nested.days")).scalar == "30");
    CHECK(resolver.resolve(unknown("var.nested.key")).scalar == "var.nested.key");  // stays as written
    const Value whole = resolver.resolve(unknown("var.nested"));
    REQUIRE(whole.find("key"));
    CHECK(whole.find("key")->scalar == "var.nested[\"key\"]");
    CHECK(resolver.resolve(unknown("var.unset")).scalar == "7");  // no argument: the default
}

TEST_CASE("count and for_each on a call make one instance each, with the instance's values bound") {
    Tree tree{
        {"main.tf",
         "module \"each\" {\n  source   = \"./m\"\n  for_each = { a = 1, b = 2 }\n  n = each.value\n}\n"
         "module \"counted\" {\n  source = \"./m\"\n  count  = 2\n  n      = count.index\n}\n"
         "module \"unknown\" {\n  source   = \"./m\"\n  for_each = var.things\n  n        = each.key\n}\n"},
        {"m/main.tf", "variable \"n\" {}\noutput \"twice\" {\n  value = var.n\n}\n"},
    };
    const ModuleTree modules = tree.instantiate("");
    CHECK(addresses(modules) == std::vector<std::string>{"", "module.each[\"a\"]", "module.each[\"b\"]",
                                                         "module.counted[0]", "module.counted[1]", "module.unknown"});
    CHECK(TerraformResolver(*modules.instances[2].stack).resolve(unknown("var.n")).scalar == "2");
    CHECK(TerraformResolver(*modules.instances[4].stack).resolve(unknown("var.n")).scalar == "1");
    // A collection keylint cannot read: one instance as written, its each.key unknown.
    CHECK(TerraformResolver(*modules.instances[5].stack).resolve(unknown("var.n")).scalar == "var.n");
    // Outputs by instance key or index, in the caller.
    const TerraformResolver root(*modules.instances[0].stack);
    CHECK(root.resolve(unknown("module.each[\"b\"].twice")).scalar == "2");
    CHECK(root.resolve(unknown("module.counted[1].twice")).scalar == "1");
    CHECK(root.resolve(unknown("module.unknown.twice")).scalar == "module.unknown.twice");
    CHECK(modules.diagnostics.empty());
}

TEST_CASE("an output that is the called module's resource stays unknown in the caller") {
    Tree tree{
        {"main.tf", "module \"k\" {\n  source = \"./k\"\n}\n"},
        {"k/main.tf", "resource \"aws_kms_key\" \"k\" {}\noutput \"arn\" {\n  value = aws_kms_key.k.arn\n}\n"},
    };
    const ModuleTree modules = tree.instantiate("");
    CHECK(TerraformResolver(*modules.instances[0].stack).resolve(unknown("module.k.arn")).scalar == "module.k.arn");
}

TEST_CASE("a call to a module being instantiated is a cycle, reported and not followed") {
    Tree tree{
        {"a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n"},
        {"b/main.tf", "\nmodule \"a\" {\n  source = \"../a\"\n}\n"},
    };
    const ModuleTree modules = tree.instantiate("a");
    CHECK(addresses(modules) == std::vector<std::string>{"", "module.b"});
    REQUIRE(modules.diagnostics.size() == 1);
    CHECK(modules.diagnostics[0].path == "b/main.tf");
    CHECK(modules.diagnostics[0].message ==
          "module \"a\" (line 2): source \"../a\" leads back to directory a, a module that is already being "
          "instantiated (a cycle); it is not followed");
}
