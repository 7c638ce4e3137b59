// secret-policy-wildcard-principal: an Allow statement in a secret's resource policy with the principal
// "*" (or {"AWS": "*"}) and no condition that narrows it to an organisation, account or network.
#include "checks/secrets_manager/secret_policy_wildcard_principal.hpp"

#include "checks/check_metadata.hpp"
#include "checks/support/resource_policy_facts.hpp"
#include "iam/conditions.hpp"
#include "iam/principals.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {
namespace {

const StackResource* secret_policy_applier(const Stack& stack, const Policy& policy) {
    for (const StackResource* applier : policy_appliers(stack, policy)) {
        if (applier->type == "AWS::SecretsManager::ResourcePolicy" || applier->type == "aws_secretsmanager_secret_policy") {
            return applier;
        }
    }
    return nullptr;
}

void run(const StackCheck& self, const StackContext& context, std::vector<Finding>& out) {
    for (const Policy& policy : context.policies) {
        if (policy.kind != Policy::Kind::resource) continue;
        const StackResource* applier = secret_policy_applier(context.stack, policy);
        if (!applier) continue;
        for (const PolicyStatement& statement : policy.statements) {
            if (!statement.allows() || !names_anyone(statement.principal)) continue;
            if (find_restriction(condition_clauses(statement.condition), caller_restricting_keys)) continue;
            std::string message = statement_label(statement);
            message += "of the resource policy " + applier->address +
                       " allows any principal (\"*\") without a condition that ties the caller to an organization, account, "
                       "network or source: anyone who can call Secrets Manager may be granted access.";
            Finding finding = stack_finding(self, *applier, statement.span, std::move(message));
            finding.path = policy.path;
            out.push_back(std::move(finding));
        }
    }
}

}  // namespace

StackCheck secret_policy_wildcard_principal_check() { return StackCheck{check_metadata("secret-policy-wildcard-principal"), run}; }

}  // namespace keylint
