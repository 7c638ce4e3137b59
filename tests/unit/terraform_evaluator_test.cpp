// Terraform expressions evaluated as Terraform evaluates them (infra/terraform_evaluator.hpp):
// built-in functions, operators, templates with directives, `for` expressions, and what stays
// unknown: resources' attributes, functions keylint does not evaluate, anything built from them.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "infra/terraform_evaluator.hpp"
#include "syntax/hcl_reader.hpp"

using namespace keylint;

namespace {

// A value written compactly: strings quoted, unknowns as <text>, numbers and booleans as they are.
std::string shown(const Value& value) {
    switch (value.kind) {
        case Value::Kind::string: return "\"" + value.scalar + "\"";
        case Value::Kind::unknown: return "<" + value.scalar + ">";
        case Value::Kind::null: return "null";
        case Value::Kind::array: {
            std::string out = "[";
            for (size_t i = 0; i < value.items.size(); ++i) out += (i ? "," : "") + shown(value.items[i]);
            return out + "]";
        }
        case Value::Kind::object: {
            std::string out = "{";
            for (size_t i = 0; i < value.members.size(); ++i) {
                out += (i ? "," : "") + value.members[i].key + "=" + shown(value.members[i].value);
            }
            return out + "}";
        }
        default: return value.scalar;
    }
}

// The module's variables, written in HCL: `var.NAME` evaluates to them.
const std::map<std::string, Value>& variables() {
    static const std::map<std::string, Value> values = [] {
        static const SourceText text("vars.tf", R"(
account = "111122223333"
env     = "Prod"
tags    = { team = "payments", cost = "42" }
names   = ["a", "b", "a"]
nested  = [["x"], ["y", ["z"]]]
policy  = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}"
empty   = ""
)");
        ParseResult parsed = read_hcl(text);
        REQUIRE(parsed.root);
        std::map<std::string, Value> out;
        for (const Member& member : parsed.root->members) out["var." + member.key] = member.value;
        return out;
    }();
    return values;
}

std::string evaluated(const std::string& expression) {
    const NamedValue named = [](std::string_view root) -> std::optional<Value> {
        const auto found = variables().find(std::string(root));
        if (found == variables().end()) return std::nullopt;
        return found->second;
    };
    const std::optional<Value> value = evaluate_terraform_expression(expression, named, Span{3, 5, 3, 40});
    return value ? shown(*value) : "unknown";
}

}  // namespace

TEST_CASE("string functions evaluate on known text") {
    CHECK(evaluated(R"(format("arn:aws:iam::%s:root", var.account))") == R"("arn:aws:iam::111122223333:root")");
    CHECK(evaluated(R"(format("%s-%d-%q-%t-%%", "a", 7.9, "b", true))") == R"("a-7-"b"-true-%")");
    CHECK(evaluated(R"(join(",", ["a", "b"], ["c"]))") == R"("a,b,c")");
    CHECK(evaluated(R"(split("/", "a/b/c"))") == R"(["a","b","c"])");
    CHECK(evaluated(R"(replace("a-b-c", "-", "_"))") == R"("a_b_c")");
    CHECK(evaluated(R"(replace("a-b", "/-/", "_"))") == "unknown");  // a regular expression
    CHECK(evaluated("lower(var.env)") == R"("prod")");
    CHECK(evaluated("upper(var.env)") == R"("PROD")");
    CHECK(evaluated(R"(trimspace("  x "))") == R"("x")");
    CHECK(evaluated(R"(trimprefix("alias/app", "alias/"))") == R"("app")");
    CHECK(evaluated(R"(startswith(var.env, "Pr"))") == "true");
    CHECK(evaluated(R"(endswith(var.env, "x"))") == "false");
    CHECK(evaluated(R"(substr("abcdef", 1, 3))") == R"("bcd")");
    CHECK(evaluated(R"(length("héllo"))") == "5");
}

TEST_CASE("collection functions evaluate, keeping unknown items") {
    CHECK(evaluated(R"(concat(["a"], [aws_iam_role.r.arn]))") == "[\"a\",<aws_iam_role.r.arn>]");
    CHECK(evaluated(R"(merge(var.tags, { team = "core", id = aws_x.y.id }))") ==
          R"({team="core",cost="42",id=<aws_x.y.id>})");
    CHECK(evaluated(R"(lookup(var.tags, "team", "none"))") == R"("payments")");
    CHECK(evaluated(R"(lookup(var.tags, "owner", "none"))") == R"("none")");
    CHECK(evaluated("element(var.names, 4)") == R"("b")");
    CHECK(evaluated(R"(coalesce(var.empty, null, "fallback"))") == R"("fallback")");
    CHECK(evaluated("length(var.names)") == "3");
    CHECK(evaluated("keys(var.tags)") == R"(["cost","team"])");
    CHECK(evaluated("values(var.tags)") == R"(["payments","42"])");
    CHECK(evaluated("flatten(var.nested)") == R"(["x","y","z"])");
    CHECK(evaluated("distinct(var.names)") == R"(["a","b"])");
    CHECK(evaluated("toset(var.names)") == R"(["a","b"])");
    CHECK(evaluated(R"(contains(var.names, "b"))") == "true");
    CHECK(evaluated(R"(compact(["a", "", null]))") == R"(["a"])");
    CHECK(evaluated("one([])") == "null");
    CHECK(evaluated("coalescelist([], var.names)") == R"(["a","b","a"])");
}

