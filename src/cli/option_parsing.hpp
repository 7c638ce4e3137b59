// Shared parsing helpers for the subcommands.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "walk/file_walker.hpp"

namespace keylint {

// The options that choose which files a command reads: --max-file-size, --no-ignore,
// --follow-symlinks. Shared by scan and policy so both behave alike.
struct InputSettings {
    std::string max_file_size = "25M";
    bool no_ignore = false;
    bool follow_symlinks = false;

    void add_to(boost::program_options::options_description& options);
    // Validates and copies the settings into a pipeline request's walk options and size limit.
    void apply(WalkOptions& walk, uint64_t& max_file_size_bytes) const;
};

// Parses args against `options` (plus positionals collected into `positional_name`), turning
// Boost's errors into UsageErrors. Returns false if --help was given and help was printed.
bool parse_command_line(const std::vector<std::string>& args, const boost::program_options::options_description& options,
                        const char* positional_name, const std::string& usage, const std::string& description);

// "25M", "512K", "1G" or a plain byte count.
uint64_t parse_size(const std::string& text, const std::string& option);

// Directory that relative report paths are relative to: the only argument when it is a directory,
// else the current directory (walk/file_walker.hpp). Absolute, for SARIF's originalUriBaseIds.
std::string source_root_of(const std::vector<std::string>& paths);

}  // namespace keylint
