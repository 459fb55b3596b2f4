// Input and Output: the chunked buffers the dump parsers scan and write through.
//
// Input holds a window of the dump. A parser scans it with offsets into data(); when it needs
// more, it calls Refill(keep), which drops the bytes before `keep` (already written or skipped),
// moves the rest to the front and reads another chunk; the parser subtracts the returned shift
// from every offset it holds. Only what a parser asks to keep stays in memory, up to a cap, so
// memory is bounded whatever the size of the dump. Line numbers are counted lazily, only when a
// message or a header needs one.
//
// Output gathers small writes into one large buffer and passes large spans straight through.
// Write errors are sticky: the first one is kept in status() and later writes are dropped.
// Neither class is thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include "base/status.h"
#include "mask/stream.h"

namespace kanon::mask {

class Input final {
 public:
  // `chunk`: bytes asked from the reader per call; `max_hold`: most bytes a parser may keep
  // (one row, one statement head), past which Refill fails with kResourceExhausted.
  Input(ByteReader* reader, size_t chunk, size_t max_hold);

  const char* data() const { return buf_.get(); }
  size_t size() const { return size_; }
  // True once the reader reported the end; data() may still hold unscanned bytes.
  bool eof() const { return eof_; }

  // Discards [0, keep), reads more; returns the shift (== keep). At end of input nothing is
  // added and eof() turns true. Errors: the reader's, or kResourceExhausted when the kept
  // bytes outgrow max_hold.
  Result<size_t> Refill(size_t keep);

  // 1-based line number of the byte at `offset` (counted from the start of the dump).
  uint64_t LineOf(size_t offset);
  // Byte position of `offset` from the start of the dump.
  uint64_t AbsoluteOf(size_t offset) const { return discarded_ + offset; }
  size_t max_hold() const { return max_hold_; }

 private:
  ByteReader* reader_;
  size_t chunk_;
  size_t max_hold_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t size_ = 0;
  bool eof_ = false;
  uint64_t discarded_ = 0;
  // LF count before data()[cache_off_], from the start of the dump.
  size_t cache_off_ = 0;
  uint64_t cache_lines_ = 0;
};

class Output final {
 public:
  explicit Output(ByteWriter* writer, size_t buffer_size = 1 << 20);

  void Append(std::string_view s) {
    if (s.size() <= capacity_ - size_) {
      std::memcpy(buf_.get() + size_, s.data(), s.size());
      size_ += s.size();
    } else {
      AppendSlow(s);
    }
  }
  void Put(char c) {
    if (size_ == capacity_) FlushBuffer();
    buf_[size_++] = c;
  }
  // Room for `n` bytes to fill in place, then Commit(used). n must be <= buffer size.
  char* Reserve(size_t n) {
    if (n > capacity_ - size_) FlushBuffer();
    return buf_.get() + size_;
  }
  void Commit(size_t used) { size_ += used; }
  size_t buffer_size() const { return capacity_; }

  // Drops whatever is buffered and every later write (used once a run has failed).
  void Disable();
  bool enabled() const { return enabled_; }
  // Writes the buffer out and flushes the writer; returns the first write error, if any.
  Status Flush();
  const Status& status() const { return status_; }
  uint64_t bytes() const { return written_ + size_; }

 private:
  void AppendSlow(std::string_view s);
  void FlushBuffer();

  ByteWriter* writer_;
  std::unique_ptr<char[]> buf_;
  size_t capacity_;
  size_t size_ = 0;
  uint64_t written_ = 0;
  bool enabled_ = true;
  Status status_;
};

}  // namespace kanon::mask
