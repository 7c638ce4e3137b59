// secret-untagged: a secret without tags (`Tags` / `tags` absent or empty, and no provider
// `default_tags` in the Terraform module), as a note.
#include "checks/secrets_manager/secret_untagged.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/declared_secrets.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

bool has_tags(const Value* tags) {
    if (!tags) return false;
    if (tags->is_array()) return !tags->items.empty();
    if (tags->is_object()) return !tags->members.empty();
    return tags->kind != Value::Kind::null;  // a reference or a variable: tags keylint cannot see
}

// `provider "aws" { default_tags { tags = { … } } }` in the module tags every resource it makes.
// With several aws providers (aliases), the secret's own provider is not resolved: any one with
// default tags counts.
bool provider_tags_everything(const Stack& stack) {
    for (const TerraformFile& file : stack.files) {
        for (const Value* providers : items_named(*file.root, "provider")) {
            for (const Value* aws : members_named(providers, "aws")) {
                for (const Value* defaults : members_named(aws, "default_tags")) {
                    if (defaults->is_object() && has_tags(defaults->find("tags"))) return true;
                }
            }
        }
    }
    return false;
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    if (reader.terraform() && provider_tags_everything(context.stack)) return;
    for (const StackResource* secret : declared_secrets(context.stack)) {
        if (has_tags(reader.property(*secret, "Tags"))) continue;
        out.push_back(stack_finding(self, *secret, secret->span,
                                    "Secret " + secret->address + " has no tags to say who owns it and what it is for."));
    }
}

}  // namespace

StackCheck secret_untagged_check() { return StackCheck{check_metadata("secret-untagged"), run}; }

}  // namespace keylint
