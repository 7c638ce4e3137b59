#pragma once

#include "checks/policy_check.hpp"

namespace keylint {

PolicyCheck trust_whole_account_check();

}  // namespace keylint
