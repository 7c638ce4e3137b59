// Redaction: the last stage before the reporters. Unless the user asked for --show-secrets, every
// secret is replaced by a masked form in the finding's secret and snippet, so no reporter can
// print one. Tested in tests/unit/redaction_test.cpp and end to end.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace keylint {

// A masked form that keeps at most a short, non-secret prefix ("AKIA*****").
std::string mask_secret(std::string_view secret);

void redact_findings(std::vector<Finding>& findings);

// Fills each finding's nearby_secrets from the other findings of the same file (all of them,
// before any is dropped): two secrets on one line must not show each other in their snippets.
// Cost stays linear in the findings of a line: only neighbours within a snippet's reach count.
void note_nearby_secrets(std::vector<Finding>& findings);

}  // namespace keylint
