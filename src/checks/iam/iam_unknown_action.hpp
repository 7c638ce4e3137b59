#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck unknown_action_check();

}  // namespace keylint
