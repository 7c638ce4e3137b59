// The YAML and HCL readers: values, spans of keys and values, CloudFormation short tags, Terraform
// blocks and expressions, and the nesting limit.
#include <catch2/catch.hpp>

#include "syntax/hcl_reader.hpp"
#include "syntax/json_reader.hpp"
#include "syntax/yaml_reader.hpp"

using namespace keylint;

namespace keylint {
static bool operator==(const Span& a, const Span& b) {
    return a.start_line == b.start_line && a.start_column == b.start_column && a.end_line == b.end_line &&
           a.end_column == b.end_column;
}
}  // namespace keylint

namespace {
Span span(uint32_t l1, uint32_t c1, uint32_t l2, uint32_t c2) { return Span{l1, c1, l2, c2}; }
}  // namespace

TEST_CASE("YAML mappings, sequences and scalars have exact spans") {
    const SourceText text("t.yaml", "Statement:\n  - Effect: Allow\n    Action: ['s3:Get*', \"*\"]\n    N: 12\n");
    const ParseResult parsed = read_yaml(text);
    REQUIRE(parsed.root);
    const Member* statement = parsed.root->find_member("Statement");
    REQUIRE(statement);
    CHECK(statement->key_span == span(1, 1, 1, 10));
    REQUIRE(statement->value.is_array());
    const Value& first = statement->value.items.at(0);
    CHECK(first.span == span(2, 5, 4, 10));
    CHECK(first.find("Effect")->scalar == "Allow");
    CHECK(first.find("Effect")->span == span(2, 13, 2, 18));
    const Value* action = first.find("Action");
    REQUIRE(action->is_array());
    CHECK(action->items.at(0).scalar == "s3:Get*");
    CHECK(action->items.at(0).span == span(3, 14, 3, 23));
    CHECK(action->items.at(1).scalar == "*");
    CHECK(first.find("N")->kind == Value::Kind::number);
}

TEST_CASE("CloudFormation short tags become their long forms") {
    const SourceText text("t.yaml",
                          "A: !Ref Bucket\nB: !GetAtt Role.Arn\nC: !Sub \"arn:${X}\"\nD: !Join\n  - ''\n  - [a, !ImportValue V]\n");
    const ParseResult parsed = read_yaml(text);
    REQUIRE(parsed.root);
    const Value* a = parsed.root->find("A");
    REQUIRE(a->is_object());
    CHECK(a->span == span(1, 4, 1, 15));
    CHECK(a->members.at(0).key == "Ref");
    CHECK(a->members.at(0).key_span == span(1, 4, 1, 8));
    CHECK(a->find("Ref")->scalar == "Bucket");
    CHECK(a->find("Ref")->span == span(1, 9, 1, 15));
    const Value* b = parsed.root->find("B")->find("Fn::GetAtt");
    REQUIRE(b->is_array());
    CHECK(b->items.at(0).scalar == "Role");
    CHECK(b->items.at(1).scalar == "Arn");
    CHECK(parsed.root->find("C")->find("Fn::Sub")->scalar == "arn:${X}");
    const Value* join = parsed.root->find("D")->find("Fn::Join");
    REQUIRE(join->is_array());
    CHECK(join->items.at(1).items.at(1).find("Fn::ImportValue")->scalar == "V");
}

TEST_CASE("YAML block scalars and quoted strings are decoded") {
    const ParseResult parsed = read_yaml(SourceText("t.yaml", "L: |\n  a\n  b\nF: >-\n  a\n  b\nQ: 'it''s'\n"));
    REQUIRE(parsed.root);
    CHECK(parsed.root->find("L")->scalar == "a\nb\n");
    CHECK(parsed.root->find("F")->scalar == "a b");
    CHECK(parsed.root->find("Q")->scalar == "it's");
}

