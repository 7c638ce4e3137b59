// secret-policy-no-vpc-restriction: a secret whose resource policy does not deny access from outside a
// VPC or VPC endpoint (a Deny with a condition on aws:SourceVpce or aws:SourceVpc). A secret without any
// resource policy is reported only when the stack runs workloads in a VPC (subnets, instances, ECS
// services, Lambda functions with a VPC configuration): then the secret is read from the VPC and the
// restriction costs nothing; elsewhere it could lock out legitimate callers.
#include "checks/secrets_manager/secret_policy_no_vpc_restriction.hpp"

#include <algorithm>

#include "checks/check_metadata.hpp"
#include "checks/support/declared_secrets.hpp"
#include "checks/support/resource_policy_facts.hpp"
#include "iam/conditions.hpp"

namespace keylint {
namespace {

bool has_vpc_workloads(const StackReader& reader) {
    const Stack& stack = reader.stack();
    if (!stack.of_types({"AWS::EC2::Subnet", "AWS::EC2::Instance", "AWS::ECS::Service", "aws_subnet", "aws_instance",
                         "aws_ecs_service"})
             .empty()) {
        return true;
    }
    for (const StackResource* function : stack.of_types({"AWS::Lambda::Function", "aws_lambda_function"})) {
        if (reader.property(*function, "VpcConfig")) return true;
    }
    return false;
}

bool denies_outside_vpc(const StackResource& applier, const StackContext& context) {
    for (const Policy& policy : context.policies) {
        const std::vector<const StackResource*> appliers = policy_appliers(context.stack, policy);
        if (std::find(appliers.begin(), appliers.end(), &applier) == appliers.end()) continue;
        for (const PolicyStatement& statement : policy.statements) {
            if (!statement.effect || statement.effect->text != "Deny") continue;
            for (const ConditionClause& clause : condition_clauses(statement.condition)) {
                const bool network_key = condition_key_matches("aws:SourceVpce", clause.key) ||
                                         condition_key_matches("aws:SourceVpc", clause.key);
                if (network_key && clause_excludes_others(clause)) return true;
            }
        }
    }
    return false;
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    const StackReader reader(context.stack);
    const bool vpc_workloads = has_vpc_workloads(reader);
    for (const StackResource* secret : declared_secrets(context.stack)) {
        const auto policies = reader.referrers(
            *secret, {"AWS::SecretsManager::ResourcePolicy", "aws_secretsmanager_secret_policy"}, "SecretId", "secret_arn");
        if (policies.empty()) {
            if (!vpc_workloads) continue;
            out.push_back(stack_finding(self, *secret, secret->span,
                                        "Secret " + secret->address +
                                            " has no resource policy, although the stack runs workloads in a VPC: "
                                            "nothing denies reading it from outside the VPC."));
            continue;
        }
        for (const StackResource* policy : policies) {
            if (denies_outside_vpc(*policy, context)) continue;
            out.push_back(stack_finding(self, *policy, policy->span,
                                        "Resource policy " + policy->address + " of secret " + secret->address +
                                            " does not deny requests from outside a VPC endpoint or VPC (a Deny with "
                                            "StringNotEquals on aws:SourceVpce or aws:SourceVpc)."));
        }
    }
}

}  // namespace

StackCheck secret_policy_vpc_restriction_check() { return StackCheck{check_metadata("secret-policy-no-vpc-restriction"), run}; }

}  // namespace keylint
