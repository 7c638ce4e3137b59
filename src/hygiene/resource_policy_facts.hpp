// What the hygiene checks ask of resource policies (iam/policy.hpp) attached to secrets and KMS keys:
// which stack resources apply a policy (following Terraform policy documents through the resources
// that use them and the documents that merge them), wildcard principals, conditions that restrict who
// or where, and whether an action pattern covers an action.
// Tested in tests/unit/hygiene_test.cpp and through fixtures/hygiene/secrets.
#pragma once

#include <string_view>
#include <vector>

#include "hygiene/stack_reading.hpp"
#include "iam/policy.hpp"

namespace keylint {

// The resources that apply `policy`: its holder, or for a Terraform `aws_iam_policy_document`, every
// resource whose policy uses it, directly or through documents that merge it.
std::vector<const StackResource*> policy_appliers(const Stack& stack, const Policy& policy);

// `"*"`, `{"AWS": "*"}` (or a list holding "*").
bool is_wildcard_principal(const Value* principal);

// A principal naming whole accounts: `arn:aws:iam::111122223333:root`, a bare account id, or the
// account written with `${AWS::AccountId}` / a Terraform reference to the caller's account.
bool is_account_principal(const Value* principal);

// Whether the condition block uses one of `keys` (case-insensitive) under any operator.
bool condition_uses(const Value* condition, const std::vector<std::string_view>& keys);

// Whether an action pattern (`kms:*`, `kms:De*`, `*`) covers `action`, case-insensitively.
bool action_covers(std::string_view pattern, std::string_view action);

// The condition keys that narrow a wildcard principal to an organisation, account or network.
inline const std::vector<std::string_view> restricting_keys = {
    "aws:SourceVpce", "aws:SourceVpc", "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:SourceAccount",
    "aws:PrincipalArn", "aws:PrincipalOrgPaths", "kms:CallerAccount"};

}  // namespace keylint
