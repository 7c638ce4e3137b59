#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_policy_vpc_restriction_check();

}  // namespace keylint
