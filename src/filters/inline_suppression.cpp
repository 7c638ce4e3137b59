#include "filters/inline_suppression.hpp"

#include <array>
#include <string_view>

namespace keylint {

static constexpr std::array<std::string_view, 5> same_line_markers = {
    "keylint:allow", "gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore", "kingfisher:ignore",
};
static constexpr std::string_view next_line_marker = "pragma: allowlist nextline secret";

SuppressionMarkers::SuppressionMarkers(const SourceText& text) {
    const std::string_view bytes = text.bytes();
    for (size_t index = 0; index < same_line_markers.size(); ++index) {
        const std::string_view marker = same_line_markers[index];
        for (size_t at = bytes.find(marker); at != std::string_view::npos; at = bytes.find(marker, at + marker.size())) {
            const auto [entry, added] = same_line_.emplace(text.line_at(at), index);
            if (!added) entry->second = std::min(entry->second, index);
        }
    }
    for (size_t at = bytes.find(next_line_marker); at != std::string_view::npos;
         at = bytes.find(next_line_marker, at + next_line_marker.size())) {
        next_line_.insert(text.line_at(at));
    }
}

std::optional<std::string> SuppressionMarkers::marker_for(uint32_t first_line, uint32_t last_line) const {
    const auto marked = same_line_.lower_bound(first_line);
    if (marked != same_line_.end() && marked->first <= last_line) {
        // The first marked line in the span, as a reader scanning down would find it.
        return std::string(same_line_markers[marked->second]);
    }
    if (first_line > 1 && next_line_.count(first_line - 1) != 0) return std::string(next_line_marker);
    return std::nullopt;
}

void mark_inline_suppressions(const SourceText& text, std::vector<Finding>& findings) {
    if (findings.empty()) return;
    const SuppressionMarkers markers(text);
    for (Finding& finding : findings) {
        if (auto marker = markers.marker_for(finding.span.start_line, finding.span.end_line)) finding.suppressed_by = *marker;
    }
}

}  // namespace keylint
