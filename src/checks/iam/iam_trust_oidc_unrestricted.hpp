#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck trust_oidc_check();

}  // namespace keylint
