// Which KMS key a secret's `KmsKeyId` / `kms_key_id` names: the AWS-managed key (`alias/aws/secretsmanager`
// in any spelling: alias name, alias ARN in any partition, written with `!Sub` or interpolation, or a
// Terraform `data.aws_kms_alias` of that name; no key at all means the AWS-managed key too), a
// customer-managed key (a key or alias in the stack, a key id or ARN, an alias of the account), or a value
// keylint cannot resolve, which the checks report as a warning naming it rather than passing it.
// Tested in tests/unit/hygiene_test.cpp and through fixtures/hygiene/secrets.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/stack_check.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {

// `alias/aws/secretsmanager` and its ARN spellings (`arn:<partition>:kms:<region>:<account>:alias/aws/…`,
// with `${AWS::Region}` or any other text for the region and account); any `alias/aws/` alias is an
// AWS-managed key.
bool names_aws_managed_key(std::string_view text);

struct KeyChoice {
    enum class Kind { aws_managed, customer_managed, unknown };
    Kind kind = Kind::aws_managed;
    std::string text;                   // the value as keylint read it ("" when no key is given)
    const StackResource* key = nullptr;  // the AWS::KMS::Key / aws_kms_key it names, when in the stack
};

// What each alternative of a key value names (both branches of an Fn::If); `written` may be null.
std::vector<KeyChoice> judge_kms_key(const StackReader& reader, const Value* written);

// The KMS keys of the stack that encrypt a secret (its own key or a replica's), each once, in stack order.
std::vector<const StackResource*> keys_used_by_secrets(const StackReader& reader);

// Calls `visit(key, policy, statement)` for every Allow statement of the key policy of each key
// that encrypts a secret of the stack (set on the key, or by a Terraform aws_kms_key_policy):
// what the key-policy checks judge.
void for_each_secrets_key_allow(
    const StackContext& context,
    const std::function<void(const StackResource& key, const Policy& policy, const PolicyStatement& statement)>& visit);

// The key values of a secret's replicas: CloudFormation `ReplicaRegions[].KmsKeyId`, Terraform
// `replica { kms_key_id }`; each replica with its key (null when it has none).
struct ReplicaKey {
    const Value* replica;
    const Value* key;
};
std::vector<ReplicaKey> replica_keys(const StackReader& reader, const StackResource& secret);

}  // namespace keylint
