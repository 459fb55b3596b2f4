#include "mask/policy.h"

#include <gtest/gtest.h>

namespace kanon::mask {
namespace {

constexpr char kShop[] = R"(apiVersion: kanon.io/v1alpha1
kind: MaskPolicy
metadata: {name: shop}
spec:
  key: {env: KANON_MASK_KEY}
  unlisted: error
  tables:
    public.customers:
      columns:
        id: keep
        email: {mask: email, unique: true}
        full_name: {mask: name}
        ssn: {mask: hash, format: "###-##-####"}
        birth_date: {mask: dateShift, maxDays: 30}
        notes: {mask: "null"}
      sample: {percent: 10, by: id}
    public.orders:
      columns: {id: keep, customer_id: keep, total: {mask: noise, percent: 5}, status: keep}
      sample: {percent: 10, by: customer_id}
      where: '{{ ne .status "cancelled" }}'
    public.audit_log: {drop: true}
    '"My Schema"."t.x"': {columns: {a: keep}}
)";

// The message of a failed parse.
std::string Error(const std::string& yaml) {
  auto p = ParsePolicy(yaml, "p.yaml");
  EXPECT_FALSE(p.ok());
  return p.ok() ? "" : p.status().message();
}

std::string WithTables(const std::string& tables, const std::string& spec_extra = "") {
  return "apiVersion: kanon.io/v1alpha1\nkind: MaskPolicy\nspec:\n  key: {env: K}\n" + spec_extra +
         "  tables:\n" + tables;
}

TEST(PolicyTest, ParsesTheIssueExample) {
  auto p = ParsePolicy(kShop, "shop.yaml");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->name, "shop");
  EXPECT_EQ(p->key.env, "KANON_MASK_KEY");
  ASSERT_EQ(p->tables.size(), 4u);
  const TableRule* customers = nullptr;
  for (const TableRule& t : p->tables) {
    if (t.key == "public.customers") customers = &t;
    if (t.key == "public.audit_log") {
      EXPECT_TRUE(t.drop);
    }
    if (t.key == "\"My Schema\".\"t.x\"") {
      EXPECT_EQ(t.parts, (std::vector<std::string>{"My Schema", "t.x"}));
    }
  }
  ASSERT_NE(customers, nullptr);
  EXPECT_EQ(customers->sample->percent, 10);
  EXPECT_EQ(customers->sample->by, "id");
  const ColumnRule* email = customers->FindColumn("email");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->mask, "email");
  EXPECT_TRUE(email->unique);
  EXPECT_EQ(email->params.AsMap().count("unique"), 0u);
  EXPECT_TRUE(p->NeedsKey());
}

TEST(PolicyTest, SuggestsTransformerAndFieldNames) {
  std::string msg =
      Error(WithTables("    t:\n      columns: {a: {mask: emial}}\n"
                       "      sampel: {percent: 5, by: a}\n"));
  EXPECT_NE(msg.find("unknown transformer \"emial\"; did you mean \"email\"?"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("unknown field \"sampel\"; did you mean \"sample\"?"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("2 problems"), std::string::npos) << msg;
}

TEST(PolicyTest, ChecksParameters) {
  std::string msg = Error(WithTables(
      "    t:\n      columns:\n        a: {mask: noise}\n        b: {mask: hash, lenght: 8}\n"
      "        c: {mask: dateShift, maxDays: \"x\"}\n        d: {mask: hash, format: \"abc\"}\n"
      "        e: {mask: regex, pattern: \"(\"}\n"));
  EXPECT_NE(msg.find("\"noise\" needs parameter \"percent\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("no parameter \"lenght\"; did you mean \"length\"?"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("parameter \"maxDays\" must be an integer, not string"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find("format has no placeholder"), std::string::npos) << msg;
  EXPECT_NE(msg.find("pattern does not compile"), std::string::npos) << msg;
}

TEST(PolicyTest, RejectsABareYamlNull) {
  std::string msg = Error(WithTables("    t:\n      columns: {notes: null}\n"));
  EXPECT_NE(msg.find("write keep, or \"null\" in quotes"), std::string::npos) << msg;
}

TEST(PolicyTest, ChecksSampleWhereAndSpec) {
  std::string msg =
      Error(WithTables("    t:\n      columns: {a: keep}\n      sample: {percent: 0}\n"
                       "      where: '{{ ne .a }'\n",
                       "  unlisted: kep\n"));
  EXPECT_NE(msg.find("percent: must be more than 0"), std::string::npos) << msg;
  EXPECT_NE(msg.find("sample.by: is required"), std::string::npos) << msg;
  EXPECT_NE(msg.find(".where:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("spec.unlisted: must be one of error, keep, not \"kep\"; did you mean"),
            std::string::npos)
      << msg;
}

TEST(PolicyTest, RequiresAKeyOnlyWhenUsed) {
  std::string no_key =
      "apiVersion: kanon.io/v1alpha1\nkind: MaskPolicy\nspec:\n  tables:\n"
      "    t: {columns: {a: keep, b: {mask: \"null\"}}}\n";
  EXPECT_TRUE(ParsePolicy(no_key, "p").ok());
  std::string keyed = no_key + "    u: {columns: {c: {mask: hash}}}\n";
  EXPECT_NE(Error(keyed).find("spec.key: is required"), std::string::npos);
}

TEST(PolicyTest, RejectsWrongKindAndDuplicateTables) {
  std::string msg = Error(
      "apiVersion: v1\nkind: Policy\nspec:\n  tables:\n    a.b: {drop: true}\n"
      "    '\"a\".\"b\"': {drop: true}\n");
  EXPECT_NE(msg.find("apiVersion: must be kanon.io/v1alpha1"), std::string::npos) << msg;
  EXPECT_NE(msg.find("kind: must be MaskPolicy"), std::string::npos) << msg;
  EXPECT_NE(msg.find("names the same table"), std::string::npos) << msg;
}

TEST(PolicyTest, ReportsYamlSyntaxWithALine) {
  std::string msg = Error("spec: [unclosed\n");
  EXPECT_NE(msg.find("p.yaml: "), std::string::npos) << msg;
  EXPECT_NE(msg.find("line"), std::string::npos) << msg;
}

}  // namespace
}  // namespace kanon::mask
