#include <catch2/catch.hpp>

#include <string>
#include <tuple>
#include <vector>

#include "credentials/csv_table.hpp"

using namespace keylint;

namespace {

using Rows = std::vector<std::tuple<std::string, std::string, bool>>;

Rows read(const std::string& text) {
    Rows out;
    for (const NamedValue& value : read_csv_table(text)) {
        CHECK(text.substr(value.value_begin, value.value_end - value.value_begin) == value.value);
        out.emplace_back(value.name, value.value, !value.description.empty());
    }
    return out;
}

}  // namespace

TEST_CASE("csv table: a browser export's password column, quoted fields with separators and quotes") {
    const std::string csv =
        "name,url,username,password,note\r\nshop,https://shop.example,ann,\"pa,ss\"\"w0rd\",x\r\n"
        "mail,https://mail.example,bob,,\r\n";
    CHECK(read(csv) == Rows{{"password", "pa,ss\"\"w0rd", true}});
}

TEST_CASE("csv table: semicolon and tab separators; credential-named columns besides passwords") {
    CHECK(read("login;api_token;city\nann;tk-88aa77bb66;Oslo\n") == Rows{{"api_token", "tk-88aa77bb66", false}});
    CHECK(read("\"url\"\t\"Password\"\nh\t\"Tr0ub4dor&3\"\n") == Rows{{"Password", "Tr0ub4dor&3", true}});
}

TEST_CASE("csv table: a quoted field may span lines; ragged rows and stray quotes end quietly") {
    CHECK(read("password,notes\n\"multi\nline\",n\nshort\n") == Rows{{"password", "multi\nline", true}, {"password", "short", true}});
    CHECK(read("password\n\"unterminated").size() == 1);
    CHECK(read("").empty());
}

TEST_CASE("csv table: only a column whose last word is the password word is a password column") {
    const Rows rows = read("url,username,password,timePasswordChanged,password_strength\nhttps://a.example,ann,Gr4nite-Owl,1688019220112,strong\n");
    CHECK(rows == Rows{{"password", "Gr4nite-Owl", true}});
}
