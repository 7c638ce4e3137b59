#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck parameter_no_echo_check();

}  // namespace keylint
