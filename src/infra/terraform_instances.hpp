// Terraform `count` and `for_each`. A resource or data source whose collection keylint can read
// (a number, a map, a list or set of strings, after variables and locals are resolved, or another
// resource's instances as in `for_each = aws_secretsmanager_secret.all`) becomes one StackResource
// per instance, addressed as Terraform addresses it (`aws_x.y[0]`, `aws_x.y["db"]`), whose body
// has `count.index`, `each.key` and `each.value` replaced by that instance's values: as whole
// expressions (`each.value.days` is the number), inside interpolations ("${each.key}-db") and
// inside expressions that stay unknown (`aws_kms_key.k[each.key].arn` becomes
// `aws_kms_key.k["db"].arn`, which references.hpp reads as that instance).
// A collection keylint cannot read, one with no items (the resource is still audited as
// written: a default of zero is a switch someone turns on) or one with more than
// max_instances items (or that would take the module past max_stack_instances instances or
// max_expanded_values copied values) leaves the resource as written, with its `each.*`
// expressions unknown.
// Tested in tests/unit/stack_test.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "infra/stack.hpp"
#include "infra/terraform_resolver.hpp"
#include "syntax/document.hpp"

namespace keylint {

constexpr size_t max_instances = 256;         // per resource or dynamic block
constexpr size_t max_stack_instances = 4096;  // resource instances per module
// Values all the copies of a module may hold together (instance bodies, dynamic blocks): what
// would go past it is left as written, so a hostile module cannot make keylint copy without end.
constexpr size_t max_expanded_values = 1'000'000;

// The values of one instance: `count.index`, or `each.key` and `each.value` (in a dynamic block,
// `NAME.key` and `NAME.value` with the block's iterator name).
struct InstanceBinding {
    bool counted = false;         // count.index rather than each.key / each.value
    std::string iterator = "each";
    Value key;                    // count: the index as a number; for_each: the key as a string
    Value value;                  // for_each: the item (an unknown holding an address for resource instances)
};

// The instances a `count` or `for_each` in `body` (a resource's, a module call's) makes.
struct CollectionInstances {
    bool repeated = false;  // the body has a count or a for_each
    bool readable = false;  // keylint could read its collection
    size_t size = 0;        // how many instances it makes, when readable
    std::vector<InstanceBinding> bindings;  // one per instance; empty past max_instances
};
CollectionInstances collection_instances(const Stack& stack, const TerraformResolver& resolver, const Value& body);

// A copy of `value` with the binding's references replaced where the binding says them.
Value bind_instance(const Value& value, const InstanceBinding& binding);

// Replaces every resource of a Terraform stack whose collection keylint can read by its instances,
// and writes out the dynamic blocks of every body: `dynamic "replica" { for_each = …; content { … } }`
// becomes one `replica { … }` block per item with `replica.value` (or its `iterator`) bound; a
// collection keylint cannot read leaves one block as written, so the checks still see the block.
void expand_instances(Stack& stack);

}  // namespace keylint
