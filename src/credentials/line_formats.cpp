// See line_formats.hpp.
#include "credentials/line_formats.hpp"

#include <string>

#include "credentials/csv_table.hpp"
#include "credentials/sql_dump.hpp"

namespace keylint {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

struct Line {
    std::string_view text;
    size_t offset = 0;  // of text in the file
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(Line{line, start});
        if (end == text.size()) break;
        start = end + 1;
    }
    return lines;
}

// [begin, end) of the trimmed part of line within the line.
std::pair<size_t, size_t> trimmed(std::string_view line, size_t begin, size_t end) {
    while (begin < end && is_blank(line[begin])) ++begin;
    while (end > begin && is_blank(line[end - 1])) --end;
    return {begin, end};
}

NamedValue value_at(std::string name, const Line& line, size_t begin, size_t end, std::string description = {}) {
    return NamedValue{std::move(name), std::string(line.text.substr(begin, end - begin)), line.offset + begin,
                      line.offset + end, std::move(description), false};
}

// `NAME=value`, `export NAME="value"`, `key = value`, `key: value` (properties, INI without `=`). The value loses
// its quotes, and an unquoted value loses a trailing ` # comment`.
enum class Separators { equals, equals_or_colon, equals_else_colon };

// An Ansible inventory host line: a host, then `key=value` pairs separated by blanks (a value may
// be quoted).
void read_inline_pairs(const Line& line, size_t begin, size_t end, std::vector<NamedValue>& out) {
    size_t at = begin;
    while (at < end) {
        while (at < end && is_blank(line.text[at])) ++at;
        const size_t token_begin = at;
        size_t token_end = at;
        while (token_end < end && !is_blank(line.text[token_end]) && line.text[token_end] != '=') ++token_end;
        if (token_end >= end || line.text[token_end] != '=') {  // the host, or a bare word
            while (token_end < end && !is_blank(line.text[token_end])) ++token_end;
            at = token_end;
            continue;
        }
        size_t value_begin = token_end + 1, value_end = value_begin;
        const char quote = value_begin < end ? line.text[value_begin] : '\0';
        if ((quote == '"' || quote == '\'') && line.text.find(quote, value_begin + 1) < end) {
            value_end = line.text.find(quote, value_begin + 1);
            ++value_begin;
            at = value_end + 1;
        } else {
            while (value_end < end && !is_blank(line.text[value_end])) ++value_end;
            at = value_end;
        }
        if (value_end > value_begin && token_end > token_begin) {
            out.push_back(value_at(std::string(line.text.substr(token_begin, token_end - token_begin)), line, value_begin,
                                   value_end));
        }
    }
}

void read_assignments(std::string_view text, Separators separators, bool strip_export, std::vector<NamedValue>& out) {
    for (const Line& line : split_lines(text)) {
        auto [begin, end] = trimmed(line.text, 0, line.text.size());
        if (begin == end) continue;
        const char first = line.text[begin];
        if (first == '#' || first == ';' || first == '!' || first == '[') continue;
        if (strip_export && line.text.substr(begin).starts_with("export ")) begin += 7;
        size_t separator = line.text.find('=', begin);
        const size_t colon = line.text.find(':', begin);
        if (separators == Separators::equals_or_colon && colon < separator) separator = colon;
        if (separators == Separators::equals_else_colon && separator == std::string_view::npos) separator = colon;
        if (separator == std::string_view::npos || separator >= end) continue;
        const auto [name_begin, name_end] = trimmed(line.text, begin, separator);
        if (name_begin == name_end) continue;
        if (separators == Separators::equals_else_colon &&
            line.text.substr(name_begin, name_end - name_begin).find_first_of(" \t") != std::string_view::npos) {
            read_inline_pairs(line, name_begin, end, out);  // `host ansible_user=deploy ansible_password=…`
            continue;
        }
        auto [value_begin, value_end] = trimmed(line.text, separator + 1, end);
        if (value_begin == value_end) continue;
        const char quote = line.text[value_begin];
        if ((quote == '"' || quote == '\'') && value_end - value_begin >= 2) {
            const size_t closing = line.text.find(quote, value_begin + 1);
            if (closing == std::string_view::npos || closing >= end) continue;
            value_end = closing;
            ++value_begin;
        } else {
            const size_t comment = line.text.find(" #", value_begin);
            if (comment != std::string_view::npos && comment < value_end) {
                value_end = trimmed(line.text, value_begin, comment).second;
            }
        }
        std::string name(line.text.substr(name_begin, name_end - name_begin));
        out.push_back(value_at(std::move(name), line, value_begin, value_end));
    }
}

