#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck sensitive_service_wildcard_check();

}  // namespace keylint
