#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck allow_not_resource_check();

}  // namespace keylint
