#include "store/fs_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <random>

namespace kanon::store {
namespace {

constexpr size_t kIoChunk = 1 << 20;
constexpr std::string_view kTempMarker = ".kanon-tmp-";

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Checks a key (`is_prefix` false) or a List/DeletePrefix prefix (may be empty or end in "/").
Status ValidatePath(std::string_view path, bool is_prefix) {
  if (path.empty()) {
    return is_prefix ? OkStatus() : InvalidArgument("empty key");
  }
  if (path.front() == '/') return InvalidArgument("absolute paths are not keys");
  if (path.find('\0') != std::string_view::npos) return InvalidArgument("key holds a NUL byte");
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    const bool last = end == path.size();
    if (part.empty() && !(last && is_prefix)) {
      return InvalidArgument("empty path component (\"//\" or a trailing \"/\")");
    }
    if (part == "." || part == "..") {
      return InvalidArgument("\".\" and \"..\" components are not allowed");
    }
    if (part.size() > 255) return InvalidArgument("path component longer than 255 bytes");
    if (last && !is_prefix && FsStore::IsTempName(part)) {
      return InvalidArgument("the name is reserved for temporary files");
    }
    start = end + 1;
  }
  return OkStatus();
}

std::string RandomSuffix() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  static constexpr char kAlnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s(12, 'x');
  for (char& c : s) c = kAlnum[gen() % 36];
  return s;
}

Status WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return Status(errno == ENOSPC ? Code::kResourceExhausted : Code::kInternal,
                    std::string("write: ") + std::strerror(errno));
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return OkStatus();
}

// A file being written: unnamed (O_TMPFILE) when possible, else named. Removed on destruction
// unless published.
class TempFile final {
 public:
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  }
  Status Open(const std::string& dir, const std::string& base) {
    dir_ = dir;
    base_ = base;
    fd_ = ::open(dir.c_str(), O_WRONLY | O_TMPFILE | O_CLOEXEC, 0644);
    if (fd_ >= 0) return OkStatus();
    temp_path_ = NewTempPath();
    fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ >= 0) return OkStatus();
    int err = errno;
    temp_path_.clear();
    return Status(Code::kInternal, std::string("create temporary file: ") + std::strerror(err));
  }
  int fd() const { return fd_; }
  // fsyncs, gives the file its final name atomically, and fsyncs the directory.
  Status Publish(const std::string& final_path) {
    if (::fsync(fd_) != 0) return Errno("fsync");
    if (temp_path_.empty()) {
      temp_path_ = NewTempPath();
      std::string proc = "/proc/self/fd/" + std::to_string(fd_);
      if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, temp_path_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
        temp_path_.clear();
        return Errno("link temporary file");
      }
    }
    if (::rename(temp_path_.c_str(), final_path.c_str()) != 0) return Errno("rename into place");
    temp_path_.clear();
    int dfd = ::open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
    return OkStatus();
  }

 private:
  std::string NewTempPath() const {
    return dir_ + "/." + base_ + std::string(kTempMarker) + RandomSuffix();
  }
  static Status Errno(std::string_view what) {
    int err = errno;
    Code code = err == EISDIR ? Code::kFailedPrecondition : Code::kInternal;
    if (err == ENOSPC) code = Code::kResourceExhausted;
    return Status(code, std::string(what) + ": " + std::strerror(err));
  }

  std::string dir_, base_, temp_path_;
  int fd_ = -1;
};

}  // namespace

