#include "store/memory_store.h"

#include <vector>

namespace kanon::store {

Status MemoryStore::Put(std::string_view key, ByteSource& source, const TransferOptions& options) {
  std::string data;
  std::vector<char> buf(64 * 1024);
  for (;;) {
    Result<size_t> n = source.Read(buf);
    if (!n.ok()) {
      return n.status().WithContext(Describe() + ": put \"" + std::string(key) + "\": read source");
    }
    if (*n == 0) break;
    data.append(buf.data(), *n);
    if (options.progress) options.progress(data.size(), 0);
  }
  std::lock_guard lock(mu_);
  objects_.insert_or_assign(std::string(key), std::move(data));
  return OkStatus();
}

Status MemoryStore::Get(std::string_view key, ByteSink& sink, const TransferOptions& options) {
  std::optional<std::string> data = Contents(key);
  if (!data) return NotFound(Describe() + ": get \"" + std::string(key) + "\": no such object");
  Status st = sink.Write(*data);
  if (!st.ok()) return st.WithContext(Describe() + ": get \"" + std::string(key) + "\"");
  if (options.progress) options.progress(data->size(), data->size());
  return OkStatus();
}

Result<ObjectInfo> MemoryStore::Stat(std::string_view key) {
  std::lock_guard lock(mu_);
  auto it = objects_.find(key);
  if (it == objects_.end()) {
    return NotFound(Describe() + ": stat \"" + std::string(key) + "\": no such object");
  }
  return ObjectInfo{it->first, it->second.size(), ""};
}

Result<std::vector<ObjectInfo>> MemoryStore::List(std::string_view prefix) {
  std::lock_guard lock(mu_);
  std::vector<ObjectInfo> out;
  for (auto it = objects_.lower_bound(prefix);
       it != objects_.end() && std::string_view(it->first).starts_with(prefix); ++it) {
    out.push_back({it->first, it->second.size(), ""});
  }
  return out;
}

Status MemoryStore::Delete(std::string_view key) {
  std::lock_guard lock(mu_);
  auto it = objects_.find(key);
  if (it != objects_.end()) objects_.erase(it);
  return OkStatus();
}

Result<uint64_t> MemoryStore::DeletePrefix(std::string_view prefix) {
  std::lock_guard lock(mu_);
  uint64_t n = 0;
  auto it = objects_.lower_bound(prefix);
  while (it != objects_.end() && std::string_view(it->first).starts_with(prefix)) {
    it = objects_.erase(it);
    ++n;
  }
  return n;
}

std::optional<std::string> MemoryStore::Contents(std::string_view key) const {
  std::lock_guard lock(mu_);
  auto it = objects_.find(key);
  if (it == objects_.end()) return std::nullopt;
  return it->second;
}

size_t MemoryStore::size() const {
  std::lock_guard lock(mu_);
  return objects_.size();
}

}  // namespace kanon::store
