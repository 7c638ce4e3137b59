// variable-not-sensitive: a Terraform variable whose name says it holds a credential
// (credentials/credential_name.hpp: `db_password`, `api_token`, not `password_length`) without
// `sensitive = true`. Variables of type number, bool or object, or whose default nests maps or
// lists, hold settings, not credentials.
#include "checks/inputs/variable_not_sensitive.hpp"

#include "credentials/credential_name.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

bool nests_collections(const Value& value) {
    for (const Member& member : value.members) {
        if (member.value.is_object() || member.value.is_array()) return true;
    }
    for (const Value& item : value.items) {
        if (item.is_object() || item.is_array()) return true;
    }
    return false;
}

// A number, a bool, or structured settings (an object type, a default of nested maps or lists,
// such as `secrets = { db = { days = 30 } }` describing the secrets a module makes).
bool holds_settings(const Value& variable) {
    if (const Value* type = variable.find("type")) {
        if (type->scalar == "number" || type->scalar == "bool" || type->scalar.find("object(") != std::string::npos) {
            return true;
        }
    }
    const Value* fallback = variable.find("default");
    return fallback && nests_collections(*fallback);
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const Stack& stack = context.stack;
    if (stack.format != Stack::Format::terraform) return;
    const StackReader reader(stack);
    for (const TerraformFile& file : stack.files) {
        for (const Value* variables : items_named(*file.root, "variable")) {
            if (!variables->is_object()) continue;
            for (const Member& variable : variables->members) {
                if (!variable.value.is_object() || holds_settings(variable.value)) continue;
                if (!names_a_credential(variable.key)) continue;
                const Value* sensitive = variable.value.find("sensitive");
                if (sensitive && boolean_value(reader.resolve(*sensitive)) == true) continue;
                StackResource declared;  // a variable is no resource, but a finding names it as one
                declared.type = "variable";
                declared.address = "var." + variable.key;
                declared.path = file.text->path();
                const Span& block = variable.value.span;
                out.push_back(stack_finding(
                    self, declared, Span{block.start_line, block.start_column, block.start_line, block.start_column},
                    "Variable " + variable.key +
                        " looks like a credential but is not marked sensitive = true: Terraform prints its value in "
                        "plans and in the outputs that use it."));
            }
        }
    }
}

}  // namespace

StackCheck variable_not_sensitive_check() {
    RuleInfo info;
    info.id = "variable-not-sensitive";
    info.title = "Credential variable not marked sensitive";
    info.description =
        "A Terraform variable whose name says it holds a credential (a password, secret, token or API key) is not "
        "marked sensitive = true.";
    info.help =
        "**Credential variable not marked sensitive**\n\n"
        "Terraform prints a variable's value in `plan` and `apply` output, and in the outputs and resources that "
        "use it, unless the variable has `sensitive = true`; CI logs keep that output. keylint judges the name by "
        "its last word, so `db_password` and `api_token` are credentials while `password_length` and "
        "`secret_name` are not; variables of type `number`, `bool` or `object(…)`, or whose default nests maps or "
        "lists (settings describing secrets), are skipped. Sensitive values still reach "
        "the state file, which must be protected on its own.\n\n"
        "**Fix:** better, keep the credential out of Terraform: let Secrets Manager generate it, or set "
        "`manage_master_user_password` on RDS. Otherwise add `sensitive = true` and no `default`.";
    info.help_uri = "https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output";
    info.level = Level::warning;
    info.tags = {"terraform", "plaintext", "variables"};
    info.precision = "medium";
    info.security_severity = 5.0;
    return StackCheck{info, run};
}

}  // namespace keylint
