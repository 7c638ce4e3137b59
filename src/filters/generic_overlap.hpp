// Drops a finding of a generic rule (an id containing "generic", any case) when a specific rule
// found a secret on the same line that contains the generic finding's secret: the specific finding
// says more. gitleaks does the same, so its rule files give the same findings here.
// Tested in tests/unit/generic_overlap_test.cpp.
#pragma once

#include <vector>

#include "core/finding.hpp"

namespace keylint {

// `findings` are those of one file, with their secrets (before redaction).
void drop_generic_overlaps(std::vector<Finding>& findings);

}  // namespace keylint
