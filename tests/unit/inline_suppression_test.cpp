// Inline suppression (filters/inline_suppression.hpp): each scanner's marker on the finding's
// line, the next-line marker on the line above, and nothing else.
#include <catch2/catch.hpp>

#include "filters/inline_suppression.hpp"

using namespace keylint;

namespace {

// The marker that suppresses a finding on the line of `text` that holds the secret, "" if none.
std::string marker_on_secret_line(const std::string& text) {
    const SourceText source("a", text);
    const uint32_t line = source.line_at(text.find("dmo_"));
    Finding finding;
    finding.rule_id = "demo-token";
    finding.span = {line, 5, line, 21};
    std::vector<Finding> findings{finding};
    mark_inline_suppressions(source, findings);
    return findings[0].suppressed_by;
}

}  // namespace

TEST_CASE("inline markers suppress, and are recorded") {
    CHECK(marker_on_secret_line("x = dmo_Ab3dE6gH9jK1 # keylint:allow") == "keylint:allow");
    CHECK(marker_on_secret_line("x = dmo_Ab3dE6gH9jK1 // gitleaks:allow") == "gitleaks:allow");
    CHECK(marker_on_secret_line("x = dmo_Ab3dE6gH9jK1 # pragma: allowlist secret") == "pragma: allowlist secret");
    CHECK(marker_on_secret_line("# pragma: allowlist nextline secret\nx = dmo_Ab3dE6gH9jK1") ==
          "pragma: allowlist nextline secret");
    CHECK(marker_on_secret_line("x = dmo_Ab3dE6gH9jK1 # trufflehog:ignore") == "trufflehog:ignore");
    CHECK(marker_on_secret_line("x = dmo_Ab3dE6gH9jK1 # kingfisher:ignore") == "kingfisher:ignore");
    CHECK(marker_on_secret_line("# keylint:allow\nx = dmo_Ab3dE6gH9jK1").empty());  // not the line
    CHECK(marker_on_secret_line("x = dmo_Ab3dE6gH9jK1\n# pragma: allowlist nextline secret").empty());  // below
}
