#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck write_on_any_resource_check();

}  // namespace keylint
