#include "store/faulty_store.h"

#include <gtest/gtest.h>

#include "store/byte_stream.h"
#include "store/memory_store.h"

namespace kanon::store {
namespace {

TEST(FaultyStoreTest, FailsTheNthCallOnly) {
  MemoryStore mem;
  FaultyStore f(mem);
  f.AddFault(Fault::Call(StoreOp::kPut, 2, Code::kPermissionDenied));
  StringSource a("a"), b("b"), c("c");
  EXPECT_TRUE(f.Put("1", a, {}).ok());
  Status st = f.Put("2", b, {});
  EXPECT_EQ(st.code(), Code::kPermissionDenied);
  EXPECT_NE(st.message().find("\"2\": injected permanent fault"), std::string::npos);
  EXPECT_TRUE(f.Put("3", c, {}).ok());
  EXPECT_EQ(mem.size(), 2u);
  EXPECT_EQ(f.calls(StoreOp::kPut), 3);
}

TEST(FaultyStoreTest, MidStreamPutFaultLeavesNoObject) {
  MemoryStore mem;
  FaultyStore f(mem);
  f.AddFault(Fault::MidStream(StoreOp::kPut, 100, Code::kDeadlineExceeded));
  std::string data(1000, 'x');
  StringSource src(data);
  Status st = f.Put("k", src, {});
  EXPECT_EQ(st.code(), Code::kDeadlineExceeded);
  EXPECT_FALSE(mem.Contents("k").has_value());
}

TEST(FaultyStoreTest, MidStreamGetFaultDeliversAtMostTheLimit) {
  MemoryStore mem;
  std::string data(1000, 'y');
  StringSource src(data);
  ASSERT_TRUE(mem.Put("k", src, {}).ok());
  FaultyStore f(mem);
  f.AddFault(Fault::MidStream(StoreOp::kGet, 10));
  StringSink sink;
  Status st = f.Get("k", sink, {});
  EXPECT_EQ(st.code(), Code::kUnavailable);
  EXPECT_EQ(sink.data().size(), 10u);
}

TEST(FaultyStoreTest, EveryCallFromNthWhenCountIsZero) {
  MemoryStore mem;
  FaultyStore f(mem);
  f.AddFault(Fault::Call(StoreOp::kList, 1, Code::kUnavailable, 0));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(f.List("").status().code(), Code::kUnavailable);
  EXPECT_TRUE(f.Delete("x").ok());
}

}  // namespace
}  // namespace kanon::store