// `machine host login user password secret`, tokens separated by any white space, across lines; also
// fetchmail's `poll host user "name" pass "secret"`, whose tokens may be quoted.
void read_netrc(std::string_view text, std::vector<NamedValue>& out) {
    bool expect_password = false;
    bool account = false;  // `account …`: ftp's additional account password
    std::string_view previous;
    for (const Line& line : split_lines(text)) {
        size_t position = 0;
        while (position < line.text.size()) {
            while (position < line.text.size() && is_blank(line.text[position])) ++position;
            size_t end = position;
            size_t value_begin = position, value_end = 0;
            const char quote = position < line.text.size() ? line.text[position] : '\0';
            if ((quote == '"' || quote == '\'') && line.text.find(quote, position + 1) != std::string_view::npos) {
                value_begin = position + 1;
                value_end = line.text.find(quote, position + 1);
                end = value_end + 1;
            } else {
                while (end < line.text.size() && !is_blank(line.text[end])) ++end;
                value_end = end;
            }
            if (end == position) break;
            const std::string_view token = line.text.substr(position, end - position);
            if (token.starts_with("#") && !expect_password) break;
            if (expect_password) {
                out.push_back(value_at("password", line, value_begin, value_end,
                                       account ? "account password field of .netrc" : "password field of .netrc"));
            }
            // fetchmail's `auth password` names the method, not a password.
            account = token == "account";
            expect_password = !expect_password && previous != "auth" &&
                              (token == "password" || token == "passwd" || token == "pass" || account);
            previous = token;
            position = end;
        }
    }
}

// Redis's ACL rule `user NAME on >password #sha256hex ~keys +@cmds`: the `>` and `#` tokens; and
// `sentinel auth-pass MASTER password`, `sentinel sentinel-pass password`: the setting is the
// second word, its value the last.
void read_server_directive(std::string_view name, const Line& line, size_t begin, size_t end, std::vector<NamedValue>& out) {
    std::vector<std::pair<size_t, size_t>> words;
    for (size_t at = begin; at < end;) {
        while (at < end && is_blank(line.text[at])) ++at;
        size_t word_end = at;
        while (word_end < end && !is_blank(line.text[word_end])) ++word_end;
        if (word_end > at) words.emplace_back(at, word_end);
        at = word_end;
    }
    if (name == "user") {
        for (const auto& [word_begin, word_end] : words) {
            const char mark = line.text[word_begin];
            if ((mark == '>' || mark == '#') && word_end > word_begin + 1) {
                out.push_back(value_at(mark == '>' ? "password" : "password hash", line, word_begin + 1, word_end,
                                       mark == '>' ? "password of a Redis ACL user" : "password hash of a Redis ACL user"));
            }
        }
        return;
    }
    if (words.size() >= 2) {
        const std::string setting(line.text.substr(words.front().first, words.front().second - words.front().first));
        out.push_back(value_at(setting, line, words.back().first, words.back().second));
    }
}

// `name value`, `name "value"` and `set name = value` lines (redis.conf, .msmtprc, .muttrc,
// sshd_config-style files). A value that runs to the end of the line loses a trailing ` # comment`.
void read_directives(std::string_view text, std::vector<NamedValue>& out) {
    for (const Line& line : split_lines(text)) {
        auto [begin, end] = trimmed(line.text, 0, line.text.size());
        if (begin == end || line.text[begin] == '#' || line.text[begin] == ';') continue;
        if (line.text.substr(begin).starts_with("set ")) begin = trimmed(line.text, begin + 4, end).first;
        size_t name_end = begin;
        while (name_end < end && !is_blank(line.text[name_end]) && line.text[name_end] != '=') ++name_end;
        if (name_end == begin) continue;
        size_t value_begin = trimmed(line.text, name_end, end).first;
        if (value_begin < end && line.text[value_begin] == '=') value_begin = trimmed(line.text, value_begin + 1, end).first;
        if (value_begin == name_end || value_begin >= end) continue;  // `name` alone, or `namevalue`
        size_t value_end = end;
        const char quote = line.text[value_begin];
        if (quote == '"' || quote == '\'') {
            const size_t closing = line.text.find(quote, value_begin + 1);
            if (closing == std::string_view::npos || closing >= end) continue;
            ++value_begin;
            value_end = closing;
        } else if (line.text.substr(begin, name_end - begin) != "user") {  // in an ACL rule `#` starts a hash
            const size_t comment = line.text.find(" #", value_begin);
            if (comment != std::string_view::npos && comment < value_end) value_end = trimmed(line.text, value_begin, comment).second;
        }
        if (value_begin == value_end) continue;
        const std::string_view name = line.text.substr(begin, name_end - begin);
        if (name == "user" || name == "sentinel") {
            read_server_directive(name, line, value_begin, value_end, out);
            continue;
        }
        out.push_back(value_at(std::string(name), line, value_begin, value_end));
    }
}

