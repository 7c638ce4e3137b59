// The one registry of every check `keylint policy` runs, in report order: the per-policy checks
// (checks/iam/), the stack checks of every family, and the families of checks produced from data
// (the escalation signatures of rules/policy/). Adding a check: write checks/<family>/<id>.cpp
// with its RuleInfo and run function, list it here and in src/meson.build, and add failing and
// passing fixtures with their expected findings; tests/unit/policy_check_registry_test.cpp checks
// that every check has them.
#include "audit/check_registry.hpp"

#include "checks/escalation/escalation_check.hpp"
#include "checks/iam/iam_allow_not_principal.hpp"
#include "checks/iam/iam_allow_not_resource.hpp"
#include "checks/iam/iam_anyone_principal.hpp"
#include "checks/iam/iam_duplicate_sid.hpp"
#include "checks/iam/iam_full_admin.hpp"
#include "checks/iam/iam_invalid_effect.hpp"
#include "checks/iam/iam_passrole_any_resource.hpp"
#include "checks/iam/iam_policy_version.hpp"
#include "checks/iam/iam_secret_read_on_any_resource.hpp"
#include "checks/iam/iam_sensitive_service_wildcard.hpp"
#include "checks/iam/iam_trust_oidc_unrestricted.hpp"
#include "checks/iam/iam_trust_whole_account.hpp"
#include "checks/iam/iam_unknown_action.hpp"
#include "checks/iam/iam_write_on_any_resource.hpp"
#include "checks/inputs/parameter_no_echo.hpp"
#include "checks/inputs/variable_not_sensitive.hpp"
#include "checks/kms/kms_key_rotation_disabled.hpp"
#include "checks/kms/kms_policy_no_via_service.hpp"
#include "checks/kms/kms_policy_wildcard_decrypt.hpp"
#include "checks/logging/cloudtrail_management_events.hpp"
#include "checks/logging/cloudtrail_single_region.hpp"
#include "checks/network/source_vpce_undefined.hpp"
#include "checks/network/vpc_endpoint_missing.hpp"
#include "checks/network/vpc_endpoint_open_policy.hpp"
#include "checks/network/vpc_endpoint_private_dns.hpp"
#include "checks/secrets_manager/secret_aws_managed_key.hpp"
#include "checks/secrets_manager/secret_no_rotation.hpp"
#include "checks/secrets_manager/secret_plaintext_value.hpp"
#include "checks/secrets_manager/secret_policy_no_vpc_restriction.hpp"
#include "checks/secrets_manager/secret_policy_public_access_allowed.hpp"
#include "checks/secrets_manager/secret_policy_wildcard_principal.hpp"
#include "checks/secrets_manager/secret_rotation_interval.hpp"
#include "checks/secrets_manager/secret_untagged.hpp"
#include "checks/workloads/codebuild_plaintext_credential.hpp"
#include "checks/workloads/ecs_env_credential.hpp"
#include "checks/workloads/lambda_env_credential.hpp"
#include "checks/workloads/rds_literal_password.hpp"

namespace keylint {

const std::vector<PolicyCheck>& policy_checks() {
    static const std::vector<PolicyCheck> checks = {
        full_admin_check(),
        sensitive_service_wildcard_check(),
        write_on_any_resource_check(),
        secret_read_on_any_resource_check(),
        passrole_any_resource_check(),
        allow_not_resource_check(),
        allow_not_principal_check(),
        anyone_principal_check(),
        trust_whole_account_check(),
        trust_oidc_check(),
        unknown_action_check(),
        invalid_effect_check(),
        policy_version_check(),
        duplicate_sid_check(),
    };
    return checks;
}

const std::vector<StackCheck>& stack_checks() {
    static const std::vector<StackCheck> checks = {
        // Secrets Manager, KMS and the stack inputs that hold secrets
        secret_aws_managed_key_check(),
        secret_no_rotation_check(),
        secret_rotation_interval_check(),
        secret_plaintext_value_check(),
        parameter_no_echo_check(),
        variable_not_sensitive_check(),
        secret_policy_wildcard_principal_check(),
        secret_policy_public_access_check(),
        secret_policy_vpc_restriction_check(),
        secret_untagged_check(),
        kms_key_rotation_check(),
        kms_policy_wildcard_decrypt_check(),
        kms_policy_via_service_check(),
        // the networks, workloads and trails around the secrets
        vpc_endpoint_missing_check(),
        vpc_endpoint_private_dns_check(),
        vpc_endpoint_open_policy_check(),
        source_vpce_undefined_check(),
        lambda_env_credential_check(),
        ecs_env_credential_check(),
        codebuild_plaintext_credential_check(),
        rds_literal_password_check(),
        cloudtrail_management_events_check(),
        cloudtrail_single_region_check(),
    };
    return checks;
}

const std::vector<StackCheckFamily>& stack_check_families() {
    static const std::vector<StackCheckFamily> families = {
        {escalation_rules, run_escalation_checks},
    };
    return families;
}

const std::vector<Supersession>& check_supersessions() {
    static const std::vector<Supersession> supersessions = {
        {"secret-policy-wildcard-principal", "iam-anyone-principal"},
        {"kms-policy-wildcard-decrypt", "iam-anyone-principal"},
    };
    return supersessions;
}

std::vector<RuleInfo> policy_audit_rules() {
    std::vector<RuleInfo> rules;
    for (const PolicyCheck& check : policy_checks()) rules.push_back(check.info);
    for (const StackCheck& check : stack_checks()) rules.push_back(check.info);
    for (const StackCheckFamily& family : stack_check_families()) {
        for (RuleInfo& rule : family.rules()) rules.push_back(std::move(rule));
    }
    return rules;
}

}  // namespace keylint