TEST_CASE("deep YAML and HCL nesting is an error, not a crash") {
    std::string yaml, hcl = "a = ";
    for (int i = 0; i < 5000; ++i) yaml += "[";
    for (int i = 0; i < 5000; ++i) yaml += "]";
    for (int i = 0; i < 5000; ++i) hcl += "[";
    for (int i = 0; i < 5000; ++i) hcl += "]";
    const ParseResult y = read_yaml(SourceText("d.yaml", yaml + "\n"));
    CHECK_FALSE(y.root);
    CHECK(y.error.find("nesting deeper than") != std::string::npos);
    const ParseResult h = read_hcl(SourceText("d.tf", hcl + "\n"));
    CHECK_FALSE(h.root);
    CHECK(h.error.find("nesting deeper than") != std::string::npos);
}

TEST_CASE("HCL blocks nest by label and expressions keep spans") {
    const SourceText text("m.tf",
                          "resource \"aws_iam_policy\" \"p\" {\n"
                          "  policy = jsonencode({ Action = [\"*\"], Resource = var.r })\n"
                          "  name = \"x-${var.env}\"\n"
                          "  doc = data.aws_iam_policy_document.d.json\n"
                          "}\n");
    const ParseResult parsed = read_hcl(text);
    REQUIRE(parsed.root);
    const Member* resource = parsed.root->find_member("resource");
    REQUIRE(resource);
    CHECK(resource->key_span == span(1, 1, 1, 9));
    const Member* type = resource->value.find_member("aws_iam_policy");
    REQUIRE(type);
    CHECK(type->key_span == span(1, 10, 1, 26));
    const Value* body = type->value.find("p");
    REQUIRE(body);
    CHECK(body->span == span(1, 1, 5, 2));
    const Value* policy = body->find("policy");
    REQUIRE(policy->is_object());
    const Value* action = policy->find("Action");
    REQUIRE(action->is_array());
    CHECK(action->items.at(0).scalar == "*");
    CHECK(action->items.at(0).span == span(2, 35, 2, 38));
    CHECK(policy->find("Resource")->is_unknown());
    CHECK(policy->find("Resource")->scalar == "var.r");
    CHECK(body->find("name")->scalar == "x-${var.env}");
    CHECK(body->find("doc")->is_unknown());
    CHECK(body->find("doc")->scalar == "data.aws_iam_policy_document.d.json");
}

TEST_CASE("HCL heredocs are strings without the <<- indentation") {
    const ParseResult parsed = read_hcl(SourceText("h.tf", "p = <<-EOT\n    {\"a\": 1}\n  EOT\n"));
    REQUIRE(parsed.root);
    CHECK(parsed.root->find("p")->scalar == "{\"a\": 1}\n");
    CHECK(parsed.root->find("p")->span.start_line == 1);
}

TEST_CASE("HCL type conversions are their argument; other calls stay unknown") {
    const ParseResult parsed = read_hcl(SourceText("c.tf",
                                                   "a = toset([\"db\", \"api\"])\n"
                                                   "b = tomap({ db = 30 })\n"
                                                   "c = tolist(var.names)\n"
                                                   "d = concat([\"x\"], var.more)\n"
                                                   "e = toset([\"x\"], 1)\n"));
    REQUIRE(parsed.root);
    const Value* a = parsed.root->find("a");
    REQUIRE(a->is_array());
    REQUIRE(a->items.size() == 2);
    CHECK(a->items[1].scalar == "api");
    CHECK(a->items[1].span == span(1, 18, 1, 23));
    const Value* b = parsed.root->find("b");
    REQUIRE(b->is_object());
    CHECK(b->find("db")->scalar == "30");
    CHECK(parsed.root->find("c")->is_unknown());
    CHECK(parsed.root->find("c")->scalar == "var.names");
    CHECK(parsed.root->find("d")->is_unknown());
    CHECK(parsed.root->find("d")->scalar == "concat([\"x\"], var.more)");
    CHECK(parsed.root->find("e")->is_unknown());
}
