// AWS-managed policies recognised by ARN (arn:aws:iam::aws:policy/NAME, any partition, with or
// without a path such as service-role/), modelled as their documented grants: a small table of
// facts written as policy documents. Only the statements that matter to escalation analysis are
// kept for the large read-only policies (ReadOnlyAccess lists ssm:Get*, which reads parameters).
// Any other ARN is unknown to keylint, and findings say so.
// Tested in tests/unit/escalation_test.cpp.
#pragma once

#include <string>
#include <string_view>

#include "iam/policy.hpp"

namespace keylint {

struct AwsManagedPolicy {
    std::string name;  // "AdministratorAccess"
    Policy policy;     // its documented statements (path: "aws-managed:NAME")
};

// The AWS-managed policy an ARN names, or null when it is not one keylint models.
const AwsManagedPolicy* aws_managed_policy(std::string_view arn);

// Is `arn` an AWS-managed policy ARN at all (modelled or not)?
bool is_aws_managed_policy_arn(std::string_view arn);

}  // namespace keylint
