// cloudtrail-single-region: a single-region trail in a stack with secrets.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck cloudtrail_single_region_check();

}  // namespace keylint
