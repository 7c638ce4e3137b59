// A stack check: its metadata and the function that inspects a whole CloudFormation template or
// Terraform module (infra/stack.hpp) with the policies extracted from it, for what no single
// policy shows (a secret without rotation, a role's permissions across all its policies). Each
// check lives in checks/<family>/<id>.cpp and is listed in audit/check_registry.cpp, next to the
// per-policy checks; both kinds report through the same findings.
#pragma once

#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/rule_info.hpp"
#include "iam/policy.hpp"
#include "infra/stack.hpp"

namespace keylint {

// What the user can tune about the stack checks (`keylint policy` options).
struct StackSettings {
    int max_rotation_days = 90;  // --max-rotation-days: the longest accepted gap between secret rotations
};

struct StackContext {
    const Stack& stack;
    const std::vector<Policy>& policies;
    const StackSettings& settings;
};

struct StackCheck {
    RuleInfo info;
    void (*run)(const StackCheck& self, const StackContext& context, std::vector<Finding>& out);
};

// A family of stack checks produced from data (the escalation signatures of rules/policy/): one
// run over the stack reports under many rule ids, each with its own RuleInfo.
struct StackCheckFamily {
    std::vector<RuleInfo> (*rules)();
    void (*run)(const StackContext& context, std::vector<Finding>& out);
};

// A finding of `check` at `span` in `path`, naming the resource it is about.
Finding stack_finding(const StackCheck& check, const StackResource& resource, const Span& span, std::string message);

}  // namespace keylint
