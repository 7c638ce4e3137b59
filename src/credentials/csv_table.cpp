// See csv_table.hpp.
#include "credentials/csv_table.hpp"

#include <string>

#include "credentials/credential_name.hpp"

namespace keylint {
namespace {

struct Field {
    size_t begin = 0, end = 0;  // the content, without the quotes of a quoted field
};

// The separator of the header row: the most frequent of `,`, `;` and tab outside quotes.
char separator_of(std::string_view text) {
    size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (tabs > commas && tabs > semicolons) return '\t';
    return semicolons > commas ? ';' : ',';
}

// The fields of the row at `position`, which moves past the row's end.
std::vector<Field> read_row(std::string_view text, size_t& position, char separator) {
    std::vector<Field> fields;
    while (position < text.size()) {
        Field field;
        if (text[position] == '"') {
            field.begin = ++position;
            while (position < text.size()) {
                if (text[position] == '"' && position + 1 < text.size() && text[position + 1] == '"') {
                    position += 2;
                } else if (text[position] == '"') {
                    break;
                } else {
                    ++position;
                }
            }
            field.end = position;
            if (position < text.size()) ++position;  // the closing quote
            while (position < text.size() && text[position] != separator && text[position] != '\n') ++position;
        } else {
            field.begin = position;
            while (position < text.size() && text[position] != separator && text[position] != '\n') ++position;
            field.end = position;
            if (field.end > field.begin && text[field.end - 1] == '\r') --field.end;
        }
        fields.push_back(field);
        if (position >= text.size()) break;
        if (text[position++] == '\n') break;
    }
    return fields;
}

// The column's last word names what it holds: `password`, `login_password`, `Passwort`; not
// Firefox's `timePasswordChanged` or `password_strength`.
bool is_password_column(std::string_view column) {
    const std::vector<std::string> words = split_name_words(column);
    if (words.empty()) return false;
    const std::string& word = words.back();
    return word == "password" || word == "passwd" || word == "pwd" || word == "pass" || word == "passphrase" ||
           word == "passwort";
}

}  // namespace

std::vector<NamedValue> read_csv_table(std::string_view text) {
    std::vector<NamedValue> values;
    const char separator = separator_of(text);
    size_t position = 0;
    std::vector<std::string> columns;
    std::vector<bool> credential_columns;  // only these are read
    for (const Field& field : read_row(text, position, separator)) {
        columns.emplace_back(text.substr(field.begin, field.end - field.begin));
        credential_columns.push_back(is_password_column(columns.back()) ||
                                     classify_credential_name(columns.back()).kind != CredentialKind::none);
    }
    while (position < text.size()) {
        const std::vector<Field> row = read_row(text, position, separator);
        for (size_t i = 0; i < row.size() && i < columns.size(); ++i) {
            if (row[i].end == row[i].begin || !credential_columns[i]) continue;
            std::string description;
            if (is_password_column(columns[i])) description = "the '" + columns[i] + "' column of a CSV export";
            values.push_back(NamedValue{columns[i], std::string(text.substr(row[i].begin, row[i].end - row[i].begin)),
                                        row[i].begin, row[i].end, std::move(description), false});
        }
    }
    return values;
}

}  // namespace keylint
