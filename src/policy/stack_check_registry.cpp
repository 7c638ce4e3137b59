// The table of stack checks. Adding one: write its file (with its RuleInfo and run function) in
// the folder of its family, list it here and in src/meson.build, and add failing and passing
// fixtures for CloudFormation and Terraform with their expected findings. A family of checks
// produced from data (one rule per entry of a data file) is listed in stack_check_families().
#include "policy/stack_check.hpp"

#include "hygiene/cloudtrail_management_events.hpp"
#include "hygiene/cloudtrail_single_region.hpp"
#include "hygiene/codebuild_plaintext_credential.hpp"
#include "hygiene/ecs_env_credential.hpp"
#include "hygiene/kms_key_rotation.hpp"
#include "hygiene/kms_policy_via_service.hpp"
#include "hygiene/kms_policy_wildcard_decrypt.hpp"
#include "hygiene/lambda_env_credential.hpp"
#include "hygiene/parameter_no_echo.hpp"
#include "hygiene/rds_literal_password.hpp"
#include "hygiene/secret_kms_key.hpp"
#include "hygiene/secret_plaintext_value.hpp"
#include "hygiene/secret_policy_public_access.hpp"
#include "hygiene/secret_policy_vpc_restriction.hpp"
#include "hygiene/secret_policy_wildcard_principal.hpp"
#include "hygiene/secret_rotation.hpp"
#include "hygiene/secret_rotation_interval.hpp"
#include "hygiene/secret_untagged.hpp"
#include "hygiene/source_vpce_undefined.hpp"
#include "hygiene/variable_not_sensitive.hpp"
#include "hygiene/vpc_endpoint_missing.hpp"
#include "hygiene/vpc_endpoint_open_policy.hpp"
#include "hygiene/vpc_endpoint_private_dns.hpp"
#include "escalation/escalation_check.hpp"
#include "policy/checks/policy_check.hpp"

namespace keylint {

const std::vector<StackCheck>& stack_checks() {
    static const std::vector<StackCheck> checks = {
        // Secrets Manager and KMS (src/hygiene/)
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
        // workloads, networks and trails around the secrets (src/hygiene/)
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

std::vector<RuleInfo> policy_audit_rules() {
    std::vector<RuleInfo> rules;
    for (const PolicyCheck& check : policy_checks()) rules.push_back(check.info);
    for (const StackCheck& check : stack_checks()) rules.push_back(check.info);
    for (const StackCheckFamily& family : stack_check_families()) {
        for (RuleInfo& rule : family.rules()) rules.push_back(std::move(rule));
    }
    return rules;
}

Finding stack_finding(const StackCheck& check, const StackResource& resource, const Span& span, std::string message) {
    Finding finding;
    finding.rule_id = check.info.id;
    finding.level = check.info.level;
    finding.message = std::move(message);
    finding.path = resource.path;
    finding.span = span;
    finding.properties["resource"] = resource.address;
    finding.properties["resourceType"] = resource.type;
    return finding;
}

}  // namespace keylint
