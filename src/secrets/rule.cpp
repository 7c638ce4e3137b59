#include "secrets/rule.hpp"

namespace keylint {

re2::RE2::Options rule_regex_options() {
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(32 << 20);
    return options;
}

static double severity_score(Level level) {
    switch (level) {
        case Level::error: return 8.0;
        case Level::warning: return 5.0;
        case Level::note: return 2.0;
    }
    return 8.0;
}

RuleInfo SecretRule::info() const {
    RuleInfo info;
    info.id = id;
    info.title = description.empty() ? id : description;
    info.description = info.title + ". Detected by the secret rule '" + id + "' (" + origin + ").";
    info.help = "**" + info.title + "**\n\nA credential of this kind was found in the file. Treat it as compromised: "
                "revoke or rotate it with its provider, remove it from the code and its history, and load it at run "
                "time from a secrets manager or the environment instead.\n\nIf the value is not a secret (a test "
                "fixture, a documented example), add `keylint:allow` to the line or record it in a baseline.";
    info.level = level;
    info.tags = tags;
    info.tags.insert(info.tags.begin(), "secret");
    info.precision = min_entropy || !keywords.empty() ? "high" : "medium";
    info.security_severity = severity_score(level);
    return info;
}

}  // namespace keylint
