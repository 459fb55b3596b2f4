// sprig's list, dict and math functions: result types, error texts, and Go's reference
// semantics for the map functions that mutate. Expected values come from the Go oracle.
#include <cstdint>

#include "tmpl/sprig_test_util.h"
#include "value/json.h"

namespace kanon::tmpl::sprig_test {
namespace {

constexpr const char* kNilDeref =
    "runtime error: invalid memory address or nil pointer dereference";

TEST(SprigListsTest, OracleCases) {
  const Value strs = SL({S("b"), S("a"), S("c"), S("a")});
  RunCases({
      {"list", {I(1), Nil()}, L({I(1), Nil()}), ""},
      {"append", {strs, S("z")}, L({S("b"), S("a"), S("c"), S("a"), S("z")}), ""},
      {"mustPush", {IL({I(0)}), I(9)}, L({I(0), I(9)}), ""},
      {"prepend", {Value::Bytes("a"), I(0)}, L({I(0), Value::Uint(97, GoType::kUint8)}), ""},
      {"append", {S("abc"), I(1)}, {}, "Cannot push on type string"},
      {"push", {M({}), I(1)}, {}, "Cannot push on type map"},
      {"append", {Nil(), I(1)}, {}, kNilDeref},
      {"first", {strs}, S("b"), ""},
      {"first", {L({})}, Nil(), ""},
      {"last", {IL({I(1), I(2)})}, I(2), ""},
      {"rest", {L({})}, L({}), ""},
      {"initial", {strs}, L({S("b"), S("a"), S("c")}), ""},
      {"first", {S("abc")}, {}, "Cannot find first on type string"},
      {"rest", {I(5)}, {}, "Cannot find rest on type int"},
      {"reverse", {B(true)}, {}, "Cannot find reverse on type bool"},
      {"compact", {L({I(0), S(""), Nil(), B(false), L({}), M({}), I(1)})}, L({I(1)}), ""},
      {"uniq", {L({I(1), F(1), S("1"), I(1)})}, L({I(1), F(1), S("1")}), ""},
      {"without", {strs, S("a"), S("c")}, L({S("b")}), ""},
      {"has", {I(1), Nil()}, B(false), ""},
      {"has", {F(1), IL({I(1)})}, B(false), ""},
      {"has", {I(1), S("abc")}, {}, "Cannot find has on type string"},
      {"slice", {strs, I(1), I(3)}, SL({S("a"), S("c")}), ""},
      {"slice", {IL({I(1), I(2)}), S("1")}, IL({I(2)}), ""},
      {"slice", {L({})}, Nil(), ""},
      {"slice", {strs, I(2), I(9)}, {}, "reflect.Value.Slice: slice index out of bounds"},
      {"slice", {S("abc"), I(1)}, {}, "list should be type of slice or array but string"},
      {"concat", {strs, IL({I(1)})}, L({S("b"), S("a"), S("c"), S("a"), I(1)}), ""},
      {"concat", {}, L({}), ""},
      {"concat", {strs, S("x")}, {}, "Cannot concat type string as list"},
      {"sortAlpha", {L({I(10), I(9), S("B"), S("a")})}, SL({S("10"), S("9"), S("B"), S("a")}), ""},
      {"sortAlpha", {Nil()}, SL({S("<nil>")}), ""},
      {"sortAlpha", {S("x")}, SL({S("x")}), ""},
  });
}

TEST(SprigListsTest, UntilBuildsIntSlices) {
  RunCases({
      {"until", {I(3)}, IL({I(0), I(1), I(2)}), ""},
      {"until", {I(-2)}, IL({I(0), I(-1)}), ""},
      {"untilStep", {I(10), I(0), I(-4)}, IL({I(10), I(6), I(2)}), ""},
      {"untilStep", {I(0), I(10), I(-1)}, IL({}), ""},
      {"untilStep",
       {I(0), I(INT64_MAX), I(1)},
       {},
       "untilStep: 9223372036854775807 elements exceed kanon's limit"},
  });
}

TEST(SprigDictsTest, OracleCases) {
  const Value m = M({{"a", I(1)}, {"b", M({{"c", I(2)}})}, {"e", S("")}});
  RunCases({
      {"dict", {S("a"), I(1), S("b")}, M({{"a", I(1)}, {"b", S("")}}), ""},
      {"dict", {I(1), I(2), Nil(), I(3)}, M({{"1", I(2)}, {"<nil>", I(3)}}), ""},
      {"hasKey", {m, S("e")}, B(true), ""},
      {"pluck", {S("a"), m, M({}), M({{"a", S("x")}})}, L({I(1), S("x")}), ""},
      {"keys", {m, M({{"a", I(0)}})}, SL({S("a"), S("b"), S("e"), S("a")}), ""},
      {"values", {M({{"x", I(1)}})}, L({I(1)}), ""},
      {"pick", {m, S("a"), S("zz")}, M({{"a", I(1)}}), ""},
      {"omit", {m, S("a"), S("b")}, M({{"e", S("")}}), ""},
      {"set", {Nil(), S("k"), I(1)}, {}, "assignment to entry in nil map"},
      {"deepCopy", {Nil()}, {}, "reflect: call of reflect.Value.Type on zero Value"},
  });
}

TEST(SprigDictsTest, SetAndUnsetChangeTheSharedMap) {
  Value d = M({{"a", I(1)}});
  Value alias = d;  // a second holder, as a template variable and the params would be
  ASSERT_TRUE(Call("set", {d, S("b"), I(2)}).ok());
  EXPECT_NE(alias.Find("b"), nullptr);
  ASSERT_TRUE(Call("unset", {d, S("a")}).ok());
  EXPECT_EQ(alias.Find("a"), nullptr);
}

TEST(SprigDictsTest, DeepCopyIsIndependent) {
  Value d = M({{"n", M({{"x", I(1)}})}});
  Result<Value> copy = Call("deepCopy", {d});
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE(Call("set", {*copy->Find("n"), S("y"), I(2)}).ok());
  EXPECT_EQ(d.Find("n")->Find("y"), nullptr);
}

std::string MergeJson(std::string_view fn, Value dst, Value src) {
  Result<Value> r = Call(fn, {dst, src});
  if (!r.ok()) return "error: " + r.status().message();
  Result<std::string> json = value::ToJson(*r);
  return json.ok() ? *json : "error: " + json.status().message();
}

// mergo's rules, as the oracle shows them.
TEST(SprigDictsTest, MergeFollowsMergo) {
  Value dst = M({{"a", S("")}, {"b", I(0)}, {"c", B(false)}, {"d", Nil()}, {"e", L({})}});
  Value src = M({{"a", S("x")}, {"b", I(1)}, {"c", B(true)}, {"d", S("y")}, {"e", L({I(1)})}});
  EXPECT_EQ(MergeJson("merge", dst, src), R"({"a":"x","b":1,"c":true,"d":"y","e":[1]})");
  EXPECT_EQ(MergeJson("mergeOverwrite",
                      M({{"a", S("x")}, {"b", I(1)}, {"c", L({I(1)})}, {"d", M({{"z", I(1)}})}}),
                      M({{"a", S("")}, {"b", I(0)}, {"c", L({})}, {"d", Nil()}})),
            R"({"a":"","b":0,"c":[],"d":null})");
  // A non-empty destination keeps its value against a map or slice source, even overwriting.
  EXPECT_EQ(MergeJson("mergeOverwrite", M({{"a", S("str")}, {"b", M({{"x", I(1)}})}}),
                      M({{"a", M({{"y", I(2)}})}, {"b", S("str2")}})),
            R"({"a":"str","b":"str2"})");
  EXPECT_EQ(MergeJson("merge", M({{"a", L({I(1)})}, {"b", S("s")}}),
                      M({{"a", L({I(2)})}, {"b", L({I(3)})}})),
            R"({"a":[1],"b":"s"})");
  EXPECT_EQ(MergeJson("mergeOverwrite", M({{"a", L({I(1)})}, {"b", S("s")}}),
                      M({{"a", L({I(2)})}, {"b", L({I(3)})}})),
            R"({"a":[2],"b":[3]})");
}

TEST(SprigDictsTest, MergeUpdatesDestinationAndNestedMapsInPlace) {
  Value inner = M({{"x", I(1)}});
  Value dst = M({{"n", inner}});
  Result<Value> r = Call("merge", {dst, M({{"n", M({{"y", I(2)}})}, {"k", S("v")}})});
  ASSERT_TRUE(r.ok());
  EXPECT_NE(dst.Find("k"), nullptr);
  EXPECT_NE(inner.Find("y"), nullptr);
  Result<Value> from_nil = Call("merge", {Nil(), M({{"a", I(1)}})});
  ASSERT_TRUE(from_nil.ok());
  EXPECT_TRUE(*from_nil == M({{"a", I(1)}}));
}

TEST(SprigMathTest, OracleCases) {
  RunCases({
      {"add", {I(1), S("3"), F(1.9), B(true), Nil(), S("x")}, I64(6), ""},
      {"add", {S("0x10"), S("010"), S("0b11"), S("1_000"), S("3.00"), S("2.5")}, I64(1030), ""},
      {"add", {}, I64(0), ""},
      {"add1", {S("41")}, I64(42), ""},
      {"add", {I(INT64_MAX), I(1)}, I64(INT64_MIN), ""},
      {"sub", {I(10), S("3")}, I64(7), ""},
      {"mul", {I(INT64_MAX), I(2)}, I64(-2), ""},
      {"div", {I(-7), I(2)}, I64(-3), ""},
      {"div", {I(INT64_MIN), I(-1)}, I64(INT64_MIN), ""},
      {"mod", {I(INT64_MIN), I(-1)}, I64(0), ""},
      {"mod", {I(-7), I(3)}, I64(-1), ""},
      {"div", {I(1), I(0)}, {}, "runtime error: integer divide by zero"},
      {"mod", {I(1), S("0")}, {}, "runtime error: integer divide by zero"},
      {"max", {I(1), I(5), I(3)}, I64(5), ""},
      {"biggest", {S("7"), I(2)}, I64(7), ""},
      {"min", {F(2.9), F(2.1)}, I64(2), ""},
      {"floor", {S("-2.5")}, F(-3), ""},
      {"ceil", {F(2.1)}, F(3), ""},
      {"round", {F(-2.5), I(0)}, F(-3), ""},
      {"round", {F(2.45), I(1)}, F(2.5), ""},
      {"round", {F(1234.5678), I(-2)}, F(1200), ""},
      {"round", {F(2.5), I(0), F(0.6)}, F(2), ""},
      {"round", {S("1.005"), I(2)}, F(1), ""},
  });
}

}  // namespace
}  // namespace kanon::tmpl::sprig_test
