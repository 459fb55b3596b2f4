// ByteSource and ByteSink implementations over memory and file descriptors.
//
// StringSource/StringSink serve tests and small payloads; FdSource/FdSink move bytes between a
// store and a file, pipe or terminal (kando's stdin and stdout). None owns its descriptor or
// string. Not thread-safe: one transfer uses one stream from one thread at a time.
#pragma once

#include <string>
#include <string_view>

#include "store/object_store.h"

namespace kanon::store {

class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string_view data) : data_(data) {}
  Result<size_t> Read(std::span<char> buf) override;

 private:
  std::string_view data_;
};

class StringSink final : public ByteSink {
 public:
  Status Write(std::string_view data) override {
    out_.append(data);
    return OkStatus();
  }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

// Reads a descriptor until end of file; retries EINTR. `name` appears in errors ("stdin").
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  Result<size_t> Read(std::span<char> buf) override;
  uint64_t bytes() const { return bytes_; }

 private:
  int fd_;
  std::string name_;
  uint64_t bytes_ = 0;
};

// Writes everything to a descriptor; retries EINTR and short writes.
class FdSink final : public ByteSink {
 public:
  FdSink(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  Status Write(std::string_view data) override;
  uint64_t bytes() const { return bytes_; }

 private:
  int fd_;
  std::string name_;
  uint64_t bytes_ = 0;
};

}  // namespace kanon::store
