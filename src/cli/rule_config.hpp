// Which secret rules a run uses: --config, then $KEYLINT_CONFIG, then .keylint.toml or
// .gitleaks.toml in the first scanned directory, then the built-in pack.
#pragma once

#include <string>
#include <vector>

#include "secrets/rule.hpp"
#include "secrets/rule_loader.hpp"

namespace keylint {

// `detail` says whether the built-in pack comes with its examples (rules test, rules list).
RuleSet load_configured_rules(const std::string& config, const std::vector<std::string>& paths,
                              RuleDetail detail = RuleDetail::for_scanning);

}  // namespace keylint
