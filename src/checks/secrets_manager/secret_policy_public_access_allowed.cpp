// secret-policy-public-access-allowed: a secret resource policy without `BlockPublicPolicy: true`
// (`block_public_policy = true`). Secrets Manager's API documents that public policies are not blocked
// by default, so an absent value counts as false.
#include "checks/secrets_manager/secret_policy_public_access_allowed.hpp"

#include "checks/check_metadata.hpp"
#include "infra/stack_reader.hpp"

namespace keylint {
namespace {

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    for (const StackResource* policy :
         context.stack.of_types({"AWS::SecretsManager::ResourcePolicy", "aws_secretsmanager_secret_policy"})) {
        const std::string name = reader.spelling("BlockPublicPolicy");
        const Value* written = reader.property(*policy, "BlockPublicPolicy");
        if (!written) {
            out.push_back(stack_finding(self, *policy, policy->span,
                                        "Resource policy " + policy->address + " does not set " + name +
                                            ", so Secrets Manager accepts policies that grant broad access."));
            continue;
        }
        const Value resolved = reader.resolve(*written);
        if (reader.may_be_absent(resolved)) {
            out.push_back(stack_finding(self, *policy, written->span,
                                        "Resource policy " + policy->address + " leaves out " + name +
                                            " in one branch of its Fn::If, so there Secrets Manager accepts policies "
                                            "that grant broad access."));
            continue;
        }
        for (const Value* branch : reader.branches(resolved)) {
            if (is_true(branch)) continue;
            Finding finding = stack_finding(
                self, *policy, written->span,
                is_false(branch) ? "Resource policy " + policy->address + " sets " + name +
                                       " to false, so Secrets Manager accepts policies that grant broad access."
                                 : "Resource policy " + policy->address + " sets " + name + " to " + describe(*branch) +
                                       ", which keylint cannot resolve; it should be true.");
            if (!is_false(branch)) finding.level = Level::warning;
            out.push_back(std::move(finding));
            break;
        }
    }
}

}  // namespace

StackCheck secret_policy_public_access_check() { return StackCheck{check_metadata("secret-policy-public-access-allowed"), run}; }

}  // namespace keylint
