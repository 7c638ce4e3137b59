#include "secrets/inline_suppression.hpp"

#include <array>
#include <string_view>

namespace keylint {

static constexpr std::array<std::string_view, 5> same_line_markers = {
    "keylint:allow", "gitleaks:allow", "pragma: allowlist secret", "trufflehog:ignore", "kingfisher:ignore",
};
static constexpr std::string_view next_line_marker = "pragma: allowlist nextline secret";

std::optional<std::string> suppression_marker(const SourceText& text, uint32_t first_line, uint32_t last_line) {
    for (uint32_t line = first_line; line <= last_line; ++line) {
        const std::string_view content = text.line_text(line);
        for (std::string_view marker : same_line_markers) {
            if (content.find(marker) != std::string_view::npos) return std::string(marker);
        }
    }
    if (first_line > 1 && text.line_text(first_line - 1).find(next_line_marker) != std::string_view::npos) {
        return std::string(next_line_marker);
    }
    return std::nullopt;
}

}  // namespace keylint
