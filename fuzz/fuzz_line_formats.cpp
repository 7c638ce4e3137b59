// libFuzzer target: the line readers (.env, INI, properties, .netrc, .pgpass, htpasswd, shadow,
// .git-credentials, directives, key files). The first input byte picks the format; the rest is the file. Each value
// must be exactly the bytes its range names.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <vector>

#include "credentials/file_format.hpp"
#include "credentials/line_formats.hpp"
#include "fuzz_checks.hpp"

namespace {
constexpr keylint::FileFormat formats[] = {
    keylint::FileFormat::dotenv, keylint::FileFormat::ini,    keylint::FileFormat::properties,
    keylint::FileFormat::netrc,  keylint::FileFormat::pgpass, keylint::FileFormat::htpasswd,
    keylint::FileFormat::shadow, keylint::FileFormat::git_credentials, keylint::FileFormat::directives,
    keylint::FileFormat::key_file, keylint::FileFormat::pgbouncer_userlist, keylint::FileFormat::heidisql_settings,
    keylint::FileFormat::hexchat_servlist, keylint::FileFormat::virtual_users,
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const keylint::FileFormat format = formats[data[0] % std::size(formats)];
    const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::vector<keylint::NamedValue> values = keylint::read_line_format(format, text);
    keylint::fuzz::check_values(values, text);
    for (const keylint::NamedValue& value : values) {
        if (text.substr(value.value_begin, value.value_end - value.value_begin) != value.value) __builtin_trap();
    }
    return 0;
}
