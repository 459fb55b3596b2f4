#include "store/memory_store.h"

#include <gtest/gtest.h>

#include "store/byte_stream.h"

namespace kanon::store {
namespace {

Status PutString(ObjectStore& s, std::string_view key, std::string_view data) {
  StringSource src(data);
  return s.Put(key, src, {});
}

TEST(MemoryStoreTest, RoundTripListAndPrefixDelete) {
  MemoryStore m;
  ASSERT_TRUE(PutString(m, "a/b", "1").ok());
  ASSERT_TRUE(PutString(m, "a/bc", "22").ok());
  ASSERT_TRUE(PutString(m, "a/c", "333").ok());
  StringSink sink;
  ASSERT_TRUE(m.Get("a/bc", sink, {}).ok());
  EXPECT_EQ(sink.data(), "22");
  auto list = m.List("a/b");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].key, "a/b");
  EXPECT_EQ((*list)[1].size, 2u);
  auto n = m.DeletePrefix("a/b");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2u);
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(m.Stat("a/b").status().code(), Code::kNotFound);
  EXPECT_TRUE(m.Delete("missing").ok());
}

}  // namespace
}  // namespace kanon::store
