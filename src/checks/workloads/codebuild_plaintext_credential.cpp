// codebuild-plaintext-credential: `Environment.EnvironmentVariables` of AWS::CodeBuild::Project
// and `environment { environment_variable { … } }` of aws_codebuild_project whose type is PLAINTEXT
// (the default when absent) and whose value is a literal credential (credential_setting.hpp).
// Variables of type SECRETS_MANAGER or PARAMETER_STORE hold a reference, not the value.
#include "checks/workloads/codebuild_plaintext_credential.hpp"

#include "checks/check_metadata.hpp"
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

StackCheck codebuild_plaintext_credential_check() { return StackCheck{check_metadata("codebuild-plaintext-credential"), run}; }

}  // namespace keylint
