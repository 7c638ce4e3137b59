// The longest gap, in days, that a Secrets Manager rotation schedule can leave between two rotations:
// `rate(N days)`, `rate(N hours)` and six-field `cron(minutes hours day-of-month month day-of-week year)`
// expressions. For cron the gap is computed by walking the calendar over 28 years (a full cycle of
// weekdays and leap years) and taking the largest distance between consecutive days on which the
// expression fires, so `cron(0 8 1 * ? *)` (monthly) is 31 days and `cron(0 0 ? * MON *)` 7. The time
// of day is ignored: it moves a rotation within its day, never by a whole day. Anything the grammar
// does not cover is reported as unreadable rather than guessed.
// Tested in tests/unit/hygiene_test.cpp.
#pragma once

#include <string>
#include <string_view>

namespace keylint {

struct ScheduleGap {
    bool readable = false;
    long days = 0;        // the longest gap; for a schedule that stops firing, the days it covers at most
    bool stops = false;   // a cron with a year field other than `*`: after its last year it never fires
    std::string problem;  // why it is not readable
};

ScheduleGap schedule_gap(std::string_view expression);

}  // namespace keylint
