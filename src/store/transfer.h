// The parallel part engine shared by the S3 and Azure stores.
//
// A stream is cut into parts held in PartBuffers drawn from a BufferPool, whose byte budget
// bounds the memory of a transfer whatever the stream's size. UploadParts reads parts from a
// ByteSource on the calling thread and uploads them on worker threads; DownloadParts fetches
// ranges on worker threads and writes them to a ByteSink in order on the calling thread. Both
// stop at the first failure, wait for the work in flight, and return that failure; neither
// knows the wire protocol (the store passes the per-part function).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "store/object_store.h"

namespace kanon::store {

inline constexpr size_t kMiB = size_t{1} << 20;

// How a transfer is cut and how much runs at once.
struct TransferTuning {
  size_t part_size = 8 * kMiB;       // first part size; grows for long streams of unknown size
  int concurrency = 4;               // parts in flight
  size_t memory_budget = 96 * kMiB;  // bytes of part buffers, in use and cached
};

// A reusable buffer for one part. Capacity only grows; contents are not preserved by Reserve.
struct PartBuffer {
  std::unique_ptr<char[]> data;
  size_t capacity = 0;
  size_t size = 0;
  void Reserve(size_t n);
  std::string_view view() const { return std::string_view(data.get(), size); }
};

// Hands out at most `max_buffers` PartBuffers whose capacities together stay within
// `budget_bytes` (a single buffer may exceed it when nothing else is in use). A pool serves one
// transfer: UploadParts and DownloadParts close it when they stop. Thread-safe.
class BufferPool final {
 public:
  BufferPool(size_t budget_bytes, size_t max_buffers);
  // A buffer with capacity >= size and size 0; blocks while over budget; nullptr once closed.
  std::unique_ptr<PartBuffer> Acquire(size_t size);
  void Release(std::unique_ptr<PartBuffer> buffer);
  // Wakes every waiter; later Acquire calls return nullptr.
  void Close();
  // Largest total capacity held at any time (for tests of the memory bound).
  size_t peak_bytes() const;

 private:
  const size_t budget_, max_buffers_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PartBuffer>> free_;
  size_t in_use_ = 0, capacity_total_ = 0, peak_ = 0;
  bool closed_ = false;
};

// Reads from `source` into `buffer` until it holds `want` bytes or the stream ends.
Result<size_t> FillBuffer(ByteSource& source, PartBuffer& buffer, size_t want);

// Size of part `part_number` (1-based) of a stream of unknown length: `base` for the first
// 1000 parts, then doubling at parts 1001, 3001 and 6001, so 10,000 parts reach 49 x base x 1000.
size_t PartSizeForUnknownLength(int part_number, size_t base);

// Part size for a stream of known length: at least `base`, and large enough to fit in 9,000
// parts, rounded up to a MiB.
size_t PartSizeForLength(uint64_t length, size_t base);

using UploadPartFn = std::function<Status(int part_number, std::string_view data)>;

struct UploadPlan {
  TransferTuning tuning;
  int max_parts = 10'000;
  uint64_t known_length = 0;  // 0: unknown
};

// Uploads `first` (part 1, already read and full) and the rest of `source` as parts 2, 3, ...
// by calling `upload` on up to tuning.concurrency threads. Returns the total bytes, or the
// first failure (of the source or of a part) after the parts in flight have finished.
Result<uint64_t> UploadParts(ByteSource& source, std::unique_ptr<PartBuffer> first,
                             BufferPool& pool, const UploadPlan& plan, const UploadPartFn& upload,
                             const ProgressFn& progress);

// Fetches [offset, offset + length) into `into` (setting into.size); may be called again for
// the same range after a failure.
using FetchRangeFn = std::function<Status(uint64_t offset, size_t length, PartBuffer& into)>;

// Fetches an object of `size` bytes in parts of `part_size` on up to `concurrency` threads and
// writes them to `sink` in order on the calling thread.
Status DownloadParts(uint64_t size, size_t part_size, int concurrency, BufferPool& pool,
                     const FetchRangeFn& fetch, ByteSink& sink, const ProgressFn& progress);

}  // namespace kanon::store
