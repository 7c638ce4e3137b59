// CloudFormation templates (JSON or YAML, already read into the document model) → IAM policies.
// A template is recognised by a `Resources` object with a resource whose `Type` starts with
// "AWS::". Policies come, by one table in cloudformation_extractor.cpp, from AWS::IAM::Policy /
// ManagedPolicy (PolicyDocument), AWS::IAM::Role (AssumeRolePolicyDocument as a trust policy,
// inline Policies), AWS::IAM::User / Group (Policies), AWS::SecretsManager::ResourcePolicy
// (ResourcePolicy), AWS::KMS::Key (KeyPolicy) and AWS::S3::BucketPolicy (PolicyDocument); a
// document may be an object or a JSON string (quoted, a block scalar, an Fn::Sub). Intrinsic functions are resolved by
// infra/cloudformation_resolver.hpp; both branches of an Fn::If are read, and what cannot be
// resolved stays an unknown value naming the function.
// Tested in tests/unit/stack_test.cpp and by fixtures/policy/cloudformation.
#pragma once

#include <string>
#include <vector>

#include "iam/policy.hpp"
#include "infra/stack.hpp"

namespace keylint {

// The policies of a template; they point into the template, which must outlive them.
std::vector<Policy> extract_cloudformation_policies(const Stack& stack);

}  // namespace keylint
