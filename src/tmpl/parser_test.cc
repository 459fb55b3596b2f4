#include "tmpl/parser.h"

#include <gtest/gtest.h>

namespace kanon::tmpl {
namespace {

FuncMap TestFuncs() {
  FuncMap f;
  RegisterBuiltins(&f);
  f.Add("upper", {ParamType::kString},
        [](std::span<const Value> a) -> Result<Value> { return Value(a[0].AsString()); });
  return f;
}

// Parses and returns the main tree's String() or the error message.
std::string P(std::string_view text) {
  static const FuncMap funcs = TestFuncs();
  TreeSet trees;
  Status s = ParseTemplate("t", std::make_shared<const std::string>(text), funcs, &trees);
  if (!s.ok()) return "ERR " + s.message();
  return trees.at("t")->root->String();
}

TEST(ParserTest, RoundTripsPipelines) {
  EXPECT_EQ(P("{{ .A.B | upper }}"), "{{.A.B | upper}}");
  EXPECT_EQ(P("{{ $x := index .M \"k\" }}{{ $x }}"), "{{$x := index .M \"k\"}}{{$x}}");
  EXPECT_EQ(P("{{ (len .L).x }}"), "{{(len .L).x}}");
}

TEST(ParserTest, ControlStructures) {
  EXPECT_EQ(P("{{if .a}}A{{else if .b}}B{{else}}C{{end}}"),
            "{{if .a}}\"A\"{{else}}{{if .b}}\"B\"{{else}}\"C\"{{end}}{{end}}");
  EXPECT_EQ(P("{{range $i, $e := .l}}{{$i}}{{end}}"), "{{range $i, $e := .l}}{{$i}}{{end}}");
}

TEST(ParserTest, RejectsUnclosedAction) {
  EXPECT_EQ(P("{{ .x "), "ERR template: t:1: unclosed action");
}

TEST(ParserTest, UnknownFunctionSuggestsNearest) {
  EXPECT_EQ(P("{{ upperr .x }}"),
            "ERR template: t:1: function \"upperr\" not defined; did you mean \"upper\"?");
}

TEST(ParserTest, VariablesAreScoped) {
  EXPECT_EQ(P("{{ $y }}"), "ERR template: t:1: undefined variable \"$y\"");
  EXPECT_EQ(P("{{ if true }}{{ $z := 1 }}{{ end }}{{ $z }}"),
            "ERR template: t:1: undefined variable \"$z\"");
}

TEST(ParserTest, BreakOutsideRange) {
  EXPECT_EQ(P("{{ break }}"), "ERR template: t:1: {{break}} outside {{range}}");
}

TEST(ParserTest, ErrorsNameTheLine) {
  EXPECT_EQ(P("line1\nline2 {{ end }}"), "ERR template: t:2: unexpected {{end}}");
  EXPECT_EQ(P("{{ if .x }}"), "ERR template: t:1: unexpected EOF");
  EXPECT_EQ(P("{{ 1 | 2 }}"), "ERR template: t:1: non executable command in pipeline stage 2");
}

TEST(ParserTest, NumbersFollowGoSyntax) {
  EXPECT_EQ(P("{{ 0x1F }}{{ 1_000 }}{{ 1e3 }}{{ 'a' }}"), "{{0x1F}}{{1_000}}{{1e3}}{{'a'}}");
  EXPECT_EQ(P("{{ 1__0 }}"), "ERR template: t:1: illegal number syntax: \"1__0\"");
  EXPECT_EQ(P("{{ 99999999999999999999 }}"),
            "ERR template: t:1: integer overflow: \"99999999999999999999\"");
}

TEST(ParserTest, DefineAddsTemplates) {
  static const FuncMap funcs = TestFuncs();
  TreeSet trees;
  ASSERT_TRUE(
      ParseTemplate(
          "t", std::make_shared<const std::string>("{{define \"a\"}}A{{end}}{{template \"a\" .}}"),
          funcs, &trees)
          .ok());
  EXPECT_EQ(trees.size(), 2u);
  EXPECT_EQ(trees.at("a")->root->String(), "\"A\"");
}

}  // namespace
}  // namespace kanon::tmpl
