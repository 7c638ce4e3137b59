// Inline suppression comments. keylint's own `keylint:allow` plus the markers of the common
// scanners, so a team can switch without touching its code:
//   on the finding's line: keylint:allow, gitleaks:allow, pragma: allowlist secret,
//                          trufflehog:ignore, kingfisher:ignore
//   on the line above:     pragma: allowlist nextline secret
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

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

}  // namespace keylint
