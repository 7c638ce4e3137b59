// See file_format.hpp.
#include "credentials/file_format.hpp"

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

constexpr std::array<std::pair<std::string_view, FileFormat>, 22> exact_names = {{
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
}};

constexpr std::array<std::pair<std::string_view, FileFormat>, 37> extensions = {{
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
}};

}  // namespace

FileFormat file_format_of(std::string_view path) {
    const std::string name = lower_file_name(path);
    if (std::find(lock_files.begin(), lock_files.end(), name) != lock_files.end()) return FileFormat::lock_file;
    for (const auto& [exact, format] : exact_names) {
        if (name == exact) return format;
    }
    if (name.starts_with(".env.") || name.starts_with("env.")) return FileFormat::dotenv;
    for (const auto& [extension, format] : extensions) {
        if (name.size() > extension.size() && name.ends_with(extension)) return format;
    }
    return FileFormat::unknown;
}

bool is_line_format(FileFormat format) {
    switch (format) {
        case FileFormat::dotenv:
        case FileFormat::ini:
        case FileFormat::properties:
        case FileFormat::netrc:
        case FileFormat::pgpass:
        case FileFormat::htpasswd:
        case FileFormat::shadow:
        case FileFormat::git_credentials:
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
        case FileFormat::netrc: return ".netrc";
        case FileFormat::pgpass: return ".pgpass";
        case FileFormat::htpasswd: return "htpasswd";
        case FileFormat::shadow: return "shadow";
        case FileFormat::git_credentials: return ".git-credentials";
        case FileFormat::lock_file: return "lock file";
    }
    return "unknown";
}

}  // namespace keylint
