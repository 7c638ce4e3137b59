// The policy half's driver for one file (or one Terraform module): read the documents, extract
// every policy they hold, run the selected checks of the registry, and drop a general finding
// that a more specific check made about the same statement (check_registry.hpp). Files that hold no policy produce nothing; files that cannot be parsed produce a
// Diagnostic.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "audit/check_selection.hpp"
#include "checks/stack_check.hpp"
#include "core/finding.hpp"
#include "core/run_result.hpp"
#include "core/source_text.hpp"
#include "infra/terraform_modules.hpp"

namespace keylint {

struct PolicyFileOutcome {
    std::vector<Finding> findings;
    std::vector<Diagnostic> diagnostics;
    size_t policies = 0;
    // Terraform: every module directory instantiated; for a plan, every one whose .tf files it read
    std::vector<std::string> module_directories;
};

// Whether a file name is a format the policy half reads: JSON (raw policies and CloudFormation),
// YAML (CloudFormation) and Terraform.
bool is_policy_candidate(std::string_view path);
bool is_terraform_file(std::string_view path);

// How a run audits: the stack checks' settings and which checks run. A check that is not
// selected is not run at all, so `--checks` of one check costs what that check costs.
struct AuditSettings {
    StackSettings stack;
    CheckSelection selection;  // default: every check
};

// A JSON or YAML file; a .tf file alone is a one-file module. A Terraform plan in JSON
// (infra/terraform_plan.hpp) is audited module instance by module instance, and its findings
// point at the .tf lines `terraform_files` gives for its module directories, where it has them.
PolicyFileOutcome analyze_policy_file(const SourceText& text, const AuditSettings& settings = {},
                                      const ModuleFiles& terraform_files = {});

// A Terraform root module and every module it calls (infra/terraform_modules.hpp), each instance
// audited with the arguments its call binds. A finding in a called module names the instance in
// its message and in its "module" property (`module.app["db"].aws_secretsmanager_secret.s`).
PolicyFileOutcome analyze_terraform_root(
    const std::string& directory, const ModuleFiles& files, const AuditSettings& settings = {},
    const std::function<std::optional<std::string>(const std::string&)>& read_file = {});

// A Terraform plan's JSON (`root`, read from `text`): each module instance of the plan audited as
// a stack, findings pointed at the .tf lines `files` gives for the plan's module directories.
PolicyFileOutcome analyze_terraform_plan(const SourceText& text, const Value& root, const AuditSettings& settings,
                                         const ModuleFiles& files);

// The .tf files of one directory together, so references between them resolve; module calls to
// other directories are reported as not read.
PolicyFileOutcome analyze_terraform_module(const std::vector<const SourceText*>& texts,
                                           const AuditSettings& settings = {});

}  // namespace keylint
