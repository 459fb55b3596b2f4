// The sprig library's registration (names and Go signatures against the oracle's list) and
// its string, conversion and default functions. Expected values come from the Go oracle.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tmpl/sprig_test_util.h"

namespace kanon::tmpl::sprig_test {
namespace {

std::filesystem::path TestData(std::string_view name) {
  const char* root = std::getenv("KANON_SOURCE_DIR");
  std::filesystem::path dir = root != nullptr ? std::filesystem::path(root) / "src/tmpl"
                                              : std::filesystem::path(__FILE__).parent_path();
  return dir / "testdata/sprig" / name;
}

// A Go parameter type as reflect prints it -> the ParamType kanon declares for it (struct and
// pointer parameters are declared as interface {} and checked by the function).
ParamType ParamFor(const std::string& go) {
  static const std::map<std::string, ParamType> kTypes = {
      {"interface {}", ParamType::kAny},
      {"string", ParamType::kString},
      {"int", ParamType::kInt},
      {"uint32", ParamType::kUint32},
      {"float64", ParamType::kFloat64},
      {"bool", ParamType::kBool},
      {"[]interface {}", ParamType::kAnyList},
      {"map[string]interface {}", ParamType::kAnyMap},
      {"sprig.certificate", ParamType::kAny},
      {"*semver.Version", ParamType::kAny},
  };
  auto it = kTypes.find(go);
  return it == kTypes.end() ? ParamType::kReflect : it->second;
}

// Splits "func(a, b, ...c) r" into parameter types and whether the last is variadic.
std::vector<std::string> GoParams(const std::string& sig, bool* variadic) {
  std::string inside = sig.substr(5, sig.find(')') - 5);
  std::vector<std::string> params;
  std::stringstream ss(inside);
  for (std::string p; std::getline(ss, p, ',');) {
    while (!p.empty() && p[0] == ' ') p.erase(0, 1);
    if (!p.empty()) params.push_back(p);
  }
  *variadic = !params.empty() && params.back().starts_with("...");
  if (*variadic) params.back().erase(0, 3);
  return params;
}

TEST(SprigRegistrationTest, EveryOracleFunctionWithItsGoSignature) {
  std::ifstream in(TestData("functions.txt"));
  ASSERT_TRUE(in.good()) << TestData("functions.txt");
  int checked = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::string name = line.substr(0, line.find(' '));
    const std::string sig = line.substr(line.find(' ') + 1);
    bool variadic = false;
    std::vector<std::string> go = GoParams(sig, &variadic);
    const FuncDef* f = KanisterFuncs().Find(name);
    ASSERT_NE(f, nullptr) << name;
    EXPECT_EQ(f->variadic, variadic) << name;
    ASSERT_EQ(f->params.size(), go.size()) << name << " " << sig;
    for (size_t i = 0; i < go.size(); ++i) {
      EXPECT_EQ(f->params[i], ParamFor(go[i])) << name << " parameter " << i << " " << go[i];
    }
    ++checked;
  }
  EXPECT_EQ(checked, 143);
}

TEST(SprigRegistrationTest, V3OnlyFunctionsAreAbsent) {
  for (const char* name :
       {"toRawJson",    "get",       "seq",           "htpasswd",       "bcrypt",
        "randInt",      "fromJson",  "dig",           "regexQuoteMeta", "osBase",
        "any",          "all",       "addf",          "maxf",           "chunk",
        "mustAppend",   "mustFirst", "mustRegexFind", "mustToJson",     "mustMerge",
        "mustDeepCopy", "randBytes", "duration"}) {
    EXPECT_EQ(KanisterFuncs().Find(name), nullptr) << name;
  }
}

TEST(SprigStringsTest, OracleCases) {
  RunCases({
      {"upper", {S("héllo ß ÿ")}, S("HÉLLO ß Ÿ"), ""},
      {"lower", {S("HÉLLO")}, S("héllo"), ""},
      {"upper", {S("a\xff")}, S("A\xEF\xBF\xBD"), ""},  // invalid bytes become U+FFFD
      {"title", {S("hello wORLD foo_bar o'neil")}, S("Hello WORLD Foo_bar O'Neil"), ""},
      {"untitle", {S("Hello World  FOO")}, S("hello world  fOO"), ""},
      {"swapcase", {S("Hello World ǅx")}, S("hELLO wORLD ǆX"), ""},
      {"camelcase", {S("_complex__case_")}, S("_Complex_Case_"), ""},
      {"camelcase", {S("_")}, S("__"), ""},
      {"snakecase", {S("HTTP20xOK")}, S("http_20x_ok"), ""},
      {"snakecase", {S("Bld4Floor3rd")}, S("bld4_floor_3rd"), ""},
      {"snakecase", {S("  x  y ")}, S("__x__y_"), ""},
      {"kebabcase", {S("MyHTTP2Server")}, S("my-http2-server"), ""},
      {"trunc", {I(-2), S("abcdef")}, S("ef"), ""},
      {"trunc", {I(-10), S("abc")}, S("abc"), ""},
      {"substr", {I(-1), I(2), S("abcdef")}, S("ab"), ""},
      {"substr", {I(2), I(99), S("abcdef")}, S("cdef"), ""},
      {"substr", {I(5), I(-1), S("abc")}, {}, "runtime error: slice bounds out of range [5:3]"},
      {"substr",
       {I(-1), I(5), S("abc")},
       {},
       "runtime error: slice bounds out of range [:5] with length 3"},
      {"repeat", {I(-1), S("a")}, {}, "strings: negative Repeat count"},
      {"indent", {I(2), S("a\nb\n")}, S("  a\n  b\n  "), ""},
      {"nindent", {I(1), S("x")}, S("\n x"), ""},
      {"replace", {S(""), S("-"), S("héllo")}, S("-h-é-l-l-o-"), ""},
      {"wrap", {I(5), S("The quick brown fox")}, S("The\nquick\nbrown\nfox"), ""},
      {"wrapWith", {I(3), S("|"), S("abcdefgh ij")}, S("abc|def|gh|ij"), ""},
      {"abbrev", {I(5), S("hello world")}, S("he..."), ""},
      {"abbrevboth", {I(5), I(10), S("1234567890123456789")}, S("...6789..."), ""},
      {"initials", {S("John Doe foo")}, S("JDf"), ""},
      {"initials", {S("élan")}, S("Ã"), ""},  // byte-wise, as goutils does
      {"nospace", {S(" a b\tc ")}, S("abc"), ""},
      {"trim", {S("\u00a0x\u3000")}, S("x"), ""},
      {"trimAll", {S("$-"), S("$-a$b-$")}, S("a$b"), ""},
      {"trimSuffix", {S(".txt"), S("a.txt.txt")}, S("a.txt"), ""},
      {"contains", {S(""), S("x")}, B(true), ""},
      {"split", {S(","), S("a,,b")}, SM({{"_0", S("a")}, {"_1", S("")}, {"_2", S("b")}}), ""},
      {"splitn", {S(","), I(2), S("a,b,c")}, SM({{"_0", S("a")}, {"_1", S("b,c")}}), ""},
      {"splitList", {S(""), S("hé")}, SL({S("h"), S("é")}), ""},
      {"join", {S(","), L({I(1), Nil(), S("a")})}, S("1,a"), ""},
      {"join", {S(","), S("single")}, S("single"), ""},
      {"quote", {S("a"), I(1), Nil(), S("x\"y")}, S("\"a\" \"1\" \"x\\\"y\""), ""},
      {"squote", {S("a"), F(2.5), Nil()}, S("'a' '2.5'"), ""},
      {"cat", {S("a"), Nil(), I(1), SL({S("x"), S("y")})}, S("a 1 [x y]"), ""},
      {"plural", {S("one"), S("many"), I(1)}, S("one"), ""},
      {"hello", {}, S("Hello!"), ""},
      {"fail", {S("boom")}, {}, "boom"},
  });
}

TEST(SprigConvertTest, OracleCases) {
  RunCases({
      {"toString", {F(2.5)}, S("2.5"), ""},
      {"toString", {Nil()}, S("<nil>"), ""},
      {"toString", {Value::Bytes("hi")}, S("hi"), ""},
      {"toStrings", {L({I(1), Nil(), S("a")})}, SL({S("1"), S("a")}), ""},
      {"toStrings", {Nil()}, SL({}), ""},
      {"toStrings", {IL({I(3)})}, SL({S("3")}), ""},
      {"atoi", {S("99999999999999999999")}, I(9223372036854775807), ""},
      {"atoi", {S(" 1")}, I(0), ""},
      {"int", {S("3.00")}, I(3), ""},
      {"int", {S("3.5")}, I(0), ""},
      {"int", {S("0x1F")}, I(31), ""},
      {"int", {S("08")}, I(0), ""},
      {"int", {F(-3.99)}, I(-3), ""},
      {"int64", {F(1e30)}, I64(INT64_MIN), ""},
      {"int64", {B(true)}, I64(1), ""},
      {"float64", {S("1_000.5")}, F(1000.5), ""},
      {"float64", {S("0x10")}, F(0), ""},
      {"float64", {S("0x1p4")}, F(16), ""},
      {"toDecimal", {S("0777")}, I64(511), ""},
      {"toDecimal", {I(8)}, I64(0), ""},
      {"toDecimal", {S("-17")}, I64(-15), ""},
  });
}

TEST(SprigDefaultsTest, OracleCases) {
  RunCases({
      {"default", {S("d"), S("")}, S("d"), ""},
      {"default", {S("d")}, S("d"), ""},
      {"default", {S("d"), F(0)}, S("d"), ""},
      {"default", {S("d"), L({})}, S("d"), ""},
      {"default", {S("d"), I(1)}, I(1), ""},
      {"empty", {M({})}, B(true), ""},
      {"empty", {B(false)}, B(true), ""},
      {"empty", {S(" ")}, B(false), ""},
      {"coalesce", {S(""), Nil(), I(0), S("x")}, S("x"), ""},
      {"coalesce", {S("")}, Nil(), ""},
      {"ternary", {S("y"), S("n"), B(false)}, S("n"), ""},
      {"toJson", {M({{"a", S("<&>")}})}, S("{\"a\":\"\\u003c\\u0026\\u003e\"}"), ""},
      {"toJson", {F(std::nan(""))}, S(""), ""},  // encoding errors are dropped
      {"toPrettyJson", {M({{"a", L({I(1)})}})}, S("{\n  \"a\": [\n    1\n  ]\n}"), ""},
      {"typeOf", {SM({})}, S("map[string]string"), ""},
      {"typeOf", {Nil()}, S("<nil>"), ""},
      {"kindOf", {Value::Bytes("x")}, S("slice"), ""},
      {"kindOf", {Nil()}, S("invalid"), ""},
      {"kindIs", {S("int64"), I64(1)}, B(true), ""},
      {"typeIs", {S("[]string"), SL({})}, B(true), ""},
      {"deepEqual", {I(1), I64(1)}, B(false), ""},
      {"deepEqual", {L({I(1), M({{"a", S("b")}})}), L({I(1), M({{"a", S("b")}})})}, B(true), ""},
  });
}

}  // namespace
}  // namespace kanon::tmpl::sprig_test
