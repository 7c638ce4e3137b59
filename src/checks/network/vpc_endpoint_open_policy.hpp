// vpc-endpoint-open-policy: a Secrets Manager endpoint whose policy allows every action to every principal.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck vpc_endpoint_open_policy_check();

}  // namespace keylint
