// lambda-env-credential: `Environment.Variables` of AWS::Lambda::Function and
// AWS::Serverless::Function, `environment { variables = {…} }` of aws_lambda_function. Each
// variable is judged by credential_setting.hpp (the structural credential detector's judgement of
// names and values) after resolution, so a parameter's default counts as written in the template.
// The finding carries the value as its secret, for redaction; the message never holds it.
#include "checks/workloads/lambda_env_credential.hpp"

#include "checks/support/credential_setting.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

void check_variables(const StackCheck& self, const StackReader& reader, const StackResource& function,
                     const Value& variables, std::vector<Finding>& out) {
    for (const Member& variable : variables.members) {
        const std::optional<CredentialSetting> setting = credential_setting(variable.key, reader.resolve(variable.value));
        if (!setting) continue;
        Finding finding = stack_finding(
            self, function, member_span(variable),
            "Lambda function " + function.address + " sets environment variable " + variable.key +
                " to a literal credential (" + setting->reason +
                "); anyone who can read the function's configuration or the template sees it. Store it in Secrets "
                "Manager, pass the secret's ARN or name in the variable instead, grant the function "
                "secretsmanager:GetSecretValue on it and read it at run time.");
        finding.secret = setting->value;
        finding.properties["key"] = variable.key;
        out.push_back(std::move(finding));
    }
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* function :
         context.stack.of_types({"AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function"})) {
        if (!function->body || function->data_source) continue;
        for (const Value* environment : reader.items(function->body, "Environment")) {
            const Value* variables = reader.member(*environment, "Variables");
            if (variables && variables->is_object()) check_variables(self, reader, *function, *variables, out);
        }
    }
}

}  // namespace

StackCheck lambda_env_credential_check() {
    RuleInfo info;
    info.id = "lambda-env-credential";
    info.title = "Credential in a Lambda function's environment variables";
    info.description =
        "A Lambda function's environment variable holds a literal credential (a password, token or key under a "
        "credential name) written in the template, instead of a reference to a Secrets Manager secret.";
    info.help =
        "**Credential in a Lambda function's environment variables**\n\n"
        "Environment variables are part of the function's configuration: `lambda:GetFunctionConfiguration` "
        "returns them in clear text, the console shows them, and the template holding them sits in source "
        "control. keylint judges each variable as its credential detector does: `DB_PASSWORD` with a typed "
        "password is a credential, `PASSWORD_MIN_LENGTH: 12`, placeholders and references are not.\n\n"
        "**Fix:** create an `AWS::SecretsManager::Secret` (Terraform `aws_secretsmanager_secret`), put its ARN "
        "in the environment variable instead (`DB_SECRET_ARN: !Ref DbSecret`), allow the function "
        "`secretsmanager:GetSecretValue` on that ARN, and read it at run time (the SDK, or the AWS Parameters and "
        "Secrets Lambda Extension). Rotate the exposed credential.";
    info.help_uri = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html";
    info.level = Level::error;
    info.tags = {"secrets-manager", "hardcoded-credential", "lambda"};
    info.precision = "high";
    info.security_severity = 7.5;
    return StackCheck{info, run};
}

}  // namespace keylint
