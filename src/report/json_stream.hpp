// Writing a large JSON report without holding it as one document: the small parts (tool, summary,
// rules) are a skeleton document, and the long array (findings, results) is written one element
// at a time where the skeleton holds a placeholder string. The text is what dumping the whole
// document with an indent of 2 would give. Invalid UTF-8 in strings is replaced, never an error.
// Tested in tests/unit/report_test.cpp.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string_view>

#include <nlohmann/json.hpp>

namespace keylint {

// Writes `skeleton` with the member whose value is the string `placeholder` replaced by an array
// of `count` elements, `element(i)` built when it is written.
void write_json_streaming_array(std::ostream& out, const nlohmann::ordered_json& skeleton, std::string_view placeholder,
                                size_t count, const std::function<nlohmann::ordered_json(size_t)>& element);

}  // namespace keylint
