// Format-neutral reading of a stack for the hygiene checks: a property under its CloudFormation or
// Terraform name, values resolved by the stack's own resolver, the alternatives a resolved value can
// take (both branches of Fn::If), repeated Terraform blocks, and which resources refer to which.
// Tested through the hygiene fixtures (tests/e2e/run_hygiene_secrets.py) and tests/unit/hygiene_test.cpp.
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
    bool cloudformation() const { return stack_.format == Stack::Format::cloudformation; }

    // The property under its CloudFormation name or its Terraform name, as written; null when absent.
    const Value* property(const StackResource& resource, std::string_view cloudformation_key,
                          std::string_view terraform_key) const;

    // A copy with intrinsics (CloudFormation) or variables and locals (Terraform) resolved.
    Value resolve(const Value& value) const;

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

// Every AWS::SecretsManager::Secret / aws_secretsmanager_secret, in source order.
std::vector<const StackResource*> secret_resources(const Stack& stack);

// The values of every member named `key`: each repeated Terraform block (`replica { }`,
// `statement { }`) or, for a list, each item.
std::vector<const Value*> members_named(const Value* body, std::string_view key);

// `true`, or the string "true" (CloudFormation templates write both); any case.
bool is_true(const Value* value);
bool is_false(const Value* value);

// A short text for a value in a message: a string's text, an unknown value's source text.
std::string describe(const Value& value);

}  // namespace keylint
