// Which reader understands a file: the structured formats and languages keylint parses with
// tree-sitter, the key=value formats and the line-oriented credential files. Decided by the file's
// name where the name says it (`.pgpass`, `*.yaml`, `.env.production`, `settings.py.bak`), else by
// its content (format_sniffer.hpp) for the names that config files carry without a telling
// extension (`config`, `.msmtprc`, `*.conf`, `deploy/env`).
// Tested in tests/unit/file_format_test.cpp.
#pragma once

#include <string_view>

namespace keylint {

enum class FileFormat {
    unknown,
    // tree-sitter
    json, yaml, toml, xml, hcl, python, javascript, typescript, go, java, ruby, php, csharp, shell,
    // key = value lines, and `key value` directives (redis.conf, .msmtprc, .muttrc's `set key = value`)
    dotenv, ini, properties, directives,
    // line-oriented credential files (PgBouncer's userlist.txt: `"user" "password or hash"`)
    netrc, pgpass, htpasswd, shadow, git_credentials, pgbouncer_userlist,
    // application settings that keep passwords in fields of their own: HeidiSQL's exported
    // settings (`Servers\name\Password<|||>1<|||>…`), HexChat's and XChat's servlist.conf (`P=…`)
    heidisql_settings, hexchat_servlist,
    // pam_userdb sources (vsftpd virtual users: a login line, then its password line)
    virtual_users,
    // tables: SQL dumps and scripts, CSV exports
    sql, csv,
    // files that are one secret by convention: Rails `config/master.key` and
    // `config/credentials/<env>.key`, a Vault CLI `.vault-token`
    key_file,
    // files whose values are hashes and versions, never credentials (keylint's baseline too)
    lock_file,
};

// The format the name decides, or unknown.
FileFormat file_format_of(std::string_view path);

// The format of a file: by name, and by the first KiB of its text (`bytes`) when the name leaves it
// open: no extension, a dotfile, or a config extension (`.conf`, `.cfg`, `.cnf`, `.txt`) whose
// content is JSON, XML, YAML or directives rather than INI.
FileFormat detect_file_format(std::string_view path, std::string_view bytes);

// Formats read by the line readers (line_formats.hpp) rather than a tree-sitter grammar; they are
// small and always read, without the prefilter.
bool is_line_format(FileFormat format);

const char* format_name(FileFormat format);

}  // namespace keylint
