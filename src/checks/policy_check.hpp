// A policy check: its metadata (id, title, level, help, tags) and the function that inspects one
// policy. Each check lives in checks/iam/<id>.cpp and is listed in audit/check_registry.cpp;
// tests/unit/policy_check_registry_test.cpp checks the table (unique ids, help present, a fixture
// for each check).
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "core/rule_info.hpp"
#include "iam/policy.hpp"
#include "iam/statement_facts.hpp"

namespace keylint {

struct PolicyCheck {
    RuleInfo info;
    void (*run)(const PolicyCheck& self, const Policy& policy, std::vector<Finding>& out);
};

// A finding of `check` on a statement (or other element) of `policy`.
Finding policy_finding(const PolicyCheck& check, const Policy& policy, const Span& span, std::string message);

// A finding on a statement whose Resource reaches every resource, or may. keylint never reads a
// Resource it cannot resolve as "*" and never passes it: `certain` (at the check's level) is
// for "Resource": "*", `uncertain` (a warning, which should name the value) for an unresolved
// one. Both messages follow the statement's label.
Finding reach_finding(const PolicyCheck& check, const Policy& policy, const PolicyStatement& statement,
                      const ResourceReach& reach, const std::string& certain, const std::string& uncertain);

}  // namespace keylint
