#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_no_rotation_check();

}  // namespace keylint
