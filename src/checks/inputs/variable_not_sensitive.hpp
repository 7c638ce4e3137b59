#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck variable_not_sensitive_check();

}  // namespace keylint
