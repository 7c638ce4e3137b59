// secret-no-rotation: a secret that no rotation schedule (AWS::SecretsManager::RotationSchedule,
// aws_secretsmanager_secret_rotation) refers to. A SecretTargetAttachment links a secret to a
// database but does not rotate it. A Terraform secret written for provider versions before 3
// (`rotation_lambda_arn`, `rotation_rules` on the secret itself) rotates.
#include "checks/secrets_manager/secret_no_rotation.hpp"

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

StackCheck secret_no_rotation_check() {
    RuleInfo info;
    info.id = "secret-no-rotation";
    info.title = "Secret without rotation";
    info.description =
        "No AWS::SecretsManager::RotationSchedule or aws_secretsmanager_secret_rotation in the same template or "
        "module refers to the secret, so its value never changes.";
    info.help =
        "**Secret without rotation**\n\n"
        "A secret that is never rotated stays valid for as long as it exists: a copy that leaks (a log, a laptop, a "
        "former employee) keeps working. keylint looks for a rotation schedule in the same template or Terraform "
        "module that refers to the secret through `Ref`, `Fn::GetAtt`, `Fn::Sub` or a Terraform reference. An "
        "`AWS::SecretsManager::SecretTargetAttachment` only links the secret to a database; it does not rotate it. "
        "A Terraform secret with `rotation_lambda_arn` or `rotation_rules` of its own (the form of AWS provider "
        "versions before 3) counts as rotated. Rotation configured in another stack is not visible here.\n\n"
        "**Fix:** add an `AWS::SecretsManager::RotationSchedule` (with `HostedRotationLambda` or "
        "`RotationLambdaARN`) or an `aws_secretsmanager_secret_rotation` for the secret, with a schedule no longer "
        "than your policy allows; for RDS master passwords, `ManageMasterUserPassword` rotates for you.";
    info.help_uri = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html";
    info.level = Level::warning;
    info.tags = {"secrets-manager", "rotation"};
    info.precision = "medium";
    info.security_severity = 5.0;
    return StackCheck{info, run};
}

}  // namespace keylint
