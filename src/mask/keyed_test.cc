#include "mask/keyed.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <set>

namespace kanon::mask {
namespace {

std::string Hex(const Digest& d) {
  static const char k[] = "0123456789abcdef";
  std::string s;
  for (uint8_t b : d) s += k[b >> 4], s += k[b & 15];
  return s;
}

TEST(KeyedHashTest, IsHmacSha256) {  // RFC 4231, test cases 2 and 6
  EXPECT_EQ(Hex(KeyedHash("Jefe").Sum("what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  std::string long_key(131, '\xaa');
  EXPECT_EQ(Hex(KeyedHash(long_key).Sum("Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(KeyedHashTest, LongMessagesTakeTheGeneralPath) {  // RFC 4231 test case 7; Wikipedia
  std::string long_key(131, '\xaa');
  EXPECT_EQ(Hex(KeyedHash(long_key).Sum(
                "This is a test using a larger than block-size key and a larger than block-size "
                "data. The key needs to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
  EXPECT_EQ(Hex(KeyedHash("key").Sum("The quick brown fox jumps over the lazy dog")),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}

TEST(KeyedHashTest, AttemptsAndDerivedKeysGiveOtherStreams) {
  KeyedHash k("0123456789abcdef");
  EXPECT_EQ(k.Sum("v"), k.Sum("v", 0, 0));
  EXPECT_NE(k.Sum("v"), k.Sum("v", 1));
  EXPECT_NE(k.Sum("v", 0, 1), k.Sum("v", 1, 0));
  EXPECT_NE(k.Derive("a").Sum("v"), k.Derive("b").Sum("v"));
  EXPECT_EQ(k.Derive("a").Sum("v"), KeyedHash("0123456789abcdef").Derive("a").Sum("v"));
}

TEST(KeyedStreamTest, IsDeterministicAndLong) {
  KeyedHash k("0123456789abcdef");
  KeyedStream a(k, "value", 0), b(k, "value", 0);
  std::set<uint64_t> seen;
  for (int i = 0; i < 20; ++i) {
    uint64_t x = a.Next64();
    EXPECT_EQ(x, b.Next64());
    seen.insert(x);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST(LoadMaskKeyTest, ReadsEnvAndFileAndNeverPrintsTheKey) {
  ::setenv("KANON_TEST_MASK_KEY", "short", 1);
  auto r = LoadMaskKey(KeySource{"KANON_TEST_MASK_KEY", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find("short"), std::string::npos);
  ::setenv("KANON_TEST_MASK_KEY", "a-long-enough-secret-key", 1);
  EXPECT_EQ(*LoadMaskKey(KeySource{"KANON_TEST_MASK_KEY", ""}), "a-long-enough-secret-key");
  ::unsetenv("KANON_TEST_MASK_KEY");
  auto missing = LoadMaskKey(KeySource{"KANON_TEST_MASK_KEY", ""});
  EXPECT_NE(missing.status().message().find("KANON_TEST_MASK_KEY is not set"), std::string::npos);
  std::string path = ::testing::TempDir() + "/mask.key";
  std::ofstream(path) << "file-secret-0123456789\n";
  EXPECT_EQ(*LoadMaskKey(KeySource{"", path}), "file-secret-0123456789");
  EXPECT_EQ(LoadMaskKey(KeySource{"", path + ".none"}).status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace kanon::mask