TEST_CASE("conversions and JSON") {
    CHECK(evaluated("tostring(12)") == R"("12")");
    CHECK(evaluated(R"(tonumber("42") + 1)") == "43");
    CHECK(evaluated(R"(tobool("true"))") == "true");
    CHECK(evaluated("jsondecode(var.policy).Statement[0].Action") == R"("s3:GetObject")");
    CHECK(evaluated(R"(jsonencode({ Effect = "Allow" }))") == R"({Effect="Allow"})");
}

TEST_CASE("operators, conditionals, templates and for expressions") {
    CHECK(evaluated(R"(var.env == "Prod" ? "p" : "d")") == R"("p")");
    CHECK(evaluated("!(1 < 2) || 3 >= 3 && 2 * 3 % 4 == 2") == "true");
    CHECK(evaluated(R"("${var.env}-%{if var.env == "Prod"}live%{else}test%{endif}")") == R"("Prod-live")");
    CHECK(evaluated(R"("%{for n in var.names}${n};%{endfor}")") == R"("a;b;a;")");
    CHECK(evaluated(R"([for n in var.names : upper(n) if n != "b"])") == R"(["A","A"])");
    CHECK(evaluated(R"({for k, v in var.tags : "tag-${k}" => v})") == R"({tag-team="payments",tag-cost="42"})");
    CHECK(evaluated("[for i, n in var.names : i]") == "[0,1,2]");
    CHECK(evaluated("var.tags.team") == R"("payments")");
    CHECK(evaluated("var.nested[1][1][0]") == R"("z")");
}

TEST_CASE("try takes the first argument that evaluates; can says whether one does") {
    CHECK(evaluated(R"(try(var.tags.owner, "nobody"))") == R"("nobody")");
    CHECK(evaluated(R"(try(var.tags.team, "nobody"))") == R"("payments")");
    CHECK(evaluated("can(var.tags.owner)") == "false");
    CHECK(evaluated("try(aws_x.y.name, \"n\")") == "unknown");  // the first argument is not known yet
}

TEST_CASE("what keylint cannot know stays unknown, and bad input fails quietly") {
    CHECK(evaluated("aws_iam_role.r.arn") == "unknown");
    CHECK(evaluated(R"(format("%s", aws_iam_role.r.arn))") == "unknown");
    CHECK(evaluated(R"(cidrsubnet("10.0.0.0/16", 8, 1))") == "unknown");
    CHECK(evaluated("var.missing") == "unknown");
    CHECK(evaluated("var.tags.owner") == "unknown");  // fails: no such attribute
    CHECK(evaluated("1 +") == "unknown");
    CHECK(evaluated("length(5)") == "unknown");
    CHECK(evaluated("1 / 0") == "unknown");
    CHECK(evaluated(std::string(200, '(') + "1" + std::string(200, ')')) == "unknown");  // past the nesting limit
    CHECK(evaluated("[for a in range(100000) : a]") == "unknown");
}

TEST_CASE("an evaluated value points where the expression is written") {
    const std::optional<Value> value = evaluate_terraform_expression(
        R"(merge({ a = "x" }, { b = ["y"] }))", [](std::string_view) { return std::nullopt; }, Span{7, 3, 7, 30});
    REQUIRE(value);
    CHECK(value->span.start_line == 7);
    CHECK(value->members.at(1).value.items.at(0).span.start_line == 7);
}

TEST_CASE("only expressions that are more than a traversal are evaluated") {
    CHECK_FALSE(needs_evaluation("aws_iam_role.r.arn"));
    CHECK_FALSE(needs_evaluation("var.secrets[\"db\"].days"));
    CHECK_FALSE(needs_evaluation("aws_x.y[*].arn"));
    CHECK(needs_evaluation("format(\"%s\", var.x)"));
    CHECK(needs_evaluation("var.a == \"b\""));
    CHECK(needs_evaluation("[for x in var.l : x]"));
}

TEST_CASE("an expression that would copy without end fails instead") {
    // 300 items, each copied 300 times, each copy holding 300 values: past the budget of values.
    std::string items;
    for (int i = 0; i < 300; ++i) items += (i ? ", " : "") + std::to_string(i);
    const std::string list = "[" + items + "]";
    CHECK(evaluated("[for a in " + list + " : [for b in " + list + " : " + list + "]]") == "unknown");
    CHECK(evaluated("length([for a in " + list + " : a])") == "300");
}

TEST_CASE("file and templatefile read through the reader they are given, templates with their variables alone") {
    const FileReader files = [](const std::string& path) -> std::optional<std::string> {
        if (path == "./p.json") return std::string(R"({"Action": "s3:*"})");
        if (path == "./t.tpl") return std::string("a=${a}\n%{if b}yes%{else}no%{endif}\n%{for x in l}[${x}]%{endfor}");
        if (path == "./v.tpl") return std::string("${var.account}");
        return std::nullopt;
    };
    const NamedValue named = [](std::string_view root) -> std::optional<Value> {
        if (root == "var.account") return variables().at("var.account");
        return std::nullopt;
    };
    const auto run = [&](const std::string& expression) {
        const std::optional<Value> value = evaluate_terraform_expression(expression, named, Span{}, files);
        return value ? shown(*value) : std::string("unknown");
    };
    CHECK(run(R"(jsondecode(file("./p.json")).Action)") == R"("s3:*")");
    CHECK(run(R"(templatefile("./t.tpl", { a = 1, b = false, l = ["p", "q"] }))") == "\"a=1\nno\n[p][q]\"");
    CHECK(run(R"(templatefile("./v.tpl", {}))") == "unknown");  // a template cannot read the module's variables
    CHECK(run(R"(file("./missing"))") == "unknown");
    CHECK(evaluated(R"(file("./p.json"))") == "unknown");  // no reader: nothing is read
}
