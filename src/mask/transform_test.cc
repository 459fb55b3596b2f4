#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "mask/registry.h"
#include "value/yaml.h"

namespace kanon::mask {
namespace {

const KeyedHash& Key() {
  static const KeyedHash k("transform-test-key-0123456789");
  return k;
}

// Builds the rule "{mask: NAME, params...}" for a column of type `sql` (PostgreSQL spelling).
Result<std::unique_ptr<Transformer>> Build(const std::string& yaml, const std::string& sql = "",
                                           bool not_null = false,
                                           const std::vector<std::string>* cols = nullptr) {
  auto v = value::ParseYaml(yaml);
  EXPECT_TRUE(v.ok());
  static std::vector<ColumnRule> rules;  // transformers keep pointers to their rule
  rules.reserve(100);
  ColumnRule& rule = rules.emplace_back();
  value::Map params;
  for (const auto& [k, p] : v->AsMap()) {
    if (k == "mask")
      rule.mask = p.AsString();
    else
      params.emplace(k, p);
  }
  rule.params = value::Value::FromMap(params);
  const TransformerDef* def = FindTransformer(rule.mask);
  EXPECT_NE(def, nullptr);
  Status st = CheckParams(*def, rule.params, "p");
  if (!st.ok()) return st;
  BuildContext ctx;
  ctx.rule = &rule;
  KeyedHash key = Key().Derive(RuleIdentity(rule));  // transformers keep a copy
  ctx.key = &key;
  ctx.type = sql.empty() ? ColumnType{} : ParsePgType(sql);
  ctx.not_null = not_null;
  ctx.columns = cols;
  return def->make(Params(&rule.params), ctx);
}

std::string Apply(const Transformer& t, std::string_view in, uint32_t attempt = 0,
                  RowView* row = nullptr) {
  std::string out;
  auto r = t.Apply(Cell{in, false}, ApplyContext{row, attempt}, &out);
  EXPECT_TRUE(r.ok()) << r.status().message();
  if (r.ok() && !*r) return "<NULL>";
  return out;
}

TEST(TransformTest, NullStaysNull) {
  for (const char* rule : {"{mask: hash}", "{mask: email}", "{mask: name}", "{mask: phone}",
                           "{mask: redact}", "{mask: noise, percent: 5}",
                           "{mask: dateShift, maxDays: 3}", "{mask: regex, pattern: a}"}) {
    auto t = Build(rule);
    ASSERT_TRUE(t.ok()) << rule << ": " << t.status().message();
    std::string out;
    auto r = (*t)->Apply(Cell{{}, true}, ApplyContext{}, &out);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(*r) << rule;
  }
}

TEST(TransformTest, HashIsKeyedDeterministicAndShaped) {
  auto t = Build("{mask: hash}");
  ASSERT_TRUE(t.ok());
  std::string a = Apply(**t, "123-45-6789");
  EXPECT_EQ(a.size(), 16u);
  EXPECT_EQ(a, Apply(**Build("{mask: hash}"), "123-45-6789"));
  EXPECT_NE(a, Apply(**t, "123-45-6780"));
  EXPECT_NE(a, Apply(**t, "123-45-6789", 1));
  auto ssn = Build("{mask: hash, format: \"###-##-####\"}");
  std::string s = Apply(**ssn, "123-45-6789");
  ASSERT_EQ(s.size(), 11u);
  EXPECT_EQ(s[3], '-');
  EXPECT_EQ(s.find_first_not_of("0123456789-"), std::string::npos);
  std::string shaped = Apply(**Build("{mask: hash, format: \"ID-?^*\\\\#\"}"), "x");
  EXPECT_EQ(shaped.substr(0, 3), "ID-");
  EXPECT_EQ(shaped.back(), '#');
  EXPECT_EQ(Apply(**Build("{mask: hash, length: 40}"), "x").size(), 40u);
}

TEST(TransformTest, HashFitsTheColumnType) {
  EXPECT_FALSE(Build("{mask: hash}", "integer").ok());
  EXPECT_FALSE(Build("{mask: hash, format: \"##########\"}", "integer").ok());
  auto id = Build("{mask: hash, format: \"#########\"}", "integer");
  ASSERT_TRUE(id.ok()) << id.status().message();
  std::string v = Apply(**id, "42");
  EXPECT_NE(v[0], '0');
  auto uuid = Build("{mask: hash}", "uuid");
  ASSERT_TRUE(uuid.ok());
  std::string u = Apply(**uuid, "x");
  EXPECT_EQ(u.size(), 36u);
  EXPECT_EQ(u[14], '4');
  EXPECT_FALSE(Build("{mask: hash, length: 20}", "character varying(10)").ok());
}

TEST(TransformTest, FakeNamesComeFromTheDictionaries) {
  auto email = Build("{mask: email}");
  std::string e = Apply(**email, "ann@example.com");
  EXPECT_NE(e.find('@'), std::string::npos);
  EXPECT_NE(e.find("@example."), std::string::npos);
  EXPECT_EQ(e, Apply(**email, "ann@example.com"));
  EXPECT_NE(e, Apply(**email, "ann@example.com", 1));
  EXPECT_EQ(Apply(**Build("{mask: email, domain: corp.test}"), "x")
                .substr(Apply(**Build("{mask: email, domain: corp.test}"), "x").find('@')),
            "@corp.test");
  std::string kept = Apply(**Build("{mask: email, keepDomain: true}"), "bob@acme.io");
  EXPECT_EQ(kept.substr(kept.find('@')), "@acme.io");
  std::string name = Apply(**Build("{mask: name}"), "Ann O'Neil");
  EXPECT_NE(name.find(' '), std::string::npos);
  EXPECT_EQ(Apply(**Build("{mask: firstName}"), "Ann").find(' '), std::string::npos);
  std::string short_email = Apply(**Build("{mask: email}", "character varying(20)"), "x@y");
  EXPECT_LE(short_email.size(), 20u);
}

TEST(TransformTest, PhoneKeepsTheLayout) {
  auto t = Build("{mask: phone, keepDigits: 1}");
  std::string p = Apply(**t, "+1-555-000-1234");
  ASSERT_EQ(p.size(), 15u);
  EXPECT_EQ(p.substr(0, 3), "+1-");
  EXPECT_EQ(p[6], '-');
  EXPECT_NE(p, "+1-555-000-1234");
  std::string none = Apply(**t, "n/a");  // no digits: a whole fake number
  EXPECT_EQ(none.size(), 12u);
  EXPECT_EQ(none.find("n/a"), std::string::npos);
  EXPECT_EQ(Apply(**t, ""), "");
}

TEST(TransformTest, RedactKeepsTheEnds) {
  EXPECT_EQ(Apply(**Build("{mask: redact, keep: 2}"), "Johnson"), "Jo*****");
  EXPECT_EQ(Apply(**Build("{mask: redact, keepLast: 4, char: \"#\"}"), "4111111111111111"),
            "############1111");
  EXPECT_EQ(Apply(**Build("{mask: redact, keep: 1}"), "Zoë😀x"), "Z****");
  EXPECT_EQ(Apply(**Build("{mask: redact, keep: 3}"), "ab"), "**");  // short: hidden whole
}

TEST(TransformTest, RegexUsesGoReplacementSyntax) {
  auto t = Build(
      "{mask: regex, pattern: \"(\\\\w+)@(?P<dom>\\\\w+)\", replacement: "
      "\"user@${dom}-$1x$$\"}");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(Apply(**t, "mail ann@corp now"), "mail user@corp-$ now");  // $1x: no such group
  EXPECT_EQ(Apply(**Build("{mask: regex, pattern: \"a*\", replacement: \"-\"}"), "baaac"), "-b-c-");
}

TEST(TransformTest, NoiseStaysWithinPercentAndPrecision) {
  auto t = Build("{mask: noise, percent: 10}");
  for (const char* v : {"100.00", "2500", "-37.5", "0.001"}) {
    std::string out = Apply(**t, v);
    double in = std::stod(v), got = std::stod(out);
    EXPECT_LE(std::abs(got - in), std::abs(in) * 0.1 + 1e-9) << v << " -> " << out;
    EXPECT_EQ(out.find('.') == std::string::npos, std::string(v).find('.') == std::string::npos);
  }
  EXPECT_EQ(Apply(**t, "NaN"), "NaN");
  std::string out;
  EXPECT_FALSE((*t)->Apply(Cell{"12abc", false}, ApplyContext{}, &out).ok());
  auto small = Build("{mask: noise, percent: 100}", "smallint");
  for (int i = 0; i < 50; ++i) EXPECT_LE(std::stoi(Apply(**small, "32000", i)), 32767);
}

TEST(TransformTest, DateShiftMovesWholeDays) {
  auto t = Build("{mask: dateShift, maxDays: 5}");
  std::set<std::string> outs;
  for (const char* d : {"2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04"}) {
    std::string out = Apply(**t, d);
    EXPECT_NE(out, d);
    EXPECT_EQ(out.substr(0, 7) == "2024-02" || out.substr(0, 7) == "2024-03", true) << out;
    outs.insert(out);
  }
  EXPECT_EQ(Apply(**t, "2024-03-10 12:34:56.789+00").substr(10), " 12:34:56.789+00");
  EXPECT_EQ(Apply(**t, "infinity"), "infinity");
  EXPECT_EQ(Apply(**t, "0000-00-00 00:00:00"), "0000-00-00 00:00:00");
  std::string bc = Apply(**Build("{mask: dateShift, maxDays: 1}"), "0001-01-01");
  EXPECT_TRUE(bc == "0001-01-02" || bc == "0001-12-31 BC") << bc;
  std::string out;
  EXPECT_FALSE((*t)->Apply(Cell{"2024-02-30", false}, ApplyContext{}, &out).ok());
}

TEST(TransformTest, DateShiftByColumnMovesARowTogether) {
  std::vector<std::string> cols = {"id", "born", "joined"};
  auto t = Build("{mask: dateShift, maxDays: 300, by: id}", "", false, &cols);
  ASSERT_TRUE(t.ok()) << t.status().message();
  struct OneRow final : RowView {
    Cell Input(size_t) override { return Cell{"7", false}; }
    Result<value::Value> MaskedData() override { return value::Value(); }
  } row;
  auto days = [](const std::string& d) {
    using namespace std::chrono;
    year_month_day ymd{year(std::stoi(d.substr(0, 4))), month(std::stoi(d.substr(5, 2))),
                       day(std::stoi(d.substr(8, 2)))};
    return sys_days(ymd).time_since_epoch().count();
  };
  std::string a = Apply(**t, "2000-01-01", 0, &row), b = Apply(**t, "2000-03-01", 0, &row);
  EXPECT_EQ(days(b) - days(a), 60);  // one shift for the whole row: intervals survive
  EXPECT_FALSE(Build("{mask: dateShift, maxDays: 3, by: idd}", "", false, &cols).ok());
}

TEST(TransformTest, SetAndNullRespectTheColumn) {
  EXPECT_EQ(Apply(**Build("{mask: set, value: \"n/a\"}"), "secret"), "n/a");
  EXPECT_EQ(Apply(**Build("{mask: set, value: 0}"), "5"), "0");
  EXPECT_EQ(Apply(**Build("{mask: set, value: null}"), "5"), "<NULL>");
  EXPECT_FALSE(Build("{mask: \"null\"}", "text", true).ok());
  EXPECT_FALSE(Build("{mask: set, value: abc}", "integer").ok());
}

TEST(TransformTest, TemplateReadsTheMaskedRow) {
  auto t = Build("{mask: template, template: \"{{ .first }} {{ upper .last }}\"}");
  ASSERT_TRUE(t.ok()) << t.status().message();
  struct OneRow final : RowView {
    Cell Input(size_t) override { return Cell{}; }
    Result<value::Value> MaskedData() override {
      value::Map m{{"first", value::Value("Ann")}, {"last", value::Value("Lee")}};
      return value::Value::FromMap(m);
    }
  } row;
  EXPECT_EQ(Apply(**t, "whatever", 0, &row), "Ann LEE");
}

}  // namespace
}  // namespace kanon::mask
