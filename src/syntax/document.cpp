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

}  // namespace keylint
