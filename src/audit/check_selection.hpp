// Which checks a `keylint policy` run reports: `--checks` keeps only the listed ones, `--skip-checks`
// drops the listed ones. An entry is a check id or a prefix ending in `*` (`iam-*`, `secret-*`);
// an entry that names no check is a usage error, so a typo never silently selects nothing.
// Tested in tests/e2e/run_e2e.py (policy_checks_can_be_selected_and_skipped).
#pragma once

#include <string>
#include <vector>

#include "core/rule_info.hpp"

namespace keylint {

struct CheckSelection {
    std::vector<std::string> only;  // empty: every check
    std::vector<std::string> skip;

    bool selects(const std::string& check_id) const;
};

// Splits "a,b , c" into entries and checks that each names at least one of `checks`; throws
// UsageError naming the option and the entry otherwise.
std::vector<std::string> parse_check_list(const std::string& option, const std::string& text,
                                          const std::vector<RuleInfo>& checks);

}  // namespace keylint
