#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck full_admin_check();

}  // namespace keylint
