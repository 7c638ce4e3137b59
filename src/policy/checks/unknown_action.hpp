#pragma once

#include "policy/checks/policy_check.hpp"

namespace keylint {

PolicyCheck unknown_action_check();

}  // namespace keylint
