#include "store/byte_stream.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kanon::store {

Result<size_t> StringSource::Read(std::span<char> buf) {
  const size_t n = std::min(buf.size(), data_.size());
  std::memcpy(buf.data(), data_.data(), n);
  data_.remove_prefix(n);
  return n;
}

Result<size_t> FdSource::Read(std::span<char> buf) {
  for (;;) {
    ssize_t n = ::read(fd_, buf.data(), buf.size());
    if (n >= 0) {
      bytes_ += static_cast<uint64_t>(n);
      return static_cast<size_t>(n);
    }
    if (errno == EINTR) continue;
    return Status(Code::kInternal, "read " + name_ + ": " + std::strerror(errno));
  }
}

Status FdSink::Write(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      return Status(err == EPIPE ? Code::kCancelled : Code::kInternal,
                    "write " + name_ + ": " + std::strerror(err));
    }
    data.remove_prefix(static_cast<size_t>(n));
    bytes_ += static_cast<uint64_t>(n);
  }
  return OkStatus();
}

}  // namespace kanon::store
