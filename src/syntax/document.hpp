// The document model both halves read structured files into: JSON-like values (objects, arrays,
// scalars) where every value and every object key knows its span in the source, so a finding
// can point at the exact statement or element. Built from tree-sitter parse trees by the
// per-format readers (json_reader.hpp, …).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace keylint {

struct Member;

struct Value {
    // `unknown` is an expression the reader cannot evaluate (a Terraform variable or function call,
    // a YAML alias); `scalar` then holds its source text. It is never a wildcard.
    enum class Kind { object, array, string, number, boolean, null, unknown };

    Kind kind = Kind::null;
    std::string scalar;            // decoded string, number text, "true"/"false"
    std::vector<Member> members;   // objects, in source order
    std::vector<Value> items;      // arrays
    Span span;

    bool is_object() const { return kind == Kind::object; }
    bool is_array() const { return kind == Kind::array; }
    bool is_string() const { return kind == Kind::string; }
    bool is_unknown() const { return kind == Kind::unknown; }
    // The first member with this key, or null.
    const Value* find(std::string_view key) const;
    const Member* find_member(std::string_view key) const;
};

struct Member {
    std::string key;
    Span key_span;
    Value value;
};

// Sets the span of `value`, of everything inside it and of every key to `span` (a value copied to
// another place in the source, which a finding inside it should point at), to a depth of 256.
void set_spans(Value& value, const Span& span);

// How many values `value` holds, itself included, counting no further than `limit`.
size_t value_count(const Value& value, size_t limit);

// A parse that failed gives a message naming the first error and where it is.
struct ParseResult {
    std::optional<Value> root;
    std::string error;
};

}  // namespace keylint
