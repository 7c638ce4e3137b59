#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_policy_public_access_check();

}  // namespace keylint
