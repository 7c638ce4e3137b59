#include "checks/support/declared_secrets.hpp"

namespace keylint {

std::vector<const StackResource*> declared_secrets(const Stack& stack) {
    std::vector<const StackResource*> secrets;
    for (const StackResource* resource : stack.of_types({"AWS::SecretsManager::Secret", "aws_secretsmanager_secret"})) {
        if (!resource->data_source) secrets.push_back(resource);
    }
    return secrets;
}

}  // namespace keylint
