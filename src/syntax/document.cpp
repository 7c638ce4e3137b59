#include "syntax/document.hpp"

namespace keylint {

const Member* Value::find_member(std::string_view key) const {
    for (const Member& member : members) {
        if (member.key == key) return &member;
    }
    return nullptr;
}

const Value* Value::find(std::string_view key) const {
    const Member* member = find_member(key);
    return member ? &member->value : nullptr;
}

namespace {

void set_spans(Value& value, const Span& span, size_t depth) {
    value.span = span;
    if (depth > 256) return;
    for (Member& member : value.members) {
        member.key_span = span;
        set_spans(member.value, span, depth + 1);
    }
    for (Value& item : value.items) set_spans(item, span, depth + 1);
}

}  // namespace

void set_spans(Value& value, const Span& span) { set_spans(value, span, 0); }

size_t value_count(const Value& value, size_t limit) {
    size_t count = 1;
    for (const Member& member : value.members) {
        if (count >= limit) return count;
        count += value_count(member.value, limit - count);
    }
    for (const Value& item : value.items) {
        if (count >= limit) return count;
        count += value_count(item, limit - count);
    }
    return count;
}

}  // namespace keylint
