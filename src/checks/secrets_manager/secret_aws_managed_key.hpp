#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck secret_aws_managed_key_check();

}  // namespace keylint
