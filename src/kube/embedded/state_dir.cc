#include "kube/embedded/state_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "value/json.h"

namespace kanon::kube::embedded {
namespace fs = std::filesystem;

namespace {

std::string Errno(std::string_view what, const std::string& path) {
  return std::string(what) + " \"" + path + "\": " + std::strerror(errno);
}

std::string GroupDir(const Gvr& gvr) { return gvr.group.empty() ? "core" : gvr.group; }

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<StateDir>> StateDir::Open(const std::string& root) {
  for (const char* sub : {"objects", "pods", "volumes"}) {
    RETURN_IF_ERROR(MakeDirs(root + "/" + sub));
  }
  std::string lock_path = root + "/lock";
  int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Unavailable(Errno("cannot open lock file", lock_path));
  return std::unique_ptr<StateDir>(new StateDir(root, fd));
}

StateDir::~StateDir() { close(lock_fd_); }

std::string StateDir::ObjectPath(const KindInfo& kind, std::string_view ns,
                                 std::string_view name) const {
  std::string dir = root_ + "/objects/" + GroupDir(kind.gvr) + "/" + kind.gvr.resource;
  if (kind.namespaced) dir += "/" + std::string(ns);
  return dir + "/" + std::string(name) + ".json";
}

std::string StateDir::VolumeDir(std::string_view ns, std::string_view claim) const {
  return root_ + "/volumes/" + std::string(ns) + "/" + std::string(claim);
}

Status StateDir::Lock() {
  while (flock(lock_fd_, LOCK_EX) != 0) {
    if (errno != EINTR) return Unavailable(Errno("cannot lock", root_ + "/lock"));
  }
  return OkStatus();
}

void StateDir::Unlock() { flock(lock_fd_, LOCK_UN); }

std::vector<std::pair<KindInfo, Value>> StateDir::LoadAll() const {
  std::vector<std::pair<KindInfo, Value>> out;
  for (const KindInfo& kind : KnownKinds()) {
    fs::path dir = fs::path(root_) / "objects" / GroupDir(kind.gvr) / kind.gvr.resource;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      std::string file = p.filename().string();
      if (!it->is_regular_file(ec) || file.empty() || file[0] == '.' || p.extension() != ".json") {
        continue;
      }
      Result<std::string> data = ReadFile(p.string());
      if (!data.ok()) continue;
      Result<Value> obj = ParseObject(*data);
      if (obj.ok()) out.emplace_back(kind, std::move(obj).value());
    }
  }
  return out;
}

Status WriteFileAtomic(const std::string& path, std::string_view data) {
  static std::atomic<uint64_t> counter{0};
  size_t slash = path.rfind('/');
  std::string dir = path.substr(0, slash);
  std::string tmp = dir + "/." + path.substr(slash + 1) + ".tmp." + std::to_string(getpid()) + "." +
                    std::to_string(counter.fetch_add(1));
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {
    RETURN_IF_ERROR(MakeDirs(dir));
    fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) return Unavailable(Errno("cannot create", tmp));
  bool ok = WriteAll(fd, data);
  ok = close(fd) == 0 && ok;
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
    Status st = Unavailable(Errno("cannot write", path));
    unlink(tmp.c_str());
    return st;
  }
  return OkStatus();
}

Result<std::string> ReadFile(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return NotFound("no file \"" + path + "\"");
    return Unavailable(Errno("cannot open", path));
  }
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      if (n < 0) return Unavailable(Errno("cannot read", path));
      return out;
    }
    out.append(buf, static_cast<size_t>(n));
  }
}

void RemovePath(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

Status MakeDirs(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return Unavailable("cannot create directory \"" + path + "\": " + ec.message());
  return OkStatus();
}

Result<Value> ParseObject(std::string_view json) {
  return value::ParseJson(json, value::NumberMode::kInt64WhenIntegral);
}

std::string EncodeObject(const Value& object) {
  value::JsonOptions options;
  options.escape_html = false;
  Result<std::string> json = value::ToJson(object, options);
  return json.ok() ? *json : "null";
}

}  // namespace kanon::kube::embedded
