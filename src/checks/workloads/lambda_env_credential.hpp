// lambda-env-credential: a literal credential in a Lambda function's environment variables.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck lambda_env_credential_check();

}  // namespace keylint
