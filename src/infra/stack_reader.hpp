// Reading a stack the same way in a CloudFormation template and a Terraform module, for every
// check over a stack (checks/*) and the escalation analysis: a property named once, values
// resolved with the stack's resolver, the alternatives a resolved value can take (both branches
// of Fn::If), repeated Terraform blocks and CloudFormation lists as one list of items, booleans
// written as `true` or "true". Tested in tests/unit/hygiene_test.cpp,
// tests/unit/hygiene_workloads_test.cpp and through the checks' fixtures.
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

    // A property is named once, by its CloudFormation name. The Terraform AWS provider names an
    // argument with the same words in snake case (KmsKeyId → kms_key_id), which is how it is read
    // in a Terraform module. A property whose Terraform name is other words (PolicyDocument →
    // policy, a list written as repeated singular blocks) is given both names.
    std::string spelling(std::string_view cloudformation_name) const;
    std::string spelling(std::string_view cloudformation_name, std::string_view terraform_name) const;

    // The property as written; null when absent.
    const Value* property(const StackResource& resource, std::string_view cloudformation_name) const;
    const Value* property(const StackResource& resource, std::string_view cloudformation_name,
                          std::string_view terraform_name) const;

    // A member of a nested object (`Environment.Variables`, an event selector's `ReadWriteType`).
    const Value* member(const Value& object, std::string_view cloudformation_name) const;

    // Every item under a name in `body` (which may be null): repeated Terraform blocks and the
    // items of a CloudFormation list alike.
    std::vector<const Value*> items(const Value* body, std::string_view cloudformation_name) const;
    std::vector<const Value*> items(const Value* body, std::string_view cloudformation_name,
                                    std::string_view terraform_name) const;

    // A copy of `value` with parameters, variables, locals and intrinsics resolved as far as the
    // stack says them.
    Value resolve(const Value& value) const;

    // The declaration a value names as a whole, when it is a CloudFormation `Ref` to a parameter
    // or a Terraform `var.NAME`: the parameter's declaration or the variable block; else null.
    const Value* parameter_of(const Value& written) const;

    // What the module call binds to the variable a Terraform `var.NAME` names as a whole, when the
    // call sets it to a value with no unknown part (stack.hpp's ModuleArgument); else null.
    const ModuleArgument* literal_argument_of(const Value& written) const;

    // The values a resolved value can take: both branches of a CloudFormation Fn::If.
    std::vector<const Value*> branches(const Value& resolved) const;

    // The single values a resolved value stands for: its branches, with lists opened into their
    // items (and each item's branches).
    std::vector<const Value*> alternatives(const Value& resolved) const;

    // Whether one branch of a resolved CloudFormation Fn::If is AWS::NoValue: the property is then absent.
    bool may_be_absent(const Value& resolved) const;

    // Whether `value` (as written) mentions `target` (Ref, GetAtt, Sub, a Terraform reference).
    bool mentions(const Value& value, const StackResource& target) const;

    // Resources of `types` whose property mentions `target`.
    std::vector<const StackResource*> referrers(const StackResource& target, std::initializer_list<std::string_view> types,
                                                std::string_view cloudformation_name) const;
    std::vector<const StackResource*> referrers(const StackResource& target, std::initializer_list<std::string_view> types,
                                                std::string_view cloudformation_name, std::string_view terraform_name) const;

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

// A CloudFormation property name in the Terraform AWS provider's spelling: KmsKeyId → kms_key_id,
// IsMultiRegionTrail → is_multi_region_trail, DBInstanceClass → db_instance_class.
std::string snake_case(std::string_view cloudformation_name);

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

}  // namespace keylint
