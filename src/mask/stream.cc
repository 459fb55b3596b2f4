#include "mask/stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <istream>
#include <ostream>

namespace kanon::mask {

namespace {

void GrowPipe(int fd) {
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) (void)::fcntl(fd, F_SETPIPE_SZ, 1 << 20);
}

}  // namespace

FdReader::FdReader(int fd) : fd_(fd) { GrowPipe(fd); }
FdWriter::FdWriter(int fd) : fd_(fd) { GrowPipe(fd); }

Result<size_t> FdReader::Read(char* buf, size_t n) {
  while (true) {
    ssize_t r = ::read(fd_, buf, n);
    if (r >= 0) return static_cast<size_t>(r);
    if (errno == EINTR) continue;
    return Unavailable(std::string("reading input: ") + std::strerror(errno));
  }
}

Status FdWriter::Write(std::string_view data) {
  while (!data.empty()) {
    ssize_t w = ::write(fd_, data.data(), data.size());
    if (w < 0) {
      if (errno == EINTR) continue;
      return Unavailable(std::string("writing output: ") + std::strerror(errno));
    }
    data.remove_prefix(static_cast<size_t>(w));
  }
  return OkStatus();
}

Result<size_t> IstreamReader::Read(char* buf, size_t n) {
  std::streamsize got = in_.rdbuf()->sgetn(buf, static_cast<std::streamsize>(n));
  if (got < 0) return Unavailable("reading input failed");
  return static_cast<size_t>(got);
}

Status OstreamWriter::Write(std::string_view data) {
  std::streamsize put = out_.rdbuf()->sputn(data.data(), static_cast<std::streamsize>(data.size()));
  if (put != static_cast<std::streamsize>(data.size())) return Unavailable("writing output failed");
  return OkStatus();
}

Status OstreamWriter::Flush() {
  out_.flush();
  if (!out_) return Unavailable("flushing output failed");
  return OkStatus();
}

Result<size_t> StringReader::Read(char* buf, size_t n) {
  size_t k = std::min({n, max_read_, data_.size()});
  std::memcpy(buf, data_.data(), k);
  data_.remove_prefix(k);
  return k;
}

}  // namespace kanon::mask
