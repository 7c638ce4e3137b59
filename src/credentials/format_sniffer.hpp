// The format of a text whose name does not decide it (`config`, `settings`, `.msmtprc`, `deploy/env`,
// `*.conf`), read from its first few KiB: JSON and XML by their first character, scripts by their
// `#!` line, and the line formats by what their first meaningful lines look like (`[section]` and
// `key = value` is INI, `NAME=value` lines are .env, `key: value` is YAML, `key value` directives).
// Never called on binary text (the walker skips it before). Unknown when no shape dominates.
// Tested in tests/unit/format_sniffer_test.cpp.
#pragma once

#include <string_view>

#include "credentials/file_format.hpp"

namespace keylint {

// How much of a text the sniffer reads.
inline constexpr size_t sniffed_bytes = 4096;

FileFormat sniff_format(std::string_view text);

}  // namespace keylint
