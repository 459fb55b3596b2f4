#include "store/transfer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "store/byte_stream.h"

namespace kanon::store {
namespace {

std::string RandomBytes(size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(gen());
  return s;
}

UploadPlan Plan(size_t part, int concurrency, int max_parts, uint64_t length) {
  UploadPlan p;
  p.tuning.part_size = part;
  p.tuning.concurrency = concurrency;
  p.max_parts = max_parts;
  p.known_length = length;
  return p;
}

// Uploads `data` with parts of `part` bytes into a map; returns the reassembled bytes.
std::string UploadAll(std::string_view data, size_t part, int concurrency, BufferPool& pool,
                      int* parts_seen = nullptr) {
  StringSource src(data);
  std::unique_ptr<PartBuffer> first = pool.Acquire(part);
  EXPECT_TRUE(FillBuffer(src, *first, part).ok());
  std::mutex mu;
  std::map<int, std::string> got;
  UploadPlan plan = Plan(part, concurrency, 10'000, data.size());
  auto total = UploadParts(
      src, std::move(first), pool, plan,
      [&](int n, std::string_view d) {
        std::lock_guard lock(mu);
        got[n] = std::string(d);
        return OkStatus();
      },
      nullptr);
  EXPECT_TRUE(total.ok());
  std::string out;
  int expect = 1;
  for (auto& [n, d] : got) {
    EXPECT_EQ(n, expect++);
    out += d;
  }
  if (parts_seen) *parts_seen = static_cast<int>(got.size());
  return out;
}

TEST(TransferTest, UploadReassemblesInOrderAtBoundaries) {
  const size_t part = 1000;
  for (size_t size : {part, part + 1, 2 * part, 7 * part + 13}) {
    BufferPool pool(8 * part, 5);
    std::string data = RandomBytes(size, static_cast<unsigned>(size));
    int parts = 0;
    EXPECT_EQ(UploadAll(data, part, 4, pool, &parts), data) << size;
    EXPECT_EQ(parts, static_cast<int>((size + part - 1) / part)) << size;
  }
}

TEST(TransferTest, UploadStopsAtFirstFailureAndReportsIt) {
  const size_t part = 100;
  std::string data = RandomBytes(100 * part, 1);
  BufferPool pool(1 << 20, 3);
  StringSource src(data);
  auto first = pool.Acquire(part);
  ASSERT_TRUE(FillBuffer(src, *first, part).ok());
  std::atomic<int> calls{0};
  UploadPlan plan = Plan(part, 2, 10'000, 0);
  auto total = UploadParts(
      src, std::move(first), pool, plan,
      [&](int n, std::string_view) {
        ++calls;
        return n == 5 ? PermissionDenied("part 5 refused") : OkStatus();
      },
      nullptr);
  EXPECT_EQ(total.status().code(), Code::kPermissionDenied);
  EXPECT_LT(calls.load(), 20);  // stopped early, did not read the whole stream
}

TEST(TransferTest, UploadRefusesMoreThanMaxParts) {
  BufferPool pool(1 << 20, 3);
  std::string data(1000, 'x');
  StringSource src(data);
  auto first = pool.Acquire(100);
  ASSERT_TRUE(FillBuffer(src, *first, 100).ok());
  UploadPlan plan = Plan(100, 2, 3, 1000);
  auto total = UploadParts(
      src, std::move(first), pool, plan, [](int, std::string_view) { return OkStatus(); }, nullptr);
  EXPECT_EQ(total.status().code(), Code::kResourceExhausted);
}

TEST(TransferTest, DownloadWritesInOrderWithBoundedMemory) {
  const size_t part = 1000;
  std::string data = RandomBytes(50 * part + 7, 3);
  BufferPool pool(3 * part, 4);
  StringSink sink;
  std::mt19937 jitter(5);
  std::mutex mu;
  Status st = DownloadParts(
      data.size(), part, 4, pool,
      [&](uint64_t off, size_t len, PartBuffer& into) {
        into.Reserve(len);
        std::memcpy(into.data.get(), data.data() + off, len);
        into.size = len;
        std::lock_guard lock(mu);
        if (jitter() % 3 == 0) std::this_thread::yield();
        return OkStatus();
      },
      sink, nullptr);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(sink.data(), data);
  EXPECT_LE(pool.peak_bytes(), 3 * part);
}

TEST(TransferTest, DownloadFailureStopsAndIsReturned) {
  BufferPool pool(1 << 20, 5);
  StringSink sink;
  Status st = DownloadParts(
      10'000, 100, 4, pool,
      [&](uint64_t off, size_t len, PartBuffer& into) -> Status {
        if (off == 3000) return Unavailable("reset");
        into.Reserve(len);
        into.size = len;
        return OkStatus();
      },
      sink, nullptr);
  EXPECT_EQ(st.code(), Code::kUnavailable);
  EXPECT_LE(sink.data().size(), 3000u);
}

TEST(TransferTest, PoolKeepsBudgetWhilePartsGrow) {
  BufferPool pool(100, 5);
  auto a = pool.Acquire(40);
  auto b = pool.Acquire(40);
  pool.Release(std::move(a));
  pool.Release(std::move(b));
  auto c = pool.Acquire(80);  // drops the two cached 40s, then fits
  EXPECT_LE(pool.peak_bytes(), 100u);
  auto d = pool.Acquire(0);
  EXPECT_NE(d, nullptr);
  pool.Release(std::move(c));
  pool.Release(std::move(d));
  auto big = pool.Acquire(500);  // larger than the budget: allowed alone
  EXPECT_NE(big, nullptr);
}

TEST(TransferTest, PartSizes) {
  EXPECT_EQ(PartSizeForUnknownLength(1, 8 * kMiB), 8 * kMiB);
  EXPECT_EQ(PartSizeForUnknownLength(1001, 8 * kMiB), 16 * kMiB);
  EXPECT_EQ(PartSizeForUnknownLength(10'000, 8 * kMiB), 64 * kMiB);
  EXPECT_EQ(PartSizeForLength(1 << 30, 8 * kMiB), 8 * kMiB);
  EXPECT_EQ(PartSizeForLength(uint64_t{1} << 40, 8 * kMiB), 117 * kMiB);
}

}  // namespace
}  // namespace kanon::store
