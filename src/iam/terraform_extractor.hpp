// Terraform (.tf files of one directory, i.e. one module, read into the document model) → IAM
// policies. Sources, one table in terraform_extractor.cpp: `policy` of aws_iam_policy,
// aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy (identity),
// aws_secretsmanager_secret_policy, aws_kms_key, aws_s3_bucket_policy (resource); aws_iam_role
// `assume_role_policy` (trust) and its `inline_policy` blocks. A value is `jsonencode({...})` (spans point into the .tf file), a heredoc
// or quoted JSON string, or a reference `data.aws_iam_policy_document.NAME.json` to a data source
// anywhere in the module; each data source is extracted once (statement, sid, effect — Allow when
// absent —, actions, not_actions, resources, not_resources, principals, not_principals,
// condition), as the kind of policy that references it, with the addresses of its
// `source_policy_documents` / `override_policy_documents` (those take the same kind). Variables
// and locals are resolved (infra/terraform_resolver.hpp); a policy that still cannot be read
// (`file(...)`, a variable without a default) is a warning naming it, never silently passed.
// Tested in tests/unit/stack_test.cpp and by fixtures/policy/terraform.
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
