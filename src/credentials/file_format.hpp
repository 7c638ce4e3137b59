// Which reader understands a file, decided by its name: the structured formats and languages
// keylint parses with tree-sitter, the key=value formats and the line-oriented credential files.
// Tested in tests/unit/credential_detector_test.cpp.
#pragma once

#include <string_view>

namespace keylint {

enum class FileFormat {
    unknown,
    // tree-sitter
    json, yaml, toml, xml, hcl, python, javascript, typescript, go, java, ruby, php, csharp, shell,
    // key = value lines
    dotenv, ini, properties,
    // line-oriented credential files
    netrc, pgpass, htpasswd, shadow, git_credentials,
    // files whose values are hashes and versions, never credentials (keylint's baseline too)
    lock_file,
};

FileFormat file_format_of(std::string_view path);

// Formats read by the line readers (line_formats.hpp) rather than a tree-sitter grammar; they are
// small and always read, without the prefilter.
bool is_line_format(FileFormat format);

const char* format_name(FileFormat format);

}  // namespace keylint
