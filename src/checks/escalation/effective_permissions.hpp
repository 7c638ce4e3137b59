// What a principal can do, across every policy that applies to it (principals.hpp): for each
// action of interest, the grants that survive explicit denies, each with its resources, its
// condition verdict (conditions.hpp) and the statement that grants it.
//
// - An Allow statement grants an action when one of its Action patterns matches it (wildcards as
//   IAM matches them, the action database's glob) or, with NotAction, when none of those does.
//   Unknown patterns (unresolved values) grant nothing here; the per-policy checks warn on them.
// - A statement whose condition never holds grants and denies nothing.
// - A Deny cancels a grant when it covers the action and is unconditional (no condition, or one
//   that always holds), and either covers every resource ("*" or an ARN such as
//   arn:aws:iam::*:role/*) or matches every resource of the grant. A Deny under a real condition,
//   with NotResource, or on narrower resources cancels nothing: keylint cannot tell when it applies,
//   so it keeps the path (conservative).
// Only the actions of interest are computed (the signatures' actions, a few dozen), each statement
// tested once against each of them, so a principal with "*" costs the same as one with one action.
// Tested in tests/unit/escalation_test.cpp.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "checks/escalation/principals.hpp"
#include "iam/condition_verdict.hpp"

namespace keylint {

struct Grant {
    const AppliedPolicy* policy = nullptr;
    AppliedStatement source;
    ConditionVerdict condition;  // none, always_holds or restricting
    // The statement's Resource values; a statement without Resource, or with NotResource, counts as
    // "*" (everything but a few is still everything for the signatures).
    std::vector<LocatedString> resources;
};

struct EffectivePermissions {
    // action as given in the interest list → its surviving grants (absent: not granted)
    std::map<std::string, std::vector<Grant>, std::less<>> grants;
    // action → the deny statements that cancelled at least one of its grants
    std::map<std::string, std::vector<AppliedStatement>, std::less<>> denied;

    const std::vector<Grant>* find(std::string_view action) const {
        const auto found = grants.find(action);
        return found == grants.end() ? nullptr : &found->second;
    }
};

// `actions`: "service:Action" names (no wildcards) to compute.
EffectivePermissions effective_permissions(const Principal& principal, const std::vector<std::string>& actions,
                                           std::chrono::sys_days today);

// Does a statement's Action/NotAction cover `action`?
bool statement_covers_action(const PolicyStatement& statement, std::string_view action);

// Does `resource` (an ARN pattern) cover every resource of `service`? "*", "arn:*:iam::*:*",
// "arn:aws:iam::123456789012:role/*", "arn:${AWS::Partition}:secretsmanager:*:*:secret:*".
bool covers_every_resource(std::string_view resource, std::string_view service);

// The service part of an ARN ("iam" in arn:${AWS::Partition}:iam::…), empty when not an ARN.
std::string_view arn_service(std::string_view arn);

}  // namespace keylint
