// DownloadParts (see transfer.h): ranged fetches on worker threads, ordered writes on the caller.
#include <algorithm>
#include <map>
#include <thread>

#include "store/transfer.h"

namespace kanon::store {
namespace {

class DownloadRun final {
 public:
  DownloadRun(uint64_t size, size_t part_size, BufferPool& pool, const FetchRangeFn& fetch)
      : size_(size),
        part_size_(part_size),
        parts_((size + part_size - 1) / part_size),
        pool_(pool),
        fetch_(fetch) {}

  uint64_t parts() const { return parts_; }

  void Worker() {
    for (;;) {
      // Take a buffer before an index, so every taken index holds a buffer (no deadlock).
      std::unique_ptr<PartBuffer> buf = pool_.Acquire(part_size_);
      if (!buf) return;
      uint64_t index;
      {
        std::lock_guard lock(mu_);
        index = next_fetch_++;
      }
      if (index >= parts_) {
        pool_.Release(std::move(buf));
        return;
      }
      const uint64_t offset = index * part_size_;
      const size_t length = static_cast<size_t>(std::min<uint64_t>(part_size_, size_ - offset));
      Status st = fetch_(offset, length, *buf);
      if (st.ok() && buf->size != length) {
        st = DataLoss("range at offset " + std::to_string(offset) + ": got " +
                      std::to_string(buf->size) + " bytes, expected " + std::to_string(length));
      }
      if (!st.ok()) {
        pool_.Release(std::move(buf));
        Fail(std::move(st));
        return;
      }
      {
        std::lock_guard lock(mu_);
        ready_.emplace(index, std::move(buf));
      }
      cv_.notify_all();
    }
  }

  // The next part in order, or nullptr after a failure.
  std::unique_ptr<PartBuffer> Next(uint64_t index) {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !error_.ok() || ready_.count(index) > 0; });
    if (!error_.ok()) return nullptr;
    auto node = ready_.extract(index);
    return std::move(node.mapped());
  }

  void Fail(Status st) {
    {
      std::lock_guard lock(mu_);
      if (error_.ok()) error_ = std::move(st);
    }
    pool_.Close();
    cv_.notify_all();
  }

  Status error() {
    std::lock_guard lock(mu_);
    return error_;
  }

  void ReleaseAll() {
    std::lock_guard lock(mu_);
    for (auto& [i, b] : ready_) pool_.Release(std::move(b));
    ready_.clear();
  }

 private:
  const uint64_t size_;
  const size_t part_size_;
  const uint64_t parts_;
  BufferPool& pool_;
  const FetchRangeFn& fetch_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::map<uint64_t, std::unique_ptr<PartBuffer>> ready_;
  uint64_t next_fetch_ = 0;
  Status error_;
};

}  // namespace

Status DownloadParts(uint64_t size, size_t part_size, int concurrency, BufferPool& pool,
                     const FetchRangeFn& fetch, ByteSink& sink, const ProgressFn& progress) {
  if (size == 0) return OkStatus();
  KANON_CHECK(part_size > 0);
  DownloadRun run(size, part_size, pool, fetch);
  std::vector<std::thread> workers;
  const uint64_t n_workers = std::min<uint64_t>(std::max(1, concurrency), run.parts());
  for (uint64_t i = 0; i < n_workers; ++i) workers.emplace_back([&run] { run.Worker(); });
  uint64_t done = 0;
  for (uint64_t index = 0; index < run.parts(); ++index) {
    std::unique_ptr<PartBuffer> buf = run.Next(index);
    if (!buf) break;
    Status st = sink.Write(buf->view());
    done += buf->size;
    pool.Release(std::move(buf));
    if (!st.ok()) {
      run.Fail(st.WithContext("write"));
      break;
    }
    if (progress) progress(done, size);
  }
  pool.Close();  // stops idle workers once every part is written
  for (std::thread& t : workers) t.join();
  run.ReleaseAll();
  return run.error();
}

}  // namespace kanon::store
