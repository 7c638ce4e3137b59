// secret-no-rotation: a secret that no rotation schedule (AWS::SecretsManager::RotationSchedule,
// aws_secretsmanager_secret_rotation) refers to. A SecretTargetAttachment links a secret to a
// database but does not rotate it. A Terraform secret written for provider versions before 3
// (`rotation_lambda_arn`, `rotation_rules` on the secret itself) rotates.
#include "checks/secrets_manager/secret_no_rotation.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/declared_secrets.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

// Before version 3 of the AWS provider a secret carried its own rotation: `rotation_lambda_arn`
// and a `rotation_rules` block on aws_secretsmanager_secret.
bool rotates_inline(const StackResource& secret) {
    return secret.property("rotation_lambda_arn") || !members_named(secret.body, "rotation_rules").empty();
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* secret : declared_secrets(context.stack)) {
        const auto rotations = reader.referrers(
            *secret, {"AWS::SecretsManager::RotationSchedule", "aws_secretsmanager_secret_rotation"}, "SecretId");
        if (!rotations.empty() || rotates_inline(*secret)) continue;
        out.push_back(stack_finding(self, *secret, secret->span,
                                    "Secret " + secret->address + " is never rotated: no " +
                                        (reader.cloudformation() ? "AWS::SecretsManager::RotationSchedule"
                                                                 : "aws_secretsmanager_secret_rotation") +
                                        " in the " + (reader.cloudformation() ? "template" : "module") + " refers to it."));
    }
}

}  // namespace

StackCheck secret_no_rotation_check() { return StackCheck{check_metadata("secret-no-rotation"), run}; }

}  // namespace keylint
