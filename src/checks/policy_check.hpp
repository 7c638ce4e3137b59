// A policy check: its metadata (id, title, level, help, tags) and the function that inspects one
// policy. Each check lives in checks/iam/<id>.cpp and is listed in audit/check_registry.cpp;
// tests/unit/policy_check_registry_test.cpp checks the table (unique ids, help present, a fixture
// for each check).
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "core/rule_info.hpp"
#include "iam/policy.hpp"

namespace keylint {

struct PolicyCheck {
    RuleInfo info;
    void (*run)(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out);
};

// A finding of `check` on a statement (or other element) of `policy`.
Finding policy_finding(const PolicyCheck& check, const Policy& policy, const Span& span, std::string message);

}  // namespace keylint
