// See effective_permissions.hpp.
#include "checks/escalation/effective_permissions.hpp"

#include <algorithm>

#include "iam/action_database.hpp"

namespace keylint {
namespace {

// The six parts of an ARN; a colon inside "${AWS::Partition}" does not separate.
std::vector<std::string_view> split_arn(std::string_view arn) {
    std::vector<std::string_view> parts;
    size_t start = 0, depth = 0;
    for (size_t i = 0; i < arn.size() && parts.size() < 5; ++i) {
        if (arn.substr(i, 2) == "${") ++depth;
        else if (arn[i] == '}' && depth > 0) --depth;
        else if (arn[i] == ':' && depth == 0) {
            parts.push_back(arn.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() != 5) return {};
    parts.push_back(arn.substr(start));
    return parts;
}

bool is_wildcard_segment(std::string_view segment) { return !segment.empty() && segment.find_first_not_of("*") == std::string_view::npos; }

// "role/*", "secret:*", "*", "*/*": an optional resource type, then only wildcard segments.
bool resource_part_is_everything(std::string_view rest) {
    bool first = true, any_wildcard = false;
    while (true) {
        const size_t separator = rest.find_first_of("/:");
        const std::string_view segment = rest.substr(0, separator);
        if (is_wildcard_segment(segment)) {
            any_wildcard = true;
        } else if (!first || segment.empty() || segment.find_first_of("*?$") != std::string_view::npos) {
            return false;
        }
        first = false;
        if (separator == std::string_view::npos) break;
        rest.remove_prefix(separator + 1);
    }
    return any_wildcard;
}

bool covers_every_resource_of(const LocatedString& resource, std::string_view service) {
    return !resource.unknown && covers_every_resource(resource.text, service);
}

bool matches_every_grant_resource(const PolicyStatement& deny, const Grant& grant) {
    if (grant.resources.empty()) return false;
    return std::all_of(grant.resources.begin(), grant.resources.end(), [&](const LocatedString& granted) {
        if (granted.unknown) return false;
        return std::any_of(deny.resources.begin(), deny.resources.end(), [&](const LocatedString& denied) {
            return !denied.unknown && iam_wildcard_match(denied.text, granted.text);
        });
    });
}

}  // namespace

bool statement_covers_action(const PolicyStatement& statement, std::string_view action) {
    auto matches = [&](const LocatedString& pattern) { return !pattern.unknown && iam_wildcard_match(pattern.text, action); };
    if (statement.has_not_action && !statement.has_action) {
        if (std::any_of(statement.not_actions.begin(), statement.not_actions.end(),
                        [](const LocatedString& pattern) { return pattern.unknown; })) {
            return false;  // an unknown exclusion list could exclude anything
        }
        return std::none_of(statement.not_actions.begin(), statement.not_actions.end(), matches);
    }
    return std::any_of(statement.actions.begin(), statement.actions.end(), matches);
}

std::string_view arn_service(std::string_view arn) {
    const std::vector<std::string_view> parts = split_arn(arn);
    return parts.size() == 6 && parts[0] == "arn" ? parts[2] : std::string_view();
}

bool covers_every_resource(std::string_view resource, std::string_view service) {
    if (is_wildcard_segment(resource)) return true;
    const std::vector<std::string_view> parts = split_arn(resource);
    if (parts.size() != 6 || parts[0] != "arn") return false;
    if (!is_wildcard_segment(parts[2]) && !iam_wildcard_match(parts[2], service)) return false;
    return resource_part_is_everything(parts[5]);
}

EffectivePermissions effective_permissions(const Principal& principal, const std::vector<std::string>& actions,
                                           std::chrono::sys_days today) {
    struct Deny {
        AppliedStatement source;
    };
    EffectivePermissions result;
    std::vector<Deny> denies;
    for (const AppliedPolicy& policy : principal.policies) {
        for (const AppliedStatement& source : policy.statements) {
            const PolicyStatement& statement = *source.statement;
            if (!statement.effect) continue;
            const ConditionVerdict verdict = classify_condition(statement.condition, today);
            if (verdict.kind == ConditionVerdict::Kind::never_holds) continue;
            if (statement.effect->text == "Deny") {
                // Only an unconditional deny on everything it names can be relied on; a branch of a
                // CloudFormation Fn::If is deployed only under the template's condition.
                const bool unconditional = (verdict.kind == ConditionVerdict::Kind::none ||
                                            verdict.kind == ConditionVerdict::Kind::always_holds) &&
                                           !statement.alternative;
                if (unconditional && !statement.has_not_resource) denies.push_back({source});
                continue;
            }
            if (!statement.allows()) continue;
            for (const std::string& action : actions) {
                if (!statement_covers_action(statement, action)) continue;
                Grant grant;
                grant.policy = &policy;
                grant.source = source;
                grant.condition = verdict;
                if (statement.has_resource && !statement.has_not_resource) {
                    grant.resources = statement.resources;
                } else {
                    grant.resources.push_back({"*", statement.span, false});
                }
                result.grants[action].push_back(std::move(grant));
            }
        }
    }
    for (const Deny& deny : denies) {
        const PolicyStatement& statement = *deny.source.statement;
        for (auto& [action, grants] : result.grants) {
            if (!statement_covers_action(statement, action)) continue;
            const std::string_view service = std::string_view(action).substr(0, action.find(':'));
            const bool everything = !statement.has_resource ||
                                    std::any_of(statement.resources.begin(), statement.resources.end(),
                                                [&](const LocatedString& r) { return covers_every_resource_of(r, service); });
            const size_t before = grants.size();
            std::erase_if(grants, [&](const Grant& grant) { return everything || matches_every_grant_resource(statement, grant); });
            if (grants.size() != before) result.denied[action].push_back(deny.source);
        }
    }
    std::erase_if(result.grants, [](const auto& entry) { return entry.second.empty(); });
    return result;
}

}  // namespace keylint
