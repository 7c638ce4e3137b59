// What reporters need to know besides the RunResult. Reporters format; they never decide what
// is a finding.
#pragma once

#include <string>

namespace keylint {

struct ReportOptions {
    bool color = false;
    bool verbose = false;
    std::string source_root;  // absolute directory the relative paths are relative to
};

}  // namespace keylint
