// The unit both halves produce and every reporter consumes.
//
// A Finding carries its secret only until the redaction filter (filters/redaction.hpp) has run;
// reporters see `secret` empty unless the user asked for --show-secrets.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/level.hpp"

namespace keylint {

struct Span {
    uint32_t start_line = 1;
    uint32_t start_column = 1;
    uint32_t end_line = 1;
    uint32_t end_column = 1;  // exclusive, as in SARIF
};

// Another place that explains a finding: for an escalation path, each statement that grants one of
// its actions. SARIF `relatedLocations`; indented "via" lines in the text report.
struct RelatedLocation {
    std::string path;  // like Finding::path
    Span span;
    std::string message;
};

struct Finding {
    std::string rule_id;
    Level level = Level::error;
    std::string message;
    std::string path;  // relative to the scan root, forward slashes
    Span span;
    std::string snippet;  // the source line(s) of the span; redacted before reporting
    std::string secret;   // the matched secret; cleared or redacted before reporting
    // Other findings' secrets that may show in this snippet (on the same lines, near it), noted
    // when the file's findings are all known, so redaction masks them too even when those
    // findings are later dropped (overlaps, suppressions, baselines). Never reported.
    std::vector<std::string> nearby_secrets;
    // Stable identities: "primaryLocationLineHash" (GitHub's algorithm) and keylint's own
    // "keylint/v1" (rule + path + secret digest, independent of line numbers).
    std::map<std::string, std::string> fingerprints;
    // The inline marker that suppressed this finding ("keylint:allow", ...), empty if none.
    // Suppressed findings are counted but reported only with --include-suppressed.
    std::string suppressed_by;
    // Extra facts a detector wants reported (e.g. "key": "DB_PASSWORD"), strings only.
    std::map<std::string, std::string> properties;
    std::vector<RelatedLocation> related_locations;
};

// The deterministic report order: path, then position, then rule id.
bool finding_order(const Finding& a, const Finding& b);

}  // namespace keylint
