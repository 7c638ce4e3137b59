// AWS-managed policies recognised by ARN (arn:aws:iam::aws:policy/PATH/NAME, any partition), as
// the documents of their default versions: every managed policy AWS publishes, from the pinned
// dataset compiled in (iam/aws_managed_policy_data.hpp), each parsed the first time an ARN names
// it. An ARN whose name or path AWS does not publish is unknown to keylint, and findings say so.
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
