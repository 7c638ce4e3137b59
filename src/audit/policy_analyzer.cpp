#include "audit/policy_analyzer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "audit/check_registry.hpp"
#include "checks/policy_check.hpp"
#include "checks/stack_check.hpp"
#include "core/snippet.hpp"
#include "iam/cloudformation_extractor.hpp"
#include "iam/raw_policy_extractor.hpp"
#include "iam/terraform_extractor.hpp"
#include "infra/stack.hpp"
#include "infra/terraform_expression.hpp"
#include "infra/terraform_modules.hpp"
#include "infra/terraform_plan.hpp"
#include "infra/terraform_plan_sources.hpp"
#include "syntax/hcl_reader.hpp"
#include "syntax/json_reader.hpp"
#include "syntax/yaml_reader.hpp"

namespace keylint {
namespace {

// The first line of the span that says something: a multi-line statement starts with a lone "{".
std::string first_telling_line(const SourceText& text, const Span& span) {
    for (uint32_t line = span.start_line; line <= span.end_line && line <= text.line_count(); ++line) {
        const std::string_view content = text.line_text(line);
        const size_t first = content.find_first_not_of(" \t");
        if (first == std::string_view::npos) continue;
        const std::string_view trimmed = content.substr(first);
        if (trimmed != "{" && trimmed != "[" && trimmed != "{," && trimmed != "[," && trimmed != "-") {
            return std::string(trimmed);
        }
    }
    return std::string(text.line_text(span.start_line));
}

bool ends_with_any(std::string_view path, std::initializer_list<std::string_view> suffixes) {
    for (std::string_view suffix : suffixes) {
        if (path.ends_with(suffix)) return true;
    }
    return false;
}

std::string directory_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool is_yaml(std::string_view path) { return ends_with_any(path, {".yaml", ".yml", ".template"}); }

void check_policies(const std::vector<Policy>& policies, const CheckSelection& selection, PolicyFileOutcome& outcome) {
    outcome.policies += policies.size();
    for (const PolicyCheck& check : policy_checks()) {
        if (!selection.selects(check.info.id)) continue;
        for (const Policy& policy : policies) check.run(check, policy, outcome.findings);
    }
}

// Whether any rule of the family is selected; the family then runs whole and its findings of
// rules not selected are dropped with the others.
bool selects_any(const CheckSelection& selection, const std::vector<std::string>& rule_ids) {
    return std::any_of(rule_ids.begin(), rule_ids.end(), [&](const std::string& id) { return selection.selects(id); });
}

const std::vector<std::vector<std::string>>& family_rule_ids() {
    static const std::vector<std::vector<std::string>> ids = [] {
        std::vector<std::vector<std::string>> out;
        for (const StackCheckFamily& family : stack_check_families()) {
            std::vector<std::string> family_ids;
            for (const RuleInfo& rule : family.rules()) family_ids.push_back(rule.id);
            out.push_back(std::move(family_ids));
        }
        return out;
    }();
    return ids;
}

// A finding of a specific check replaces one of the general check it supersedes at the same place.
void drop_superseded_findings(std::vector<Finding>& findings) {
    using Place = std::tuple<std::string, uint32_t, uint32_t, uint32_t, uint32_t>;
    auto place = [](const Finding& finding) {
        return Place{finding.path, finding.span.start_line, finding.span.start_column, finding.span.end_line,
                     finding.span.end_column};
    };
    std::set<std::pair<std::string, Place>> superseded;  // (general check id, place)
    for (const Finding& finding : findings) {
        for (const Supersession& rule : check_supersessions()) {
            if (finding.rule_id == rule.specific) superseded.emplace(std::string(rule.general), place(finding));
        }
    }
    if (superseded.empty()) return;
    std::erase_if(findings, [&](const Finding& finding) { return superseded.count({finding.rule_id, place(finding)}) > 0; });
}

// Instances of one Terraform resource (count, for_each) often hold the same policy: the same
// finding at the same place is reported once.
void drop_repeated_findings(std::vector<Finding>& findings) {
    std::set<std::tuple<std::string, std::string, uint32_t, uint32_t, uint32_t, uint32_t, std::string>> seen;
    std::erase_if(findings, [&](const Finding& finding) {
        const Span& span = finding.span;
        return !seen.emplace(finding.rule_id, finding.path, span.start_line, span.start_column, span.end_line,
                             span.end_column, finding.message)
                    .second;
    });
}

void drop_repeated_diagnostics(std::vector<Diagnostic>& diagnostics) {
    std::set<std::tuple<Diagnostic::Kind, std::string, std::string>> seen;
    std::erase_if(diagnostics, [&](const Diagnostic& diagnostic) {
        return !seen.emplace(diagnostic.kind, diagnostic.path, diagnostic.message).second;
    });
}

void check_stack(const Stack& stack, const std::vector<Policy>& policies, const AuditSettings& settings,
                 PolicyFileOutcome& outcome) {
    check_policies(policies, settings.selection, outcome);
    const StackContext context{stack, policies, settings.stack};
    for (const StackCheck& check : stack_checks()) {
        if (settings.selection.selects(check.info.id)) check.run(check, context, outcome.findings);
    }
    const std::vector<StackCheckFamily>& families = stack_check_families();
    for (size_t family = 0; family < families.size(); ++family) {
        if (selects_any(settings.selection, family_rule_ids()[family])) families[family].run(context, outcome.findings);
    }
    drop_repeated_findings(outcome.findings);
}

bool is_boundary(const std::string& text, size_t at, size_t length) {
    const bool starts = at == 0 || (!is_identifier_char(text[at - 1]) && text[at - 1] != '.');
    return starts && (at + length == text.size() || !is_identifier_char(text[at + length]));
}

// What a module instance's findings call the things it declares (a resource's or data source's
// address, `var.NAME`), longest first, and how its address says them.
struct ModuleNames {
    std::string address;
    std::vector<std::string> names;

