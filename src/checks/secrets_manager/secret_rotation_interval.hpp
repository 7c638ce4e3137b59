#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_rotation_interval_check();

}  // namespace keylint
