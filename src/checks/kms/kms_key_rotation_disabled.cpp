// kms-key-rotation-disabled: a KMS key of the stack that encrypts a secret without
// `EnableKeyRotation: true` / `enable_key_rotation = true` (absent means disabled).
#include "checks/kms/kms_key_rotation_disabled.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/kms_key_reference.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* key : keys_used_by_secrets(reader)) {
        const std::string name = reader.spelling("EnableKeyRotation");
        const Value* written = reader.property(*key, name);
        if (!written) {
            out.push_back(stack_finding(self, *key, key->span,
                                        "KMS key " + key->address + " encrypts secrets but does not set " + name +
                                            ", so its key material is never rotated."));
            continue;
        }
        const Value resolved = reader.resolve(*written);
        if (reader.may_be_absent(resolved)) {
            out.push_back(stack_finding(self, *key, written->span,
                                        "KMS key " + key->address + " encrypts secrets but leaves out " + name +
                                            " in one branch of its Fn::If, so there its key material is never rotated."));
            continue;
        }
        for (const Value* branch : reader.branches(resolved)) {
            if (is_true(branch)) continue;
            Finding finding = stack_finding(self, *key, written->span,
                                            is_false(branch)
                                                ? "KMS key " + key->address + " encrypts secrets with " + name +
                                                      " false: its key material is never rotated."
                                                : "KMS key " + key->address + " sets " + name + " to " +
                                                      describe(*branch) + ", which keylint cannot resolve; it should be true.");
            if (!is_false(branch)) finding.level = Level::warning;
            out.push_back(std::move(finding));
            break;
        }
    }
}

}  // namespace

StackCheck kms_key_rotation_check() { return StackCheck{check_metadata("kms-key-rotation-disabled"), run}; }

}  // namespace keylint
