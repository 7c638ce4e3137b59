// variable-not-sensitive: a Terraform variable whose name says it holds a credential
// (credentials/credential_name.hpp: `db_password`, `api_token`, not `password_length`) without
// `sensitive = true`. Variables of type number, bool or object, or whose default nests maps or
// lists, hold settings, not credentials.
#include "checks/inputs/variable_not_sensitive.hpp"

#include "checks/check_metadata.hpp"
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

StackCheck variable_not_sensitive_check() { return StackCheck{check_metadata("variable-not-sensitive"), run}; }

}  // namespace keylint
