// FsStore: an ObjectStore in a local directory (the `filesystem` location of the local runtime).
//
// The bucket is an existing directory; a key is a relative path below it ("a/b/c.gz" is the file
// <root>/a/b/c.gz; parent directories are created on Put and removed when a delete empties
// them). Keys that are empty, absolute, end in "/", or hold "", "." or ".." components are
// rejected with InvalidArgument, so no key can name a file outside the root.
//
// Put is atomic and crash-safe: the data goes to an unnamed file (O_TMPFILE) in the target
// directory, is fsynced, linked under a temporary name and renamed over the key; where O_TMPFILE
// is not supported, a named temporary file ".<name>.kanon-tmp-<random>" is used instead. Either
// way a failed or killed Put leaves no object, and temporary names are invisible to Get, Stat
// and List. DeletePrefix is a string-prefix delete as on S3 ("a/b" deletes "a/b", "a/bc",
// "a/b/x"). Thread-safe: no mutable state beyond the filesystem.
#pragma once

#include <string>

#include "store/object_store.h"

namespace kanon::store {

class FsStore final : public ObjectStore {
 public:
  // NotFound if `root` is not an existing directory.
  static Result<std::unique_ptr<FsStore>> Open(std::string root);

  Status Put(std::string_view key, ByteSource& source, const TransferOptions& options) override;
  Status Get(std::string_view key, ByteSink& sink, const TransferOptions& options) override;
  Result<ObjectInfo> Stat(std::string_view key) override;
  Result<std::vector<ObjectInfo>> List(std::string_view prefix) override;
  Status Delete(std::string_view key) override;
  Result<uint64_t> DeletePrefix(std::string_view prefix) override;
  std::string Describe() const override;

  // True for file names FsStore uses for temporary files.
  static bool IsTempName(std::string_view file_name);

 private:
  explicit FsStore(std::string root) : root_(std::move(root)) {}
  std::string PathOf(std::string_view key) const { return root_ + "/" + std::string(key); }
  Status Fail(std::string_view op, std::string_view key, Status st) const;
  Status ErrnoError(std::string_view op, std::string_view key, std::string_view what,
                    int err) const;
  // Removes empty directories from dirname(key) up to (not including) the root.
  void PruneEmptyParents(std::string_view key) const;

  std::string root_;
};

}  // namespace kanon::store
