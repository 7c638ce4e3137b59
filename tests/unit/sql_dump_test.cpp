#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "credentials/sql_dump.hpp"

using namespace keylint;

namespace {

// (name, value, positional description non-empty)
using Rows = std::vector<std::tuple<std::string, std::string, bool>>;

Rows read(const std::string& text) {
    Rows out;
    for (const NamedValue& value : read_sql_dump(text)) {
        CHECK(text.substr(value.value_begin, value.value_end - value.value_begin) == value.value);
        out.emplace_back(value.name, value.value, !value.description.empty());
    }
    return out;
}

}  // namespace

TEST_CASE("sql dump: INSERT rows are read by the statement's column list, several rows per statement") {
    const std::string dump =
        "-- MySQL dump\nINSERT INTO `users` (`id`, `email`, `password_hash`, `api_token`) VALUES\n"
        "(1,'a@x.org','$2y$10$abcdefghijklmnopqrstuv','tk_9f8e7d6c5b4a3210'),\n"
        "(2,'b@x.org','it''s\\'1', NULL);\n";
    CHECK(read(dump) == Rows{{"password_hash", "$2y$10$abcdefghijklmnopqrstuv", true},
                             {"api_token", "tk_9f8e7d6c5b4a3210", false},
                             {"password_hash", "it''s\\'1", true}});
}

TEST_CASE("sql dump: INSERT without a column list takes the columns of the table's CREATE TABLE") {
    const std::string dump =
        "CREATE TABLE IF NOT EXISTS public.accounts (\n  id serial PRIMARY KEY,\n  login varchar(40),\n"
        "  passwd text NOT NULL,\n  CONSTRAINT u UNIQUE (login)\n);\n"
        "/* data */ INSERT INTO public.accounts VALUES (7, 'root', 'Winter2024!');\n";
    CHECK(read(dump) == Rows{{"passwd", "Winter2024!", true}});
}

TEST_CASE("sql dump: COPY … FROM stdin rows are tab-separated up to \\.") {
    const std::string dump =
        "COPY public.users (id, login, password) FROM stdin;\n1\tann\tpl41n-Pass\n2\tbob\t\\N\n\\.\n"
        "INSERT INTO t (secret) VALUES ('after-copy-9x8y');\n";
    CHECK(read(dump) == Rows{{"password", "pl41n-Pass", true}, {"secret", "after-copy-9x8y", false}});
}

TEST_CASE("sql dump: account statements carry their password") {
    const std::string script =
        "CREATE USER 'app'@'%' IDENTIFIED BY 'Qx7!vR2m';\nALTER USER app IDENTIFIED WITH mysql_native_password BY 'n3w-Pw';\n"
        "CREATE ROLE report WITH LOGIN ENCRYPTED PASSWORD 'md5a1b2c3';\nCREATE LOGIN svc WITH PASSWORD = N'Str0ng#Pw';\n"
        "SET PASSWORD FOR 'u'@'localhost' = PASSWORD('old-Pw9');\nCREATE USER nopass;\n";
    CHECK(read(script) == Rows{{"password", "Qx7!vR2m", true}, {"password", "n3w-Pw", true},
                               {"password", "md5a1b2c3", true}, {"password", "Str0ng#Pw", true},
                               {"password", "old-Pw9", true}});
}

TEST_CASE("sql dump: broken statements end quietly") {
    CHECK(read("INSERT INTO t (password) VALUES ('unterminated").size() == 1);
    CHECK(read("CREATE TABLE (").empty());
    CHECK(read("COPY x (a) FROM stdin;").empty());
    CHECK(read("INSERT INTO").empty());
}