// `hostname:port:database:username:password`, where `\:` and `\\` escape.
void read_pgpass(std::string_view text, std::vector<NamedValue>& out) {
    for (const Line& line : split_lines(text)) {
        if (line.text.empty() || line.text.front() == '#') continue;
        size_t fields = 0;
        size_t field_start = 0;
        for (size_t i = 0; i < line.text.size(); ++i) {
            if (line.text[i] == '\\') {
                ++i;
                continue;
            }
            if (line.text[i] == ':') {
                ++fields;
                field_start = i + 1;
                if (fields == 4) break;
            }
        }
        if (fields == 4 && field_start < line.text.size()) {
            out.push_back(value_at("password", line, field_start, line.text.size(), "password field of .pgpass"));
        }
    }
}

// `user:hash` (htpasswd, FTP servers' passwd files) or `user:hash:lastchange:…` (shadow). An
// empty or disabled field (`*`, `!`, `x`) is skipped; a locked account's `!$6$…` keeps its hash, and
// a commented-out `# user:$apr1$…` entry still holds one.
bool is_crypt_hash(std::string_view field) {
    return (field.size() > 3 && field.front() == '$' && field.find('$', 1) != std::string_view::npos) ||
           field.starts_with("{SHA}") || field.starts_with("{SSHA}");
}

void read_user_hash(std::string_view text, const char* description, std::vector<NamedValue>& out) {
    for (const Line& line : split_lines(text)) {
        size_t start = 0;
        bool commented = false;
        if (!line.text.empty() && line.text.front() == '#') {
            commented = true;
            start = trimmed(line.text, 1, line.text.size()).first;
        }
        const size_t colon = line.text.find(':', start);
        if (colon == std::string_view::npos || colon == start) continue;
        size_t end = line.text.find(':', colon + 1);
        if (end == std::string_view::npos) end = line.text.size();
        auto [begin, hash_end] = trimmed(line.text, colon + 1, end);
        while (begin < hash_end && line.text[begin] == '!') ++begin;  // a locked account
        const std::string_view hash = line.text.substr(begin, hash_end - begin);
        if (hash.empty() || hash.front() == '*' || hash == "x") continue;
        if ((commented || begin > colon + 1) && !is_crypt_hash(hash)) continue;
        out.push_back(value_at("password hash", line, begin, hash_end, description));
    }
}

// HeidiSQL's exported settings, `Servers\\prod\\Password<|||>1<|||>…`: a registry path, a type and a
// value per line. The password settings hold HeidiSQL's reversible encoding of the password.
void read_heidisql_settings(std::string_view text, std::vector<NamedValue>& out) {
    constexpr std::string_view separator = "<|||>";
    for (const Line& line : split_lines(text)) {
        const size_t first = line.text.find(separator);
        if (first == std::string_view::npos) continue;
        const size_t second = line.text.find(separator, first + separator.size());
        if (second == std::string_view::npos) continue;
        const std::string_view path = line.text.substr(0, first);
        const size_t backslash = path.rfind('\\');
        std::string setting(backslash == std::string_view::npos ? path : path.substr(backslash + 1));
        std::string folded;
        for (char c : setting) folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!folded.ends_with("password") && !folded.ends_with("pass")) continue;
        const size_t begin = second + separator.size();
        const size_t end = trimmed(line.text, begin, line.text.size()).second;
        if (end <= begin) continue;
        out.push_back(value_at(setting, line, begin, end, "password of a HeidiSQL session (reversibly encoded)"));
    }
}

// HexChat's (and XChat's) servlist.conf: one `X=value` line per field of a network; `P=` is the
// network's login password and `B=` the NickServ password of older versions.
void read_hexchat_servlist(std::string_view text, std::vector<NamedValue>& out) {
    for (const Line& line : split_lines(text)) {
        if (line.text.size() < 3 || line.text[1] != '=' || (line.text[0] != 'P' && line.text[0] != 'B')) continue;
        const size_t end = trimmed(line.text, 2, line.text.size()).second;
        if (end <= 2) continue;
        out.push_back(value_at(line.text[0] == 'P' ? "P" : "B", line, 2, end,
                               line.text[0] == 'P' ? "password of a HexChat network" : "NickServ password of a HexChat network"));
    }
}

