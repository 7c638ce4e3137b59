// The resources that declare a Secrets Manager secret (AWS::SecretsManager::Secret,
// aws_secretsmanager_secret; not data sources, which read a secret made elsewhere): what most
// Secrets Manager checks, and the checks that only matter where secrets live, start from.
#pragma once

#include <vector>

#include "infra/stack.hpp"

namespace keylint {

std::vector<const StackResource*> declared_secrets(const Stack& stack);

}  // namespace keylint
