// ObjectStore: where kando puts and gets backup objects.
//
// An ObjectStore holds objects under string keys inside one bucket (or container, or directory).
// Put streams from a ByteSource and makes the object visible only once it is complete: a failed
// or killed put leaves no object and no partial state behind (a filesystem temp file is removed
// or unreachable; an S3 multipart upload is aborted). Get streams to a ByteSink. Implementations:
// FsStore (a directory), S3Store (SigV4), AzureBlobStore (SharedKey), MemoryStore (tests), and
// the FaultyStore decorator that injects failures. Every method may be called from several
// threads at once unless the implementation says otherwise.
//
// Errors carry a Code (Unavailable and DeadlineExceeded are retryable) and name the store and
// key (`s3 bucket "b" at http://127.0.0.1:7480: key "x/y": ...`), never a credential.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kanon::store {

// A stream of bytes to upload. Read returns the number of bytes placed in `buf`, 0 at the end.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual Result<size_t> Read(std::span<char> buf) = 0;
};

// A destination for downloaded bytes, written in order.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual Status Write(std::string_view data) = 0;
};

struct ObjectInfo {
  std::string key;
  uint64_t size = 0;
  std::string etag;  // may be empty
};

// Progress of a transfer: bytes moved so far and the total if known (0 = unknown).
using ProgressFn = std::function<void(uint64_t done, uint64_t total)>;

struct TransferOptions {
  ProgressFn progress;  // called from the transferring thread(s), serialised by the store
  // Put only: the length of the source when known (a regular file), 0 when not. A hint for
  // choosing part sizes and showing an ETA; the source's end still ends the object.
  uint64_t expected_size = 0;
};

class ObjectStore {
 public:
  virtual ~ObjectStore() = default;

  // Streams `source` into `key`, replacing any existing object atomically.
  virtual Status Put(std::string_view key, ByteSource& source, const TransferOptions& options) = 0;
  // Streams the object to `sink`. NotFound if there is no such key.
  virtual Status Get(std::string_view key, ByteSink& sink, const TransferOptions& options) = 0;
  // Size and etag of `key`; NotFound if absent.
  virtual Result<ObjectInfo> Stat(std::string_view key) = 0;
  // Every object whose key starts with `prefix`, in key order.
  virtual Result<std::vector<ObjectInfo>> List(std::string_view prefix) = 0;
  // Deletes one object; OK if it did not exist.
  virtual Status Delete(std::string_view key) = 0;
  // Deletes every object whose key starts with `prefix`; returns how many were deleted.
  virtual Result<uint64_t> DeletePrefix(std::string_view prefix) = 0;
  // For messages: `filesystem "/var/backups"`, `s3 bucket "b" at https://...`.
  virtual std::string Describe() const = 0;
};

}  // namespace kanon::store
