// Loads secret rules from TOML in the gitleaks/Betterleaks format:
//   [[rules]] id, description, regex, secretGroup, entropy, keywords, path, tags,
//             [[rules.allowlists]] (or the older [rules.allowlist]), skipReport
//   [[allowlists]] (or [allowlist]) with targetRules
//   [extend] useDefault, path, disabledRules
// plus keylint's `severity`, `examples`, `negative_examples`, `reference`, `precedence` and
// `checksum`, and the `{{assign}}` macro in regexes (a name's assignment operator, one definition
// for every rule). Unknown keys and invalid regexes are ConfigErrors naming the file, the rule and
// the problem.
// Tested in tests/unit/rule_loader_test.cpp.
#pragma once

#include <filesystem>
#include <string_view>

#include "secrets/rule.hpp"

namespace keylint {

// What a loaded built-in rule carries: a scan needs no examples (and parses half the text
// without them); `keylint rules test` and `rules list` do.
enum class RuleDetail { for_scanning, with_examples };

// The rule pack compiled into the binary (rules/secrets/*.toml). For scanning it is read from the
// prebuilt rule index (rule_index.hpp), which carries the scanner's tables.
RuleSet load_builtin_rules(RuleDetail detail = RuleDetail::for_scanning);

// The same pack parsed from its embedded TOML, as the rule index is written from it.
RuleSet load_builtin_rules_from_toml(RuleDetail detail);

// A user's rule file; `[extend] path` is resolved relative to the file's directory.
RuleSet load_rule_file(const std::filesystem::path& path);

// Rule text from anywhere; `name` is used in messages, `base_dir` resolves `[extend] path`.
RuleSet load_rule_text(std::string_view name, std::string_view text, const std::filesystem::path& base_dir);

}  // namespace keylint
