// Container logs: the file a supervisor appends the container's stdout and stderr to.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "kube/embedded/admission.h"
#include "kube/embedded/cluster.h"
#include "kube/embedded/cluster_txn.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

// Reads a log file from its start; when following, waits at its end until the container has
// exited (its supervisor wrote a final record, or is gone, or the pod was removed).
class FileLogStream final : public LogStream {
 public:
  FileLogStream(int fd, bool follow, std::string record_path, std::string pod_dir)
      : fd_(fd),
        follow_(follow),
        record_path_(std::move(record_path)),
        pod_dir_(std::move(pod_dir)) {}
  ~FileLogStream() override { close(fd_); }

  Result<std::string> Read(std::chrono::milliseconds timeout) override {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    auto step = std::chrono::milliseconds(1);
    char buf[65536];
    while (!done_) {
      ssize_t n = read(fd_, buf, sizeof buf);
      if (n > 0) return std::string(buf, static_cast<size_t>(n));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Unavailable(std::string("reading container log: ") + std::strerror(errno));
      if (!follow_) {
        done_ = true;
        break;
      }
      if (ContainerExited()) {
        // Everything the container wrote precedes its exit record: one more read drains it.
        done_ = drained_;
        drained_ = true;
        continue;
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        return DeadlineExceeded("no new log output within " + std::to_string(timeout.count()) +
                                " ms");
      }
      std::this_thread::sleep_for(step);
      step = std::min(step * 2, std::chrono::milliseconds(25));
    }
    return std::string();
  }

  bool done() const override { return done_; }

 private:
  bool ContainerExited() const {
    Result<ContainerRecord> rec = ReadRecord(record_path_);
    if (!rec.ok()) return access(pod_dir_.c_str(), F_OK) != 0;
    return rec->state == ContainerRecord::State::kTerminated || !IsAlive(rec->supervisor);
  }

  int fd_;
  bool follow_;
  std::string record_path_;
  std::string pod_dir_;
  bool drained_ = false;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<LogStream>> Cluster::Logs(std::string_view ns_arg, std::string_view name,
                                                 std::string_view container_name, bool follow) {
  const KindInfo& pod_kind = KindNamed("Pod");
  std::string ns = ns_arg.empty() ? "default" : std::string(ns_arg);
  Txn txn(*this);
  RETURN_IF_ERROR(txn.status());
  Reconcile(txn);
  const Value* found = store_->Get(pod_kind, ns, name);
  if (found == nullptr) return NotFoundError(pod_kind, name);
  Value pod = *found;
  ASSIGN_OR_RETURN(Value container, PodContainer(pod, container_name));
  std::string cname = StringField(container, {"name"});
  int fd =
      kubelet_.Started(pod) ? open(kubelet_.LogPath(pod, cname).c_str(), O_RDONLY | O_CLOEXEC) : -1;
  if (fd < 0) {
    std::string reason = "ContainerCreating";
    for (const Value& s : ListField(pod, {"status", "containerStatuses"})) {
      std::string waiting = StringField(s, {"state", "waiting", "reason"});
      if (StringField(s, {"name"}) == cname && !waiting.empty()) reason = waiting;
    }
    return FailedPrecondition("container \"" + cname + "\" in pod \"" + std::string(name) +
                              "\" is waiting to start: " + reason);
  }
  std::string record = kubelet_.RecordPath(pod, cname);
  std::string pod_dir = dir_->PodDir(UidOf(pod));
  Finish(txn);
  return std::unique_ptr<LogStream>(new FileLogStream(fd, follow, record, pod_dir));
}

}  // namespace kanon::kube::embedded
