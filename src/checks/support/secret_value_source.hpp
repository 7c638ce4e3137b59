// Where a secret value written in a stack comes from, and whether that leaves it in plain text: a
// literal (or a CloudFormation parameter default, or a Terraform variable default) is in the template;
// a CloudFormation parameter without `NoEcho` or a Terraform variable not marked `sensitive` shows in
// the console, `describe-stacks` or the plan. A dynamic reference (`{{resolve:secretsmanager:…}}`), a
// `NoEcho` parameter without a default, a `sensitive` variable without a default, another resource's
// attribute (`random_password.db.result`, `!GetAtt`) or an import are not plain text. A structure
// (`jsonencode({...})`, `!Sub` / `!Join` of parts) is plain text when one of its parts is an exposed
// parameter or variable, or when all of its parts are literals.
// Tested in tests/unit/hygiene_test.cpp and through fixtures/hygiene/secrets.
#pragma once

#include <string>
#include <string_view>

#include "infra/stack_reader.hpp"

namespace keylint {

// `{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}` or `{{resolve:ssm:…}}` anywhere in the text.
bool is_dynamic_reference(std::string_view text);

// Why the value is plain text in the stack ("a literal", "parameter DbPassword without NoEcho", …), or
// empty when it is not.
std::string plaintext_reason(const StackReader& reader, const Value& written);

}  // namespace keylint
