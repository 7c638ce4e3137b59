#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck duplicate_sid_check();

}  // namespace keylint