// A pam_userdb source (vsftpd virtual users): a login on one line, its password on the next. Only
// a list of single words in pairs is one; anything else is left alone.
void read_virtual_users(std::string_view text, std::vector<NamedValue>& out) {
    std::vector<std::pair<const Line*, std::pair<size_t, size_t>>> words;
    const std::vector<Line> lines = split_lines(text);
    for (const Line& line : lines) {
        const auto [begin, end] = trimmed(line.text, 0, line.text.size());
        if (begin == end) continue;
        if (line.text.substr(begin, end - begin).find_first_of(" \t") != std::string_view::npos) return;
        words.push_back({&line, {begin, end}});
    }
    if (words.size() % 2 != 0) return;
    for (size_t i = 1; i < words.size(); i += 2) {
        const auto [line, range] = words[i];
        out.push_back(value_at("password", *line, range.first, range.second, "password of a virtual user"));
    }
}

// PgBouncer's auth_file: `"user" "password"` per line, the password plain, `md5…` or `SCRAM-SHA-256$…`.
void read_pgbouncer_userlist(std::string_view text, std::vector<NamedValue>& out) {
    for (const Line& line : split_lines(text)) {
        const size_t first = line.text.find('"');
        if (first == std::string_view::npos || trimmed(line.text, 0, first).first != first) continue;
        const size_t first_end = line.text.find('"', first + 1);
        if (first_end == std::string_view::npos) continue;
        const size_t second = line.text.find('"', first_end + 1);
        if (second == std::string_view::npos) continue;
        const size_t second_end = line.text.find('"', second + 1);
        if (second_end == std::string_view::npos || second_end == second + 1) continue;
        out.push_back(value_at("password", line, second + 1, second_end, "password of a PgBouncer userlist entry"));
    }
}

// `scheme://user:password@host`: the password part. The user may hold `@` itself
// (`https://a@b.com:secret@host`), so the user information ends at the line's last `@`.
void read_git_credentials(std::string_view text, std::vector<NamedValue>& out) {
    for (const Line& line : split_lines(text)) {
        const size_t scheme = line.text.find("://");
        if (scheme == std::string_view::npos) continue;
        const size_t at = line.text.rfind('@');
        if (at == std::string_view::npos || at < scheme + 3) continue;
        const size_t colon = line.text.find(':', scheme + 3);
        if (colon == std::string_view::npos || colon > at) continue;
        out.push_back(value_at("password", line, colon + 1, at, "password of a .git-credentials URL"));
    }
}

// A file that is one secret: its one non-blank line (Rails' master.key holds 32 hex digits).
void read_key_file(std::string_view text, std::vector<NamedValue>& out) {
    const std::vector<Line> lines = split_lines(text);
    const Line* only = nullptr;
    for (const Line& line : lines) {
        if (trimmed(line.text, 0, line.text.size()).first == line.text.size()) continue;
        if (only != nullptr) return;  // several lines: not a key file after all
        only = &line;
    }
    if (only == nullptr) return;
    const auto [begin, end] = trimmed(only->text, 0, only->text.size());
    if (only->text.substr(begin, end - begin).find_first_of(" \t") != std::string_view::npos) return;
    out.push_back(value_at("key", *only, begin, end, "the content of a key file"));
}

}  // namespace

std::vector<NamedValue> read_line_format(FileFormat format, std::string_view text) {
    std::vector<NamedValue> values;
    switch (format) {
        case FileFormat::dotenv: read_assignments(text, Separators::equals, true, values); break;
        case FileFormat::ini: read_assignments(text, Separators::equals_else_colon, false, values); break;
        case FileFormat::properties: read_assignments(text, Separators::equals_or_colon, false, values); break;
        case FileFormat::directives: read_directives(text, values); break;
        case FileFormat::netrc: read_netrc(text, values); break;
        case FileFormat::pgpass: read_pgpass(text, values); break;
        case FileFormat::htpasswd: read_user_hash(text, "password hash in an htpasswd file", values); break;
        case FileFormat::shadow: read_user_hash(text, "password hash in a shadow file", values); break;
        case FileFormat::git_credentials: read_git_credentials(text, values); break;
        case FileFormat::sql: values = read_sql_dump(text); break;
        case FileFormat::csv: values = read_csv_table(text); break;
        case FileFormat::key_file: read_key_file(text, values); break;
        case FileFormat::pgbouncer_userlist: read_pgbouncer_userlist(text, values); break;
        case FileFormat::heidisql_settings: read_heidisql_settings(text, values); break;
        case FileFormat::hexchat_servlist: read_hexchat_servlist(text, values); break;
        case FileFormat::virtual_users: read_virtual_users(text, values); break;
        default: break;
    }
    return values;
}

}  // namespace keylint
