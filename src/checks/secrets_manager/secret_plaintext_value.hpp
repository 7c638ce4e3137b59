#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_plaintext_value_check();

}  // namespace keylint
