// SHA-256 (FIPS 180-4), used for fingerprints and baseline keys: a digest of a secret identifies it
// without storing it. Tested with the FIPS test vectors in tests/unit/sha256_test.cpp.
#pragma once

#include <string>
#include <string_view>

namespace keylint {

std::string sha256_hex(std::string_view data);

}  // namespace keylint
