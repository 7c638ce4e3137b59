// See sql_dump.hpp.
#include "credentials/sql_dump.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "core/ascii_case.hpp"
#include "credentials/credential_name.hpp"

namespace keylint {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

enum class TokenKind { word, identifier, string, symbol, end };

struct Token {
    TokenKind kind = TokenKind::end;
    std::string text;         // a word lower-cased, an identifier unquoted, a string as written
    size_t begin = 0, end = 0;  // of a word, or of a string's content in the file (without quotes)
};

// One token at a time; `COPY … FROM stdin;` data is read by the caller from the text directly.
class Lexer {
   public:
    explicit Lexer(std::string_view text) : text_(text) {}

    size_t position() const { return position_; }
    void seek(size_t position) { position_ = position; }

    Token next() {
        skip_blanks_and_comments();
        Token token;
        if (position_ >= text_.size()) return token;
        const char c = text_[position_];
        if (c == '\'' || ((c == 'E' || c == 'e' || c == 'N' || c == 'n') && peek(1) == '\'')) {
            if (c != '\'') ++position_;
            return quoted_string();
        }
        if (c == '"' || c == '`' || c == '[') return quoted_identifier(c == '[' ? ']' : c);
        if (c == ':' && (peek(1) == '\'' || peek(1) == '"')) return psql_variable();
        if (is_word_char(c)) {
            const size_t begin = position_;
            while (position_ < text_.size() && is_word_char(text_[position_])) ++position_;
            token.kind = TokenKind::word;
            token.text = ascii_lowered(text_.substr(begin, position_ - begin));
            token.begin = begin;
            token.end = position_;
            return token;
        }
        token.kind = TokenKind::symbol;
        token.text = std::string(1, c);
        ++position_;
        return token;
    }

   private:
    char peek(size_t ahead) const { return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0'; }

    void skip_blanks_and_comments() {
        while (position_ < text_.size()) {
            const char c = text_[position_];
            if (is_blank(c)) {
                ++position_;
            } else if ((c == '-' && peek(1) == '-') || c == '#') {
                const size_t end = text_.find('\n', position_);
                position_ = end == std::string_view::npos ? text_.size() : end + 1;
            } else if (c == '/' && peek(1) == '*') {
                const size_t end = text_.find("*/", position_ + 2);
                position_ = end == std::string_view::npos ? text_.size() : end + 2;
            } else {
                return;
            }
        }
    }

    // `'it''s'`, `'a\'b'` (MySQL). The value is the raw text between the quotes, so it is
    // exactly the bytes its range names.
    Token quoted_string() {
        Token token;
        token.kind = TokenKind::string;
        token.begin = ++position_;
        while (position_ < text_.size()) {
            const char c = text_[position_];
            if (c == '\\' && position_ + 1 < text_.size()) {
                position_ += 2;
            } else if (c == '\'' && peek(1) == '\'') {
                position_ += 2;
            } else if (c == '\'') {
                break;
            } else {
                ++position_;
            }
        }
        token.end = std::min(position_, text_.size());
        token.text = std::string(text_.substr(token.begin, token.end - token.begin));
        if (position_ < text_.size()) ++position_;
        return token;
    }

    // psql's `:'name'` and `:"name"`: a variable's value interpolated as a literal or identifier,
    // a word here (no literal is written in the file).
    Token psql_variable() {
        Token token;
        token.kind = TokenKind::word;
        const size_t begin = position_;
        const char quote = text_[position_ + 1];
        const size_t close = text_.find(quote, position_ + 2);
        position_ = close == std::string_view::npos ? text_.size() : close + 1;
        token.text = std::string(text_.substr(begin, position_ - begin));
        return token;
    }

    Token quoted_identifier(char closing) {
        Token token;
        token.kind = TokenKind::identifier;
        const size_t begin = ++position_;
        const size_t end = text_.find(closing, begin);
        position_ = end == std::string_view::npos ? text_.size() : end + 1;
        token.text = ascii_lowered(text_.substr(begin, (end == std::string_view::npos ? text_.size() : end) - begin));
        return token;
    }

    std::string_view text_;
    size_t position_ = 0;
};

bool is_name(const Token& token) { return token.kind == TokenKind::word || token.kind == TokenKind::identifier; }

// `password`, `passwd`, `password_hash`, `encrypted_password`, `pwd`: a column of passwords or of
// their hashes (a hash can be cracked offline, so it is a credential too).
bool is_password_column(std::string_view column) {
    for (const std::string& word : split_name_words(column)) {
        if (word == "password" || word == "passwd" || word == "pwd" || word == "pass" || word == "pw" ||
            word == "passphrase") {
            return true;
        }
    }
    return false;
}

class SqlReader {
   public:
    explicit SqlReader(std::string_view text) : text_(text), lexer_(text) {}

