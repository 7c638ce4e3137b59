// The table of stack checks. Adding one: write its file (with its RuleInfo and run function) in
// the folder of its family, list it here and in src/meson.build, and add failing and passing
// fixtures for CloudFormation and Terraform with their expected findings. A family of checks
// produced from data (one rule per entry of a data file) is listed in stack_check_families().
#include "policy/stack_check.hpp"

#include "escalation/escalation_check.hpp"
#include "policy/checks/policy_check.hpp"

namespace keylint {

const std::vector<StackCheck>& stack_checks() {
    static const std::vector<StackCheck> checks = {};
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
