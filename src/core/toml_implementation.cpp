// The one translation unit that compiles toml++'s implementation from its headers (meson.build
// builds every other with TOML_HEADER_ONLY=0), so keylint links no toml++ library.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
