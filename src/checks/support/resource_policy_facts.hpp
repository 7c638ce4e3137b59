// What the hygiene checks ask of resource policies (iam/policy.hpp) attached to secrets and KMS keys:
// which stack resources apply a policy (following Terraform policy documents through the resources
// that use them and the documents that merge them), and whether an action pattern covers an action.
// Principals and conditions are read by iam/principals.hpp and iam/conditions.hpp.
// Tested in tests/unit/hygiene_test.cpp and through fixtures/hygiene/secrets.
#pragma once

#include <string_view>
#include <vector>

#include "iam/policy.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {

// The resources that apply `policy`: its holder, or for a Terraform `aws_iam_policy_document`, every
// resource whose policy uses it, directly or through documents that merge it.
std::vector<const StackResource*> policy_appliers(const Stack& stack, const Policy& policy);

// Whether an action pattern (`kms:*`, `kms:De*`, `*`) covers `action`, case-insensitively.
bool action_covers(std::string_view pattern, std::string_view action);


}  // namespace keylint
