// Every check `keylint policy` can run, in one registry (check_registry.cpp).
#pragma once

#include <vector>

#include "checks/policy_check.hpp"
#include "checks/stack_check.hpp"
#include "core/rule_info.hpp"

namespace keylint {

const std::vector<PolicyCheck>& policy_checks();
const std::vector<StackCheck>& stack_checks();
const std::vector<StackCheckFamily>& stack_check_families();

// The metadata of every check: per-policy checks, then stack checks, then the rules of each family.
std::vector<RuleInfo> policy_audit_rules();

}  // namespace keylint
