#pragma once

#include "policy/stack_check.hpp"

namespace keylint {

StackCheck secret_plaintext_value_check();

}  // namespace keylint
