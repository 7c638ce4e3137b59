// Terraform (.tf files of one directory, i.e. one module, read into the document model) → IAM
// policies. Sources are one table (terraform_extractor.cpp), a row per resource type and attribute
// with the kind of policy it holds: `policy` of aws_iam_policy, aws_iam_role_policy,
// aws_iam_user_policy, aws_iam_group_policy and aws_iam_role's `inline_policy` blocks (identity);
// aws_iam_role `assume_role_policy` (trust); aws_vpc_endpoint(_policy) (endpoint); and every
// resource policy the AWS provider writes as a document (Secrets Manager, KMS keys and replica
// keys, S3 bucket policies and access points, SQS, SNS, ECR, Glacier, OpenSearch/Elasticsearch,
// API Gateway, EventBridge, Backup, CodeArtifact, Glue). Lambda function and layer permissions are
// read as the one statement they add (iam/permission_policy.hpp). A value is `jsonencode({...})` (spans
// point into the .tf file), a heredoc or quoted JSON string, `null` or "" (no policy), or a
// reference `data.aws_iam_policy_document.NAME.json` to a data source anywhere in the module; each
// data source is extracted once (statement, sid, effect — Allow when absent —, actions, not_actions,
// resources, not_resources, principals, not_principals, condition), as the kind of policy that
// references it, with the addresses of its `source_policy_documents` / `override_policy_documents`
// (those take the same kind). Variables and locals are resolved (infra/terraform_resolver.hpp); a
// policy that still cannot be read (`file(...)`, a variable without a default) is a warning
// naming it, never silently passed.
// Tested in tests/unit/stack_test.cpp, tests/unit/resource_policy_extraction_test.cpp and by
// fixtures/policy/terraform and fixtures/policy/checks.
#pragma once

#include <string>
#include <vector>

#include "core/run_result.hpp"
#include "core/source_text.hpp"
#include "iam/policy.hpp"
#include "infra/stack.hpp"
#include "syntax/document.hpp"

namespace keylint {

struct TerraformExtraction {
    std::vector<Policy> policies;
    std::vector<Diagnostic> diagnostics;
};

// The policies of one module; they point into the files' roots, which must outlive them.
TerraformExtraction extract_terraform_policies(const Stack& module);

}  // namespace keylint
