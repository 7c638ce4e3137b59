// See file_format.hpp.
#include "credentials/file_format.hpp"

#include "credentials/format_sniffer.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace keylint {
namespace {

std::string lower_file_name(std::string_view path) {
    const size_t slash = path.find_last_of("/\\");
    std::string name(slash == std::string_view::npos ? path : path.substr(slash + 1));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

// Lock files, and keylint's own baseline (salted hashes).
constexpr std::array<std::string_view, 15> lock_files = {
    "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "composer.lock", "gemfile.lock",
    "poetry.lock", "pipfile.lock", "cargo.lock", "go.sum", "packages.lock.json", "flake.lock", "mix.lock",
    "podfile.lock", ".keylint-baseline.json"};

constexpr std::array<std::pair<std::string_view, FileFormat>, 47> exact_names = {{
    {"servlist.conf", FileFormat::hexchat_servlist},
    {"servlist_.conf", FileFormat::hexchat_servlist},
    {".netrc", FileFormat::netrc},
    {"_netrc", FileFormat::netrc},
    {".pgpass", FileFormat::pgpass},
    {"pgpass.conf", FileFormat::pgpass},
    {".htpasswd", FileFormat::htpasswd},
    {"htpasswd", FileFormat::htpasswd},
    {"shadow", FileFormat::shadow},
    {"shadow-", FileFormat::shadow},
    {".git-credentials", FileFormat::git_credentials},
    {".env", FileFormat::dotenv},
    {".envrc", FileFormat::dotenv},
    {".npmrc", FileFormat::ini},
    {".yarnrc", FileFormat::ini},
    {".pypirc", FileFormat::ini},
    {".s3cfg", FileFormat::ini},
    {".boto", FileFormat::ini},
    {".my.cnf", FileFormat::ini},
    {"credentials", FileFormat::ini},
    {".bashrc", FileFormat::shell},
    {".zshrc", FileFormat::shell},
    {".profile", FileFormat::shell},
    {".bash_profile", FileFormat::shell},
    {".fetchmailrc", FileFormat::netrc},
    {"master.key", FileFormat::key_file},
    {"gshadow", FileFormat::shadow},
    {"gshadow-", FileFormat::shadow},
    {"userlist.txt", FileFormat::pgbouncer_userlist},
    {".vault-token", FileFormat::key_file},
    {".msmtprc", FileFormat::directives},
    {"msmtprc", FileFormat::directives},
    {".muttrc", FileFormat::directives},
    {"muttrc", FileFormat::directives},
    {"redis.conf", FileFormat::directives},
    {"sentinel.conf", FileFormat::directives},
    {".gitconfig", FileFormat::ini},
    {".hgrc", FileFormat::ini},
    {".pip.conf", FileFormat::ini},
    {"pip.conf", FileFormat::ini},
    {".gemrc", FileFormat::yaml},
    {"gemfile", FileFormat::ruby},
    {"rakefile", FileFormat::ruby},
    {"vagrantfile", FileFormat::ruby},
    {"podfile", FileFormat::ruby},
    {"fastfile", FileFormat::ruby},
    {"appfile", FileFormat::ruby},
}};

constexpr std::array<std::pair<std::string_view, FileFormat>, 50> extensions = {{
    {".json", FileFormat::json},        {".jsonc", FileFormat::json},     {".yml", FileFormat::yaml},
    {".yaml", FileFormat::yaml},        {".toml", FileFormat::toml},      {".xml", FileFormat::xml},
    {".config", FileFormat::xml},       {".tf", FileFormat::hcl},         {".tfvars", FileFormat::hcl},
    {".hcl", FileFormat::hcl},          {".py", FileFormat::python},      {".js", FileFormat::javascript},
    {".jsx", FileFormat::javascript},   {".mjs", FileFormat::javascript}, {".cjs", FileFormat::javascript},
    {".ts", FileFormat::typescript},    {".tsx", FileFormat::typescript}, {".mts", FileFormat::typescript},
    {".cts", FileFormat::typescript},   {".go", FileFormat::go},          {".java", FileFormat::java},
    {".rb", FileFormat::ruby},          {".rake", FileFormat::ruby},      {".php", FileFormat::php},
    {".cs", FileFormat::csharp},        {".sh", FileFormat::shell},       {".bash", FileFormat::shell},
    {".zsh", FileFormat::shell},        {".ksh", FileFormat::shell},      {".env", FileFormat::dotenv},
    {".ini", FileFormat::ini},          {".cfg", FileFormat::ini},        {".cnf", FileFormat::ini},
    {".conf", FileFormat::ini},         {".properties", FileFormat::properties},
    {".htpasswd", FileFormat::htpasswd}, {".pgpass", FileFormat::pgpass},
    {".csproj", FileFormat::xml},       {".vbproj", FileFormat::xml},     {".fsproj", FileFormat::xml},
    {".props", FileFormat::xml},        {".targets", FileFormat::xml},    {".pubxml", FileFormat::xml},
    {".plist", FileFormat::xml},        {".duck", FileFormat::xml},       {".gemspec", FileFormat::ruby},
    {".podspec", FileFormat::ruby},     {".sql", FileFormat::sql},        {".csv", FileFormat::csv},
    {".publishsettings", FileFormat::xml},
}};

// Suffixes of copies and templates: `settings.py.bak` is read as Python, `config.json.dist` as JSON.
constexpr std::array<std::string_view, 10> copy_suffixes = {
    ".bak", ".orig", ".old", ".save", "~", ".dist", ".sample", ".example", ".template", ".tmpl"};

// Extensions that config files carry whatever their syntax; their content decides.
constexpr std::array<std::string_view, 5> open_extensions = {".conf", ".cfg", ".cnf", ".txt", ".rc"};

bool has_extension(std::string_view name) {
    const size_t dot = name.rfind('.');
    return dot != std::string_view::npos && dot > 0;
}

FileFormat format_of_name(std::string_view name);

// `name` without a copy or template suffix, when it has one and something before it.
std::string_view without_copy_suffix(std::string_view name) {
    for (std::string_view suffix : copy_suffixes) {
        if (name.size() > suffix.size() + 1 && name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
    }
    return {};
}

FileFormat format_of_name(std::string_view name) {
    if (std::find(lock_files.begin(), lock_files.end(), name) != lock_files.end()) return FileFormat::lock_file;
    for (const auto& [exact, format] : exact_names) {
        if (name == exact) return format;
    }
    if (name.starts_with(".env.") || name.starts_with("env.")) return FileFormat::dotenv;
    // `.htpasswd-reports`, `htpasswd.users`, pure-ftpd's `pureftpd.passwd`, ProFTPD's `ftpd.passwd`.
    if (name.starts_with(".htpasswd") || name.starts_with("htpasswd") || name.ends_with(".passwd")) {
        return FileFormat::htpasswd;
    }
    for (const auto& [extension, format] : extensions) {
        if (name.size() > extension.size() && name.ends_with(extension)) return format;
    }
    const std::string_view original = without_copy_suffix(name);
    return original.empty() ? FileFormat::unknown : format_of_name(original);
}

}  // namespace

namespace {

// `config/credentials/production.key`: Rails' per-environment master keys.
bool is_rails_environment_key(std::string_view path) {
    std::string lower(path);
    for (char& c : lower) c = c == '\\' ? '/' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t slash = lower.rfind('/');
    return slash != std::string::npos && lower.ends_with(".key") &&
           std::string_view(lower).substr(0, slash + 1).ends_with("config/credentials/");
}

// vsftpd's virtual users, the text that `db_load -T -t hash` turns into a pam_userdb database:
// `virtual_users.txt`, or any `.txt` in a vsftpd folder (its guide calls it `logins.txt`).
bool is_virtual_users_list(std::string_view path) {
    std::string lower(path);
    for (char& c : lower) c = c == '\\' ? '/' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t slash = lower.rfind('/');
    const std::string_view name = std::string_view(lower).substr(slash == std::string::npos ? 0 : slash + 1);
    if (name == "virtual_users.txt" || name == "virtual-users.txt" || name == "vusers.txt") return true;
    const std::string_view folder = std::string_view(lower).substr(0, slash == std::string::npos ? 0 : slash);
    return name.ends_with(".txt") && folder.find("vsftpd") != std::string_view::npos;
}

}  // namespace

FileFormat file_format_of(std::string_view path) {
    if (is_rails_environment_key(path)) return FileFormat::key_file;
    if (is_virtual_users_list(path)) return FileFormat::virtual_users;
    return format_of_name(lower_file_name(path));
}

FileFormat detect_file_format(std::string_view path, std::string_view bytes) {
    if (is_rails_environment_key(path)) return FileFormat::key_file;
    if (is_virtual_users_list(path)) return FileFormat::virtual_users;
    const std::string name = lower_file_name(path);
    const FileFormat by_name = format_of_name(name);
    const bool open_extension = std::any_of(open_extensions.begin(), open_extensions.end(), [&](std::string_view e) {
        return name.size() > e.size() && name.ends_with(e);
    });
    if (by_name != FileFormat::unknown && !(open_extension && by_name == FileFormat::ini)) return by_name;
    const bool undecided = !has_extension(name) || name.front() == '.' || open_extension;
    if (!undecided) return by_name;
    const FileFormat sniffed = sniff_format(bytes);
    if (by_name == FileFormat::ini && (sniffed == FileFormat::unknown || sniffed == FileFormat::dotenv)) return by_name;
    return sniffed;
}

bool is_line_format(FileFormat format) {
    switch (format) {
        case FileFormat::dotenv:
        case FileFormat::ini:
        case FileFormat::properties:
        case FileFormat::directives:
        case FileFormat::netrc:
        case FileFormat::pgpass:
        case FileFormat::htpasswd:
        case FileFormat::shadow:
        case FileFormat::git_credentials:
        case FileFormat::sql:
        case FileFormat::csv:
        case FileFormat::key_file:
        case FileFormat::pgbouncer_userlist:
        case FileFormat::heidisql_settings:
        case FileFormat::hexchat_servlist:
        case FileFormat::virtual_users:
            return true;
        default:
            return false;
    }
}

const char* format_name(FileFormat format) {
    switch (format) {
        case FileFormat::unknown: return "unknown";
        case FileFormat::json: return "JSON";
        case FileFormat::yaml: return "YAML";
        case FileFormat::toml: return "TOML";
        case FileFormat::xml: return "XML";
        case FileFormat::hcl: return "HCL";
        case FileFormat::python: return "Python";
        case FileFormat::javascript: return "JavaScript";
        case FileFormat::typescript: return "TypeScript";
        case FileFormat::go: return "Go";
        case FileFormat::java: return "Java";
        case FileFormat::ruby: return "Ruby";
        case FileFormat::php: return "PHP";
        case FileFormat::csharp: return "C#";
        case FileFormat::shell: return "shell";
        case FileFormat::dotenv: return ".env";
        case FileFormat::ini: return "INI";
        case FileFormat::properties: return "properties";
        case FileFormat::directives: return "directives";
        case FileFormat::netrc: return ".netrc";
        case FileFormat::pgpass: return ".pgpass";
        case FileFormat::htpasswd: return "htpasswd";
        case FileFormat::shadow: return "shadow";
        case FileFormat::git_credentials: return ".git-credentials";
        case FileFormat::sql: return "SQL";
        case FileFormat::csv: return "CSV";
        case FileFormat::key_file: return "key file";
        case FileFormat::pgbouncer_userlist: return "PgBouncer userlist";
        case FileFormat::heidisql_settings: return "HeidiSQL settings";
        case FileFormat::hexchat_servlist: return "HexChat servlist";
        case FileFormat::virtual_users: return "virtual users list";
        case FileFormat::lock_file: return "lock file";
    }
    return "unknown";
}

}  // namespace keylint
