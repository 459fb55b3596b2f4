#include "cli/kando_location.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>

#include "base/log.h"
#include "cli/kando_progress.h"
#include "store/byte_stream.h"
#include "store/open_store.h"

namespace kanon::cli {
namespace {

using store::ObjectStore;

constexpr int kExitFailure = 69;  // what Kanister's kando exits with on any error

struct Session {
  store::Profile profile;
  std::string key;
  std::unique_ptr<ObjectStore> store;
};

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Transfer tuning from KANON_PART_SIZE_MIB, KANON_CONCURRENCY, KANON_MEMORY_MIB and
// KANON_S3_PAYLOAD (sha256 | md5).
Result<store::OpenOptions> OptionsFromEnv() {
  store::OpenOptions o;
  o.guard_orphans = true;
  auto number = [](const char* name, int64_t lo, int64_t hi, int64_t* out) -> Status {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') return OkStatus();
    char* end = nullptr;
    const long long n = std::strtoll(v, &end, 10);
    if (*end != '\0' || n < lo || n > hi) {
      return InvalidArgument(std::string(name) + "=" + v + ": expected a whole number from " +
                             std::to_string(lo) + " to " + std::to_string(hi));
    }
    *out = n;
    return OkStatus();
  };
  int64_t part = 8, conc = 4, mem = 96;
  RETURN_IF_ERROR(number("KANON_PART_SIZE_MIB", 5, 5120, &part));
  RETURN_IF_ERROR(number("KANON_CONCURRENCY", 1, 64, &conc));
  RETURN_IF_ERROR(number("KANON_MEMORY_MIB", 16, 65536, &mem));
  o.tuning.part_size = static_cast<size_t>(part) * store::kMiB;
  o.tuning.concurrency = static_cast<int>(conc);
  o.tuning.memory_budget = static_cast<size_t>(mem) * store::kMiB;
  if (const char* p = std::getenv("KANON_S3_PAYLOAD"); p != nullptr && *p != '\0') {
    if (std::string_view(p) != "md5" && std::string_view(p) != "sha256") {
      return InvalidArgument(std::string("KANON_S3_PAYLOAD=") + p + ": expected sha256 or md5");
    }
    o.s3_content_md5 = std::string_view(p) == "md5";
  }
  return o;
}

Result<Session> OpenSession(const LocationFlags& flags, const KandoIo& io, bool need_key) {
  if (!flags.repository_server.empty()) {
    return Unimplemented("--repository-server (kopia repository servers) is not supported");
  }
  if (flags.profile.empty()) {
    return InvalidArgument(
        "--profile is required: pass the Profile JSON ('{{ toJson .Profile }}')");
  }
  Session s;
  ASSIGN_OR_RETURN(s.profile, store::ParseProfile(flags.profile));
  if (io.logger != nullptr) {
    for (const std::string& secret : s.profile.SecretValues()) io.logger->redactor().Add(secret);
  }
  s.key = store::KeyFor(s.profile, flags.path);
  if (need_key && (s.key.empty() || s.key == "." || s.key == "/")) {
    return InvalidArgument("no object key: --path " + Quote(flags.path) + " under prefix " +
                           Quote(s.profile.location.prefix) + " names no object");
  }
  return s;
}

Status OpenStoreFor(Session& s, const KandoIo& io) {
  ASSIGN_OR_RETURN(store::OpenOptions options, OptionsFromEnv());
  if (Logger* log = io.logger) {
    options.retry.on_retry = [log](int attempt, const Status& st) {
      log->Info("retrying after a transient failure",
                {{"attempt", std::to_string(attempt)}, {"error", st.message()}});
    };
    log->Debug("opening store", {{"type", s.profile.location.type_name},
                                 {"bucket", s.profile.location.bucket},
                                 {"key", s.key}});
  }
  ASSIGN_OR_RETURN(s.store, store::OpenStore(s.profile, options));
  return OkStatus();
}

void Summary(const KandoIo& io, const std::string& line) {
  std::string out = "kando: " + line + "\n";
  if (io.logger != nullptr) out = io.logger->redactor().Redact(out);
  (void)!::write(io.err_fd, out.data(), out.size());
}

std::string Rate(uint64_t bytes, double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " in %.3fs (%.1f MB/s)", seconds,
                seconds > 0 ? static_cast<double>(bytes) / seconds / 1e6 : 0.0);
  return buf;
}

Status Push(const LocationFlags& flags, const KandoIo& io) {
  ASSIGN_OR_RETURN(Session s, OpenSession(flags, io, true));
  int fd = io.in_fd;
  std::string name = "stdin";
  uint64_t expected = 0;
  if (flags.source != "-") {
    name = Quote(flags.source);
    fd = ::open(flags.source.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return InvalidArgument("open source " + name + ": " + std::strerror(errno));
  } else if (::isatty(fd)) {
    return InvalidArgument(
        "stdin is a terminal: pipe the data into kando or name a file "
        "(\"kando location push FILE\")");
  }
  std::unique_ptr<int, void (*)(int*)> closer(fd == io.in_fd ? nullptr : &fd,
                                              [](int* f) { ::close(*f); });
  struct stat st;
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return InvalidArgument("source " + name + " is a directory");
    if (S_ISREG(st.st_mode)) expected = static_cast<uint64_t>(st.st_size);
  }
  RETURN_IF_ERROR(OpenStoreFor(s, io));
  store::FdSource source(fd, name);
  ProgressLine progress("pushing", io.err_fd, ::isatty(io.err_fd));
  store::TransferOptions options;
  options.expected_size = expected;
  options.progress = [&](uint64_t done, uint64_t total) {
    progress.Update(done, total ? total : expected);
  };
  Status put = s.store->Put(s.key, source, options);
  progress.Finish();
  RETURN_IF_ERROR(put);
  Summary(io, "pushed " + std::to_string(source.bytes()) + " bytes to key " + Quote(s.key) +
                  " of " + s.store->Describe() + Rate(source.bytes(), progress.elapsed_seconds()));
  return OkStatus();
}

// A file that becomes `target` only by Commit; removed otherwise.
class PartialFile final {
 public:
  ~PartialFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  Status Open(const std::string& target) {
    std::mt19937_64 gen{std::random_device{}()};
    path_ = target + ".kando-partial-" + std::to_string(gen() % 1000000000);
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      const int err = errno;
      path_.clear();
      return InvalidArgument("create target " + Quote(target) + ": " + std::strerror(err));
    }
    return OkStatus();
  }
  int fd() const { return fd_; }
  Status Commit(const std::string& target) {
    if (::fsync(fd_) != 0 || ::rename(path_.c_str(), target.c_str()) != 0) {
      return Internal("write target " + Quote(target) + ": " + std::strerror(errno));
    }
    path_.clear();
    return OkStatus();
  }

