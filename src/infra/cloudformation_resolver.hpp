// Resolves CloudFormation intrinsic functions as far as the template says the value:
// - `Ref` to a parameter with a `Default` is the default; to a parameter without one, unknown;
// - `Ref` to a resource or a pseudo parameter, and `Fn::GetAtt`, are specific values written
//   "${Name}" / "${Name.Attribute}" (what references.hpp reads back as a resource);
// - `Fn::Sub` substitutes its variables and parameters with defaults, keeping "${Resource}" and
//   "${AWS::Region}" as written; `Fn::Join` of known parts is the joined string; `Fn::Select` of a
//   known list with a known index is the item;
// - `Fn::If` keeps both branches, resolved: `{"Fn::If": [condition, then, else]}` (an `Fn::If` item
//   of a list is spliced into the list as both branches); `cloudformation_branches` lists them,
//   dropping `AWS::NoValue`;
// - anything else (`Fn::ImportValue`, `Fn::FindInMap`, …) is an unknown value naming the function.
// Tested in tests/unit/stack_test.cpp and through the policy extractor tests.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "infra/stack.hpp"
#include "syntax/document.hpp"

namespace keylint {

class CloudFormationResolver {
   public:
    explicit CloudFormationResolver(const Value& template_root);

    // A copy of `value` with every intrinsic function replaced by what it resolves to.
    Value resolve(const Value& value) const { return resolve(value, 0); }

   private:
    Value resolve(const Value& value, size_t depth) const;
    Value resolve_intrinsic(const Member& call, const Span& span, size_t depth) const;
    Value substitute(const Value& argument, const Span& span, size_t depth) const;

    std::map<std::string, const Value*> defaults_;  // parameter name → Default (or null)
    std::set<std::string> resources_;
};

// The values `value` can take: both branches of an `Fn::If` (nested ones too), without
// `AWS::NoValue`; any other value is its only branch.
std::vector<const Value*> cloudformation_branches(const Value& value);

bool is_no_value(const Value& value);

// Text holding a CloudFormation dynamic reference ("{{resolve:secretsmanager:…}}",
// "{{resolve:ssm-secure:…}}"), which CloudFormation replaces at deployment: not a literal.
bool has_dynamic_reference(std::string_view text);

}  // namespace keylint
