// libFuzzer target: the sql dump reader (credentials/sql_dump.hpp). Each value must be exactly the
// bytes its range names, inside the text.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "credentials/sql_dump.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<keylint::NamedValue> values = keylint::read_sql_dump(text);
    keylint::fuzz::check_values(values, text);
    for (const keylint::NamedValue& value : values) {
        if (text.substr(value.value_begin, value.value_end - value.value_begin) != value.value) __builtin_trap();
    }
    return 0;
}
