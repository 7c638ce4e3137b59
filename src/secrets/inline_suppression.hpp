// Inline suppression comments. keylint's own `keylint:allow` plus the markers of the common
// scanners, so a team can switch without touching its code:
//   on the finding's line: keylint:allow, gitleaks:allow, pragma: allowlist secret,
//                          trufflehog:ignore, kingfisher:ignore
//   on the line above:     pragma: allowlist nextline secret
#pragma once

#include <optional>
#include <string>

#include "core/source_text.hpp"

namespace keylint {

// The marker that suppresses a finding spanning lines [first_line, last_line], if any.
std::optional<std::string> suppression_marker(const SourceText& text, uint32_t first_line, uint32_t last_line);

}  // namespace keylint
