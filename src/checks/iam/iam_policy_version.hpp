#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck policy_version_check();

}  // namespace keylint
