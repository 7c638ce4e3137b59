#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_untagged_check();

}  // namespace keylint
