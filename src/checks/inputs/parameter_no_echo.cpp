// parameter-no-echo: a CloudFormation parameter whose name says it holds a credential
// (credentials/credential_name.hpp: `DbPassword`, `ApiToken`, not `PasswordLength`) without `NoEcho: true`.
// Parameters of an `AWS::` type (an SSM parameter name, a key pair name) hold names, not values.
#include "checks/inputs/parameter_no_echo.hpp"

#include "credentials/credential_name.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const Stack& stack = context.stack;
    if (stack.format != Stack::Format::cloudformation || !stack.template_root) return;
    const Value* parameters = stack.template_root->find("Parameters");
    if (!parameters || !parameters->is_object()) return;
    for (const Member& parameter : parameters->members) {
        if (!parameter.value.is_object()) continue;
        const Value* type = parameter.value.find("Type");
        if (type && type->is_string() && type->scalar.starts_with("AWS::")) continue;
        if (!names_a_credential(parameter.key)) continue;
        if (is_true(parameter.value.find("NoEcho"))) continue;
        StackResource declared;  // a parameter is no resource, but a finding names it as one
        declared.type = "Parameter";
        declared.address = parameter.key;
        declared.path = stack.path;
        out.push_back(stack_finding(self, declared, parameter.key_span,
                                    "Parameter " + parameter.key +
                                        " looks like a credential but is not NoEcho: its value shows in the console, "
                                        "describe-stacks and events."));
    }
}

}  // namespace

StackCheck parameter_no_echo_check() {
    RuleInfo info;
    info.id = "parameter-no-echo";
    info.title = "Credential parameter without NoEcho";
    info.description =
        "A CloudFormation parameter whose name says it holds a credential (a password, secret, token or API key) "
        "is not marked NoEcho: true.";
    info.help =
        "**Credential parameter without NoEcho**\n\n"
        "CloudFormation shows parameter values in the console, in `describe-stacks` and in stack events unless the "
        "parameter has `NoEcho: true`. keylint judges the name by its last word, so `DbPassword` and `ApiToken` are "
        "credentials while `PasswordLength` and `SecretName` are not; parameters of an `AWS::` type hold names "
        "of other resources and are skipped.\n\n"
        "**Fix:** better, keep the credential out of parameters: let Secrets Manager generate it "
        "(`GenerateSecretString`) or read it with a `{{resolve:secretsmanager:…}}` dynamic reference. Otherwise "
        "add `NoEcho: true` and no `Default`.";
    info.help_uri =
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/security-best-practices.html#creds";
    info.level = Level::warning;
    info.tags = {"cloudformation", "plaintext", "parameters"};
    info.precision = "medium";
    info.security_severity = 5.0;
    return StackCheck{info, run};
}

}  // namespace keylint
