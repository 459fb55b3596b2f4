#include "mask/buffer.h"

#include <algorithm>
#include <string>

namespace kanon::mask {
namespace {

uint64_t CountLf(const char* p, const char* end) {
  uint64_t n = 0;
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (hit == nullptr) break;
    ++n;
    p = static_cast<const char*>(hit) + 1;
  }
  return n;
}

}  // namespace

Input::Input(ByteReader* reader, size_t chunk, size_t max_hold)
    : reader_(reader), chunk_(chunk), max_hold_(std::max(max_hold, chunk)) {
  capacity_ = chunk_ * 2;
  buf_ = std::make_unique_for_overwrite<char[]>(capacity_);
}

uint64_t Input::LineOf(size_t offset) {
  if (offset < cache_off_) {  // a look back: recount from the window start
    cache_lines_ -= CountLf(data(), data() + cache_off_);
    cache_off_ = 0;
  }
  cache_lines_ += CountLf(data() + cache_off_, data() + offset);
  cache_off_ = offset;
  return cache_lines_ + 1;
}

Result<size_t> Input::Refill(size_t keep) {
  LineOf(keep);
  cache_off_ = 0;
  discarded_ += keep;
  size_ -= keep;
  if (size_ > 0 && keep > 0) std::memmove(buf_.get(), buf_.get() + keep, size_);
  if (capacity_ - size_ < chunk_) {
    if (size_ > max_hold_) {
      return Status(Code::kResourceExhausted,
                    "more than " + std::to_string(max_hold_ >> 20) +
                        " MiB must be held at once (one row or statement head); raise "
                        "--max-row-mib");
    }
    size_t cap = std::max(capacity_ * 2, size_ + chunk_);
    auto bigger = std::make_unique_for_overwrite<char[]>(cap);
    std::memcpy(bigger.get(), buf_.get(), size_);
    buf_ = std::move(bigger);
    capacity_ = cap;
  }
  if (!eof_) {
    ASSIGN_OR_RETURN(size_t got, reader_->Read(buf_.get() + size_, capacity_ - size_));
    if (got == 0) eof_ = true;
    size_ += got;
  }
  return keep;
}

Output::Output(ByteWriter* writer, size_t buffer_size)
    : writer_(writer),
      buf_(std::make_unique_for_overwrite<char[]>(buffer_size)),
      capacity_(buffer_size) {}

void Output::FlushBuffer() {
  if (size_ > 0 && enabled_ && status_.ok()) status_ = writer_->Write({buf_.get(), size_});
  written_ += size_;
  size_ = 0;
}

void Output::AppendSlow(std::string_view s) {
  FlushBuffer();
  if (s.size() < capacity_ / 2) {
    std::memcpy(buf_.get(), s.data(), s.size());
    size_ = s.size();
    return;
  }
  if (enabled_ && status_.ok()) status_ = writer_->Write(s);
  written_ += s.size();
}

void Output::Disable() {
  size_ = 0;
  enabled_ = false;
}

Status Output::Flush() {
  FlushBuffer();
  if (enabled_ && status_.ok()) status_ = writer_->Flush();
  return status_;
}

}  // namespace kanon::mask
