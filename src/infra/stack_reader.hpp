// Reading a stack the same way in a CloudFormation template and a Terraform module, for the
// hygiene checks (hygiene/*): a property under its CloudFormation or Terraform name, values
// resolved with the stack's resolver, the alternatives a resolved value can take (both branches of
// Fn::If), repeated Terraform blocks and CloudFormation lists as one list of items, booleans
// written as `true` or "true", which resources declare secrets and which refer to which.
// Tested in tests/unit/hygiene_test.cpp, tests/unit/hygiene_workloads_test.cpp and through the
// hygiene fixtures.
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
    bool cloudformation() const { return stack_.format == Stack::Format::cloudformation; }

    // The property under its CloudFormation name or its Terraform name, as written; null when absent.
    const Value* property(const StackResource& resource, std::string_view cloudformation_key,
                          std::string_view terraform_key) const;

    // A copy of `value` with parameters, variables, locals and intrinsics resolved as far as the
    // stack says them.
    Value resolve(const Value& value) const;

    // The declaration a value names as a whole, when it is a CloudFormation `Ref` to a parameter
    // or a Terraform `var.NAME`: the parameter's declaration or the variable block; else null.
    const Value* parameter_of(const Value& written) const;

    // The values a resolved value can take: both branches of a CloudFormation Fn::If.
    std::vector<const Value*> branches(const Value& resolved) const;

    // Whether one branch of a resolved CloudFormation Fn::If is AWS::NoValue: the property is then absent.
    bool may_be_absent(const Value& resolved) const;

    // Whether `value` (as written) mentions `target` (Ref, GetAtt, Sub, a Terraform reference).
    bool mentions(const Value& value, const StackResource& target) const;

    // Resources of `types` whose property (CloudFormation or Terraform name) mentions `target`.
    std::vector<const StackResource*> referrers(const StackResource& target, std::initializer_list<std::string_view> types,
                                                std::string_view cloudformation_key, std::string_view terraform_key) const;

   private:
    const Stack& stack_;
    std::optional<CloudFormationResolver> cloudformation_;
    std::optional<TerraformResolver> terraform_;
};

// Every member of `object` called `key` (Terraform repeats a block's key), with arrays flattened
// into their items: `environment_variable { … } environment_variable { … }`, `Variables: [ … ]`.
std::vector<const Value*> items_named(const Value& object, std::string_view key);
// The same for a body that may be absent.
std::vector<const Value*> members_named(const Value* body, std::string_view key);

// The member of `object` whose key equals `key` ignoring case (ECS container definitions are
// written `Name` in CloudFormation and `name` in Terraform), or null.
const Member* member_ignoring_case(const Value& object, std::string_view key);

// A resolved boolean: `true`, "true", "True"; nullopt when the value is neither true nor false.
std::optional<bool> boolean_value(const Value& resolved);
bool is_true(const Value* value);
bool is_false(const Value* value);

// The text of a resolved value that is a string or a number, nullopt otherwise.
std::optional<std::string> scalar_text(const Value& resolved);

// A short text for a value in a message: a string's text, an unknown value's source text.
std::string describe(const Value& value);

// From a member's key to the end of its value: where a finding about a property points.
Span member_span(const Member& member);

// The resources that declare a Secrets Manager secret (AWS::SecretsManager::Secret,
// aws_secretsmanager_secret; not data sources, which read a secret made elsewhere).
std::vector<const StackResource*> declared_secrets(const Stack& stack);

// Text holding a CloudFormation dynamic reference ("{{resolve:secretsmanager:…}}",
// "{{resolve:ssm-secure:…}}"), which CloudFormation replaces at deployment: not a literal.
bool has_dynamic_reference(std::string_view text);

}  // namespace keylint
