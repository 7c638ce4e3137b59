#include "pipeline/policy_audit.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "audit/check_registry.hpp"
#include "audit/policy_analyzer.hpp"
#include "checks/policy_check.hpp"
#include "checks/stack_check.hpp"
#include "core/fingerprints.hpp"
#include "filters/filter_stage.hpp"
#include "filters/redaction.hpp"
#include "walk/file_reader.hpp"

namespace keylint {

RunResult run_policy_audit(const PolicyAuditRequest& request) {
    RunResult run;
    run.command = "policy";
    for (RuleInfo& rule : policy_audit_rules()) {
        if (request.selection.selects(rule.id)) run.rules.push_back(std::move(rule));
    }

    WalkResult walked = walk_inputs(request.paths, request.walk);
    run.diagnostics = std::move(walked.diagnostics);
    // Terraform files are analysed per directory (a module), after the other files.
    std::map<std::string, std::vector<std::unique_ptr<SourceText>>> modules;
    auto record = [&run](const std::vector<const SourceText*>& texts, PolicyFileOutcome outcome) {
        for (const SourceText* text : texts) {
            std::vector<Finding> own;
            for (Finding& finding : outcome.findings) {
                if (finding.path == text->path()) own.push_back(std::move(finding));
            }
            add_fingerprints(*text, own, 0);
            // Stack checks that find a credential in a template carry it as the secret: the run's
            // filters mask it, and its neighbours on the same lines, in every snippet.
            note_nearby_secrets(own);
            for (Finding& finding : own) run.findings.push_back(std::move(finding));
        }
        for (Diagnostic& diagnostic : outcome.diagnostics) run.diagnostics.push_back(std::move(diagnostic));
    };
    const AuditSettings settings{request.stack_settings, request.selection};
    for (const InputFile& file : walked.files) {
        if (!is_policy_candidate(file.display_path)) continue;
        ReadOutcome read = read_input_file(file.path, request.max_file_size);
        if (!read.bytes) {
            run.diagnostics.push_back({read.unreadable ? Diagnostic::Kind::unreadable : Diagnostic::Kind::skipped,
                                       file.display_path, read.problem});
            continue;
        }
        auto text = std::make_unique<SourceText>(file.display_path, std::move(*read.bytes));
        ++run.stats.files_scanned;
        run.stats.bytes_scanned += text->bytes().size();
        if (is_terraform_file(file.display_path)) {
            const size_t slash = file.display_path.find_last_of('/');
            modules[slash == std::string::npos ? std::string() : file.display_path.substr(0, slash)].push_back(
                std::move(text));
            continue;
        }
        record({text.get()}, analyze_policy_file(*text, settings));
    }
    for (const auto& [directory, texts] : modules) {
        std::vector<const SourceText*> module;
        for (const auto& text : texts) module.push_back(text.get());
        record(module, analyze_terraform_module(module, settings));
    }
    run.count_diagnostics();
    filter_run_findings(FilterOptions{}, run);  // redaction: a policy audit has no other option
    std::sort(run.findings.begin(), run.findings.end(), finding_order);
    return run;
}

}  // namespace keylint
