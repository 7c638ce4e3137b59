// The secret-rule model. Its fields are those of gitleaks/Betterleaks rule files, so a user's
// existing config loads unmodified (see rule_loader.hpp), plus keylint's own `severity`,
// `examples` and `negative_examples`.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/level.hpp"
#include "core/rule_info.hpp"
#include "secrets/token_checksum.hpp"

namespace keylint {

re2::RE2::Options rule_regex_options();

// A rule or allowlist regex, compiled on first use. Compiling the whole pack up front costs far more than a
// pre-commit run can afford; most rules never see a file holding one of their keywords. The
// built-in pack is compiled and checked by the tests; user rule files are compiled at load time so
// that errors name the file and rule (rule_loader.cpp). Thread-safe.
class LazyRegex {
   public:
    explicit LazyRegex(std::string pattern) : state_(std::make_shared<State>()) { state_->pattern = std::move(pattern); }

    const re2::RE2& get() const {
        std::call_once(state_->once, [this] { state_->regex = std::make_unique<re2::RE2>(state_->pattern, rule_regex_options()); });
        return *state_->regex;
    }
    const std::string& pattern() const { return state_->pattern; }

   private:
    struct State {
        std::string pattern;
        std::once_flag once;
        std::unique_ptr<re2::RE2> regex;
    };
    std::shared_ptr<State> state_;
};

// Conditions under which a match is not reported. Empty lists do not take part.
struct Allowlist {
    enum class Condition { any, all };  // gitleaks: OR (default), AND
    enum class Target { secret, match, line };

    std::string description;
    Condition condition = Condition::any;
    Target regex_target = Target::secret;
    std::vector<std::string> commits;
    std::vector<LazyRegex> paths;
    std::vector<LazyRegex> regexes;
    std::vector<std::string> stopwords;     // lower-cased; matched case-insensitively in the secret
    std::vector<std::string> target_rules;  // global allowlists only: empty means every rule

    bool empty() const { return commits.empty() && paths.empty() && regexes.empty() && stopwords.empty(); }
};

struct SecretRule {
    std::string id;
    std::string description;
    std::optional<LazyRegex> regex;  // empty for a path-only rule
    std::optional<LazyRegex> path;   // empty when the rule applies to every path
    int secret_group = 0;  // 0: the first non-empty capture group, or the whole match
    std::optional<double> min_entropy;
    std::vector<std::string> keywords;  // lower-cased; at least one must occur in the file
    std::vector<std::string> tags;
    Level level = Level::error;
    std::vector<std::string> examples;
    std::vector<std::string> negative_examples;
    std::string reference;  // the provider's documentation of the token format
    // When built-in rules match the same secret, the highest precedence reports it (see
    // SecretScanner::merge_same_secret); for formats two providers share (Paystack's and Stripe's
    // `sk_live_`), the narrower rule declares a higher one.
    int precedence = 0;
    TokenChecksum checksum = TokenChecksum::none;  // a match failing it is a `warning` (token_checksum.hpp)
    std::vector<Allowlist> allowlists;
    std::string origin;  // the rule file it came from, for messages
    // Built-in rules are written so that every match contains one of their keywords (the tests
    // check it on every example), so their regex runs only on the lines around keyword
    // occurrences (secret_scanner.cpp). Rules from user files keep gitleaks' semantics: the regex
    // runs on the whole file when a keyword occurs anywhere in it.
    bool match_near_keywords = false;

    RuleInfo info() const;
};

struct ScannerTables;  // scanner_tables.hpp

struct RuleSet {
    std::vector<SecretRule> rules;
    std::vector<Allowlist> global_allowlists;
    std::vector<std::string> origins;  // the files that were loaded, in order
    // The built-in pack read from the binary's index comes with the tables a scanner needs, built
    // when keylint was compiled (rule_index.hpp); null for every other rule set.
    std::shared_ptr<const ScannerTables> prebuilt_tables;
};

}  // namespace keylint
