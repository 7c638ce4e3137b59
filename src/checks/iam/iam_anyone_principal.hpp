#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck anyone_principal_check();

}  // namespace keylint
