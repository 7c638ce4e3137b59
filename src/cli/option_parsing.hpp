// Shared parsing helpers for the subcommands.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace keylint {

// Parses args against `options` (plus positionals collected into `positional_name`), turning
// Boost's errors into UsageErrors. Returns false if --help was given and help was printed.
bool parse_command_line(const std::vector<std::string>& args, const boost::program_options::options_description& options,
                        const char* positional_name, const std::string& usage, const std::string& description);

// "25M", "512K", "1G" or a plain byte count.
uint64_t parse_size(const std::string& text, const std::string& option);

// Directory that relative report paths are relative to: the first directory argument, or the
// current directory. Absolute, for SARIF's originalUriBaseIds.
std::string source_root_of(const std::vector<std::string>& paths);

}  // namespace keylint
