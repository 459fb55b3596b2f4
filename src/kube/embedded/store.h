// Store: the objects of a state directory, held in memory and kept current through the journal.
//
// Each write gets the next resourceVersion of the directory (one counter for all kinds), is
// appended to the journal, then written to its file, then applied to the in-memory copy and to
// a bounded in-memory event history that watches read. Sync reloads exactly the objects other
// processes changed since the last call (or everything, diffing old and new, when the journal
// cannot say). Objects are stored as given: defaults and validation belong to admission.h.
//
// Not thread-safe: every method needs the caller's mutex and the directory lock held.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kube/embedded/journal.h"
#include "kube/embedded/state_dir.h"
#include "kube/kube_api.h"

namespace kanon::kube::embedded {

// One change as a watch reports it.
struct StoreEvent {
  int64_t rv = 0;
  std::string type;  // ADDED, MODIFIED, DELETED
  std::string resource;
  std::string ns;
  Value object;
};

class Store final {
 public:
  static Result<std::unique_ptr<Store>> Open(StateDir& dir, size_t history = 4096);

  // Applies other processes' writes; the first call loads the whole directory.
  Status Sync();

  // nullptr when absent.
  const Value* Get(const KindInfo& kind, std::string_view ns, std::string_view name) const;
  // Objects of `kind` in `ns` ("" = every namespace), sorted by namespace, then name.
  std::vector<Value> List(const KindInfo& kind, std::string_view ns) const;
  // Stores `object` (its namespace and name say where) with the next resourceVersion and
  // returns it as stored. `created` picks the event type (ADDED or MODIFIED).
  Result<Value> Put(const KindInfo& kind, Value object, bool created);
  // Removes an object; NotFound when absent.
  Status Remove(const KindInfo& kind, std::string_view ns, std::string_view name);

  int64_t last_rv() const { return last_rv_; }
  // The oldest resourceVersion the event history still covers.
  int64_t oldest_rv() const { return events_.empty() ? last_rv_ + 1 : events_.front().rv; }
  // Events with rv > `after`, oldest first.
  std::vector<StoreEvent> EventsAfter(int64_t after) const;

 private:
  using Objects = std::map<std::pair<std::string, std::string>, Value>;  // (ns, name)

  Store(StateDir& dir, std::unique_ptr<Journal> journal, size_t history)
      : dir_(dir), journal_(std::move(journal)), history_(history) {}
  void FullLoad(const std::vector<JournalEntry>& entries);
  void Reload(const JournalEntry& entry);
  void Record(StoreEvent event);
  Objects& Bucket(const KindInfo& kind) { return objects_[kind.gvr.Qualified()]; }

  StateDir& dir_;
  std::unique_ptr<Journal> journal_;
  size_t history_;
  bool loaded_ = false;
  int64_t last_rv_ = 0;
  std::map<std::string, Objects> objects_;  // by Gvr::Qualified()
  std::deque<StoreEvent> events_;
};

// The kind stored under a Gvr::Qualified() name, or nullptr.
const KindInfo* KindByResource(std::string_view qualified);
// A known kind by its Kind name ("Pod"); aborts for an unknown one (a programming error).
const KindInfo& KindNamed(std::string_view kind);

// The object's resourceVersion as a number (0 when absent or malformed).
int64_t ResourceVersionOf(const Value& object);

}  // namespace kanon::kube::embedded
