#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck passrole_any_resource_check();

}  // namespace keylint
