// libFuzzer target: a Terraform expression's text → evaluate_terraform_expression, with
// `var.x` a small object, `var.list` a list and every other name unknown. It must end with a value
// or nullopt (unknown, unparsable, failed), never a crash, a hang or a leak; a value it returns
// holds no part that points anywhere but the span it was given.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "infra/terraform_evaluator.hpp"

namespace {

keylint::Value text_value(const char* text) {
    keylint::Value value;
    value.kind = keylint::Value::Kind::string;
    value.scalar = text;
    return value;
}

bool spans_are(const keylint::Value& value, const keylint::Span& span, size_t depth) {
    if (depth > 300) return true;
    if (value.span.start_line != span.start_line) return false;
    for (const keylint::Member& member : value.members) {
        if (!spans_are(member.value, span, depth + 1)) return false;
    }
    for (const keylint::Value& item : value.items) {
        if (!spans_are(item, span, depth + 1)) return false;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const keylint::NamedValue named = [](std::string_view root) -> std::optional<keylint::Value> {
        if (root == "var.x") {
            keylint::Value object;
            object.kind = keylint::Value::Kind::object;
            object.members.push_back(keylint::Member{"a", {}, text_value("1")});
            object.members.push_back(keylint::Member{"b", {}, text_value("two")});
            return object;
        }
        if (root == "var.list") {
            keylint::Value list;
            list.kind = keylint::Value::Kind::array;
            list.items = {text_value("p"), text_value("q"), text_value("p")};
            return list;
        }
        return std::nullopt;
    };
    const keylint::Span span{9, 1, 9, 2};
    const std::optional<keylint::Value> value = keylint::evaluate_terraform_expression(text, named, span);
    if (value && value->is_unknown()) std::abort();
    if (value && !spans_are(*value, span, 0)) std::abort();
    return 0;
}
