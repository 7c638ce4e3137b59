#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_policy_wildcard_principal_check();

}  // namespace keylint
