#include "mask/verify.h"

#include <gtest/gtest.h>

namespace kanon::mask {
namespace {

constexpr char kPolicy[] = R"(apiVersion: kanon.io/v1alpha1
kind: MaskPolicy
spec:
  key: {env: K}
  tables:
    public.people:
      columns: {id: keep, email: {mask: email}, born: {mask: dateShift, maxDays: 5}}
    public.logs: {drop: true}
)";

std::string Dump(const std::string& people, const std::string& logs) {
  return "CREATE TABLE public.people (\n    id integer,\n    email text,\n    born date\n);\n"
         "COPY public.people (id, email, born) FROM stdin;\n" +
         people + "\\.\n" + "COPY public.logs (id) FROM stdin;\n" + logs + "\\.\n";
}

TEST(VerifyTest, FindsOriginalValuesLeftInTheMaskedDump) {
  auto policy = ParsePolicy(kPolicy, "p");
  ASSERT_TRUE(policy.ok()) << policy.status().message();
  std::string original = Dump("1\tann@x.org\t2000-01-01\n2\tbob@x.org\t2000-01-02\n", "1\n");
  StringReader a(original);
  std::string masked = Dump("1\tfoo@example.com\t2000-01-02\n2\t\\N\t2000-01-01\n", "");
  StringReader clean(masked);
  auto ok = VerifyDumps(*policy, a, clean, MaskOptions{});
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_FALSE(ok->leaked());
  for (const ColumnCheck& c : ok->columns) {
    if (c.column == "born") {
      EXPECT_FALSE(c.checked);
    }
    if (c.column == "email") {
      EXPECT_EQ(c.originals, 2u);
      EXPECT_EQ(c.values, 1u);
    }
  }
  StringReader a2(original);
  std::string leaked = Dump("1\tfoo@example.com\t2000-01-02\n2\tbob@x.org\t\\N\n", "1\n");
  StringReader leaky(leaked);
  auto bad = VerifyDumps(*policy, a2, leaky, MaskOptions{});
  ASSERT_TRUE(bad.ok());
  EXPECT_TRUE(bad->leaked());
  int leaks = 0;
  for (const ColumnCheck& c : bad->columns) leaks += static_cast<int>(c.leaked);
  EXPECT_EQ(leaks, 2);  // bob's email, and one row of the dropped table
}

}  // namespace
}  // namespace kanon::mask
