#include "store/object_key.h"

#include <gtest/gtest.h>

namespace kanon::store {
namespace {

// Expected values are what Go's path.Clean and path.Join return.
TEST(ObjectKeyTest, CleanMatchesGo) {
  const std::pair<const char*, const char*> cases[] = {
      {"", "."},
      {".", "."},
      {"/", "/"},
      {"a//b", "a/b"},
      {"a/./b", "a/b"},
      {"a/b/", "a/b"},
      {"a/b/../c", "a/c"},
      {"../x", "../x"},
      {"/../x", "/x"},
      {"a/../..", ".."},
      {"a/..", "."},
      {"//a/b//", "/a/b"},
      {"../../a/..", "../.."},
      {"abc/./../def", "def"},
      {"/a/b/../../..", "/"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(GoPathClean(in), want) << in;
}

TEST(ObjectKeyTest, JoinMatchesGo) {
  EXPECT_EQ(GoPathJoin({"", ""}), "");
  EXPECT_EQ(GoPathJoin({"a", ""}), "a");
  EXPECT_EQ(GoPathJoin({"", "b"}), "b");
  EXPECT_EQ(GoPathJoin({"a", "b/c"}), "a/b/c");
  EXPECT_EQ(GoPathJoin({"a/", "/b"}), "a/b");
  EXPECT_EQ(GoPathJoin({"", "/mysql-backups/ns/x"}), "/mysql-backups/ns/x");
  EXPECT_EQ(GoPathJoin({"prefix", "../../etc"}), "../etc");
  EXPECT_EQ(GoPathJoin({"a", ".."}), ".");
  EXPECT_EQ(ObjectKey("backups", "pg/2024/dump.gz"), "backups/pg/2024/dump.gz");
}

}  // namespace
}  // namespace kanon::store
