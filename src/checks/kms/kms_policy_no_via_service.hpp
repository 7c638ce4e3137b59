#pragma once

#include "checks/stack_check.hpp"

namespace keylint {

StackCheck kms_policy_via_service_check();

}  // namespace keylint
