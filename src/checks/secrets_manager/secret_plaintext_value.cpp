// secret-plaintext-value: a secret value written in the template or module (`SecretString` of
// AWS::SecretsManager::Secret, `secret_string` of aws_secretsmanager_secret_version) as a literal,
// a default, or an exposed parameter or variable (secret_value_source.hpp).
#include "checks/secrets_manager/secret_plaintext_value.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/secret_value_source.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* holder :
         context.stack.of_types({"AWS::SecretsManager::Secret", "aws_secretsmanager_secret_version"})) {
        const Value* value = reader.property(*holder, "SecretString");
        if (!value) continue;
        const std::string reason = plaintext_reason(reader, *value);
        if (reason.empty()) continue;
        out.push_back(stack_finding(self, *holder, value->span,
                                    "The secret value of " + holder->address + " is in plain text: " + reason + "."));
    }
}

}  // namespace

StackCheck secret_plaintext_value_check() { return StackCheck{check_metadata("secret-plaintext-value"), run}; }

}  // namespace keylint
