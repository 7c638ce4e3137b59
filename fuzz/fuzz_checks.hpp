// Invariants the fuzz targets check on every result, beyond "no crash": a value's span lies inside
// the text and does not end before it starts; an extracted literal's byte range lies inside the
// file. A broken invariant traps, so libFuzzer keeps the input.
#pragma once

#include <string_view>
#include <vector>

#include "core/source_text.hpp"
#include "credentials/named_value.hpp"
#include "syntax/document.hpp"

namespace keylint::fuzz {

inline void check_span(const Span& span, const SourceText& text) {
    const size_t lines = text.line_count() + 1;
    if (span.start_line == 0 || span.end_line == 0 || span.start_line > lines || span.end_line > lines) __builtin_trap();
    if (span.start_column == 0 || span.end_column == 0) __builtin_trap();
    if (span.end_line < span.start_line) __builtin_trap();
    if (span.end_line == span.start_line && span.end_column < span.start_column) __builtin_trap();
}

// Walks the tree without recursion: the readers cap nesting, but the check must not depend on it.
inline void check_document(const Value& root, const SourceText& text) {
    std::vector<const Value*> pending = {&root};
    while (!pending.empty()) {
        const Value* value = pending.back();
        pending.pop_back();
        check_span(value->span, text);
        for (const Member& member : value->members) {
            check_span(member.key_span, text);
            pending.push_back(&member.value);
        }
        for (const Value& item : value->items) pending.push_back(&item);
    }
}

inline void check_values(const std::vector<NamedValue>& values, std::string_view bytes) {
    for (const NamedValue& value : values) {
        if (value.value_begin > value.value_end || value.value_end > bytes.size()) __builtin_trap();
    }
}

}  // namespace keylint::fuzz
