#include "checks/support/rotation_schedule.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <optional>
#include <vector>

namespace keylint {
namespace {

constexpr int first_year = 2024, cycle_years = 28;  // weekdays and leap years repeat every 28 years

std::string trim(std::string_view text) {
    size_t begin = 0, end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    return std::string(text.substr(begin, end - begin));
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t at = text.find(separator, start);
        parts.emplace_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

std::vector<std::string> fields_of(std::string_view text) {
    std::vector<std::string> fields;
    std::string current;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!current.empty()) fields.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) fields.push_back(std::move(current));
    return fields;
}

// A number, or one of `names` (index + `name_base`), within [low, high].
std::optional<int> number_or_name(const std::string& text, int low, int high, const std::vector<std::string>& names,
                                  int name_base) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(text[0]))) {
        for (char c : text) {
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        }
        const int value = std::stoi(text);
        if (value < low || value > high) return std::nullopt;
        return value;
    }
    for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) return static_cast<int>(i) + name_base;
    }
    return std::nullopt;
}

// A field of numbers and names: `*`, `N`, `A-B`, `*/S`, `A/S`, `A-B/S`, comma lists of those.
std::optional<std::vector<bool>> number_set(const std::string& field, int low, int high,
                                            const std::vector<std::string>& names = {}, int name_base = 0) {
    std::vector<bool> set(high + 1, false);
    for (const std::string& element : split(field, ',')) {
        const std::vector<std::string> stepped = split(element, '/');
        if (stepped.size() > 2) return std::nullopt;
        int step = 1;
        if (stepped.size() == 2) {
            const std::optional<int> parsed = number_or_name(stepped[1], 1, high, {}, 0);
            if (!parsed) return std::nullopt;
            step = *parsed;
        }
        int from = low, to = high;
        if (stepped[0] != "*") {
            const std::vector<std::string> range = split(stepped[0], '-');
            if (range.size() > 2) return std::nullopt;
            const std::optional<int> start = number_or_name(range[0], low, high, names, name_base);
            if (!start) return std::nullopt;
            from = *start;
            to = stepped.size() == 2 ? high : from;
            if (range.size() == 2) {
                const std::optional<int> end = number_or_name(range[1], low, high, names, name_base);
                if (!end || *end < from) return std::nullopt;
                to = *end;
            }
        }
        for (int value = from; value <= to; value += step) set[value] = true;
    }
    return set;
}

const std::vector<std::string> month_names = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                              "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const std::vector<std::string> weekday_names = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

struct DayRule {
    // Day of month: a set, `L` (last day), `NW` (nearest weekday to N), `LW` (last weekday).
    std::vector<bool> days_of_month;
    bool last_day = false, last_weekday = false;
    std::vector<int> nearest_weekday_to;
    // Day of week (1 = Sunday): a set, `D#N` (the Nth such day), `DL` (the last such day).
    std::vector<bool> weekdays;
    std::vector<std::pair<int, int>> nth_weekday;  // (weekday, n)
    std::vector<int> last_weekday_of;
    bool by_weekday = false;
};

