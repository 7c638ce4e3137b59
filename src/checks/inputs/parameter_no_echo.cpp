// parameter-no-echo: a CloudFormation parameter whose name says it holds a credential
// (credentials/credential_name.hpp: `DbPassword`, `ApiToken`, not `PasswordLength`) without `NoEcho: true`.
// Parameters of an `AWS::` type (an SSM parameter name, a key pair name) hold names, not values.
#include "checks/inputs/parameter_no_echo.hpp"

#include "checks/check_metadata.hpp"
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

StackCheck parameter_no_echo_check() { return StackCheck{check_metadata("parameter-no-echo"), run}; }

}  // namespace keylint
