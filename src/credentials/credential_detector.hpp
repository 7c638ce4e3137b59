// The structural credential detector: generic passwords, keys and tokens found by reading a
// file's structure rather than by a token's shape.
//
//   file name, else its first KiB → format (file_format.hpp, format_sniffer.hpp)
//   → prefilter for the parsed formats: a credential name in the text (keyword automaton over
//     name stems, then the whole identifier around each hit judged by credential_name.hpp) with
//     a literal right after it that passes the value judgement; line formats are always read
//   → reader: a line reader (line_formats.hpp) or a tree-sitter parse (syntax_extractor.hpp),
//     only for files up to max_structured_bytes, with the parser's time budget
//   → name judgement (credential_name.hpp) and value judgement (value_judgement.hpp), lenient
//     in files that store credentials by design (credential_store.hpp)
//   → findings `generic-password` / `generic-secret` carrying the key name, the format and the
//     reason in their properties.
// Thread-safe: one detector serves every worker thread.
// Tested in tests/unit/credential_detector_test.cpp and by the labelled corpus in
// fixtures/credentials (tests/e2e/corpus_quality.py).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/rule_info.hpp"
#include "core/source_text.hpp"
#include "credentials/file_format.hpp"
#include "credentials/value_judgement.hpp"
#include "secrets/keyword_automaton.hpp"

namespace keylint {

class CredentialDetector {
   public:
    CredentialDetector();

    // One detector for the whole process (it holds no per-scan state).
    static const CredentialDetector& shared();

    // Every credential name, and every login call with a positional password, contains one of
    // these (lower-case); see credential_name.cpp.
    static const std::vector<std::string>& name_stems();

    // Appends the findings of `text` to `out`. Returns a problem to report when the file could
    // not be read structurally (the parse ran out of its time budget), else nullopt.
    std::optional<std::string> scan(const SourceText& text, std::vector<Finding>& out) const;
    // The same, given where each name stem occurs in `text` (stem_hits[i]: the ascending end
    // offsets of name_stems()[i]), as the secret scanner's keyword pass reports them.
    std::optional<std::string> scan(const SourceText& text, const std::vector<std::vector<size_t>>& stem_hits,
                                    std::vector<Finding>& out) const;

    // The same without the prefilter: every file of a known format is read. For the test that
    // checks the prefilter loses nothing.
    std::optional<std::string> scan_every_file(const SourceText& text, std::vector<Finding>& out) const;

    // The prefilter of the parsed formats: true when `text` holds a credential name with a literal
    // right after it that passes the value judgement. Only then is a file parsed.
    bool has_candidate(std::string_view text, const std::vector<std::vector<size_t>>& stem_hits, FileFormat format,
                       const JudgementContext& context) const;

    // How values of a file are judged: by its format (`$NAME` in a Python string is no reference)
    // and by whether it is a credential store (credential_store.hpp).
    static JudgementContext judgement_context(std::string_view path, FileFormat format);

    static const std::vector<RuleInfo>& rules();

    static constexpr size_t max_structured_bytes = 2 * 1024 * 1024;

   private:
    std::optional<std::string> scan_known_format(const SourceText& text, FileFormat format, bool parse,
                                                 std::vector<Finding>& out) const;

    std::unique_ptr<KeywordAutomaton> stems_;
};

}  // namespace keylint
