// ecs-env-credential: a literal credential in an ECS container definition's environment.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck ecs_env_credential_check();

}  // namespace keylint
