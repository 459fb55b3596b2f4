#include "store/retry.h"

#include <gtest/gtest.h>

#include <vector>

#include "store/byte_stream.h"
#include "store/faulty_store.h"
#include "store/memory_store.h"

namespace kanon::store {
namespace {

RetryPolicy Attempts(int n) {
  RetryPolicy p;
  p.max_attempts = n;
  return p;
}

struct FakeClock {
  std::vector<std::chrono::milliseconds> sleeps;
  Retrier Make(RetryPolicy p, double random = 0.5) {
    return Retrier(
        p, [this](std::chrono::milliseconds d) { sleeps.push_back(d); },
        [random] { return random; });
  }
};

TEST(RetryTest, BackoffIsFullJitterOfDoublingCeilingWithCap) {
  FakeClock clock;
  RetryPolicy p;
  p.max_attempts = 10;
  p.base = std::chrono::milliseconds(100);
  p.cap = std::chrono::milliseconds(1000);
  Retrier r = clock.Make(p, 0.5);
  EXPECT_EQ(r.Delay(1).count(), 50);
  EXPECT_EQ(r.Delay(2).count(), 100);
  EXPECT_EQ(r.Delay(3).count(), 200);
  EXPECT_EQ(r.Delay(5).count(), 500);  // capped at 1000 x 0.5
  EXPECT_EQ(r.Delay(40).count(), 500);
}

TEST(RetryTest, RetriesRetryableCodesUntilSuccess) {
  FakeClock clock;
  Retrier r = clock.Make(Attempts(5));
  int calls = 0;
  Status st = r.Run([&] { return ++calls < 3 ? Unavailable("busy") : OkStatus(); });
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(clock.sleeps.size(), 2u);
}

TEST(RetryTest, TellsTheObserverOfEachRetry) {
  FakeClock clock;
  RetryPolicy p = Attempts(4);
  std::vector<int> seen;
  p.on_retry = [&](int attempt, const Status& st) {
    EXPECT_EQ(st.code(), Code::kUnavailable);
    seen.push_back(attempt);
  };
  Retrier r = clock.Make(p);
  int calls = 0;
  EXPECT_TRUE(r.Run([&] { return ++calls < 3 ? Unavailable("busy") : OkStatus(); }).ok());
  EXPECT_EQ(seen, (std::vector<int>{1, 2}));
}

TEST(RetryTest, DoesNotRetryPermanentErrors) {
  FakeClock clock;
  Retrier r = clock.Make(Attempts(5));
  int calls = 0;
  Status st = r.Run([&] {
    ++calls;
    return PermissionDenied("no");
  });
  EXPECT_EQ(st.code(), Code::kPermissionDenied);
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(clock.sleeps.empty());
}

TEST(RetryTest, GivesUpAfterMaxAttemptsAndSaysSo) {
  FakeClock clock;
  Retrier r = clock.Make(Attempts(3));
  int calls = 0;
  Status st = r.Run([&] {
    ++calls;
    return DeadlineExceeded("slow");
  });
  EXPECT_EQ(st.code(), Code::kDeadlineExceeded);
  EXPECT_EQ(calls, 3);
  EXPECT_NE(st.message().find("gave up after 3 attempts"), std::string::npos);
}

// A store whose first two Stat calls fail transiently: the retrier gets the object on the third.
TEST(RetryTest, SucceedsAfterTransientStoreFaults) {
  MemoryStore mem;
  FaultyStore faulty(mem);
  StringSource src("hello");
  ASSERT_TRUE(faulty.Put("k", src, {}).ok());
  faulty.AddFault(Fault::Call(StoreOp::kStat, 1, Code::kUnavailable, 2));
  FakeClock clock;
  Retrier r = clock.Make(Attempts(5));
  Result<ObjectInfo> info = r.Run<ObjectInfo>([&] { return faulty.Stat("k"); });
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->size, 5u);
  EXPECT_EQ(faulty.calls(StoreOp::kStat), 3);
  EXPECT_EQ(clock.sleeps.size(), 2u);
}

}  // namespace
}  // namespace kanon::store
