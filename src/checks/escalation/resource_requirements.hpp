// Whether a grant's resources make a signature step count (the `resource` of a step in
// rules/policy/escalation.toml):
// - any: always;
// - every: a resource covering every resource of the action's service ("*", arn:aws:iam::*:role/*);
// - self-or-every: that, or the principal itself, one of its groups or a stack resource holding
//   one of its policies (by reference or by name, `${aws:username}` included, or by an IAM ARN
//   pattern that matches one of their ARNs: `arn:aws:iam::*:policy/app-*` and a policy `app-ci`);
// - pass-role: every role, or a role of the stack whose trust policy lets the step's service
//   assume it; a role keylint cannot see (outside the stack, a pattern, an unresolved value)
//   counts as `uncertain`. A role of the stack that the service cannot assume makes the path
//   harmless, and so does an
//   iam:PassedToService condition that excludes the service. keylint does not weigh what the
//   passed role itself may do: its policies may be attached outside the stack;
// - assumable-role: every role, or a role of the stack (not the principal) whose trust policy
//   trusts "*" or a whole account without a restricting condition.
// An ARN of another service grants the action nothing (except instances for ssm and
// ec2-instance-connect actions, roles for sts). An unresolved resource counts for any, every and
// self-or-every, as `uncertain` (the finding is then a warning naming the value), unless it refers
// to a resource of the stack, which is specific.
// Tested in tests/unit/escalation_test.cpp and by fixtures/escalation.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "checks/escalation/effective_permissions.hpp"
#include "checks/escalation/principals.hpp"
#include "checks/escalation/signatures.hpp"
#include "infra/stack.hpp"

namespace keylint {

struct StepMatch {
    bool counts = false;
    bool uncertain = false;  // it counts only because a value could not be resolved
    std::string note;        // e.g. "iam:PassRole on a role outside the stack: arn:aws:iam::1:role/x"
};

struct RequirementContext {
    const Stack& stack;
    const std::vector<Principal>& principals;
    std::chrono::sys_days today;
};

StepMatch step_resource_match(const SignatureStep& step, std::string_view action, const Grant& grant,
                              const Principal& principal, const RequirementContext& context);

// Does one of `role`'s trust policies let `service` ("ec2.amazonaws.com") assume it?
bool trusts_service(const Principal& role, std::string_view service, std::chrono::sys_days today);

}  // namespace keylint