 private:
  std::string path_;
  int fd_ = -1;
};

Status Pull(const LocationFlags& flags, const KandoIo& io) {
  if (!flags.kopia_snapshot.empty() || !flags.backup_id.empty()) {
    return Unimplemented("--kopia-snapshot/--backupID (kopia snapshots) are not supported");
  }
  ASSIGN_OR_RETURN(Session s, OpenSession(flags, io, true));
  PartialFile partial;
  const bool to_stdout = flags.target == "-";
  if (!to_stdout) RETURN_IF_ERROR(partial.Open(flags.target));
  RETURN_IF_ERROR(OpenStoreFor(s, io));
  store::FdSink sink(to_stdout ? io.out_fd : partial.fd(),
                     to_stdout ? "stdout" : Quote(flags.target));
  ProgressLine progress("pulling", io.err_fd, ::isatty(io.err_fd));
  store::TransferOptions options;
  options.progress = [&](uint64_t done, uint64_t total) { progress.Update(done, total); };
  Status get = s.store->Get(s.key, sink, options);
  progress.Finish();
  RETURN_IF_ERROR(get);
  if (!to_stdout) RETURN_IF_ERROR(partial.Commit(flags.target));
  Summary(io, "pulled " + std::to_string(sink.bytes()) + " bytes from key " + Quote(s.key) +
                  " of " + s.store->Describe() + Rate(sink.bytes(), progress.elapsed_seconds()));
  return OkStatus();
}

Status Delete(const LocationFlags& flags, const KandoIo& io) {
  if (!flags.kopia_snapshot.empty() || !flags.backup_id.empty()) {
    return Unimplemented("--kopia-snapshot/--backupID (kopia snapshots) are not supported");
  }
  ASSIGN_OR_RETURN(Session s, OpenSession(flags, io, false));
  RETURN_IF_ERROR(OpenStoreFor(s, io));
  ASSIGN_OR_RETURN(uint64_t n, s.store->DeletePrefix(s.key));
  Summary(io, "deleted " + std::to_string(n) + " objects under key " + Quote(s.key) + " of " +
                  s.store->Describe());
  return OkStatus();
}

}  // namespace

LocationCommands AddLocationCommand(CLI::App* kando, LocationFlags* f) {
  LocationCommands c;
  c.location = kando->add_subcommand("location", "Push, pull and delete from object storage");
  c.location->require_subcommand(1);
  c.location->fallthrough();
  c.location->add_option("-s,--path", f->path, "Specify a path suffix (optional)");
  c.location->add_option("-p,--profile", f->profile, "Pass a Profile as a JSON string (required)");
  c.location->add_option("-r,--repository-server", f->repository_server,
                         "Pass a Repository Server CR as a JSON string (kopia; not supported)");
  c.push =
      c.location->add_subcommand("push", "Push a source file or stdin stream to object storage");
  c.push->add_option("source", f->source, "A file, or - for stdin (a pipe)")->required();
  c.push->add_option("-o,--output-name", f->output_name,
                     "Name of the output produced by kando (kopia only)");
  c.pull = c.location->add_subcommand("pull", "Pull from object storage to a file or stdout");
  c.pull->add_option("target", f->target, "A file, or - for stdout")->required();
  c.pull->add_option("-k,--kopia-snapshot", f->kopia_snapshot, "Kopia snapshot (not supported)");
  c.pull->add_option("-b,--backupID", f->backup_id, "Backup ID (kopia; not supported)");
  c.del = c.location->add_subcommand("delete", "Delete artifacts (every key under the path)");
  c.del->add_option("-k,--kopia-snapshot", f->kopia_snapshot, "Kopia snapshot (not supported)");
  c.del->add_option("-b,--backupID", f->backup_id, "Backup ID (kopia; not supported)");
  return c;
}

int RunLocation(LocationOp op, const LocationFlags& flags, const KandoIo& io) {
  static const char* kNames[] = {"push", "pull", "delete"};
  Status st;
  switch (op) {
    case LocationOp::kPush:
      st = Push(flags, io);
      break;
    case LocationOp::kPull:
      st = Pull(flags, io);
      break;
    case LocationOp::kDelete:
      st = Delete(flags, io);
      break;
  }
  if (st.ok()) return 0;
  std::string msg =
      "kando location " + std::string(kNames[static_cast<int>(op)]) + ": " + st.message() + "\n";
  if (io.logger != nullptr) msg = io.logger->redactor().Redact(msg);
  (void)!::write(io.err_fd, msg.data(), msg.size());
  return kExitFailure;
}

}  // namespace kanon::cli
