// Finding severity, ordered so that comparisons express "at or above a threshold".
// The names are SARIF's result levels, so they map one to one onto `result.level`.
#pragma once

#include <optional>
#include <string_view>

namespace keylint {

enum class Level { note = 0, warning = 1, error = 2 };

inline std::string_view level_name(Level level) {
    switch (level) {
        case Level::note: return "note";
        case Level::warning: return "warning";
        case Level::error: return "error";
    }
    return "error";
}

inline std::optional<Level> parse_level(std::string_view text) {
    if (text == "note") return Level::note;
    if (text == "warning") return Level::warning;
    if (text == "error") return Level::error;
    return std::nullopt;
}

}  // namespace keylint
