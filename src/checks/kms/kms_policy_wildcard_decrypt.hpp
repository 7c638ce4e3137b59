#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck kms_policy_wildcard_decrypt_check();

}  // namespace keylint
