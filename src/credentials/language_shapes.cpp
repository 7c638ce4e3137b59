// See language_shapes.hpp.
#include "credentials/language_shapes.hpp"

#include "syntax/tree_sitter_parser.hpp"

namespace keylint {
namespace {

const LanguageShapes json_shapes{
    tree_sitter_json(), {{"pair", "key", "value"}}, {}, {"string"}, {}, {}, false, true, {}};

const LanguageShapes yaml_shapes{
    tree_sitter_yaml(),
    {{"block_mapping_pair", "key", "value"}, {"flow_pair", "key", "value"}},
    {},
    {"plain_scalar", "double_quote_scalar", "single_quote_scalar"},
    {},
    {"flow_node"},
    false,
    true,
    {}};

const LanguageShapes toml_shapes{tree_sitter_toml(), {{"pair", "", ""}}, {}, {"string"}, {}, {}, false, true, {}};

const LanguageShapes hcl_shapes{
    tree_sitter_hcl(),
    {{"attribute", "", ""}, {"object_elem", "key", "val"}},
    {},
    {"string_lit"},
    {"template_interpolation", "template_directive"},
    {"expression", "literal_value"},
    false,
    true,
    {}};

const LanguageShapes xml_shapes{tree_sitter_xml(), {}, {}, {"AttValue"}, {}, {}, true, false, {}};

const LanguageShapes python_shapes{
    tree_sitter_python(),
    {{"assignment", "left", "right"},
     {"keyword_argument", "name", "value"},
     {"pair", "key", "value"},
     {"default_parameter", "name", "value"},
     {"typed_default_parameter", "name", "value"}},
    {{"call", "function", "arguments"}},
    {"string"},
    {"interpolation"},
    {"expression_list", "parenthesized_expression"},
    false,
    false,
    {"boolean_operator", "comparison_operator"}};

const LanguageShapes javascript_shapes{
    tree_sitter_javascript(),
    {{"variable_declarator", "name", "value"},
     {"assignment_expression", "left", "right"},
     {"pair", "key", "value"},
     {"field_definition", "property", "value"},
     {"assignment_pattern", "left", "right"}},
    {{"call_expression", "function", "arguments"}, {"new_expression", "constructor", "arguments"}},
    {"string", "template_string"},
    {"template_substitution"},
    {"parenthesized_expression"},
    false,
    false,
    {"binary_expression"}};

const LanguageShapes typescript_shapes{
    tree_sitter_tsx(),
    {{"variable_declarator", "name", "value"},
     {"assignment_expression", "left", "right"},
     {"pair", "key", "value"},
     {"public_field_definition", "name", "value"},
     {"assignment_pattern", "left", "right"}},
    {{"call_expression", "function", "arguments"}, {"new_expression", "constructor", "arguments"}},
    {"string", "template_string"},
    {"template_substitution"},
    {"parenthesized_expression", "as_expression", "satisfies_expression"},
    false,
    false,
    {"binary_expression"}};

const LanguageShapes go_shapes{
    tree_sitter_go(),
    {{"const_spec", "name", "value"},
     {"var_spec", "name", "value"},
     {"short_var_declaration", "left", "right"},
     {"assignment_statement", "left", "right"},
     {"keyed_element", "key", "value"}},
    {{"call_expression", "function", "arguments"}},
    {"interpreted_string_literal", "raw_string_literal"},
    {},
    {"expression_list", "literal_element"},
    false,
    false,
    {}};

const LanguageShapes java_shapes{
    tree_sitter_java(),
    {{"variable_declarator", "name", "value"},
     {"assignment_expression", "left", "right"},
     {"element_value_pair", "key", "value"}},
    {{"method_invocation", "name", "arguments"}, {"object_creation_expression", "type", "arguments"}},
    {"string_literal"},
    {"string_interpolation"},
    {"parenthesized_expression"},
    false,
    false,
    {}};

const LanguageShapes ruby_shapes{
    tree_sitter_ruby(),
    {{"assignment", "left", "right"}, {"pair", "key", "value"}},
    {{"call", "method", "arguments"}},
    {"string"},
    {"interpolation"},
    {"parenthesized_statements"},
    false,
    false,
    {"binary"}};

const LanguageShapes php_shapes{
    tree_sitter_php(),
    {{"assignment_expression", "left", "right"},
     {"array_element_initializer", "", ""},
     {"const_element", "", ""},
     {"property_element", "name", "default_value"}},
    {{"function_call_expression", "function", "arguments"},
     {"member_call_expression", "name", "arguments"},
     {"scoped_call_expression", "name", "arguments"},
     {"object_creation_expression", "name", "arguments"}},
    {"string", "encapsed_string"},
    {"variable_name", "dynamic_variable_name", "member_access_expression", "subscript_expression", "expression"},
    {"argument", "parenthesized_expression"},
    false,
    false,
    {"binary_expression", "conditional_expression"}};

const LanguageShapes csharp_shapes{
    tree_sitter_c_sharp(),
    {{"variable_declarator", "name", ""},
     {"assignment_expression", "left", "right"},
     {"property_declaration", "name", "value"}},
    {{"invocation_expression", "function", "arguments"}, {"object_creation_expression", "type", "arguments"}},
    {"string_literal", "verbatim_string_literal", "raw_string_literal"},
    {},
    {"argument", "parenthesized_expression"},
    false,
    false,
    {"binary_expression"}};

const LanguageShapes shell_shapes{
    tree_sitter_bash(),
    {{"variable_assignment", "name", "value"}},
    {},
    {"string", "raw_string", "word"},
    {"simple_expansion", "expansion", "command_substitution", "arithmetic_expansion", "process_substitution"},
    {},
    false,
    false,
    {}};

}  // namespace

const LanguageShapes* language_shapes(FileFormat format) {
    switch (format) {
        case FileFormat::json: return &json_shapes;
        case FileFormat::yaml: return &yaml_shapes;
        case FileFormat::toml: return &toml_shapes;
        case FileFormat::hcl: return &hcl_shapes;
        case FileFormat::xml: return &xml_shapes;
        case FileFormat::python: return &python_shapes;
        case FileFormat::javascript: return &javascript_shapes;
        case FileFormat::typescript: return &typescript_shapes;
        case FileFormat::go: return &go_shapes;
        case FileFormat::java: return &java_shapes;
        case FileFormat::ruby: return &ruby_shapes;
        case FileFormat::php: return &php_shapes;
        case FileFormat::csharp: return &csharp_shapes;
        case FileFormat::shell: return &shell_shapes;
        default: return nullptr;
    }
}

}  // namespace keylint
