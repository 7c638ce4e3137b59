// CloudFormation templates (JSON or YAML, already read into the document model) → IAM policies.
// A template is recognised by a `Resources` object with a resource whose `Type` starts with
// "AWS::". Policies come from AWS::IAM::Policy / ManagedPolicy (PolicyDocument), AWS::IAM::Role
// (AssumeRolePolicyDocument as a trust policy, inline Policies), AWS::IAM::User / Group
// (Policies), AWS::SecretsManager::ResourcePolicy (ResourcePolicy), AWS::KMS::Key (KeyPolicy) and
// AWS::S3::BucketPolicy (PolicyDocument). Intrinsic functions are resolved where the template
// says the value: a Ref to a parameter with a Default is the default; a Ref to a resource, a
// pseudo parameter or a GetAtt is a specific value (kept as "${Name}"); Fn::Sub substitutes what
// it can. What cannot be resolved (a Ref to a parameter without a default, Fn::ImportValue,
// Fn::If, Fn::Select, …) becomes an unknown value naming the function.
// Tested in tests/unit/policy_extractor_test.cpp and by fixtures/policy/cloudformation.
#pragma once

#include <string>
#include <vector>

#include "policy/iam_policy.hpp"
#include "syntax/document.hpp"

namespace keylint {

bool looks_like_cloudformation(const Value& root);

// The policies of a template; they point into `root`, which must outlive them.
std::vector<Policy> extract_cloudformation_policies(const Value& root, const std::string& path);

}  // namespace keylint
