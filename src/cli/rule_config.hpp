// Which secret rules a run uses: --config, then $KEYLINT_CONFIG, then .keylint.toml or
// .gitleaks.toml in the first scanned directory, then the built-in pack.
#pragma once

#include <string>
#include <vector>

#include "secrets/rule.hpp"

namespace keylint {

RuleSet load_configured_rules(const std::string& config, const std::vector<std::string>& paths);

}  // namespace keylint
