// MemoryStore: an ObjectStore kept in a map, for tests and fakes.
//
// Real semantics: Put makes the object visible only after the source ends without error, Get of
// a missing key is NotFound, List is in key order, DeletePrefix is a string-prefix delete as on
// S3. Thread-safe (one mutex); objects are copied in and out.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "store/object_store.h"

namespace kanon::store {

class MemoryStore final : public ObjectStore {
 public:
  explicit MemoryStore(std::string name = "memory") : name_(std::move(name)) {}

  Status Put(std::string_view key, ByteSource& source, const TransferOptions& options) override;
  Status Get(std::string_view key, ByteSink& sink, const TransferOptions& options) override;
  Result<ObjectInfo> Stat(std::string_view key) override;
  Result<std::vector<ObjectInfo>> List(std::string_view prefix) override;
  Status Delete(std::string_view key) override;
  Result<uint64_t> DeletePrefix(std::string_view prefix) override;
  std::string Describe() const override { return "memory store \"" + name_ + "\""; }

  // Test access: the stored bytes, or nullopt.
  std::optional<std::string> Contents(std::string_view key) const;
  size_t size() const;

 private:
  std::string name_;
  mutable std::mutex mu_;
  std::map<std::string, std::string, std::less<>> objects_;
};

}  // namespace kanon::store
