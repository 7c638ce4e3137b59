// codebuild-plaintext-credential: `Environment.EnvironmentVariables` of AWS::CodeBuild::Project
// and `environment { environment_variable { … } }` of aws_codebuild_project whose type is PLAINTEXT
// (the default when absent) and whose value is a literal credential (credential_setting.hpp).
// Variables of type SECRETS_MANAGER or PARAMETER_STORE hold a reference, not the value.
#include "checks/workloads/codebuild_plaintext_credential.hpp"

#include "checks/support/credential_setting.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* project : context.stack.of_types({"AWS::CodeBuild::Project", "aws_codebuild_project"})) {
        if (!project->body || project->data_source) continue;
        for (const Value* environment : reader.items(project->body, "Environment")) {
            for (const Value* variable : reader.items(environment, "EnvironmentVariables", "environment_variable")) {
                const Value* name = reader.member(*variable, "Name");
                const Value* value = reader.member(*variable, "Value");
                if (!name || !value || !name->is_string()) continue;
                if (const Value* type = reader.member(*variable, "Type")) {
                    const Value resolved = reader.resolve(*type);
                    if (!resolved.is_string() || resolved.scalar != "PLAINTEXT") continue;
                }
                const std::optional<CredentialSetting> setting = credential_setting(name->scalar, reader.resolve(*value));
                if (!setting) continue;
                Finding finding = stack_finding(
                    self, *project, variable->span,
                    "CodeBuild project " + project->address + " sets plaintext environment variable " + setting->name +
                        " to a literal credential (" + setting->reason +
                        "); it shows in the project's configuration and build logs. Store it in Secrets Manager and "
                        "declare the variable with type SECRETS_MANAGER and the secret's name or ARN as its value.");
                finding.secret = setting->value;
                finding.properties["key"] = setting->name;
                out.push_back(std::move(finding));
            }
        }
    }
}

}  // namespace

StackCheck codebuild_plaintext_credential_check() {
    RuleInfo info;
    info.id = "codebuild-plaintext-credential";
    info.title = "Credential in a CodeBuild plaintext environment variable";
    info.description =
        "A CodeBuild project's environment variable of type PLAINTEXT (the default) holds a literal credential "
        "instead of being of type SECRETS_MANAGER with a secret's name or ARN.";
    info.help =
        "**Credential in a CodeBuild plaintext environment variable**\n\n"
        "Plaintext variables are returned by `codebuild:BatchGetProjects`, shown in the console and written in "
        "the template; a variable without `Type` is plaintext. keylint judges each variable as its credential "
        "detector does, so settings, placeholders and references do not count.\n\n"
        "**Fix:** store the value in Secrets Manager and declare the variable with `Type: SECRETS_MANAGER` "
        "(Terraform `type = \"SECRETS_MANAGER\"`) and `Value: <secret name or ARN>[:json-key]`; allow the "
        "project's service role `secretsmanager:GetSecretValue` on it. Rotate the exposed credential.";
    info.help_uri = "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager";
    info.level = Level::error;
    info.tags = {"secrets-manager", "hardcoded-credential", "codebuild"};
    info.precision = "high";
    info.security_severity = 7.5;
    return StackCheck{info, run};
}

}  // namespace keylint
