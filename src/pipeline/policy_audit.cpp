#include "pipeline/policy_audit.hpp"

#include <algorithm>

#include "core/fingerprints.hpp"
#include "policy/checks/policy_check.hpp"
#include "policy/policy_analyzer.hpp"
#include "walk/file_reader.hpp"

namespace keylint {

RunResult run_policy_audit(const PolicyAuditRequest& request) {
    RunResult run;
    run.command = "policy";
    for (const PolicyCheck& check : policy_checks()) run.rules.push_back(check.info);

    WalkResult walked = walk_inputs(request.paths, request.walk);
    run.diagnostics = std::move(walked.diagnostics);
    for (const InputFile& file : walked.files) {
        if (!is_policy_candidate(file.display_path)) continue;
        ReadOutcome read = read_input_file(file.path, request.max_file_size);
        if (!read.bytes) {
            run.diagnostics.push_back({read.unreadable ? Diagnostic::Kind::unreadable : Diagnostic::Kind::skipped,
                                       file.display_path, read.problem});
            continue;
        }
        const SourceText text(file.display_path, std::move(*read.bytes));
        PolicyFileOutcome outcome = analyze_policy_file(text);
        ++run.stats.files_scanned;
        run.stats.bytes_scanned += text.bytes().size();
        add_fingerprints(text, outcome.findings, 0);
        for (Finding& finding : outcome.findings) run.findings.push_back(std::move(finding));
        for (Diagnostic& diagnostic : outcome.diagnostics) run.diagnostics.push_back(std::move(diagnostic));
    }
    run.count_diagnostics();
    std::sort(run.findings.begin(), run.findings.end(), finding_order);
    return run;
}

}  // namespace keylint