    explicit ModuleNames(const Stack& module) : address(module.module_address) {
        for (const StackResource& resource : module.resources) names.push_back(resource.base_address);
        for (const auto& [name, block] : module.variables) names.push_back("var." + name);
        std::sort(names.begin(), names.end(),
                  [](const std::string& a, const std::string& b) { return a.size() != b.size() ? a.size() > b.size() : a < b; });
        names.erase(std::unique(names.begin(), names.end()), names.end());
    }
};

// `text` with each name the module declares written as the instance's address says it:
// `module.app["db"].aws_secretsmanager_secret.s`.
std::string qualified(const std::string& text, const ModuleNames& module) {
    std::string out;
    for (size_t at = 0; at < text.size();) {
        const auto name = std::find_if(module.names.begin(), module.names.end(), [&](const std::string& candidate) {
            return text.compare(at, candidate.size(), candidate) == 0 && is_boundary(text, at, candidate.size());
        });
        if (name == module.names.end()) {
            out += text[at++];
            continue;
        }
        out += module.address + "." + *name;
        at += name->size();
    }
    return out;
}

// A finding in a called module names the module instance it was found in.
void name_module(Finding& finding, const ModuleNames& module) {
    if (module.address.empty()) return;
    finding.message = qualified(finding.message, module);
    for (RelatedLocation& related : finding.related_locations) related.message = qualified(related.message, module);
    for (const char* property : {"resource", "policySource"}) {
        if (auto named = finding.properties.find(property); named != finding.properties.end()) {
            named->second = qualified(named->second, module);
        }
    }
    finding.properties["module"] = module.address;
}

// One module instance's policies and checks; its findings and diagnostics name the instance.
PolicyFileOutcome audit_module(const Stack& module, const AuditSettings& settings) {
    PolicyFileOutcome own;
    const ModuleNames names(module);
    TerraformExtraction extraction = extract_terraform_policies(module);
    for (Diagnostic& diagnostic : extraction.diagnostics) {
        if (!names.address.empty()) diagnostic.message = qualified(diagnostic.message, names);
        own.diagnostics.push_back(std::move(diagnostic));
    }
    check_stack(module, extraction.policies, settings, own);
    for (Finding& finding : own.findings) name_module(finding, names);
    return own;
}

void add_outcome(PolicyFileOutcome own, PolicyFileOutcome& outcome) {
    for (Finding& finding : own.findings) outcome.findings.push_back(std::move(finding));
    for (Diagnostic& diagnostic : own.diagnostics) outcome.diagnostics.push_back(std::move(diagnostic));
    outcome.policies += own.policies;
}

// The byte offset of a position, counting columns as bytes within the line.
size_t offset_of(const SourceText& text, uint32_t line, uint32_t column) {
    if (line < 1 || line > text.line_count()) return text.bytes().size();
    return text.line_start_offset(line) + std::min<size_t>(column - 1, text.line_text(line).size());
}

// A finding of a plan points at the .tf line that writes what it is about, when the
// configuration is in the tree; the plan's own place is kept as a property.
void point_at_source(Finding& finding, const SourceText& plan, const PlanSources& sources) {
    if (finding.path == plan.path()) {
        finding.properties["plan"] = plan.path();
        finding.properties["planLine"] = std::to_string(finding.span.start_line);
        if (auto source = sources.source_of(finding.span)) {
            finding.path = source->path;
            finding.span = source->span;
        }
    }
    for (RelatedLocation& related : finding.related_locations) {
        if (related.path != plan.path()) continue;
        if (auto source = sources.source_of(related.span)) {
            related.path = source->path;
            related.span = source->span;
        }
    }
}

// Only selected checks' findings, and no general finding where a specific one says more.
void finish(const CheckSelection& selection, PolicyFileOutcome& outcome) {
    std::erase_if(outcome.findings, [&](const Finding& finding) { return !selection.selects(finding.rule_id); });
    drop_superseded_findings(outcome.findings);
}

}  // namespace

bool is_policy_candidate(std::string_view path) {
    return path.ends_with(".json") || is_yaml(path) || is_terraform_file(path);
}

bool is_terraform_file(std::string_view path) { return path.ends_with(".tf"); }

PolicyFileOutcome analyze_policy_file(const SourceText& text, const AuditSettings& settings,
                                      const ModuleFiles& terraform_files) {
    if (is_terraform_file(text.path())) return analyze_terraform_module({&text}, settings);
    PolicyFileOutcome outcome;
    const bool yaml = is_yaml(text.path());
    // A YAML file is read only when it can be a CloudFormation template.
    if (yaml && text.bytes().find("AWS::") == std::string_view::npos) return outcome;
    ParseResult parsed = yaml ? read_yaml(text) : read_json(text);
    if (!parsed.root) {
        outcome.diagnostics.push_back({Diagnostic::Kind::warning, text.path(), parsed.error});
        return outcome;
    }
    if (!yaml && looks_like_terraform_plan(*parsed.root)) {
        return analyze_terraform_plan(text, *parsed.root, settings, terraform_files);
    }
    if (looks_like_cloudformation(*parsed.root)) {
        const Stack stack = cloudformation_stack(*parsed.root, text.path());
        check_stack(stack, extract_cloudformation_policies(stack), settings, outcome);
    } else if (!yaml && looks_like_policy_document(*parsed.root)) {
        check_policies({extract_policy(*parsed.root, text.path(), "policy document")}, settings.selection, outcome);
    }
    finish(settings.selection, outcome);
    for (Finding& finding : outcome.findings) finding.snippet = first_telling_line(text, finding.span);
    return outcome;
}

PolicyFileOutcome analyze_terraform_plan(const SourceText& text, const Value& root, const AuditSettings& settings,
                                         const ModuleFiles& files) {
    PolicyFileOutcome outcome;
    TerraformPlan plan = read_terraform_plan(root, text.path());
    outcome.diagnostics = std::move(plan.diagnostics);
    const PlanSources sources(plan, files);
    std::map<std::string, const SourceText*> by_path{{text.path(), &text}};
    for (const std::string& directory : sources.directories()) {
        outcome.module_directories.push_back(directory);
        for (const TerraformFile& file : *files(directory)) by_path[file.text->path()] = file.text;
    }
    for (PlanModule& module : plan.modules) {
        for (auto& [name, argument] : module.arguments) {
            if (auto source = sources.source_of(argument.span)) {
                argument.path = source->path;
                argument.span = source->span;
            }
        }
    }
    for (const PlanModule& module : plan.modules) {
        PolicyFileOutcome own = audit_module(terraform_plan_stack(module, text), settings);
        for (Finding& finding : own.findings) point_at_source(finding, text, sources);
        add_outcome(std::move(own), outcome);
    }
    drop_repeated_findings(outcome.findings);
    finish(settings.selection, outcome);
    for (Finding& finding : outcome.findings) {
        const SourceText* source = by_path.count(finding.path) ? by_path[finding.path] : &text;
        const Span& span = finding.span;
        finding.snippet = source == &text ? snippet_around(text.bytes(), offset_of(text, span.start_line, span.start_column),
                                                           offset_of(text, span.end_line, span.end_column))
                                          : first_telling_line(*source, span);
    }
    return outcome;
}

PolicyFileOutcome analyze_terraform_root(const std::string& directory, const ModuleFiles& files,
                                         const AuditSettings& settings,
                                         const std::function<std::optional<std::string>(const std::string&)>& read_file) {
    PolicyFileOutcome outcome;
    const ModuleTree tree = instantiate_modules(directory, files, read_file);
    std::map<std::string, const SourceText*> by_path;
    for (const ModuleInstance& instance : tree.instances) {
        const Stack& module = *instance.stack;
        if (std::find(outcome.module_directories.begin(), outcome.module_directories.end(), instance.directory) ==
            outcome.module_directories.end()) {
            outcome.module_directories.push_back(instance.directory);
        }
        for (const TerraformFile& file : module.files) by_path[file.text->path()] = file.text;
        add_outcome(audit_module(module, settings), outcome);
    }
    for (const Diagnostic& diagnostic : tree.diagnostics) outcome.diagnostics.push_back(diagnostic);
    drop_repeated_findings(outcome.findings);  // instances of one module call often hold the same finding
    drop_repeated_diagnostics(outcome.diagnostics);  // and the same call the module makes
    finish(settings.selection, outcome);
    for (Finding& finding : outcome.findings) {
        if (auto text = by_path.find(finding.path); text != by_path.end()) {
            finding.snippet = first_telling_line(*text->second, finding.span);
        }
    }
    return outcome;
}

PolicyFileOutcome analyze_terraform_module(const std::vector<const SourceText*>& texts, const AuditSettings& settings) {
    PolicyFileOutcome outcome;
    std::vector<Value> roots;
    roots.reserve(texts.size());  // files point into it
    std::vector<TerraformFile> files;
    for (const SourceText* text : texts) {
        ParseResult parsed = read_hcl(*text);
        if (!parsed.root) {
            outcome.diagnostics.push_back({Diagnostic::Kind::warning, text->path(), parsed.error});
            continue;
        }
        roots.push_back(std::move(*parsed.root));
        files.push_back({text, &roots.back()});
    }
    const std::string directory = texts.empty() ? std::string() : directory_of(texts.front()->path());
    const ModuleFiles only_this = [&](const std::string& wanted) -> const std::vector<TerraformFile>* {
        return wanted == directory ? &files : nullptr;
    };
    PolicyFileOutcome analysed = analyze_terraform_root(directory, only_this, settings);
    for (Diagnostic& diagnostic : analysed.diagnostics) outcome.diagnostics.push_back(std::move(diagnostic));
    analysed.diagnostics = std::move(outcome.diagnostics);
    return analysed;
}

}  // namespace keylint
