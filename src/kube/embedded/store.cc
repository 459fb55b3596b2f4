#include "kube/embedded/store.h"

#include <unistd.h>

#include <charconv>

#include "kube/object.h"

namespace kanon::kube::embedded {

const KindInfo* KindByResource(std::string_view qualified) {
  for (const KindInfo& k : KnownKinds()) {
    if (k.gvr.Qualified() == qualified) return &k;
  }
  return nullptr;
}

const KindInfo& KindNamed(std::string_view kind) {
  for (const KindInfo& k : KnownKinds()) {
    if (k.kind == kind) return k;
  }
  KANON_CHECK(false && "unknown kind");
  return KnownKinds().front();
}

int64_t ResourceVersionOf(const Value& object) {
  std::string rv = StringField(object, {"metadata", "resourceVersion"});
  int64_t n = 0;
  auto [p, ec] = std::from_chars(rv.data(), rv.data() + rv.size(), n);
  return ec == std::errc() && p == rv.data() + rv.size() ? n : 0;
}

Result<std::unique_ptr<Store>> Store::Open(StateDir& dir, size_t history) {
  ASSIGN_OR_RETURN(std::unique_ptr<Journal> journal, Journal::Open(dir.JournalPath()));
  return std::unique_ptr<Store>(new Store(dir, std::move(journal), history));
}

Status Store::Sync() {
  bool gap = false;
  ASSIGN_OR_RETURN(std::vector<JournalEntry> entries, journal_->ReadNew(&gap));
  if (!loaded_ || gap) {
    FullLoad(entries);
  } else {
    for (const JournalEntry& e : entries) Reload(e);
  }
  last_rv_ = std::max(last_rv_, journal_->last_rv());
  return OkStatus();
}

void Store::FullLoad(const std::vector<JournalEntry>& entries) {
  std::map<std::string, Objects> fresh;
  for (auto& [kind, obj] : dir_.LoadAll()) {
    last_rv_ = std::max(last_rv_, ResourceVersionOf(obj));
    fresh[kind.gvr.Qualified()][{NamespaceOf(obj), NameOf(obj)}] = std::move(obj);
  }
  if (!loaded_) {
    // The history starts with what the journal still holds, each object in its current state.
    for (const JournalEntry& e : entries) {
      if (e.type == "DELETED") {
        Record({e.rv, e.type, e.resource, e.ns, e.object});
        continue;
      }
      auto bucket = fresh.find(e.resource);
      if (bucket == fresh.end()) continue;
      auto it = bucket->second.find({e.ns, e.name});
      if (it != bucket->second.end()) Record({e.rv, e.type, e.resource, e.ns, it->second});
    }
  } else {
    // Entries were missed: report the difference between what was known and what is there.
    for (const auto& [resource, objs] : objects_) {
      for (const auto& [key, obj] : objs) {
        if (!fresh[resource].count(key)) Record({last_rv_, "DELETED", resource, key.first, obj});
      }
    }
    for (const auto& [resource, objs] : fresh) {
      for (const auto& [key, obj] : objs) {
        auto old = objects_[resource].find(key);
        if (old == objects_[resource].end()) {
          Record({ResourceVersionOf(obj), "ADDED", resource, key.first, obj});
        } else if (ResourceVersionOf(old->second) != ResourceVersionOf(obj)) {
          Record({ResourceVersionOf(obj), "MODIFIED", resource, key.first, obj});
        }
      }
    }
  }
  objects_ = std::move(fresh);
  loaded_ = true;
}

void Store::Reload(const JournalEntry& e) {
  const KindInfo* kind = KindByResource(e.resource);
  if (kind == nullptr) return;
  Objects& bucket = Bucket(*kind);
  Result<std::string> data = ReadFile(dir_.ObjectPath(*kind, e.ns, e.name));
  Result<Value> obj = data.ok() ? ParseObject(*data) : Result<Value>(data.status());
  if (!obj.ok()) {
    bucket.erase({e.ns, e.name});
    if (e.type == "DELETED") Record({e.rv, e.type, e.resource, e.ns, e.object});
    return;
  }
  // A write whose file never landed (its writer was killed) leaves the old state in place; a
  // file present after a DELETED entry belongs to a later re-creation with its own entry.
  bucket[{e.ns, e.name}] = *obj;
  Record({e.rv, e.type, e.resource, e.ns, e.type == "DELETED" ? e.object : *obj});
}

void Store::Record(StoreEvent event) {
  events_.push_back(std::move(event));
  while (events_.size() > history_) events_.pop_front();
}

const Value* Store::Get(const KindInfo& kind, std::string_view ns, std::string_view name) const {
  auto bucket = objects_.find(kind.gvr.Qualified());
  if (bucket == objects_.end()) return nullptr;
  auto it = bucket->second.find({std::string(kind.namespaced ? ns : ""), std::string(name)});
  return it == bucket->second.end() ? nullptr : &it->second;
}

std::vector<Value> Store::List(const KindInfo& kind, std::string_view ns) const {
  std::vector<Value> out;
  auto bucket = objects_.find(kind.gvr.Qualified());
  if (bucket == objects_.end()) return out;
  for (const auto& [key, obj] : bucket->second) {
    if (ns.empty() || !kind.namespaced || key.first == ns) out.push_back(obj);
  }
  return out;
}

Result<Value> Store::Put(const KindInfo& kind, Value object, bool created) {
  std::string ns = kind.namespaced ? NamespaceOf(object) : "";
  std::string name = NameOf(object);
  int64_t rv = last_rv_ + 1;
  object = SetField(object, {"metadata", "resourceVersion"}, Value(std::to_string(rv)));
  std::string type = created ? "ADDED" : "MODIFIED";
  RETURN_IF_ERROR(journal_->Append({rv, type, kind.gvr.Qualified(), ns, name, Value()}));
  last_rv_ = rv;
  RETURN_IF_ERROR(WriteFileAtomic(dir_.ObjectPath(kind, ns, name), EncodeObject(object)));
  Bucket(kind)[{ns, name}] = object;
  Record({rv, type, kind.gvr.Qualified(), ns, object});
  return object;
}

Status Store::Remove(const KindInfo& kind, std::string_view ns_in, std::string_view name) {
  std::string ns(kind.namespaced ? ns_in : "");
  Objects& bucket = Bucket(kind);
  auto it = bucket.find({ns, std::string(name)});
  if (it == bucket.end()) {
    return NotFound(kind.gvr.Qualified() + " \"" + std::string(name) + "\" not found");
  }
  int64_t rv = last_rv_ + 1;
  Value last = SetField(it->second, {"metadata", "resourceVersion"}, Value(std::to_string(rv)));
  RETURN_IF_ERROR(
      journal_->Append({rv, "DELETED", kind.gvr.Qualified(), ns, std::string(name), last}));
  last_rv_ = rv;
  std::string path = dir_.ObjectPath(kind, ns, name);
  unlink(path.c_str());
  bucket.erase(it);
  Record({rv, "DELETED", kind.gvr.Qualified(), ns, std::move(last)});
  return OkStatus();
}

std::vector<StoreEvent> Store::EventsAfter(int64_t after) const {
  std::vector<StoreEvent> out;
  for (const StoreEvent& e : events_) {
    if (e.rv > after) out.push_back(e);
  }
  return out;
}

}  // namespace kanon::kube::embedded
