#include "core/fingerprints.hpp"

#include <algorithm>
#include <cctype>

#include "core/line_hash.hpp"
#include "core/sha256.hpp"

namespace keylint {

void add_fingerprints(const SourceText& text, std::vector<Finding>& findings, size_t first_index) {
    if (first_index >= findings.size()) return;
    const std::vector<std::string> line_hashes = primary_location_line_hashes(text.bytes());
    for (size_t i = first_index; i < findings.size(); ++i) {
        Finding& finding = findings[i];
        const size_t line = finding.span.start_line;
        if (line >= 1 && line <= line_hashes.size()) finding.fingerprints["primaryLocationLineHash"] = line_hashes[line - 1];
        std::string identity = finding.secret;
        if (identity.empty()) {
            std::copy_if(finding.snippet.begin(), finding.snippet.end(), std::back_inserter(identity),
                         [](unsigned char c) { return !std::isspace(c); });
        }
        finding.fingerprints["keylint/v1"] =
            sha256_hex(finding.rule_id + '\0' + finding.path + '\0' + identity).substr(0, 32);
    }
}

}  // namespace keylint
