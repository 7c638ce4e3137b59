// CloudFormation templates (JSON or YAML, already read into the document model) → IAM policies.
// A template is recognised by a `Resources` object with a resource whose `Type` starts with
// "AWS::". Sources are one table (cloudformation_extractor.cpp), a row per resource type and
// property with the kind of policy it holds: AWS::IAM::Policy / ManagedPolicy (PolicyDocument) and
// the inline `Policies` of AWS::IAM::Role, User and Group (identity); AWS::IAM::Role
// AssumeRolePolicyDocument (trust); AWS::EC2::VPCEndpoint (endpoint); and every resource policy
// (Secrets Manager, KMS keys and replica keys, S3 bucket policies and access points, SQS, SNS, ECR,
// Glacier, OpenSearch/Elasticsearch, API Gateway, EventBridge — a single statement —, Backup,
// CodeArtifact). A document may be an object or a JSON string (quoted, a block scalar, an Fn::Sub).
// Lambda function and layer permissions are read as the one statement they add
// (iam/permission_policy.hpp).
// Intrinsic functions are resolved by infra/cloudformation_resolver.hpp; both branches of an Fn::If
// are read, and what cannot be resolved stays an unknown value naming the function.
// Tested in tests/unit/stack_test.cpp, tests/unit/resource_policy_extraction_test.cpp and by
// fixtures/policy/cloudformation and fixtures/policy/checks.
#pragma once

#include <string>
#include <vector>

#include "iam/policy.hpp"
#include "infra/stack.hpp"

namespace keylint {

// The policies of a template; they point into the template, which must outlive them.
std::vector<Policy> extract_cloudformation_policies(const Stack& stack);

}  // namespace keylint
