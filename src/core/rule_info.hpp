// What a reporter needs to describe a rule or check: SARIF `reportingDescriptor` fields, the
// text report's legend and `keylint rules list`. Secret rules and policy checks both provide it.
#pragma once

#include <string>
#include <vector>

#include "core/level.hpp"

namespace keylint {

struct RuleInfo {
    std::string id;
    std::string title;        // one sentence: SARIF shortDescription
    std::string description;  // SARIF fullDescription
    std::string help;         // markdown: what it finds and how to fix it
    std::string help_uri;
    Level level = Level::error;
    std::vector<std::string> tags;
    std::string precision = "high";  // SARIF precision: very-high, high, medium, low
    double security_severity = 7.0;  // 0.0 - 10.0, GitHub maps it to critical/high/medium/low
};

}  // namespace keylint
