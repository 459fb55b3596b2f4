#include "mask/unique_set.h"

#include <gtest/gtest.h>

#include <set>

#include "mask/mask.h"

namespace kanon::mask {
namespace {

TEST(UniqueSetTest, TellsNewSameAndCollision) {
  UniqueSet set(1000000);
  EXPECT_EQ(set.Insert(Fingerprint("out", true), Fingerprint("a", false)),
            UniqueSet::Outcome::kNew);
  EXPECT_EQ(set.Insert(Fingerprint("OUT", true), Fingerprint("a", false)),
            UniqueSet::Outcome::kSameInput);  // case folded, same input
  EXPECT_EQ(set.Insert(Fingerprint("out", true), Fingerprint("b", false)),
            UniqueSet::Outcome::kCollision);
  for (int i = 0; i < 200000; ++i) {  // through several growths
    std::string v = "v" + std::to_string(i);
    ASSERT_EQ(set.Insert(Fingerprint(v, true), 7), UniqueSet::Outcome::kNew) << i;
  }
  EXPECT_TRUE(set.Contains(Fingerprint("v123", true)));
  EXPECT_FALSE(set.Contains(Fingerprint("w123", true)));
  EXPECT_EQ(set.size(), 200001u);
}

TEST(UniqueSetTest, StopsAtItsLimit) {
  UniqueSet set(2);
  EXPECT_EQ(set.Insert(Fingerprint("a", true), 1), UniqueSet::Outcome::kNew);
  EXPECT_EQ(set.Insert(Fingerprint("b", true), 2), UniqueSet::Outcome::kNew);
  EXPECT_EQ(set.Insert(Fingerprint("c", true), 3), UniqueSet::Outcome::kFull);
}

Result<std::string> MaskColumn(int distinct, const std::string& rule) {
  auto policy = ParsePolicy(
      "apiVersion: kanon.io/v1alpha1\nkind: MaskPolicy\nspec:\n"
      "  key: {env: K}\n  tables:\n    t: {columns: {v: " +
          rule + "}}\n",
      "p");
  if (!policy.ok()) return policy.status();
  std::string dump = "COPY public.t (v) FROM stdin;\n";
  for (int i = 0; i < distinct; ++i) dump += "value-" + std::to_string(i) + "\n";
  dump += "value-0\n\\.\n";  // a repeated input
  KeyedHash key("unique-test-key-0123456789");
  StringReader in(dump);
  StringWriter out;
  auto r = MaskDump(*policy, key, in, out, MaskOptions{});
  if (!r.ok()) return r.status();
  return out.str();
}

TEST(UniqueColumnTest, RetriesUntilEveryValueIsUnique) {
  auto out = MaskColumn(16, "{mask: hash, length: 1, unique: true}");  // 16 inputs, 16 outputs
  ASSERT_TRUE(out.ok()) << out.status().message();
  std::vector<std::string> lines;
  for (size_t p = out->find('\n') + 1; p < out->size();) {
    size_t e = out->find('\n', p);
    lines.push_back(out->substr(p, e - p));
    p = e + 1;
  }
  ASSERT_EQ(lines.size(), 18u);  // 17 rows + "\."
  std::set<std::string> distinct(lines.begin(), lines.begin() + 16);
  EXPECT_EQ(distinct.size(), 16u);
  EXPECT_EQ(lines[16], lines[0]);  // the repeated input keeps its output
}

TEST(UniqueColumnTest, FailsWhenTheOutputSpaceRunsOut) {
  auto out = MaskColumn(17, "{mask: hash, length: 1, unique: true}");
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("even after 64 attempts"), std::string::npos)
      << out.status().message();
  auto redact = MaskColumn(3, "{mask: redact, unique: true}");
  ASSERT_FALSE(redact.ok());
  EXPECT_NE(redact.status().message().find("use hash, email, name or phone"), std::string::npos);
}

}  // namespace
}  // namespace kanon::mask
