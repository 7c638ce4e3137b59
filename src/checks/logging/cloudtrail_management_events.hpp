// cloudtrail-management-events: a trail in a stack with secrets that does not log every management event.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck cloudtrail_management_events_check();

}  // namespace keylint
