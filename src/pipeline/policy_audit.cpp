#include "pipeline/policy_audit.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "audit/check_registry.hpp"
#include "audit/policy_analyzer.hpp"
#include "checks/policy_check.hpp"
#include "checks/stack_check.hpp"
#include "core/fingerprints.hpp"
#include "filters/filter_stage.hpp"
#include "filters/redaction.hpp"
#include "pipeline/terraform_module_cache.hpp"
#include "walk/file_reader.hpp"

namespace keylint {

namespace {

namespace fs = std::filesystem;

using Record = std::function<void(const std::vector<const SourceText*>&, PolicyFileOutcome)>;

// Each root module with the modules it calls: a walked directory that another walked directory
// calls is audited through its calls, with their arguments, not alone. One that no root reached
// (its caller's call was not followed, or every caller is in a cycle) is audited alone. The
// directories in `audited` (a plan's modules) are not audited again.
void audit_terraform_modules(TerraformModuleCache& modules, const AuditSettings& settings, const Record& record,
                             std::set<std::string> audited) {
    const std::vector<std::string> walked = modules.walked_directories();
    const std::set<std::string> walked_set(walked.begin(), walked.end());
    std::set<std::string> called;
    for (const std::string& directory : walked) {
        const std::vector<TerraformFile>* files = modules.files(directory);
        if (!files) continue;
        for (const ModuleCall& call : module_calls(*files)) {
            if (!is_local_module_source(call.source)) continue;
            const std::string target = called_directory(directory, call.source);
            if (target != directory && walked_set.contains(target)) called.insert(target);
        }
    }
    const auto audit = [&](const std::string& directory) {
        PolicyFileOutcome outcome =
            analyze_terraform_root(directory, modules.loader(), settings, modules.file_reader(directory));
        std::vector<const SourceText*> texts;
        for (const std::string& module : outcome.module_directories) {
            audited.insert(module);
            for (const SourceText* text : modules.texts(module)) texts.push_back(text);
        }
        record(texts, std::move(outcome));
    };
    for (const std::string& directory : walked) {
        if (!called.contains(directory) && !audited.contains(directory)) audit(directory);
    }
    std::vector<std::string> left = walked;  // the shallowest first: it may call the others
    std::stable_sort(left.begin(), left.end(), [](const std::string& a, const std::string& b) {
        return std::count(a.begin(), a.end(), '/') + !a.empty() < std::count(b.begin(), b.end(), '/') + !b.empty();
    });
    for (const std::string& directory : left) {
        if (!audited.contains(directory) && modules.files(directory)) audit(directory);
    }
}

}  // namespace

RunResult run_policy_audit(const PolicyAuditRequest& request) {
    RunResult run;
    run.command = "policy";
    for (RuleInfo& rule : policy_audit_rules()) {
        if (request.selection.selects(rule.id)) run.rules.push_back(std::move(rule));
    }

    WalkResult walked = walk_inputs(request.paths, request.walk);
    run.diagnostics = std::move(walked.diagnostics);
    // Terraform files are analysed per module, after the other files.
    TerraformModuleCache modules(roots_are_one_directory(request.paths) ? fs::path(request.paths.front()) : fs::path(),
                                 request.max_file_size);
    const Record record = [&run](const std::vector<const SourceText*>& texts, PolicyFileOutcome outcome) {
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
    // The .tf files first: a Terraform plan among the other files points its findings at them.
    std::set<std::string> planned_directories;
    for (const bool terraform : {true, false}) {
        for (const InputFile& file : walked.files) {
            if (!is_policy_candidate(file.display_path) || is_terraform_file(file.display_path) != terraform) continue;
            ReadOutcome read = read_input_file(file.path, request.max_file_size);
            if (!read.bytes) {
                run.diagnostics.push_back({read.unreadable ? Diagnostic::Kind::unreadable : Diagnostic::Kind::skipped,
                                           file.display_path, read.problem});
                continue;
            }
            auto text = std::make_unique<SourceText>(file.display_path, std::move(*read.bytes));
            ++run.stats.files_scanned;
            run.stats.bytes_scanned += text->bytes().size();
            if (terraform) {
                modules.add(std::move(text));
                continue;
            }
            PolicyFileOutcome outcome = analyze_policy_file(*text, settings, modules.loader());
            std::vector<const SourceText*> texts{text.get()};
            for (const std::string& directory : outcome.module_directories) {
                planned_directories.insert(directory);
                for (const SourceText* source : modules.texts(directory)) texts.push_back(source);
            }
            record(texts, std::move(outcome));
        }
    }
    // A module a plan audited is audited through the plan, with every value Terraform resolved.
    audit_terraform_modules(modules, settings, record, planned_directories);
    for (Diagnostic& diagnostic : modules.take_diagnostics()) run.diagnostics.push_back(std::move(diagnostic));
    run.stats.files_scanned += modules.files_read_from_disk();
    run.stats.bytes_scanned += modules.bytes_read_from_disk();
    run.count_diagnostics();
    filter_run_findings(FilterOptions{}, run);  // redaction: a policy audit has no other option
    std::sort(run.findings.begin(), run.findings.end(), finding_order);
    return run;
}

}  // namespace keylint
