// Runs a RuleSet over one text: keyword prefilter → RE2 match → secret group → entropy →
// allowlists. Produces Findings with their spans; never prints. Inline suppression markers are
// a filter (filters/inline_suppression.hpp).
// Thread-safe: one scanner serves every worker thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"
#include "core/source_text.hpp"
#include "secrets/rule.hpp"
#include "secrets/scanner_tables.hpp"

namespace keylint {

// One regex match of one rule, before allowlists.
struct SecretMatch {
    size_t rule_index = 0;
    size_t match_begin = 0, match_end = 0;    // byte offsets of the whole match
    size_t secret_begin = 0, secret_end = 0;  // byte offsets of the secret
};

class SecretScanner {
   public:
    // `extra_keywords` ride along in the same keyword pass for another detector: scan() reports
    // where each of them occurs, so a file is read once whatever the number of detectors.
    explicit SecretScanner(RuleSet rules, const std::vector<std::string>& extra_keywords = {});

    const RuleSet& rules() const { return rules_; }

    // Appends the findings of `text` (path relative to the scan root) to `out`. With `extra_hits`,
    // also stores the end offsets of every occurrence of each extra keyword (one list per keyword,
    // ascending).
    void scan(const SourceText& text, std::vector<Finding>& out,
              std::vector<std::vector<size_t>>* extra_hits = nullptr) const;

    // Every match of one rule in `text`, with the rule's entropy and allowlists applied; the
    // prefilter is not consulted. Used by `keylint rules test` and the equivalence tests.
    std::vector<SecretMatch> matches_of_rule(size_t rule_index, std::string_view text, std::string_view path) const;

    // Where a match is reported: the secret's span, except that a secret below its match's first
    // line (the body of a PEM block) is reported from the match's start, so the region begins at
    // the `-----BEGIN` line a reader looks for.
    static Span reported_span(const SourceText& text, const SecretMatch& match);

    // Whether a global allowlist of the rule file (one for every rule, or one naming `rule_id`) allows a
    // finding that another detector made: the structural credential findings obey a configuration's
    // allowlisted paths, regexes and stopwords as the regex rules do. `line` is the finding's line; the
    // secret stands for the match.
    bool globally_allowed(std::string_view rule_id, std::string_view path, std::string_view secret,
                          std::string_view line) const;

    // Which rules can match `text` according to the keyword prefilter.
    std::vector<bool> candidate_rules(std::string_view text) const;

   private:
    void match_range(size_t rule_index, std::string_view text, std::string_view path, size_t begin, size_t end,
                     std::vector<SecretMatch>& out) const;
    void match_at_keywords(size_t rule_index, std::string_view text, std::string_view path,
                           const std::vector<size_t>& hit_ends, std::vector<SecretMatch>& out) const;
    size_t accept_match(size_t rule_index, std::string_view text, std::string_view path,
                        const std::vector<re2::StringPiece>& groups, std::vector<SecretMatch>& out) const;
    bool allowed(const SecretRule& rule, std::string_view path, std::string_view text, const SecretMatch& match) const;
    bool globally_allowed(std::string_view rule_id, std::string_view path, std::string_view secret, std::string_view line,
                          std::string_view match) const;
    Finding make_finding(const SourceText& text, const SecretMatch& match) const;
    // Drops the matches of built-in rules that another, more specific built-in rule made on the same
    // secret; returns, per kept match, the ids of the rules it stands for ("" if none).
    std::vector<std::string> merge_same_secret(std::string_view text, std::vector<SecretMatch>& matches) const;

    RuleSet rules_;
    ScannerTables tables_;
};

}  // namespace keylint
