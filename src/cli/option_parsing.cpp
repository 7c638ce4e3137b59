#include "cli/option_parsing.hpp"

#include <filesystem>
#include <iostream>

#include "core/error.hpp"
#include "walk/file_walker.hpp"

namespace keylint {
namespace po = boost::program_options;

bool parse_command_line(const std::vector<std::string>& args, const po::options_description& options,
                        const char* positional_name, const std::string& usage, const std::string& description) {
    po::positional_options_description positional;
    if (positional_name) positional.add(positional_name, -1);
    po::variables_map values;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
        if (values.count("help")) {
            std::cout << "usage: " << usage << "\n\n" << description << "\n\n" << options << '\n';
            return false;
        }
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError(error.what());
    }
    return true;
}

uint64_t parse_size(const std::string& text, const std::string& option) {
    size_t used = 0;
    uint64_t value = 0;
    try {
        value = std::stoull(text, &used);
    } catch (const std::exception&) {
        throw UsageError("--" + option + ": '" + text + "' is not a size (examples: 1048576, 512K, 25M, 1G)");
    }
    const std::string suffix = text.substr(used);
    if (suffix.empty() || suffix == "B") return value;
    if (suffix == "K" || suffix == "KiB") return value << 10;
    if (suffix == "M" || suffix == "MiB") return value << 20;
    if (suffix == "G" || suffix == "GiB") return value << 30;
    throw UsageError("--" + option + ": unknown size suffix '" + suffix + "' (use K, M or G)");
}

void InputSettings::add_to(po::options_description& options) {
    options.add_options()
        ("max-file-size", po::value(&max_file_size)->default_value("25M")->value_name("SIZE"),
         "skip (and report) files larger than SIZE, e.g. 512K, 25M, 1G")
        ("no-ignore", po::bool_switch(&no_ignore),
         "do not honour .gitignore, .ignore and .keylintignore files (by default what they ignore is skipped and "
         "counted)")
        ("follow-symlinks", po::bool_switch(&follow_symlinks),
         "read the targets of symbolic links (loops are detected); by default links are skipped and reported");
}

void InputSettings::apply(WalkOptions& walk, uint64_t& max_file_size_bytes) const {
    max_file_size_bytes = parse_size(max_file_size, "max-file-size");
    walk.use_ignore_files = !no_ignore;
    walk.follow_symlinks = follow_symlinks;
}

std::string source_root_of(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (roots_are_one_directory(paths)) return fs::absolute(paths.front(), error).lexically_normal().string();
    return fs::current_path(error).string();
}

}  // namespace keylint
