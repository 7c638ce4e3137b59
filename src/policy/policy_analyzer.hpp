// The policy half's driver for one file: read the document, extract every policy it holds, run
// every check. Files that hold no policy produce nothing; files that cannot be parsed produce a
// Diagnostic.
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "core/run_result.hpp"
#include "core/source_text.hpp"

namespace keylint {

struct PolicyFileOutcome {
    std::vector<Finding> findings;
    std::vector<Diagnostic> diagnostics;
    size_t policies = 0;
};

// Whether a file name is a format the policy half reads.
bool is_policy_candidate(std::string_view path);

PolicyFileOutcome analyze_policy_file(const SourceText& text);

}  // namespace keylint
