#include "filters/redaction.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace keylint {

std::string mask_secret(std::string_view secret) {
    const size_t shown = secret.size() >= 16 ? 4 : 0;
    return std::string(secret.substr(0, shown)) + "*****";
}

namespace {

void mask_in(std::string& snippet, const std::string& secret) {
    if (secret.empty()) return;
    const std::string masked = mask_secret(secret);
    size_t position = 0;
    while ((position = snippet.find(secret, position)) != std::string::npos) {
        snippet.replace(position, secret.size(), masked);
        position += masked.size();
    }
    // A secret cut by the snippet's edge, or spanning lines, may still be partly present.
    for (size_t piece = 8; piece <= secret.size(); piece += 8) {
        const std::string_view part = std::string_view(secret).substr(piece - 8, 8);
        position = snippet.find(part);
        if (position != std::string::npos) snippet.replace(position, part.size(), "*****");
    }
}

// Columns count UTF-16 units, never more than bytes, so a snippet's byte reach on each side of
// its secret (snippet.cpp) is at most this many columns.
constexpr uint32_t snippet_reach = 128;

void add_nearby(Finding& finding, const std::string& secret) {
    if (secret.empty() || secret == finding.secret) return;
    if (std::find(finding.nearby_secrets.begin(), finding.nearby_secrets.end(), secret) != finding.nearby_secrets.end()) return;
    finding.nearby_secrets.push_back(secret);
}

}  // namespace

void redact_findings(std::vector<Finding>& findings) {
    for (Finding& finding : findings) {
        for (const std::string& other : finding.nearby_secrets) mask_in(finding.snippet, other);
        finding.nearby_secrets.clear();
        if (finding.secret.empty()) continue;
        mask_in(finding.snippet, finding.secret);
        finding.secret = mask_secret(finding.secret);
    }
}

void note_nearby_secrets(std::vector<Finding>& findings) {
    if (findings.size() < 2) return;
    std::vector<size_t> order(findings.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const Span& x = findings[a].span;
        const Span& y = findings[b].span;
        return std::tie(x.start_line, x.start_column) < std::tie(y.start_line, y.start_column);
    });
    std::vector<size_t> multi_line;
    uint32_t longest = 0;  // the widest single-line span, to bound the look back
    for (size_t index : order) {
        const Span& span = findings[index].span;
        if (span.start_line != span.end_line) {
            multi_line.push_back(index);
        } else if (span.end_column > span.start_column) {
            longest = std::max(longest, span.end_column - span.start_column);
        }
    }
    for (size_t k = 0; k < order.size(); ++k) {
        Finding& finding = findings[order[k]];
        const Span& span = finding.span;
        // Single-line neighbours on the same line, within reach on either side.
        for (size_t j = k + 1; j < order.size(); ++j) {
            const Span& other = findings[order[j]].span;
            if (other.start_line != span.start_line || other.start_column > span.end_column + snippet_reach) break;
            if (other.end_line == other.start_line) add_nearby(finding, findings[order[j]].secret);
        }
        for (size_t j = k; j-- > 0;) {
            const Span& other = findings[order[j]].span;
            if (other.start_line != span.start_line || other.start_column + longest + snippet_reach < span.start_column) break;
            if (other.end_line == other.start_line) add_nearby(finding, findings[order[j]].secret);
        }
        // Multi-line spans (private keys) and a finding's other lines: any shared line counts.
        for (size_t index : multi_line) {
            const Span& other = findings[index].span;
            if (other.start_line <= span.end_line && span.start_line <= other.end_line) {
                add_nearby(finding, findings[index].secret);
                add_nearby(findings[index], finding.secret);
            }
        }
        if (span.start_line != span.end_line) {
            for (size_t j = k + 1; j < order.size() && findings[order[j]].span.start_line <= span.end_line; ++j) {
                add_nearby(finding, findings[order[j]].secret);
            }
        }
    }
}

}  // namespace keylint
