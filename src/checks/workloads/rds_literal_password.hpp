// rds-literal-password: an RDS master password written in the template or passed as a plain parameter.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck rds_literal_password_check();

}  // namespace keylint
