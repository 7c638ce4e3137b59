// vpc-endpoint-missing: a stack that runs workloads in a VPC and uses Secrets Manager without an
// interface endpoint for it.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck vpc_endpoint_missing_check();

}  // namespace keylint
