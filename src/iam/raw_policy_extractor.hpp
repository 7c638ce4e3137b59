// Recognises a raw IAM policy document by content (a top-level object with a Statement) and
// extracts it into the IAM model. The document must outlive the returned policies: they point
// into it for principals and conditions.
#pragma once

#include <optional>
#include <string>

#include "iam/policy.hpp"
#include "syntax/document.hpp"

namespace keylint {

bool looks_like_policy_document(const Value& root);

// Extracts one policy from a policy-document value (also used for documents embedded in
// templates). `path` and `origin` are copied into the result. The kind is `kind` when given (the
// template says what the document is), else read from the content (principals, sts:AssumeRole).
Policy extract_policy(const Value& document, const std::string& path, const std::string& origin,
                      std::optional<Policy::Kind> kind = std::nullopt);

// {"Statement": statement}, spanning the statement: a document of the one statement, for a source
// that holds a statement where others hold a document (AWS::Events::EventBusPolicy's Statement).
Value single_statement_document(const Value& statement);

}  // namespace keylint
