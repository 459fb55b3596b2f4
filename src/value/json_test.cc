// ToJson against Go's encoding/json (expected strings produced by the gotmpl oracle's
// toJson / toPrettyJson), and ParseJson's number modes.

#include <cmath>
#include <limits>
#include <memory>

#include <gtest/gtest.h>

#include "value/json.h"

namespace kanon::value {
namespace {

struct Case {
  const char* name;
  Value input;
  const char* want;
};

Value List2(Value a, Value b) { return Value::FromList({std::move(a), std::move(b)}); }

TEST(JsonTest, EncodesLikeGo) {
  const Case cases[] = {
      {"nil", Value(), "null"},
      {"bool", Value(true), "true"},
      {"int", Value::Int(-42), "-42"},
      {"uint64 max", Value::Uint(18446744073709551615u), "18446744073709551615"},
      {"html escaped", Value("<a&b>"), R"("\u003ca\u0026b\u003e")"},
      {"short escapes", Value("q\"\\\n\r\t"), R"("q\"\\\n\r\t")"},
      {"control as \\u", Value("\x01\b\f\x1f"), R"("\u0001\u0008\u000c\u001f")"},
      {"del kept", Value("\x7f"), "\"\x7f\""},
      {"line separators", Value("\u2028\u2029"), R"("\u2028\u2029")"},
      {"invalid utf8", Value("\xff\xe2\x82 \xed\xa0\x80"),
       R"("\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd")"},
      {"valid utf8", Value("é€😀\ufffd"), "\"é€😀\ufffd\""},
      {"float integral", Value::Float(3), "3"},
      {"float fraction", Value::Float(123456789.123), "123456789.123"},
      {"float 1e20", Value::Float(1e20), "100000000000000000000"},
      {"float 1e21", Value::Float(1e21), "1e+21"},
      {"float 1e-6", Value::Float(0.000001), "0.000001"},
      {"float 1e-7", Value::Float(1e-7), "1e-7"},
      {"float tiny", Value::Float(1.5e-300), "1.5e-300"},
      {"float big", Value::Float(1e100), "1e+100"},
      {"negative zero", Value::Float(-0.0), "-0"},
      {"bytes", Value::Bytes("hi!?"), R"("aGkhPw==")"},
      {"bytes empty", Value::Bytes(""), R"("")"},
      {"list", List2(Value::Int(1), Value("x")), R"([1,"x"])"},
      {"empty list", Value::FromList({}), "[]"},
      {"map sorted", Value::FromMap({{"b", Value::Int(1)}, {"a", Value()}, {"B", Value(false)}}),
       R"({"B":false,"a":null,"b":1})"},
      {"map key escaped", Value::FromMap({{"<k>", Value("v")}}), R"({"\u003ck\u003e":"v"})"},
      {"time utc", Value::FromTime({1136214245, 0, 0, "UTC"}), R"("2006-01-02T15:04:05Z")"},
      {"time nanos", Value::FromTime({1136214245, 120000000, -7 * 3600, "MST"}),
       R"("2006-01-02T08:04:05.12-07:00")"},
      {"time before 1970", Value::FromTime({-86400 * 365, 5, 19800, "IST"}),
       R"("1969-01-01T05:30:00.000000005+05:30")"},
  };
  for (const Case& c : cases) {
    Result<std::string> got = ToJson(c.input);
    ASSERT_TRUE(got.ok()) << c.name << ": " << got.status().ToString();
    EXPECT_EQ(*got, c.want) << c.name;
  }
}

TEST(JsonTest, EncodesStructsByJsonName) {
  auto type = std::make_shared<StructType>(StructType{"param.Profile",
                                                      {{"Name", "name", false},
                                                       {"Skip", "skip", true},
                                                       {"Plain", "", false},
                                                       {"hidden", "", false},
                                                       {"Dash", "-", false},
                                                       {"Ptr", "ptr", true}}});
  Value inner = Value::NilPointer(type);
  Value v = Value::FromStruct(
      type, {Value("n"), Value(""), Value::Int(2), Value("h"), Value("d"), inner}, false);
  EXPECT_EQ(*ToJson(v), R"({"name":"n","Plain":2})");
  EXPECT_EQ(*ToJson(Value::FromStruct(type, {Value(), Value("s"), Value(), Value(), Value(), inner},
                                      true)),
            R"({"name":null,"skip":"s","Plain":null})");
  EXPECT_EQ(*ToJson(inner), "null");
}

TEST(JsonTest, EncodesSemverAsItsString) {
  auto type = std::make_shared<StructType>(StructType{"semver.Version",
                                                      {{"major", "", false},
                                                       {"minor", "", false},
                                                       {"patch", "", false},
                                                       {"pre", "", false},
                                                       {"metadata", "", false},
                                                       {"original", "", false}}});
  Value v = Value::FromStruct(type,
                              {Value::Uint(1), Value::Uint(2), Value::Uint(0), Value("rc.1"),
                               Value("b7"), Value("v1.2-rc.1+b7")},
                              true);
  EXPECT_EQ(*ToJson(v), R"("1.2.0-rc.1+b7")");
}

TEST(JsonTest, RejectsNonFiniteFloats) {
  const std::pair<double, const char*> cases[] = {
      {std::nan(""), "json: unsupported value: NaN"},
      {std::numeric_limits<double>::infinity(), "json: unsupported value: +Inf"},
      {-std::numeric_limits<double>::infinity(), "json: unsupported value: -Inf"},
  };
  for (const auto& [f, want] : cases) {
    Result<std::string> got = ToJson(Value::FromList({Value::Float(f)}));
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().message(), want);
  }
}

TEST(JsonTest, RejectsYearsOutsideRfc3339) {
  Result<std::string> got = ToJson(Value::FromTime({-62167219201, 0, 0, "UTC"}));
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().message(),
            "json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside "
            "of range [0,9999]");
}

TEST(JsonTest, IndentsLikeMarshalIndent) {
  Value v = Value::FromMap({{"a", Value::FromList({})},
                            {"b", Value::FromMap({})},
                            {"c", Value::FromList({Value::Int(1), Value("x:,{"),
                                                   Value::FromMap({{"k", Value::Float(2.5)}})})},
                            {"d", Value()}});
  JsonOptions pretty;
  pretty.indent = "  ";
  EXPECT_EQ(*ToJson(v, pretty),
            "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    1,\n    \"x:,{\",\n    {\n"
            "      \"k\": 2.5\n    }\n  ],\n  \"d\": null\n}");
  EXPECT_EQ(*ToJson(Value("s"), pretty), "\"s\"");
}

TEST(JsonTest, CanLeaveHtmlUnescaped) {
  JsonOptions raw;
  raw.escape_html = false;
  EXPECT_EQ(*ToJson(Value("<&>"), raw), "\"<&>\"");
}

TEST(JsonTest, ParsesNumbersPerMode) {
  Result<Value> floats = ParseJson(R"({"n": 3, "f": 1.5})");
  ASSERT_TRUE(floats.ok());
  EXPECT_EQ(floats->Find("n")->go_type(), GoType::kFloat64);
  Result<Value> ints = ParseJson(R"({"n": 3, "f": 1.5})", NumberMode::kInt64WhenIntegral);
  ASSERT_TRUE(ints.ok());
  EXPECT_EQ(*ints->Find("n"), Value::Int(3, GoType::kInt64));
  EXPECT_EQ(*ints->Find("f"), Value::Float(1.5));
  EXPECT_FALSE(ParseJson("{").ok());
}

}  // namespace
}  // namespace kanon::value
