// Inline suppression comments, the per-file filter that marks findings suppressed (their
// `suppressed_by`); the run's filter (filters/filter_stage.hpp) then counts them and reports them
// only with --include-suppressed. keylint's own `keylint:allow` plus the markers of the common
// scanners, so a team can switch without touching its code:
//   on the finding's line: keylint:allow, gitleaks:allow, pragma: allowlist secret,
//                          trufflehog:ignore, kingfisher:ignore
//   on the line above:     pragma: allowlist nextline secret
// Tested in tests/unit/inline_suppression_test.cpp.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/source_text.hpp"

namespace keylint {

// Where the markers are in one text: found in one pass over it, then asked per finding, so a
// file with many findings on one long line costs no more than the pass.
class SuppressionMarkers {
   public:
    explicit SuppressionMarkers(const SourceText& text);

    // The marker that suppresses a finding spanning lines [first_line, last_line], if any.
    std::optional<std::string> marker_for(uint32_t first_line, uint32_t last_line) const;

   private:
    std::map<uint32_t, size_t> same_line_;  // line → index of the first-listed marker on it
    std::set<uint32_t> next_line_;          // lines holding the next-line marker
};

// Sets `suppressed_by` on each of `text`'s findings that a marker suppresses.
void mark_inline_suppressions(const SourceText& text, std::vector<Finding>& findings);

}  // namespace keylint
