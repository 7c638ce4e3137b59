// The escalation checks: one rule per signature of rules/policy/escalation.toml, run over every
// principal of a stack. A finding is one (principal, signature): it sits on the principal's
// declaration and lists, as related locations, every statement that grants one of the
// signature's actions (for an AWS-managed policy: where it is attached). Every step granted only
// under a restricting condition, or only on an unresolved resource, makes the finding a warning
// that names the condition or the value; policies keylint cannot read are named in the message.
// A principal that holds every signature unconditionally (an administrator) gets one
// `escalation-full-access` finding instead of one per signature.
// Registered as a family in audit/check_registry.cpp.
// Tested by tests/e2e/run_escalation.py over fixtures/escalation and tests/unit/escalation_test.cpp.
#pragma once

#include <vector>

#include "checks/stack_check.hpp"
#include "core/finding.hpp"
#include "core/rule_info.hpp"

namespace keylint {

std::vector<RuleInfo> escalation_rules();

void run_escalation_checks(const StackContext& context, std::vector<Finding>& out);

}  // namespace keylint
