// source-vpce-undefined: an aws:SourceVpce condition naming something that is not a VPC endpoint of the stack.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck source_vpce_undefined_check();

}  // namespace keylint
