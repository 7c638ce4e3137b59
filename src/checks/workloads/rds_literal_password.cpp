// rds-literal-password: the master password of AWS::RDS::DBInstance / AWS::RDS::DBCluster
// (`MasterUserPassword`), aws_db_instance (`password`) and aws_rds_cluster (`master_password`)
// - written as a literal (any non-empty string: a placeholder here still becomes the database's
//   password), also through a parameter's `Default` or a variable's `default`;
// - or passed through a plain parameter: a CloudFormation parameter without `NoEcho: true` (its
//   value shows in the console and in describe-stacks) or a Terraform variable without
//   `sensitive = true` (its value shows in plan output).
// Not reported: a `{{resolve:secretsmanager:…}}` or `{{resolve:ssm-secure:…}}` dynamic reference,
// a NoEcho parameter or sensitive variable without a default, a reference to another resource
// (`random_password.db.result`, a secret version's `secret_string`) and any value keylint cannot
// resolve. A database with `ManageMasterUserPassword` / `manage_master_user_password` has no
// password property to check.
#include "checks/workloads/rds_literal_password.hpp"

#include "checks/check_metadata.hpp"
#include "infra/cloudformation_resolver.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

struct PasswordProperty {
    const char* type;
    const char* key;
};

constexpr PasswordProperty password_properties[] = {
    {"AWS::RDS::DBInstance", "MasterUserPassword"},
    {"AWS::RDS::DBCluster", "MasterUserPassword"},
    {"aws_db_instance", "password"},
    {"aws_rds_cluster", "master_password"},
};

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    const bool terraform = reader.terraform();
    const std::string fix =
        terraform ? " Set manage_master_user_password = true (RDS keeps the password in Secrets Manager and rotates "
                    "it) instead of password."
                  : " Set ManageMasterUserPassword: true (RDS keeps the password in Secrets Manager and rotates it), "
                    "or use a {{resolve:secretsmanager:…}} dynamic reference to a generated secret.";
    for (const PasswordProperty& property : password_properties) {
        for (const StackResource* database : context.stack.of_type(property.type)) {
            if (!database->body || database->data_source) continue;
            const Member* member = database->body->find_member(property.key);
            if (!member) continue;
            const std::string what = "The master password (" + std::string(property.key) + ") of " + database->address;
            std::string problem;
            if (const Value* parameter = reader.parameter_of(member->value)) {
                const Value* hidden = parameter->find(terraform ? "sensitive" : "NoEcho");
                const bool is_hidden = hidden && boolean_value(reader.resolve(*hidden)) == true;
                const Value* default_value = parameter->find(terraform ? "default" : "Default");
                if (!is_hidden) {
                    problem = terraform ? " comes from a variable without sensitive = true, so plans and outputs "
                                          "show it."
                                        : " comes from a parameter without NoEcho: true, so the console and "
                                          "describe-stacks show it.";
                } else if (!default_value && !reader.literal_argument_of(member->value)) {
                    continue;
                }
            }
            const Value resolved = reader.resolve(member->value);
            const bool literal = resolved.is_string() && !resolved.scalar.empty() && !has_dynamic_reference(resolved.scalar);
            if (const ModuleArgument* argument = reader.literal_argument_of(member->value); literal && argument) {
                problem = " is written as a literal in " + argument->path + " (line " +
                          std::to_string(argument->span.start_line) + "), in the call of " +
                          context.stack.module_address + ".";
            } else if (literal) {
                problem = " is written in the " + std::string(terraform ? "module" : "template") +
                          std::string(!reader.parameter_of(member->value) ? ""
                                      : terraform             ? " (as the variable's default)"
                                                              : " (as the parameter's default)") +
                          ".";
            }
            if (problem.empty()) continue;
            Finding finding = stack_finding(self, *database, member_span(*member), what + problem + fix);
            if (literal) finding.secret = resolved.scalar;
            out.push_back(std::move(finding));
        }
    }
}

}  // namespace

StackCheck rds_literal_password_check() { return StackCheck{check_metadata("rds-literal-password"), run}; }

}  // namespace keylint
