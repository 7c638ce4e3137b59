// The `policy` pipeline: inputs (walk/) → policy extraction and checks (policy/) → findings with
// fingerprints → a RunResult for the reporters.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "audit/check_selection.hpp"
#include "checks/stack_check.hpp"
#include "core/run_result.hpp"
#include "walk/file_walker.hpp"

namespace keylint {

struct PolicyAuditRequest {
    std::vector<std::string> paths;
    WalkOptions walk;
    uint64_t max_file_size = 0;
    StackSettings stack_settings;
    CheckSelection selection;
};

RunResult run_policy_audit(const PolicyAuditRequest& request);

}  // namespace keylint
