#pragma once

#include "policy/stack_check.hpp"

namespace keylint {

StackCheck secret_untagged_check();

}  // namespace keylint
