#include "filters/generic_overlap.hpp"

#include <algorithm>
#include <cctype>

namespace keylint {

static bool is_generic(const Finding& finding) {
    std::string id = finding.rule_id;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return id.find("generic") != std::string::npos;
}

void drop_generic_overlaps(std::vector<Finding>& findings) {
    std::vector<bool> drop(findings.size(), false);
    for (size_t i = 0; i < findings.size(); ++i) {
        if (!is_generic(findings[i])) continue;
        for (const Finding& other : findings) {
            if (other.span.start_line == findings[i].span.start_line && !is_generic(other) &&
                other.secret.find(findings[i].secret) != std::string::npos) {
                drop[i] = true;
                break;
            }
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < findings.size(); ++i) {
        if (drop[i]) continue;
        if (kept != i) findings[kept] = std::move(findings[i]);
        ++kept;
    }
    findings.resize(kept);
}

}  // namespace keylint
