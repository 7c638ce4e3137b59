// Which resources of a stack a value refers to. CloudFormation values must be resolved first
// (cloudformation_resolver.hpp writes a `Ref` to a resource and `Fn::GetAtt` as "${Name}" and
// "${Name.Attribute}"); Terraform values are read as written or resolved (references stay source
// text such as `aws_secretsmanager_secret.db.id`, `aws_iam_role.r[0].name` or
// "arn:${aws_s3_bucket.b.arn}/*"). A Terraform reference with a literal index names that instance
// of a resource expanded by count/for_each (`aws_kms_key.k["db"]`); without one, or with an index
// keylint cannot read, it mentions every instance and references none of them alone.
// Tested in tests/unit/stack_test.cpp.
#pragma once

#include <vector>

#include "infra/stack.hpp"
#include "syntax/document.hpp"

namespace keylint {

// The resource that `value` as a whole names (`aws_kms_key.k.arn`, "${Key.Arn}", "${Key}"), or null.
const StackResource* referenced_resource(const Stack& stack, const Value& value);

// Every resource mentioned anywhere inside `value` (nested values and interpolations too), each
// once, in the order of the stack.
std::vector<const StackResource*> mentioned_resources(const Stack& stack, const Value& value);

}  // namespace keylint
