#include "core/finding.hpp"

#include <tuple>

namespace keylint {

bool finding_order(const Finding& a, const Finding& b) {
    return std::tie(a.path, a.span.start_line, a.span.start_column, a.rule_id, a.span.end_line, a.span.end_column) <
           std::tie(b.path, b.span.start_line, b.span.start_column, b.rule_id, b.span.end_line, b.span.end_column);
}

}  // namespace keylint
