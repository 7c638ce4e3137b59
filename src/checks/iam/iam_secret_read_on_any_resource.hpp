#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck secret_read_on_any_resource_check();

}  // namespace keylint
