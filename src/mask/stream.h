// Byte streams for the dump masker: where a dump comes from and where it goes.
//
// ByteReader and ByteWriter are the seam between the masker and the outside (pipes, files,
// iostreams, strings in tests). The masker reads large chunks and writes large spans, so the
// implementations do no buffering of their own. Not thread-safe; one user at a time.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kanon::mask {

class ByteReader {
 public:
  virtual ~ByteReader() = default;
  // Reads up to `n` bytes into `buf`; returns how many, 0 at end of input, or a Status when
  // the source failed (kUnavailable for an I/O error).
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

class ByteWriter {
 public:
  virtual ~ByteWriter() = default;
  // Writes all of `data` or returns why not (kUnavailable for an I/O error, e.g. EPIPE).
  virtual Status Write(std::string_view data) = 0;
  // Pushes anything held below this layer to its destination.
  virtual Status Flush() = 0;
};

// Reads a file descriptor (not owned), retrying EINTR. A pipe is asked for a 1 MiB buffer
// (best effort), so a stream of large writes costs fewer wake-ups on both sides.
class FdReader final : public ByteReader {
 public:
  explicit FdReader(int fd);
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  int fd_;
};

// Writes to a file descriptor (not owned), retrying EINTR and short writes; a pipe is asked for
// a 1 MiB buffer, as for FdReader.
class FdWriter final : public ByteWriter {
 public:
  explicit FdWriter(int fd);
  Status Write(std::string_view data) override;
  Status Flush() override { return OkStatus(); }

 private:
  int fd_;
};

class IstreamReader final : public ByteReader {
 public:
  explicit IstreamReader(std::istream& in) : in_(in) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::istream& in_;
};

class OstreamWriter final : public ByteWriter {
 public:
  explicit OstreamWriter(std::ostream& out) : out_(out) {}
  Status Write(std::string_view data) override;
  Status Flush() override;

 private:
  std::ostream& out_;
};

// Serves a string, at most `max_read` bytes per call (tests use 1 to split every token).
class StringReader final : public ByteReader {
 public:
  explicit StringReader(std::string_view data, size_t max_read = SIZE_MAX)
      : data_(data), max_read_(max_read) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view data_;
  size_t max_read_;
};

class StringWriter final : public ByteWriter {
 public:
  Status Write(std::string_view data) override {
    out_.append(data);
    return OkStatus();
  }
  Status Flush() override { return OkStatus(); }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

// Discards everything (check and verify modes).
class NullWriter final : public ByteWriter {
 public:
  Status Write(std::string_view) override { return OkStatus(); }
  Status Flush() override { return OkStatus(); }
};

}  // namespace kanon::mask
