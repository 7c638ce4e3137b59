// Resolves Terraform expressions of one module as far as the module says the value: `var.NAME`
// is the variable's `default` (unknown without one), `local.NAME` the local's expression, and
// "${var.NAME}" / "${local.NAME}" inside a string are substituted when they resolve to a string.
// References to resources and data sources (`aws_kms_key.k.arn`) stay unknown values holding
// their source text, which references.hpp reads back as the resource they name; so do function
// calls, conditionals and `count.index`/`each.value` expressions.
// Tested in tests/unit/stack_test.cpp.
#pragma once

#include <string>

#include "infra/stack.hpp"
#include "syntax/document.hpp"

namespace keylint {

class TerraformResolver {
   public:
    explicit TerraformResolver(const Stack& module) : module_(module) {}

    // A copy of `value` with variables and locals replaced where known.
    Value resolve(const Value& value) const { return resolve(value, 0); }

    // The variable block a `var.NAME` expression names, or null.
    const Value* variable_of(const Value& value) const;

   private:
    Value resolve(const Value& value, size_t depth) const;
    std::string interpolate(const std::string& text, size_t depth) const;

    const Stack& module_;
};

}  // namespace keylint
