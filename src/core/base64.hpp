// Base64 decoding (RFC 4648): the standard alphabet and the URL-safe one (`-`, `_`), padding
// optional, no white space inside. Returns nullopt for anything that is not base64.
// Tested in tests/unit/base64_test.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace keylint {

std::optional<std::string> decode_base64(std::string_view text);

}  // namespace keylint
