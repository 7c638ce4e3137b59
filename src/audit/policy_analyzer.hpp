// The policy half's driver for one file (or one Terraform module): read the documents, extract
// every policy they hold, run every check. Files that hold no policy produce nothing; files that cannot be parsed produce a
// Diagnostic.
#pragma once

#include <vector>

#include "core/finding.hpp"
#include "core/run_result.hpp"
#include "core/source_text.hpp"
#include "checks/stack_check.hpp"

namespace keylint {

struct PolicyFileOutcome {
    std::vector<Finding> findings;
    std::vector<Diagnostic> diagnostics;
    size_t policies = 0;
};

// Whether a file name is a format the policy half reads: JSON (raw policies and CloudFormation),
// YAML (CloudFormation) and Terraform.
bool is_policy_candidate(std::string_view path);
bool is_terraform_file(std::string_view path);

// A JSON or YAML file; a .tf file alone is a one-file module.
PolicyFileOutcome analyze_policy_file(const SourceText& text, const StackSettings& settings = {});

// The .tf files of one directory together, so references between them resolve.
PolicyFileOutcome analyze_terraform_module(const std::vector<const SourceText*>& texts,
                                           const StackSettings& settings = {});

}  // namespace keylint
