// codebuild-plaintext-credential: a literal credential in a CodeBuild plaintext environment variable.
// Tested by fixtures/hygiene/workloads (tests/e2e/run_hygiene_workloads.py).
#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck codebuild_plaintext_credential_check();

}  // namespace keylint
