#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck kms_key_rotation_check();

}  // namespace keylint
