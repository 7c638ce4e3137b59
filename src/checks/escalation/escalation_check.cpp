// See escalation_check.hpp.
#include "checks/escalation/escalation_check.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "checks/escalation/effective_permissions.hpp"
#include "checks/escalation/principals.hpp"
#include "checks/escalation/resource_requirements.hpp"
#include "checks/escalation/signatures.hpp"

namespace keylint {
namespace {

const char* help_uri_of(const std::string& category) {
    if (category == "privilege-escalation") {
        return "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_delegate-permissions.html";
    }
    if (category == "credentials-exposure") return "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html";
    if (category == "data-access") return "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access.html";
    return "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html";
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::string steps_text(const EscalationSignature& signature) {
    std::vector<std::string> steps;
    for (const SignatureStep& step : signature.steps) {
        std::string text = joined(step.actions, " or ");
        if (step.resource == ResourceRequirement::every) text += " on every resource";
        if (step.resource == ResourceRequirement::self_or_every) text += " on itself or every resource";
        if (step.resource == ResourceRequirement::pass_role) text += " on a role " + step.pass_to + " may assume";
        if (step.resource == ResourceRequirement::assumable_role) text += " on a role that trusts a whole account";
        steps.push_back(text);
    }
    return joined(steps, " + ");
}

RuleInfo rule_of(const EscalationSignature& signature) {
    RuleInfo info;
    info.id = signature.id;
    info.title = signature.title;
    info.description = signature.explanation;
    info.help = "**" + signature.title + "**\n\n" + signature.explanation + "\n\nActions, all held by one user, group or role " +
                "across all its policies: " + steps_text(signature) +
                ". keylint reports the principal and every statement that grants one of them.\n\n**Fix:** " + signature.fix;
    info.help_uri = help_uri_of(signature.category);
    info.level = Level::error;
    info.tags = {"policy", "iam", signature.category};
    info.precision = "high";
    info.security_severity = signature.severity;
    return info;
}

// Every action any signature names, once: the actions effective permissions are computed for.
const std::vector<std::string>& actions_of_interest() {
    static const std::vector<std::string> actions = [] {
        std::set<std::string> unique;
        for (const EscalationSignature& signature : builtin_signatures()) {
            for (const SignatureStep& step : signature.steps) unique.insert(step.actions.begin(), step.actions.end());
        }
        return std::vector<std::string>(unique.begin(), unique.end());
    }();
    return actions;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string lowered_first(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

RelatedLocation related_location(const std::string& action, const Grant& grant, const StepMatch& match) {
    const AppliedPolicy& policy = *grant.policy;
    const PolicyStatement& statement = *grant.source.statement;
    RelatedLocation location;
    std::string message = action + " granted by " + policy.name;
    if (policy.aws_managed) {
        location.path = policy.attached_path;
        location.span = policy.attached_at;
    } else {
        location.path = grant.source.policy->path;
        location.span = statement.span;
        if (statement.sid && !statement.sid->text.empty()) message += ", statement '" + statement.sid->text + "'";
    }
    if (!policy.via.empty()) message += " (through " + policy.via + ")";
    if (grant.condition.kind == ConditionVerdict::Kind::restricting) message += ", under the condition " + grant.condition.reason;
    if (!match.note.empty()) message += "; " + match.note;
    location.message = std::move(message);
    return location;
}

struct StepEvidence {
    bool found = false;
    bool firm = false;  // granted without a restricting condition and on resolved resources
    std::vector<std::string> conditions, unresolved;
};

const char* const full_access_id = "escalation-full-access";

RuleInfo full_access_rule() {
    RuleInfo info;
    info.id = full_access_id;
    info.title = "Holds every escalation path: administrator access";
    info.description =
        "The principal holds every escalation and risky-permission signature keylint knows, unconditionally: it can do "
        "anything in the account. Reported once instead of once per signature.";
    info.help = "**" + info.title + "**\n\n" + info.description +
                " The related locations are the statements that grant it (for an AWS-managed policy such as "
                "AdministratorAccess, where it is attached).\n\n**Fix:** keep administrator access to a few "
                "break-glass roles that require MFA; give workloads and people the actions they need on the resources "
                "they need.";
    info.help_uri = help_uri_of("privilege-escalation");
    info.level = Level::error;
    info.tags = {"policy", "iam", "privilege-escalation"};
    info.precision = "very-high";
    info.security_severity = 9.5;
    return info;
}

// A principal that holds every signature, each unconditionally, gets one finding, not one per
// signature; its related locations are the statements behind them, each once.
void collapse_full_access(const Principal& principal, std::vector<Finding>& findings) {
    const size_t signature_count = builtin_signatures().size();
    const bool all = findings.size() == signature_count &&
                     std::all_of(findings.begin(), findings.end(), [](const Finding& f) { return f.level == Level::error; });
    if (!all || signature_count == 0) return;
    Finding collapsed = std::move(findings.front());
    collapsed.rule_id = full_access_id;
    const StackResource& resource = *principal.resource;
    collapsed.message = capitalised(principal_kind_name(principal.kind)) + " " + resource.address +
                        " holds every escalation path keylint knows (" + std::to_string(signature_count) +
                        " signatures), unconditionally: it has administrator access.";
    if (!principal.unknown_policies.empty()) {
        collapsed.message += " It also has " + joined(principal.unknown_policies, ", ") + ", which keylint cannot read.";
    }
    collapsed.properties["category"] = "privilege-escalation";
    collapsed.properties.erase("actions");
    std::vector<RelatedLocation> statements;
    std::set<std::tuple<std::string, uint32_t, uint32_t>> seen;
    for (const Finding& finding : findings) {
        for (const RelatedLocation& location : finding.related_locations) {
            if (!seen.insert({location.path, location.span.start_line, location.span.start_column}).second) continue;
            RelatedLocation statement = location;
            const size_t granted = statement.message.find("granted by ");
            if (granted != std::string::npos) statement.message = "Every action " + statement.message.substr(granted);
            statements.push_back(std::move(statement));
        }
    }
    collapsed.related_locations = std::move(statements);
    findings.clear();
    findings.push_back(std::move(collapsed));
}

void check_principal(const Principal& principal, const EffectivePermissions& permissions, const RequirementContext& context,
                     std::vector<Finding>& out) {
    for (const EscalationSignature& signature : builtin_signatures()) {
        std::vector<RelatedLocation> related;
        std::set<std::pair<std::string, const PolicyStatement*>> seen;  // (action, statement) once
        bool complete = true, firm = true;
        std::vector<std::string> granted_actions, reservations;
        for (const SignatureStep& step : signature.steps) {
            StepEvidence evidence;
            for (const std::string& action : step.actions) {
                const std::vector<Grant>* grants = permissions.find(action);
                if (!grants) continue;
                bool action_used = false;
                for (const Grant& grant : *grants) {
                    const StepMatch match = step_resource_match(step, action, grant, principal, context);
                    if (!match.counts) continue;
                    evidence.found = action_used = true;
                    const bool conditional = grant.condition.kind == ConditionVerdict::Kind::restricting;
                    if (!conditional && !match.uncertain) evidence.firm = true;
                    if (conditional) evidence.conditions.push_back(grant.condition.reason);
                    if (match.uncertain) evidence.unresolved.push_back(match.note);
                    if (seen.insert({action, grant.source.statement}).second) related.push_back(related_location(action, grant, match));
                }
                if (action_used) granted_actions.push_back(action);
            }
            if (!evidence.found) {
                complete = false;
                break;
            }
            if (!evidence.firm) {
                firm = false;
                for (const std::string& condition : evidence.conditions) reservations.push_back("under the condition " + condition);
                for (const std::string& note : evidence.unresolved) reservations.push_back(note);
            }
        }
        if (!complete) continue;
        const StackResource& resource = *principal.resource;
        Finding finding;
        finding.rule_id = signature.id;
        finding.level = firm ? Level::error : Level::warning;
        finding.path = resource.path;
        finding.span = resource.span;
        std::string message = capitalised(principal_kind_name(principal.kind)) + " " + resource.address + " " +
                              lowered_first(signature.title) + " (" + joined(granted_actions, ", ") + "). " +
                              signature.explanation;
        if (!firm) {
            std::sort(reservations.begin(), reservations.end());
            reservations.erase(std::unique(reservations.begin(), reservations.end()), reservations.end());
            message += " Only " + joined(reservations, "; ") + ".";
        }
        if (!principal.unknown_policies.empty()) {
            message += " It also has " + joined(principal.unknown_policies, ", ") +
                       ", which keylint cannot read; they may grant more.";
        }
        finding.message = std::move(message);
        finding.properties["resource"] = resource.address;
        finding.properties["resourceType"] = resource.type;
        finding.properties["principal"] = principal_kind_name(principal.kind);
        finding.properties["category"] = signature.category;
        finding.properties["actions"] = joined(granted_actions, ", ");
        finding.related_locations = std::move(related);
        out.push_back(std::move(finding));
    }
}

}  // namespace

std::vector<RuleInfo> escalation_rules() {
    std::vector<RuleInfo> rules = {full_access_rule()};
    for (const EscalationSignature& signature : builtin_signatures()) rules.push_back(rule_of(signature));
    return rules;
}

void run_escalation_checks(const StackContext& context, std::vector<Finding>& out) {
    const std::vector<Principal> principals = stack_principals(context.stack, context.policies);
    if (principals.empty()) return;
    const RequirementContext requirements{context.stack, principals, today_utc()};
    for (const Principal& principal : principals) {
        const EffectivePermissions permissions = effective_permissions(principal, actions_of_interest(), requirements.today);
        if (permissions.grants.empty()) continue;
        std::vector<Finding> findings;
        check_principal(principal, permissions, requirements, findings);
        collapse_full_access(principal, findings);
        for (Finding& finding : findings) out.push_back(std::move(finding));
    }
}

}  // namespace keylint
