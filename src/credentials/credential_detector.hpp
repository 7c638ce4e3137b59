// The structural credential detector: generic passwords, keys and tokens found by reading a
// file's structure rather than by a token's shape.
//
//   file name → format (file_format.hpp)
//   → prefilter: a credential-bearing file, or a credential name in the text (keyword automaton
//     over name stems, then the whole identifier around each hit judged by credential_name.hpp)
//   → reader: a line reader (line_formats.hpp) or a tree-sitter parse (syntax_extractor.hpp),
//     only for files up to max_structured_bytes, with the parser's time budget
//   → name judgement (credential_name.hpp) and value judgement (value_judgement.hpp)
//   → findings `generic-password` / `generic-secret` carrying the key name, the format and the
//     reason in their properties.
// Thread-safe: one detector serves every worker thread.
// Tested in tests/unit/credential_detector_test.cpp and by the labelled corpus in
// fixtures/credentials (tests/e2e/corpus_quality.py).
#pragma once

#include <memory>
#include <vector>

#include "core/finding.hpp"
#include "core/rule_info.hpp"
#include "core/source_text.hpp"
#include "secrets/keyword_automaton.hpp"

namespace keylint {

class CredentialDetector {
   public:
    CredentialDetector();

    void scan(const SourceText& text, std::vector<Finding>& out) const;

    // True when `text` holds a credential name worth a parse (exposed for tests).
    bool has_candidate_name(std::string_view text) const;

    static const std::vector<RuleInfo>& rules();

    static constexpr size_t max_structured_bytes = 2 * 1024 * 1024;

   private:
    std::unique_ptr<KeywordAutomaton> stems_;
};

}  // namespace keylint
