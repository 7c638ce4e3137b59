#include "filters/generic_overlap.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace keylint {
namespace {

// Comparisons per generic finding are bounded, so a hostile one-line file with thousands of
// findings stays linear; no real line holds this many specific findings.
constexpr size_t max_specific_per_line = 256;

bool is_generic(const Finding& finding) {
    std::string id = finding.rule_id;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return id.find("generic") != std::string::npos;
}

}  // namespace

void drop_generic_overlaps(std::vector<Finding>& findings) {
    std::vector<bool> generic(findings.size());
    std::unordered_map<uint32_t, std::vector<size_t>> specific_by_line;
    for (size_t i = 0; i < findings.size(); ++i) {
        generic[i] = is_generic(findings[i]);
        if (generic[i]) continue;
        std::vector<size_t>& on_line = specific_by_line[findings[i].span.start_line];
        if (on_line.size() < max_specific_per_line) on_line.push_back(i);
    }
    if (specific_by_line.empty()) return;
    std::vector<bool> drop(findings.size(), false);
    for (size_t i = 0; i < findings.size(); ++i) {
        if (!generic[i]) continue;
        const auto line = specific_by_line.find(findings[i].span.start_line);
        if (line == specific_by_line.end()) continue;
        drop[i] = std::any_of(line->second.begin(), line->second.end(), [&](size_t other) {
            return findings[other].secret.find(findings[i].secret) != std::string::npos;
        });
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
