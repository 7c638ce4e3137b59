// libFuzzer target: a check's metadata TOML → parse_check_metadata. A malformed file must end in
// std::logic_error naming the file (a build defect the registry test reports), never a crash, a
// hang or a leak; a file it accepts holds every field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "checks/check_metadata.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const keylint::RuleInfo info = keylint::parse_check_metadata("fuzz.toml", text);
        if (info.id.empty() || info.title.empty() || info.help.empty() || info.tags.empty()) std::abort();
        if (info.security_severity < 0.0 || info.security_severity > 10.0) std::abort();
    } catch (const std::logic_error&) {
    }
    return 0;
}
