// What a policy denies everywhere: its Deny statements that hold for every request (no Condition,
// or one that always holds, iam/condition_verdict.hpp) on every resource (`"Resource": "*"`), with
// the actions their Action entries stand for (a NotAction Deny: every action but those). An
// explicit Deny wins over any Allow, so what an Allow statement of the same policy grants on every
// resource is its actions minus these; the statement-level checks judge only what is left. A Deny
// keylint cannot fully resolve (an unknown action or resource), or one limited to named resources
// or by a real condition, removes nothing.
// Tested in tests/unit/policy_checks_test.cpp and through fixtures/policy/checks/*/deny-*.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "iam/action_database.hpp"
#include "iam/policy.hpp"

namespace keylint {

class PolicyDenials {
   public:
    explicit PolicyDenials(const Policy& policy);

    bool denies(const IamActionRow* action) const;
    bool empty() const { return denied_.empty() && excepted_.empty() && !every_; }
    // Whether every documented action is denied.
    bool deny_everything() const;

    // `actions` without the ones denied.
    std::vector<const IamActionRow*> remaining(const std::vector<const IamActionRow*>& actions) const;

   private:
    bool every_ = false;                                      // a Deny of "*"
    std::unordered_set<const IamActionRow*> denied_;          // by Action entries
    std::vector<std::unordered_set<const IamActionRow*>> excepted_;  // per NotAction Deny: what it leaves
};

// What an Allow statement grants that its policy does not deny everywhere: granted_actions
// (statement_facts.hpp) minus the policy's denials.
std::vector<const IamActionRow*> allowed_actions(const Policy& policy, const PolicyStatement& statement);

}  // namespace keylint
