// Lambda permissions as resource policies. A permission resource (AWS::Lambda::Permission /
// aws_lambda_permission, AWS::Lambda::LayerVersionPermission / aws_lambda_layer_version_permission)
// is no policy document but the one Allow statement Lambda adds to the function's or layer's
// policy, so it is turned into a document of that statement, and every resource-policy check and
// the one reading of conditions (iam/conditions.hpp, iam/condition_verdict.hpp) judge it as they
// judge any other statement: its principal ("*" is anyone; a value naming ".amazonaws.com" is a
// Service principal; anything else, an account id or an ARN, is an AWS principal), its action,
// the function or layer as Resource, and a Condition for each property that limits the caller
// (SourceArn → ArnLike aws:SourceArn, SourceAccount → StringEquals aws:SourceAccount,
// PrincipalOrgID / OrganizationId → StringEquals aws:PrincipalOrgID, FunctionUrlAuthType →
// StringEquals lambda:FunctionUrlAuthType), as Lambda writes them. The statement and its Effect
// span the permission resource; each other element spans the property it came from.
// Tested in tests/unit/resource_policy_extraction_test.cpp and by fixtures/policy/checks/lambda-permission.
#pragma once

#include <span>
#include <string_view>

#include "core/finding.hpp"
#include "syntax/document.hpp"

namespace keylint {

// A property of a permission that becomes one condition of its statement.
struct PermissionCondition {
    std::string_view property;  // the CloudFormation name; Terraform's is its snake case
    std::string_view op, key;   // e.g. "ArnLike", "aws:SourceArn"
};

// One kind of permission resource, its properties named by their CloudFormation names; Terraform
// reads each in the AWS provider's snake case (SourceArn → source_arn), except where the provider
// names it otherwise (`terraform_resource`).
struct PermissionShape {
    std::string_view cloudformation_type, terraform_type;
    std::string_view sid;  // empty where the resource has none
    std::string_view principal, action, resource;
    std::string_view terraform_resource;  // empty: snake case of `resource`
    std::span<const PermissionCondition> conditions;
};

// The shape of `type` (a CloudFormation or a Terraform type), or null when it is no permission.
const PermissionShape* permission_shape(std::string_view type);

// The policy document of one permission. `properties` is the resource's body, resolved, in the
// language `terraform` says; `span` is the resource's declaration. A principal that is absent
// leaves the statement without one (it then grants nobody, and no principal check fires).
Value permission_document(const PermissionShape& shape, const Value& properties, bool terraform, const Span& span);

}  // namespace keylint
