// StateDir: the on-disk layout of an embedded cluster and the primitives that keep it readable.
//
//   <root>/lock                   flock(2) target: one writer at a time across processes
//   <root>/journal[.1]            the change log (journal.h)
//   <root>/objects/<group|core>/<resource>/<namespace>/<name>.json   one object per file
//   <root>/objects/core/namespaces/<name>.json                       cluster-scoped objects
//   <root>/pods/<pod uid>/        runtime files of a started pod (kubelet.h)
//   <root>/volumes/<ns>/<claim>/  the data directory behind a PersistentVolumeClaim
//
// Every file is replaced atomically (written to a temporary name in the same directory, then
// renamed), so a killed process leaves either the old or the new content, never half of one;
// readers ignore the temporaries. A StateDir is safe to use from several threads; the lock is
// not reentrant, and FileLock only excludes other processes (callers add their own mutex).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "kube/kube_api.h"

namespace kanon::kube::embedded {

class StateDir final {
 public:
  // Creates the directory (and parents) when missing.
  static Result<std::unique_ptr<StateDir>> Open(const std::string& root);
  ~StateDir();
  StateDir(const StateDir&) = delete;
  StateDir& operator=(const StateDir&) = delete;

  const std::string& root() const { return root_; }
  std::string ObjectPath(const KindInfo& kind, std::string_view ns, std::string_view name) const;
  std::string PodDir(std::string_view uid) const { return root_ + "/pods/" + std::string(uid); }
  std::string VolumeDir(std::string_view ns, std::string_view claim) const;
  std::string JournalPath() const { return root_ + "/journal"; }

  // Blocks until this process holds the directory lock; Unlock releases it.
  Status Lock();
  void Unlock();

  // Every stored object with its kind, parsed; unreadable files are skipped with a warning.
  std::vector<std::pair<KindInfo, Value>> LoadAll() const;

 private:
  StateDir(std::string root, int lock_fd) : root_(std::move(root)), lock_fd_(lock_fd) {}

  std::string root_;
  int lock_fd_;
};

// Writes `data` to `path` through a temporary file and rename(2); creates parent directories.
Status WriteFileAtomic(const std::string& path, std::string_view data);
// The whole content of a file; NotFound when it does not exist.
Result<std::string> ReadFile(const std::string& path);
// Removes a file or a directory tree; missing is fine.
void RemovePath(const std::string& path);
// mkdir -p.
Status MakeDirs(const std::string& path);

// Parses a stored object (JSON with int64 numbers).
Result<Value> ParseObject(std::string_view json);
// Encodes an object for storage.
std::string EncodeObject(const Value& object);

}  // namespace kanon::kube::embedded
