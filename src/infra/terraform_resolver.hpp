// Resolves Terraform expressions of one module as far as the module says the value: `var.NAME`
// is the argument the module call binds (stack.hpp's ModuleArgument) or else the variable's
// `default` (unknown without one), `local.NAME` the local's expression, `module.NAME.OUTPUT` what
// the called module's output resolved to there (terraform_modules.hpp), all
// followed into their attributes and indexes (`var.secrets["db"].days`, `local.keys[0]`), and
// "${var.NAME}" / "${local.NAME}" inside a string are substituted when they resolve to a string.
// References to resources and data sources (`aws_kms_key.k.arn`) stay unknown values holding
// their source text, which references.hpp reads back as the resource they name. A conditional
// `C ? A : B` is its chosen branch when C is known (`var.create ? 1 : 0` with a default, or
// `"ci" == "ci"` once an instance is bound). Function calls, conditionals on unknown values, and
// `count.index`/`each.value` in a resource whose collection keylint could not read
// (terraform_instances.hpp binds them in the others) stay unknown.
// Tested in tests/unit/stack_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "infra/stack.hpp"
#include "syntax/document.hpp"

namespace keylint {

class TerraformResolver {
   public:
    explicit TerraformResolver(const Stack& module) : module_(module) {}

    // A copy of `value` with variables and locals replaced where known.
    Value resolve(const Value& value) const { return resolve(value, 0); }

    // The variable block a `var.NAME` expression (with or without steps) names, or null.
    const Value* variable_of(const Value& value) const;

   private:
    Value resolve(const Value& value, size_t depth) const;
    // A `var.`/`local.` expression (with attribute and index steps) resolved, or nullopt.
    std::optional<Value> named_value(const Value& value, size_t depth) const;
    // `CONDITION ? A : B` whose condition is known (a boolean, or == / != of known operands): the
    // chosen branch, resolved; nullopt otherwise.
    std::optional<Value> conditional_value(std::string_view expression, size_t depth) const;
    // A literal, or an expression that resolves to a known value; nullopt otherwise.
    std::optional<Value> known_operand(std::string_view text, size_t depth) const;
    std::string interpolate(const std::string& text, size_t depth) const;
    // `path.module`: the module's directory from the root module's ("." for the root).
    Value module_directory() const;

    const Stack& module_;
};

}  // namespace keylint