Result<std::unique_ptr<FsStore>> FsStore::Open(std::string root) {
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  struct stat st;
  if (root.empty() || ::stat(root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return NotFound("filesystem " + Quote(root) +
                    ": no such directory (the bucket of a filesystem location must exist)");
  }
  return std::unique_ptr<FsStore>(new FsStore(std::move(root)));
}

std::string FsStore::Describe() const { return "filesystem " + Quote(root_); }

bool FsStore::IsTempName(std::string_view name) {
  return !name.empty() && name.front() == '.' && name.find(kTempMarker) != std::string_view::npos;
}

Status FsStore::Fail(std::string_view op, std::string_view key, Status st) const {
  return st.WithContext(Describe() + ": " + std::string(op) + " " + Quote(key));
}

Status FsStore::ErrnoError(std::string_view op, std::string_view key, std::string_view what,
                           int err) const {
  Code code = err == ENOENT ? Code::kNotFound : Code::kInternal;
  if (err == EACCES || err == EPERM) code = Code::kPermissionDenied;
  if (err == ENOSPC) code = Code::kResourceExhausted;
  return Fail(op, key, Status(code, std::string(what) + ": " + std::strerror(err)));
}

Status FsStore::Put(std::string_view key, ByteSource& source, const TransferOptions& options) {
  if (Status st = ValidatePath(key, false); !st.ok()) return Fail("put", key, st);
  const std::string path = PathOf(key);
  const size_t slash = path.rfind('/');
  const std::string dir = path.substr(0, slash);
  // Create parent directories one by one; a component that is an object is an error.
  for (size_t pos = root_.size() + 1; pos < dir.size() + 1;) {
    size_t next = dir.find('/', pos);
    if (next == std::string::npos) next = dir.size();
    std::string sub = dir.substr(0, next);
    if (::mkdir(sub.c_str(), 0755) != 0 && errno != EEXIST) {
      return ErrnoError("put", key, "create directory", errno);
    }
    struct stat st;
    if (::stat(sub.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return Fail("put", key,
                  FailedPrecondition(Quote(sub.substr(root_.size() + 1)) +
                                     " is an object, so it cannot hold other objects"));
    }
    pos = next + 1;
  }
  TempFile tmp;
  if (Status st = tmp.Open(dir, path.substr(slash + 1)); !st.ok()) return Fail("put", key, st);
  auto buf = std::make_unique_for_overwrite<char[]>(kIoChunk);
  uint64_t done = 0;
  for (;;) {
    Result<size_t> n = source.Read(std::span<char>(buf.get(), kIoChunk));
    if (!n.ok()) return Fail("put", key, n.status().WithContext("read source"));
    if (*n == 0) break;
    if (Status st = WriteAll(tmp.fd(), buf.get(), *n); !st.ok()) return Fail("put", key, st);
    done += *n;
    if (options.progress) options.progress(done, 0);
  }
  if (Status st = tmp.Publish(path); !st.ok()) return Fail("put", key, st);
  return OkStatus();
}

Status FsStore::Get(std::string_view key, ByteSink& sink, const TransferOptions& options) {
  if (Status st = ValidatePath(key, false); !st.ok()) return Fail("get", key, st);
  const std::string path = PathOf(key);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return errno == ENOENT || errno == ENOTDIR ? Fail("get", key, NotFound("no such object"))
                                               : ErrnoError("get", key, "open", errno);
  }
  std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    return Fail("get", key, NotFound("no such object"));
  }
  const uint64_t total = static_cast<uint64_t>(st.st_size);
  auto buf = std::make_unique_for_overwrite<char[]>(kIoChunk);
  uint64_t done = 0;
  for (;;) {
    ssize_t n = ::read(fd, buf.get(), kIoChunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoError("get", key, "read", errno);
    if (n == 0) break;
    if (Status s = sink.Write(std::string_view(buf.get(), n)); !s.ok()) {
      return Fail("get", key, s);
    }
    done += static_cast<uint64_t>(n);
    if (options.progress) options.progress(done, total);
  }
  return OkStatus();
}

Result<ObjectInfo> FsStore::Stat(std::string_view key) {
  if (Status st = ValidatePath(key, false); !st.ok()) return Fail("stat", key, st);
  struct stat st;
  if (::stat(PathOf(key).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Fail("stat", key, NotFound("no such object"));
  }
  return ObjectInfo{std::string(key), static_cast<uint64_t>(st.st_size), ""};
}

}  // namespace kanon::store
