// FsStore: listing and deleting (see fs_store.h).
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/fs_store.h"

namespace kanon::store {
namespace {

namespace fs = std::filesystem;

Status ValidatePrefix(std::string_view prefix) {
  if (prefix.empty()) return OkStatus();
  if (prefix.front() == '/') return InvalidArgument("absolute paths are not keys");
  size_t start = 0;
  while (start < prefix.size()) {
    size_t end = prefix.find('/', start);
    if (end == std::string_view::npos) end = prefix.size();
    std::string_view part = prefix.substr(start, end - start);
    if (part == "." || part == "..") {
      return InvalidArgument("\".\" and \"..\" components are not allowed");
    }
    start = end + 1;
  }
  return OkStatus();
}

}  // namespace

Result<std::vector<ObjectInfo>> FsStore::List(std::string_view prefix) {
  if (Status st = ValidatePrefix(prefix); !st.ok()) {
    return st.WithContext(Describe() + ": list \"" + std::string(prefix) + "\"");
  }
  // Walk only the deepest directory the prefix names fully.
  const size_t slash = prefix.rfind('/');
  const std::string start_rel =
      slash == std::string_view::npos ? "" : std::string(prefix.substr(0, slash));
  const fs::path start = start_rel.empty() ? fs::path(root_) : fs::path(root_) / start_rel;
  std::vector<ObjectInfo> out;
  std::error_code ec;
  if (!fs::is_directory(start, ec)) return out;
  fs::recursive_directory_iterator it(start, fs::directory_options::none, ec), end;
  if (ec) {
    return Status(Code::kInternal,
                  Describe() + ": list \"" + std::string(prefix) + "\": " + ec.message());
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      return Status(Code::kInternal,
                    Describe() + ": list \"" + std::string(prefix) + "\": " + ec.message());
    }
    const fs::directory_entry& e = *it;
    if (!e.is_regular_file(ec) || e.is_symlink(ec)) continue;
    if (IsTempName(e.path().filename().native())) continue;
    std::string rel = e.path().lexically_relative(root_).generic_string();
    if (!std::string_view(rel).starts_with(prefix)) continue;
    out.push_back({std::move(rel), static_cast<uint64_t>(e.file_size(ec)), ""});
  }
  std::sort(out.begin(), out.end(),
            [](const ObjectInfo& a, const ObjectInfo& b) { return a.key < b.key; });
  return out;
}

Status FsStore::Delete(std::string_view key) {
  if (Status st = ValidatePrefix(key); !st.ok() || key.empty()) {
    return Fail("delete", key, st.ok() ? InvalidArgument("empty key") : st);
  }
  const std::string path = PathOf(key);
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return OkStatus();
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    return ErrnoError("delete", key, "unlink", errno);
  }
  PruneEmptyParents(key);
  return OkStatus();
}

Result<uint64_t> FsStore::DeletePrefix(std::string_view prefix) {
  ASSIGN_OR_RETURN(std::vector<ObjectInfo> objects, List(prefix));
  uint64_t n = 0;
  for (const ObjectInfo& o : objects) {
    RETURN_IF_ERROR(Delete(o.key));
    ++n;
  }
  return n;
}

void FsStore::PruneEmptyParents(std::string_view key) const {
  std::string rel(key);
  for (size_t slash = rel.rfind('/'); slash != std::string::npos; slash = rel.rfind('/')) {
    rel.resize(slash);
    // rmdir fails (and stops us) as soon as a directory is not empty.
    if (::rmdir(PathOf(rel).c_str()) != 0) break;
  }
}

}  // namespace kanon::store
