// lambda-env-credential: `Environment.Variables` of AWS::Lambda::Function and
// AWS::Serverless::Function, `environment { variables = {…} }` of aws_lambda_function. Each
// variable is judged by credential_setting.hpp (the structural credential detector's judgement of
// names and values) after resolution, so a parameter's default counts as written in the template.
// The finding carries the value as its secret, for redaction; the message never holds it.
#include "checks/workloads/lambda_env_credential.hpp"

#include "checks/check_metadata.hpp"
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

StackCheck lambda_env_credential_check() { return StackCheck{check_metadata("lambda-env-credential"), run}; }

}  // namespace keylint
