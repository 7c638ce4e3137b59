// The one translation unit that compiles toml++'s implementation from its headers (meson.build
// builds every other with TOML_HEADER_ONLY=0), so keylint links no toml++ library.
//
// The parser's internal precondition checks are off in every build type, as they are in Debian's
// release-built library that keylint linked before: malformed input breaks some of them in 3.3.0
// (`x = ]`, a bad table header), which aborts a debug or sanitizer build, and the parser then goes
// on to report the parse error. The fuzz targets check that path under ASan and UBSan.
#define TOML_ASSERT(expr) static_assert(true)
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
