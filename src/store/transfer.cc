#include "store/transfer.h"

#include <algorithm>
#include <deque>
#include <map>
#include <thread>

namespace kanon::store {

void PartBuffer::Reserve(size_t n) {
  size = 0;
  if (capacity >= n) return;
  data = std::make_unique_for_overwrite<char[]>(n);
  capacity = n;
}

BufferPool::BufferPool(size_t budget_bytes, size_t max_buffers)
    : budget_(budget_bytes), max_buffers_(std::max<size_t>(1, max_buffers)) {}

std::unique_ptr<PartBuffer> BufferPool::Acquire(size_t size) {
  std::unique_lock lock(mu_);
  for (;;) {
    if (closed_) return nullptr;
    if (in_use_ < max_buffers_) {
      // Part sizes only grow, so cached buffers that are too small are of no further use.
      for (auto it = free_.begin(); it != free_.end();) {
        if ((*it)->capacity >= size) {
          std::unique_ptr<PartBuffer> b = std::move(*it);
          free_.erase(it);
          ++in_use_;
          b->size = 0;
          return b;
        }
        capacity_total_ -= (*it)->capacity;
        it = free_.erase(it);
      }
      if (capacity_total_ + size <= budget_ || in_use_ == 0) {
        auto b = std::make_unique<PartBuffer>();
        b->Reserve(size);
        capacity_total_ += size;
        peak_ = std::max(peak_, capacity_total_);
        ++in_use_;
        return b;
      }
    }
    cv_.wait(lock);
  }
}

void BufferPool::Release(std::unique_ptr<PartBuffer> buffer) {
  if (!buffer) return;
  {
    std::lock_guard lock(mu_);
    --in_use_;
    free_.push_back(std::move(buffer));
  }
  cv_.notify_all();
}

void BufferPool::Close() {
  {
    std::lock_guard lock(mu_);
    closed_ = true;
  }
  cv_.notify_all();
}

size_t BufferPool::peak_bytes() const {
  std::lock_guard lock(mu_);
  return peak_;
}

Result<size_t> FillBuffer(ByteSource& source, PartBuffer& buffer, size_t want) {
  KANON_CHECK(buffer.capacity >= want);
  while (buffer.size < want) {
    ASSIGN_OR_RETURN(size_t n, source.Read(std::span<char>(buffer.data.get() + buffer.size,
                                                           want - buffer.size)));
    if (n == 0) break;
    buffer.size += n;
  }
  return buffer.size;
}

size_t PartSizeForUnknownLength(int part_number, size_t base) {
  if (part_number <= 1000) return base;
  if (part_number <= 3000) return base * 2;
  if (part_number <= 6000) return base * 4;
  return base * 8;
}

size_t PartSizeForLength(uint64_t length, size_t base) {
  uint64_t need = (length + 8999) / 9000;
  need = (need + kMiB - 1) / kMiB * kMiB;
  return static_cast<size_t>(std::max<uint64_t>(base, need));
}

namespace {

// Shared state of one UploadParts call.
class UploadRun final {
 public:
  UploadRun(BufferPool& pool, const UploadPartFn& upload, const ProgressFn& progress)
      : pool_(pool), upload_(upload), progress_(progress) {}

  void Enqueue(int part, std::unique_ptr<PartBuffer> b) {
    {
      std::lock_guard lock(mu_);
      queue_.emplace_back(part, std::move(b));
    }
    cv_.notify_one();
  }
  void FinishQueue() {
    {
      std::lock_guard lock(mu_);
      queue_closed_ = true;
    }
    cv_.notify_all();
  }
  void Fail(Status st) {
    {
      std::lock_guard lock(mu_);
      if (first_error_.ok()) first_error_ = std::move(st);
    }
    pool_.Close();
    cv_.notify_all();
  }
  bool failed() {
    std::lock_guard lock(mu_);
    return !first_error_.ok();
  }
  Status first_error() {
    std::lock_guard lock(mu_);
    return first_error_;
  }

  void Worker() {
    for (;;) {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return !queue_.empty() || queue_closed_; });
      if (queue_.empty()) return;
      auto [part, buf] = std::move(queue_.front());
      queue_.pop_front();
      const bool skip = !first_error_.ok();
      lock.unlock();
      if (!skip) {
        Status st = upload_(part, buf->view());
        if (!st.ok()) {
          Fail(std::move(st));
        } else if (progress_) {
          std::lock_guard plock(progress_mu_);
          done_ += buf->size;
          progress_(done_, 0);
        }
      }
      pool_.Release(std::move(buf));
    }
  }

 private:
  BufferPool& pool_;
  const UploadPartFn& upload_;
  const ProgressFn& progress_;
  std::mutex mu_, progress_mu_;
  std::condition_variable cv_;
  std::deque<std::pair<int, std::unique_ptr<PartBuffer>>> queue_;
  bool queue_closed_ = false;
  Status first_error_;
  uint64_t done_ = 0;
};

}  // namespace

Result<uint64_t> UploadParts(ByteSource& source, std::unique_ptr<PartBuffer> first,
                             BufferPool& pool, const UploadPlan& plan, const UploadPartFn& upload,
                             const ProgressFn& progress) {
  UploadRun run(pool, upload, progress);
  std::vector<std::thread> workers;
  for (int i = 0; i < std::max(1, plan.tuning.concurrency); ++i) {
    workers.emplace_back([&run] { run.Worker(); });
  }
  uint64_t total = first->size;
  run.Enqueue(1, std::move(first));
  for (int part = 2; !run.failed(); ++part) {
    const size_t want = plan.known_length > 0
                            ? plan.tuning.part_size
                            : PartSizeForUnknownLength(part, plan.tuning.part_size);
    std::unique_ptr<PartBuffer> buf = pool.Acquire(want);
    if (!buf) break;  // closed after a failure
    Result<size_t> n = FillBuffer(source, *buf, want);
    if (!n.ok()) {
      pool.Release(std::move(buf));
      run.Fail(n.status().WithContext("read source"));
      break;
    }
    if (*n == 0) {
      pool.Release(std::move(buf));
      break;
    }
    if (part > plan.max_parts) {
      pool.Release(std::move(buf));
      run.Fail(Status(Code::kResourceExhausted, "the stream needs more than " +
                                                    std::to_string(plan.max_parts) +
                                                    " parts; raise the part size"));
      break;
    }
    total += *n;
    const bool last = *n < want;
    run.Enqueue(part, std::move(buf));
    if (last) break;
  }
  run.FinishQueue();
  for (std::thread& t : workers) t.join();
  if (Status st = run.first_error(); !st.ok()) return st;
  return total;
}

}  // namespace kanon::store