    std::vector<NamedValue> read() {
        for (Token token = lexer_.next(); token.kind != TokenKind::end; token = lexer_.next()) {
            if (token.kind != TokenKind::word) continue;
            if (token.text == "create" || token.text == "alter") {
                statement_after_create();
            } else if (token.text == "insert" || token.text == "replace") {
                insert();
            } else if (token.text == "copy") {
                copy();
            } else if (token.text == "set") {
                set_password();
            }
        }
        return std::move(values_);
    }

   private:
    // `name`, `schema.name`, `"schema"."name"`: the last part, or empty. Leaves the next token in `after`.
    std::string qualified_name(Token& after) {
        std::string name;
        Token token = lexer_.next();
        while (is_name(token)) {
            name = token.text;
            token = lexer_.next();
            if (token.kind != TokenKind::symbol || token.text != ".") break;
            token = lexer_.next();
        }
        after = token;
        return name;
    }

    // `(a, b, c)` after the opening parenthesis: the names, up to the closing one.
    std::vector<std::string> column_list() {
        std::vector<std::string> columns;
        for (Token token = lexer_.next(); token.kind != TokenKind::end; token = lexer_.next()) {
            if (token.kind == TokenKind::symbol && token.text == ")") break;
            if (is_name(token)) columns.push_back(token.text);
        }
        return columns;
    }

    void add(const std::string& column, const std::string& table, const Token& value) {
        if (value.kind != TokenKind::string || value.text.empty()) return;
        if (!is_password_column(column) && classify_credential_name(column).kind == CredentialKind::none) return;
        std::string description;
        if (is_password_column(column)) description = "the '" + column + "' column of table '" + table + "'";
        values_.push_back(NamedValue{column, value.text, value.begin, value.end, std::move(description), false});
    }

    void add_account_password(const Token& value, const char* statement) {
        if (value.kind != TokenKind::string || value.text.empty()) return;
        values_.push_back(NamedValue{"password", value.text, value.begin, value.end,
                                     std::string("the password of a ") + statement + " statement", false});
    }

    // CREATE TABLE t (col type …, …), CREATE/ALTER USER|ROLE|LOGIN … IDENTIFIED BY / PASSWORD.
    void statement_after_create() {
        Token token = lexer_.next();
        while (token.kind == TokenKind::word && (token.text == "or" || token.text == "replace" || token.text == "temporary" ||
                                                 token.text == "temp" || token.text == "unlogged")) {
            token = lexer_.next();
        }
        if (token.kind != TokenKind::word) return;
        if (token.text == "table") {
            create_table();
        } else if (token.text == "user" || token.text == "role" || token.text == "login") {
            account_statement();
        }
    }

    void create_table() {
        Token after;
        std::string table = qualified_name(after);
        if (table == "if" && after.text == "not") {  // IF NOT EXISTS
            lexer_.next();
            table = qualified_name(after);
        }
        if (table.empty() || after.kind != TokenKind::symbol || after.text != "(") return;
        std::vector<std::string> columns;
        int depth = 1;
        bool expect_column = true;
        static const std::vector<std::string> constraints = {"primary", "unique", "key", "constraint", "index",
                                                             "foreign", "check", "fulltext", "spatial", "exclude"};
        for (Token token = lexer_.next(); token.kind != TokenKind::end && depth > 0; token = lexer_.next()) {
            if (token.kind == TokenKind::symbol && token.text == "(") ++depth;
            else if (token.kind == TokenKind::symbol && token.text == ")") --depth;
            else if (token.kind == TokenKind::symbol && token.text == "," && depth == 1) expect_column = true;
            else if (expect_column && depth == 1 && is_name(token)) {
                if (token.kind == TokenKind::identifier ||
                    std::find(constraints.begin(), constraints.end(), token.text) == constraints.end()) {
                    columns.push_back(token.text);
                }
                expect_column = false;
            }
        }
        tables_[table] = std::move(columns);
    }

