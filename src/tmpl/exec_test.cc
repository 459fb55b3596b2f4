#include <gtest/gtest.h>

#include "tmpl/template.h"
#include "value/json.h"

namespace kanon::tmpl {
namespace {

using value::GoType;
using value::StructType;

Value Params() {
  auto v = value::ParseJson(R"({
    "s": "str", "n": 3, "f": 2.5, "t": true, "z": null, "empty": "",
    "l": ["a", "b", "c"], "m": {"b": 2, "a": 1, "c": 3},
    "nested": {"x": {"y": "deep"}}, "html": "<a&b>"
  })");
  return *v;
}

struct Case {
  const char* tmpl;
  const char* want;  // expected output, or "PARSE"/"EXEC" for the failure phase
};

void Check(const Case& c, const Value& data) {
  ErrorPhase phase;
  auto r = Render(c.tmpl, data, &phase);
  std::string got = r.ok() ? *r : (phase == ErrorPhase::kParse ? "PARSE" : "EXEC");
  EXPECT_EQ(got, c.want) << "template: " << c.tmpl
                         << (r.ok() ? "" : "\nerror: " + r.status().message());
}

TEST(ExecTest, Basics) {
  const Case cases[] = {
      {"plain", "plain"},
      {"{{ .s }}-{{ .n }}-{{ .f }}-{{ .t }}", "str-3-2.5-true"},
      {"{{ .z }}", "<no value>"},
      {"{{ .nested.x.y }}", "deep"},
      {"{{ .l }} {{ .m }}", "[a b c] map[a:1 b:2 c:3]"},
      {"{{ index .l 1 }}{{ index .m \"c\" }}", "b3"},
      {"{{ len .l }}{{ len .s }}{{ len .m }}", "333"},
      {"{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"},
      {"{{ $ := 5 }}{{ $ }}", "5"},
      {"{{ .s | printf \"%s!\" }}", "str!"},
      {"{{ printf \"%05.1f|%x|%q\" .f \"hi\" \"a\" }}", "002.5|6869|\"a\""},
      {"{{ html .html }} {{ js \"a'b\" }} {{ urlquery \"a b&c\" }}",
       "&lt;a&amp;b&gt; a\\'b a+b%26c"},
      {"{{/* comment */}}x{{- \" y \" -}} z", "x y z"},
  };
  Value p = Params();
  for (const auto& c : cases) Check(c, p);
}

TEST(ExecTest, ControlFlow) {
  const Case cases[] = {
      {"{{ if .t }}T{{ else }}F{{ end }}", "T"},
      {"{{ if .empty }}A{{ else if .z }}B{{ else }}C{{ end }}", "C"},
      {"{{ with .nested.x }}{{ .y }}{{ end }}", "deep"},
      {"{{ with .empty }}x{{ else }}none{{ end }}", "none"},
      {"{{ range .l }}{{ . }}{{ end }}", "abc"},
      {"{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}", "a=1;b=2;c=3;"},
      {"{{ range $i, $e := .l }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ $e }}{{ end }}", "ac"},
      {"{{ range .l }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "a"},
      {"{{ range .z }}x{{ else }}empty{{ end }}", "empty"},
      {"{{ range .s }}{{ end }}", "EXEC"},
      {"{{ range 3 }}{{ end }}", "EXEC"},
      {"{{ define \"T\" }}<{{ . }}>{{ end }}{{ template \"T\" .s }}", "<str>"},
      {"{{ block \"B\" .n }}[{{ . }}]{{ end }}", "[3]"},
      {"{{ template \"missing\" }}", "EXEC"},
      {"{{ and 1 0 }} {{ or 0 \"\" \"x\" }} {{ and .t .z.q }}", "EXEC"},
      {"{{ and 1 0 }} {{ or 0 \"\" \"x\" }} {{ or .t .z.q }}", "0 x true"},
      {"{{ not .empty }}", "true"},
  };
  Value p = Params();
  for (const auto& c : cases) Check(c, p);
}

TEST(ExecTest, GoComparisonRules) {
  const Case cases[] = {
      {"{{ eq .n 3 }}", "EXEC"},  // JSON numbers are float64: float vs int
      {"{{ eq .n 3.0 }}", "true"},
      {"{{ eq 1 1 2 }}{{ ne \"a\" \"b\" }}", "truetrue"},
      {"{{ lt 1 2 }}{{ le 2 2 }}{{ gt \"b\" \"a\" }}{{ ge 1.5 2.5 }}", "truetruetruefalse"},
      {"{{ lt 1 2.0 }}", "EXEC"},
      {"{{ eq .z nil }}", "true"},
      {"{{ eq .l .l }}", "EXEC"},
      {"{{ index \"abc\" 0 }}{{ eq (index \"abc\" 0) 97 }}", "97true"},
  };
  Value p = Params();
  for (const auto& c : cases) Check(c, p);
}

TEST(ExecTest, MissingKeysAndBadCalls) {
  const Case cases[] = {
      {"{{ .nope }}", "EXEC"},       {"{{ .nested.nope.y }}", "EXEC"}, {"{{ index .l 5 }}", "EXEC"},
      {"{{ index .l 3 }}", "EXEC"},  {"{{ .s 1 }}", "EXEC"},           {"{{ nil }}", "EXEC"},
      {"{{ len 3 }}", "EXEC"},       {"{{ printf }}", "EXEC"},         {"{{ printf 3 }}", "EXEC"},
      {"{{ nosuchfunc }}", "PARSE"}, {"{{ .s.x }}", "EXEC"},
  };
  Value p = Params();
  for (const auto& c : cases) Check(c, p);
}

TEST(ExecTest, ErrorMessagesLocateTheNode) {
  auto r = Render("line1\n  {{ .missing }}", Params());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "template: config:2:5: executing \"config\" at <.missing>: map has no entry for key "
            "\"missing\"");
  auto r2 = Render("{{ index .l 5 }}", Params());
  EXPECT_NE(r2.status().message().find("error calling index: index out of range: 5"),
            std::string::npos)
      << r2.status().message();
}

std::shared_ptr<const StructType> DeploymentType() {
  auto t = std::make_shared<StructType>();
  t->name = "param.DeploymentParams";
  t->fields = {{"Name", "", false}, {"Namespace", "", false}, {"Pods", "", false}};
  return t;
}

TEST(ExecTest, StructsAndNilPointers) {
  auto dep = Value::FromStruct(
      DeploymentType(),
      {Value("web"), Value("prod"), Value::FromList({Value("web-0")}, GoType::kStringList)}, true);
  auto params_type = std::make_shared<StructType>();
  params_type->name = "param.TemplateParams";
  params_type->fields = {{"Deployment", "", false}, {"StatefulSet", "", false}};
  auto sts_type = std::make_shared<StructType>();
  sts_type->name = "param.StatefulSetParams";
  sts_type->fields = DeploymentType()->fields;
  Value data = Value::FromStruct(params_type, {dep, Value::NilPointer(sts_type)}, false);

  const Case cases[] = {
      {"{{ .Deployment.Name }}/{{ index .Deployment.Pods 0 }}", "web/web-0"},
      {"{{ .Deployment }}", "{web prod [web-0]}"},
      {"{{ .StatefulSet.Name }}", "EXEC"},
      {"{{ .Deployment.Nope }}", "EXEC"},
      {"{{ if .StatefulSet }}yes{{ else }}no{{ end }}", "no"},
  };
  for (const auto& c : cases) Check(c, data);
  auto r = Render("{{ .StatefulSet.Name }}", data);
  EXPECT_NE(r.status().message().find("nil pointer evaluating *param.StatefulSetParams.Name"),
            std::string::npos)
      << r.status().message();
}

TEST(ExecTest, LimitsStopRunawayTemplates) {
  Options o;
  o.max_depth = 50;
  auto r = Render("{{ define \"r\" }}{{ template \"r\" . }}{{ end }}{{ template \"r\" . }}",
                  Params(), nullptr, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("exceeded maximum template depth"), std::string::npos);
  Options small;
  small.max_output_bytes = 10;
  EXPECT_FALSE(Render("{{ range .l }}0123456789{{ end }}", Params(), nullptr, small).ok());
}

}  // namespace
}  // namespace kanon::tmpl
