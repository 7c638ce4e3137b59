// Checksums that providers build into their tokens, so a scanner can tell a real token from a
// look-alike without asking the provider. `crc32-base62`: GitHub's `ghp_`/`gho_`/`ghu_`/`ghs_`/
// `ghr_` and npm's `npm_` tokens end in six base62 characters (0-9, A-Z, a-z) that encode the
// CRC-32 of the 30 random characters between the prefix's `_` and them (36 after the `_`). A rule names its
// checksum with the `checksum` key; a match whose checksum fails is reported at `warning` (a typo,
// a test fixture, a made-up token) with `checksum: failed` in its properties.
// Tested in tests/unit/token_checksum_test.cpp.
#pragma once

#include <optional>
#include <string_view>

namespace keylint {

enum class TokenChecksum { none, crc32_base62 };

// The checksum a rule file names ("crc32-base62"), or nullopt for an unknown name.
std::optional<TokenChecksum> parse_token_checksum(std::string_view name);

// Whether `token` (the matched secret, prefix included) carries a valid checksum of `kind`;
// nullopt when the token is not of the shape the checksum covers (GitHub's longer `ghs_` tokens).
std::optional<bool> token_checksum_holds(TokenChecksum kind, std::string_view token);

}  // namespace keylint
