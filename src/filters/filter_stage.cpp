#include "filters/filter_stage.hpp"

#include <algorithm>

#include "filters/documentation_examples.hpp"
#include "filters/generic_overlap.hpp"
#include "filters/inline_suppression.hpp"
#include "filters/redaction.hpp"

namespace keylint {

static size_t drop_suppressed(std::vector<Finding>& findings) {
    return std::erase_if(findings, [](const Finding& finding) { return !finding.suppressed_by.empty(); });
}

static size_t count_suppressed(const std::vector<Finding>& findings) {
    return static_cast<size_t>(
        std::count_if(findings.begin(), findings.end(), [](const Finding& finding) { return !finding.suppressed_by.empty(); }));
}

void filter_file_findings(const SourceText& text, std::vector<Finding>& findings) {
    mark_inline_suppressions(text, findings);
    note_nearby_secrets(findings);
    drop_generic_overlaps(findings);
}

void filter_run_findings(const FilterOptions& options, RunResult& run) {
    run.stats.findings_suppressed = options.include_suppressed ? count_suppressed(run.findings) : drop_suppressed(run.findings);
    if (options.lower_documentation) lower_documentation_findings(run.findings);
    if (options.baseline) run.stats.findings_baselined = apply_baseline(*options.baseline, run.findings);
    if (!options.show_secrets) redact_findings(run.findings);
}

}  // namespace keylint