    // INSERT [IGNORE] INTO t [(cols)] VALUES (…), (…)
    void insert() {
        Token token = lexer_.next();
        while (token.kind == TokenKind::word && token.text != "into") token = lexer_.next();
        if (token.kind != TokenKind::word) return;
        Token after;
        const std::string table = qualified_name(after);
        if (table.empty()) return;
        std::vector<std::string> columns;
        if (after.kind == TokenKind::symbol && after.text == "(") {
            columns = column_list();
            after = lexer_.next();
        } else if (auto known = tables_.find(table); known != tables_.end()) {
            columns = known->second;
        }
        if (after.kind != TokenKind::word || (after.text != "values" && after.text != "value")) return;
        for (Token row = lexer_.next(); row.kind == TokenKind::symbol && row.text == "("; row = lexer_.next()) {
            size_t index = 0;
            int depth = 1;
            for (Token value = lexer_.next(); value.kind != TokenKind::end; value = lexer_.next()) {
                if (value.kind == TokenKind::symbol && value.text == "(") ++depth;
                else if (value.kind == TokenKind::symbol && value.text == ")" && --depth == 0) break;
                else if (value.kind == TokenKind::symbol && value.text == "," && depth == 1) ++index;
                else if (depth == 1 && index < columns.size()) add(columns[index], table, value);
            }
            const Token separator = lexer_.next();
            if (separator.kind != TokenKind::symbol || separator.text != ",") return;
        }
    }

    // COPY t (cols) FROM stdin; then tab-separated rows up to `\.`
    void copy() {
        Token after;
        const std::string table = qualified_name(after);
        if (table.empty() || after.kind != TokenKind::symbol || after.text != "(") return;
        const std::vector<std::string> columns = column_list();
        const Token from = lexer_.next(), source = lexer_.next();
        if (from.text != "from" || source.text != "stdin") return;
        size_t position = lexer_.position();
        const size_t semicolon = text_.find(';', position);
        if (semicolon == std::string_view::npos) return;
        position = text_.find('\n', semicolon);
        if (position == std::string_view::npos) return;
        ++position;
        while (position < text_.size()) {
            size_t end = text_.find('\n', position);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view line = text_.substr(position, end - position);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line == "\\.") {
                position = end;
                break;
            }
            size_t field_begin = 0, index = 0;
            while (field_begin <= line.size() && index < columns.size()) {
                size_t field_end = line.find('\t', field_begin);
                if (field_end == std::string_view::npos) field_end = line.size();
                const std::string_view field = line.substr(field_begin, field_end - field_begin);
                if (!field.empty() && field != "\\N") {
                    Token value;
                    value.kind = TokenKind::string;
                    value.text = std::string(field);
                    value.begin = position + field_begin;
                    value.end = position + field_end;
                    add(columns[index], table, value);
                }
                field_begin = field_end + 1;
                ++index;
            }
            position = end + 1;
        }
        lexer_.seek(std::min(position, text_.size()));
    }

    // After CREATE/ALTER USER|ROLE|LOGIN: `IDENTIFIED BY 'x'`, `IDENTIFIED … AS 'hash'`,
    // `[WITH] [ENCRYPTED] PASSWORD 'x'`, `WITH PASSWORD = 'x'`, up to the end of the statement.
    void account_statement() {
        bool identified = false, password = false;
        for (Token token = lexer_.next(); token.kind != TokenKind::end; token = lexer_.next()) {
            if (token.kind == TokenKind::symbol && token.text == ";") return;
            if (token.kind == TokenKind::word && token.text == "identified") identified = true;
            // SQL Server's `OLD_PASSWORD = '…'` is a password too.
            if (token.kind == TokenKind::word && (token.text == "password" || token.text == "old_password")) password = true;
            if (token.kind == TokenKind::string && (identified || password)) {
                add_account_password(token, identified ? "IDENTIFIED BY" : "PASSWORD");
                identified = password = false;
            }
            // SQL Server's `PASSWORD = 0x0200… HASHED` (sp_help_revlogin): the hash, crackable offline.
            if (token.kind == TokenKind::word && password && token.text.starts_with("0x") && token.text.size() > 18) {
                values_.push_back(NamedValue{"password hash", std::string(text_.substr(token.begin, token.end - token.begin)),
                                             token.begin, token.end, "the password hash of a PASSWORD … HASHED statement",
                                             false});
                password = false;
            }
        }
    }

    // SET PASSWORD [FOR user] = 'x' | PASSWORD('x')
    void set_password() {
        const Token token = lexer_.next();
        if (token.kind != TokenKind::word || token.text != "password") return;
        bool assigned = false;
        for (Token value = lexer_.next(); value.kind != TokenKind::end; value = lexer_.next()) {
            if (value.kind == TokenKind::symbol && value.text == ";") return;
            if (value.kind == TokenKind::symbol && value.text == "=") assigned = true;
            if (value.kind == TokenKind::string && assigned) {
                add_account_password(value, "SET PASSWORD");
                return;
            }
        }
    }

    std::string_view text_;
    Lexer lexer_;
    std::map<std::string, std::vector<std::string>> tables_;
    std::vector<NamedValue> values_;
};

}  // namespace

std::vector<NamedValue> read_sql_dump(std::string_view text) { return SqlReader(text).read(); }

}  // namespace keylint
