// Every check `keylint policy` can run, in one registry (check_registry.cpp).
#pragma once

#include <string_view>
#include <vector>

#include "checks/policy_check.hpp"
#include "checks/stack_check.hpp"
#include "core/rule_info.hpp"

namespace keylint {

const std::vector<PolicyCheck>& policy_checks();
const std::vector<StackCheck>& stack_checks();
const std::vector<StackCheckFamily>& stack_check_families();

// Where a specific check and a general one report the same statement, the specific finding says
// more (which secret or key, which action reaches it) and the general one is dropped: a secret
// policy or a key policy open to "*" is one finding, not two. With `--checks` selecting only
// the general check, it reports as usual.
struct Supersession {
    std::string_view specific;
    std::string_view general;
};
const std::vector<Supersession>& check_supersessions();

// The metadata of every check: per-policy checks, then stack checks, then the rules of each family.
std::vector<RuleInfo> policy_audit_rules();

}  // namespace keylint
