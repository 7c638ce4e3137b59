// Reading resource properties the same way in a CloudFormation template and a Terraform module,
// for the checks over a stack's workloads (hygiene/*): values resolved with the stack's resolver,
// repeated Terraform blocks and CloudFormation lists as one list of items, booleans written as
// `true` or "true", and which resources declare secrets.
// Tested in tests/unit/hygiene_workloads_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infra/cloudformation_resolver.hpp"
#include "infra/stack.hpp"
#include "infra/terraform_resolver.hpp"
#include "syntax/document.hpp"

namespace keylint {

class StackReader {
   public:
    explicit StackReader(const Stack& stack);

    const Stack& stack() const { return stack_; }
    bool terraform() const { return stack_.format == Stack::Format::terraform; }

    // A copy of `value` with parameters, variables, locals and intrinsics resolved as far as the
    // stack says them.
    Value resolve(const Value& value) const;

    // The declaration a value names as a whole, when it is a CloudFormation `Ref` to a parameter
    // or a Terraform `var.NAME`: the parameter's declaration or the variable block; else null.
    const Value* parameter_of(const Value& written) const;

   private:
    const Stack& stack_;
    std::optional<CloudFormationResolver> cloudformation_;
    std::optional<TerraformResolver> terraform_;
};

// Every member of `object` called `key` (Terraform repeats a block's key), with arrays flattened
// into their items: `environment_variable { … } environment_variable { … }`, `Variables: [ … ]`.
std::vector<const Value*> items_named(const Value& object, std::string_view key);

// The member of `object` whose key equals `key` ignoring case (ECS container definitions are
// written `Name` in CloudFormation and `name` in Terraform), or null.
const Member* member_ignoring_case(const Value& object, std::string_view key);

// A resolved boolean: `true`, "true", "True"; nullopt when the value is neither true nor false.
std::optional<bool> boolean_value(const Value& resolved);

// The text of a resolved value that is a string or a number, nullopt otherwise.
std::optional<std::string> scalar_text(const Value& resolved);

// From a member's key to the end of its value: where a finding about a property points.
Span member_span(const Member& member);

// The resources that declare a Secrets Manager secret (AWS::SecretsManager::Secret,
// aws_secretsmanager_secret; not data sources, which read a secret made elsewhere).
std::vector<const StackResource*> declared_secrets(const Stack& stack);

// Text holding a CloudFormation dynamic reference ("{{resolve:secretsmanager:…}}",
// "{{resolve:ssm-secure:…}}"), which CloudFormation replaces at deployment: not a literal.
bool has_dynamic_reference(std::string_view text);

}  // namespace keylint
