// What a statement's Condition block does to the access it grants (used by the escalation paths and
// by checks that ask whether a statement is limited at all):
// - restricting: a real restriction (MFA, source IP, tags, a principal or resource key…); a grant
//   under it still counts, but the finding says so and is a warning;
// - always holds: nothing an attacker cannot satisfy: `Bool aws:SecureTransport true` (it only
//   asks for HTTPS, which every SDK uses), `StringLike`/`ArnLike` with "*", `Null` = false on a key
//   every request carries (aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:RequestedRegion,
//   aws:PrincipalArn, aws:PrincipalAccount, aws:userid), and the `...IfExists` forms of those;
// - never holds: `DateLessThan`/`DateLessThanEquals` on aws:CurrentTime, aws:EpochTime or
//   aws:TokenIssueTime with a date before the run's date (tokens issued now are later); an
//   equality on aws:RequestedRegion naming no region that can exist; an operator with an empty value
//   list. A statement whose condition never holds grants (or denies) nothing.
// A block is never-holds if any of its tests never holds, always-holds if every test always holds,
// else restricting. Unknown values (a parameter without a default) are restricting, never
// always-holds. A future `DateGreaterThan` is restricting (it will hold one day).
// Tested in tests/unit/escalation_test.cpp.
#pragma once

#include <chrono>
#include <string>

#include "syntax/document.hpp"

namespace keylint {

struct ConditionVerdict {
    enum class Kind { none, always_holds, restricting, never_holds };
    Kind kind = Kind::none;  // none: no Condition block
    std::string reason;      // for restricting/never-holds: the test that decides, e.g. "DateLessThan aws:CurrentTime 2020-01-01"
};

// `condition` is a statement's Condition value (null when absent); `today` the run's date.
ConditionVerdict classify_condition(const Value* condition, std::chrono::sys_days today);

// The run's date (UTC).
std::chrono::sys_days today_utc();

}  // namespace keylint
