// What the structural readers extract from a file: a literal value and the name it is assigned
// to, with the value's position. Produced by the format readers (syntax_extractor.hpp,
// line_formats.hpp), judged by the credential detector (credential_detector.hpp).
#pragma once

#include <cstddef>
#include <string>

namespace keylint {

struct NamedValue {
    std::string name;         // the key, variable, attribute or setter it is assigned to
    std::string value;        // the literal, without quotes
    size_t value_begin = 0;   // byte range of the literal in the file (without quotes)
    size_t value_end = 0;
    std::string description;  // what the name is when it is not written in the file ("password field of .pgpass")
    bool base64 = false;      // the file marks the value as base64 (FileZilla's `<Pass encoding="base64">`)
};

}  // namespace keylint