bool is_weekend(sys_days date) {
    const weekday w{date};
    return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

unsigned last_day_of(year y, month m) { return static_cast<unsigned>(year_month_day_last{y / m / std::chrono::last}.day()); }

bool matches(const DayRule& rule, const year_month_day& date) {
    const sys_days today{date};
    const unsigned dom = static_cast<unsigned>(date.day());
    const unsigned last = last_day_of(date.year(), date.month());
    if (rule.by_weekday) {
        const int w = static_cast<int>(weekday{today}.c_encoding()) + 1;  // 1 = Sunday
        if (rule.weekdays[w]) return true;
        for (const auto& [wanted, n] : rule.nth_weekday) {
            if (wanted == w && static_cast<int>((dom - 1) / 7 + 1) == n) return true;
        }
        for (int wanted : rule.last_weekday_of) {
            if (wanted == w && dom + 7 > last) return true;
        }
        return false;
    }
    if (dom <= 31 && rule.days_of_month[dom]) return true;
    if (rule.last_day && dom == last) return true;
    if (rule.last_weekday) {
        unsigned wanted = last;
        while (is_weekend(sys_days{date.year() / date.month() / day{wanted}})) --wanted;
        if (dom == wanted) return true;
    }
    for (int n : rule.nearest_weekday_to) {
        if (static_cast<unsigned>(n) > last) continue;  // 31W in a 30-day month never fires
        const sys_days base{date.year() / date.month() / day{static_cast<unsigned>(n)}};
        sys_days wanted = base;
        const weekday w{base};
        if (w == std::chrono::Saturday) wanted = n == 1 ? base + std::chrono::days{2} : base - std::chrono::days{1};
        if (w == std::chrono::Sunday) wanted = static_cast<unsigned>(n) == last ? base - std::chrono::days{2} : base + std::chrono::days{1};
        if (wanted == today) return true;
    }
    return false;
}

std::optional<DayRule> day_of_month_rule(const std::string& field) {
    DayRule rule;
    rule.days_of_month.assign(32, false);
    std::string plain;
    for (const std::string& element : split(field, ',')) {
        if (element == "L") {
            rule.last_day = true;
        } else if (element == "LW") {
            rule.last_weekday = true;
        } else if (element.size() >= 2 && element.back() == 'W') {
            const std::optional<int> n = number_or_name(element.substr(0, element.size() - 1), 1, 31, {}, 0);
            if (!n) return std::nullopt;
            rule.nearest_weekday_to.push_back(*n);
        } else {
            plain += (plain.empty() ? "" : ",") + element;
        }
    }
    if (!plain.empty()) {
        const std::optional<std::vector<bool>> set = number_set(plain, 1, 31);
        if (!set) return std::nullopt;
        rule.days_of_month = *set;
    }
    return rule;
}

std::optional<DayRule> day_of_week_rule(const std::string& field) {
    DayRule rule;
    rule.by_weekday = true;
    rule.weekdays.assign(8, false);
    std::string plain;
    for (const std::string& element : split(field, ',')) {
        if (const size_t hash = element.find('#'); hash != std::string::npos) {
            const std::optional<int> w = number_or_name(element.substr(0, hash), 1, 7, weekday_names, 1);
            const std::optional<int> n = number_or_name(element.substr(hash + 1), 1, 5, {}, 0);
            if (!w || !n) return std::nullopt;
            rule.nth_weekday.emplace_back(*w, *n);
        } else if (element.size() >= 2 && element.back() == 'L') {
            const std::optional<int> w = number_or_name(element.substr(0, element.size() - 1), 1, 7, weekday_names, 1);
            if (!w) return std::nullopt;
            rule.last_weekday_of.push_back(*w);
        } else {
            plain += (plain.empty() ? "" : ",") + element;
        }
    }
    if (!plain.empty()) {
        const std::optional<std::vector<bool>> set = number_set(plain, 1, 7, weekday_names, 1);
        if (!set) return std::nullopt;
        rule.weekdays = *set;
    }
    return rule;
}

ScheduleGap unreadable(std::string problem) { return ScheduleGap{false, 0, false, std::move(problem)}; }

ScheduleGap rate_gap(const std::string& inside) {
    const std::vector<std::string> words = fields_of(inside);
    if (words.size() != 2) return unreadable("expected rate(N days) or rate(N hours)");
    const std::optional<int> count = number_or_name(words[0], 1, 9999, {}, 0);
    if (!count) return unreadable("'" + words[0] + "' is not a positive whole number");
    const std::string unit = upper(words[1]);
    if (unit == "DAY" || unit == "DAYS") return ScheduleGap{true, *count, false, {}};
    if (unit == "HOUR" || unit == "HOURS") return ScheduleGap{true, (*count + 23) / 24, false, {}};
    return unreadable("unit '" + words[1] + "' (Secrets Manager accepts days or hours)");
}

ScheduleGap cron_gap(const std::string& inside) {
    const std::vector<std::string> fields = fields_of(upper(inside));
    if (fields.size() != 6) return unreadable("expected six fields: minutes hours day-of-month month day-of-week year");
    const std::string &day_of_month = fields[2], &month_field = fields[3], &day_of_week = fields[4], &year_field = fields[5];
    if ((day_of_month == "?") == (day_of_week == "?")) {
        return unreadable("exactly one of day-of-month and day-of-week must be '?'");
    }
    const std::optional<DayRule> rule = day_of_month == "?" ? day_of_week_rule(day_of_week) : day_of_month_rule(day_of_month);
    if (!rule) return unreadable("cannot read the day field '" + (day_of_month == "?" ? day_of_week : day_of_month) + "'");
    const std::optional<std::vector<bool>> months = number_set(month_field, 1, 12, month_names, 1);
    if (!months) return unreadable("cannot read the month field '" + month_field + "'");
    const std::optional<std::vector<bool>> years = number_set(year_field, 1970, 2199);
    if (!years) return unreadable("cannot read the year field '" + year_field + "'");
    const bool every_year = year_field == "*";

    // Every year of the cycle (or the listed years) day by day; a wildcard year repeats the cycle,
    // so the gap across the cycle's end counts too.
    const int from = every_year ? first_year : 1970, to = every_year ? first_year + cycle_years - 1 : 2199;
    std::optional<sys_days> first, previous;
    long longest = 0;
    for (int y = from; y <= to; ++y) {
        if (!every_year && !(*years)[y]) continue;
        for (unsigned m = 1; m <= 12; ++m) {
            if (!(*months)[m]) continue;
            const unsigned last = last_day_of(year{y}, month{m});
            for (unsigned d = 1; d <= last; ++d) {
                const year_month_day date{year{y}, month{m}, day{d}};
                if (!matches(*rule, date)) continue;
                const sys_days today{date};
                if (previous) longest = std::max<long>(longest, (today - *previous).count());
                if (!first) first = today;
                previous = today;
            }
        }
    }
    if (!first) return unreadable("it never fires");
    if (!every_year) return ScheduleGap{true, longest, true, {}};
    const sys_days wrapped = *first + std::chrono::days{static_cast<long>(
                                          (sys_days{year{first_year + cycle_years} / 1 / 1} - sys_days{year{first_year} / 1 / 1}).count())};
    longest = std::max<long>(longest, (wrapped - *previous).count());
    return ScheduleGap{true, longest, false, {}};
}

}  // namespace

ScheduleGap schedule_gap(std::string_view expression) {
    const std::string text = trim(expression);
    const size_t open = text.find('(');
    if (open == std::string::npos || text.back() != ')') return unreadable("expected rate(...) or cron(...)");
    const std::string function = upper(trim(text.substr(0, open)));
    const std::string inside = text.substr(open + 1, text.size() - open - 2);
    if (function == "RATE") return rate_gap(inside);
    if (function == "CRON") return cron_gap(inside);
    return unreadable("expected rate(...) or cron(...)");
}

}  // namespace keylint
