#include "filters/redaction.hpp"

#include <algorithm>

namespace keylint {

std::string mask_secret(std::string_view secret) {
    const size_t shown = secret.size() >= 16 ? 4 : 0;
    return std::string(secret.substr(0, shown)) + "*****";
}

void redact_findings(std::vector<Finding>& findings) {
    for (Finding& finding : findings) {
        if (finding.secret.empty()) continue;
        const std::string masked = mask_secret(finding.secret);
        size_t position = 0;
        while ((position = finding.snippet.find(finding.secret, position)) != std::string::npos) {
            finding.snippet.replace(position, finding.secret.size(), masked);
            position += masked.size();
        }
        // A secret cut by the snippet's edge, or spanning lines, may still be partly present.
        for (size_t piece = 8; piece <= finding.secret.size(); piece += 8) {
            const std::string_view part = std::string_view(finding.secret).substr(piece - 8, 8);
            position = finding.snippet.find(part);
            if (position != std::string::npos) finding.snippet.replace(position, part.size(), "*****");
        }
        finding.secret = masked;
    }
}

}  // namespace keylint
