// secret-plaintext-value: a secret value written in the template or module (`SecretString` of
// AWS::SecretsManager::Secret, `secret_string` of aws_secretsmanager_secret_version) as a literal,
// a default, or an exposed parameter or variable (secret_value_source.hpp).
#include "checks/secrets_manager/secret_plaintext_value.hpp"

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

StackCheck secret_plaintext_value_check() {
    RuleInfo info;
    info.id = "secret-plaintext-value";
    info.title = "Secret value in plain text in the template";
    info.description =
        "SecretString (CloudFormation) or secret_string (Terraform aws_secretsmanager_secret_version) holds a "
        "literal, a parameter or variable default, or a parameter without NoEcho or a variable not marked sensitive.";
    info.help =
        "**Secret value in plain text in the template**\n\n"
        "A secret value written in a template or module is in source control, in every copy of the repository and "
        "in the deployment history, whatever Secrets Manager does with it afterwards. The same holds for a "
        "parameter `Default` or a variable `default`. A CloudFormation parameter without `NoEcho: true` shows in "
        "the console and `describe-stacks`; a Terraform variable not marked `sensitive = true` shows in plans. "
        "Not reported: `GenerateSecretString`, a `{{resolve:secretsmanager:…}}` or `{{resolve:ssm-secure:…}}` "
        "dynamic reference, a `NoEcho` parameter or `sensitive` variable without a default, and another "
        "resource's attribute such as `random_password.db.result`. In a structure (`jsonencode({...})`, `!Sub`), "
        "literal labels next to such a value are fine.\n\n"
        "**Fix:** let Secrets Manager generate the value (`GenerateSecretString`, or `random_password` in "
        "Terraform), or pass it through a `NoEcho` parameter or `sensitive` variable without a default, and "
        "rotate any value that was committed.";
    info.help_uri = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/cfn-example_reference-secret.html";
    info.level = Level::error;
    info.tags = {"secrets-manager", "plaintext"};
    info.precision = "high";
    info.security_severity = 8.0;
    return StackCheck{info, run};
}

}  // namespace keylint
