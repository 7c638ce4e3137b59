#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck invalid_effect_check();

}  // namespace keylint
