#include "kube/embedded/kubelet.h"

#include <signal.h>
#include <unistd.h>

#include <cstring>
#include <map>
#include <optional>

#include "base/base64.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

constexpr std::string_view kStartError = "StartError";
constexpr std::string_view kLost = "ContainerStatusUnknown";

bool Terminal(const Value& pod) {
  std::string phase = StringField(pod, {"status", "phase"});
  return phase == "Succeeded" || phase == "Failed";
}

// A mount path as a relative path inside the work directory; "" when unusable.
std::string MountPoint(const std::string& mount_path) {
  std::string rel = mount_path;
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  while (!rel.empty() && rel.back() == '/') rel.pop_back();
  if (rel.empty() || rel.find("..") != std::string::npos) return "";
  return rel;
}

// A Secret or ConfigMap volume: one file per key.
Status WriteKeys(const std::string& dir, const Value& obj, bool base64) {
  RETURN_IF_ERROR(MakeDirs(dir));
  for (const auto& [key, v] : StringMapField(obj, {"data"})) {
    std::optional<std::string> data = base64 ? Base64Decode(v) : std::optional<std::string>(v);
    if (data) RETURN_IF_ERROR(WriteFileAtomic(dir + "/" + key, *data));
  }
  return OkStatus();
}

ContainerView ViewOf(const Value& container) {
  ContainerView v;
  v.name = StringField(container, {"name"});
  v.image = StringField(container, {"image"});
  return v;
}

std::string FirstCommand(const Value& container) {
  const auto& cmd = ListField(container, {"command"});
  return !cmd.empty() && cmd[0].kind() == value::Kind::kString ? cmd[0].AsString() : "";
}

}  // namespace

RestartPolicy PodRestartPolicy(const Value& pod) {
  std::string p = StringField(pod, {"spec", "restartPolicy"});
  if (p == "Never") return RestartPolicy::kNever;
  if (p == "OnFailure") return RestartPolicy::kOnFailure;
  return RestartPolicy::kAlways;
}

std::string Kubelet::PodDir(const Value& pod) const { return dir_.PodDir(UidOf(pod)); }
std::string Kubelet::WorkDir(const Value& pod) const { return PodDir(pod) + "/work"; }
std::string Kubelet::LogPath(const Value& pod, std::string_view c) const {
  return PodDir(pod) + "/" + std::string(c) + ".log";
}
std::string Kubelet::RecordPath(const Value& pod, std::string_view c) const {
  return PodDir(pod) + "/" + std::string(c) + ".status";
}
bool Kubelet::Started(const Value& pod) const { return access(PodDir(pod).c_str(), F_OK) == 0; }

std::vector<std::string> Kubelet::ContainerNames(const Value& pod) const {
  std::vector<std::string> names;
  for (const Value& c : ListField(pod, {"spec", "containers"})) {
    names.push_back(StringField(c, {"name"}));
  }
  return names;
}

Value Kubelet::Start(const Value& pod, const ObjectLookup& lookup) {
  if (Started(pod)) return Refresh(pod, lookup);
  if (Terminal(pod) || FindField(pod, {"metadata", "deletionTimestamp"})) return pod;
  std::vector<ContainerView> waiting;
  bool config_error = false;
  for (const Value& c : ListField(pod, {"spec", "containers"})) {
    Result<std::vector<std::string>> env = ContainerEnv(pod, c, lookup, bin_dir_);
    ContainerView v = ViewOf(c);
    v.waiting_reason = env.ok() ? "ContainerCreating" : "CreateContainerConfigError";
    v.message = env.ok() ? "" : env.status().message();
    config_error = config_error || !env.ok();
    waiting.push_back(std::move(v));
  }
  if (config_error) {
    return SetField(pod, {"status"}, BuildPodStatus(pod, waiting, std::time(nullptr)));
  }
  Status st = MakeDirs(WorkDir(pod));
  if (st.ok()) st = PrepareVolumes(pod, lookup);
  for (const Value& c : ListField(pod, {"spec", "containers"})) {
    if (!st.ok()) {
      RecordStartError(pod, c, st.message());
    } else if (Status launched = Launch(pod, c, lookup, 0); !launched.ok()) {
      RecordStartError(pod, c, launched.message());
    }
  }
  return Refresh(pod, lookup);
}

Status Kubelet::PrepareVolumes(const Value& pod, const ObjectLookup& lookup) const {
  std::map<std::string, std::string> targets;  // volume name -> host directory
  std::string ns = NamespaceOf(pod);
  for (const Value& vol : ListField(pod, {"spec", "volumes"})) {
    std::string name = StringField(vol, {"name"});
    std::string local = PodDir(pod) + "/volumes/" + name;
    if (std::string claim = StringField(vol, {"persistentVolumeClaim", "claimName"});
        !claim.empty()) {
      targets[name] = dir_.VolumeDir(ns, claim);
    } else if (std::string host = StringField(vol, {"hostPath", "path"}); !host.empty()) {
      targets[name] = host;
    } else if (const Value* src = FindField(vol, {"secret"})) {
      const Value* obj = lookup("Secret", StringField(*src, {"secretName"}));
      if (obj != nullptr) RETURN_IF_ERROR(WriteKeys(local, *obj, true));
      targets[name] = local;
    } else if (const Value* src = FindField(vol, {"configMap"})) {
      const Value* obj = lookup("ConfigMap", StringField(*src, {"name"}));
      if (obj != nullptr) RETURN_IF_ERROR(WriteKeys(local, *obj, false));
      targets[name] = local;
    } else {
      targets[name] = local;
    }
  }
  for (const Value& c : ListField(pod, {"spec", "containers"})) {
    for (const Value& m : ListField(c, {"volumeMounts"})) {
      auto it = targets.find(StringField(m, {"name"}));
      std::string rel = MountPoint(StringField(m, {"mountPath"}));
      if (it == targets.end() || rel.empty()) continue;
      RETURN_IF_ERROR(MakeDirs(it->second));
      std::string link = WorkDir(pod) + "/" + rel;
      RETURN_IF_ERROR(MakeDirs(link.substr(0, link.rfind('/'))));
      if (symlink(it->second.c_str(), link.c_str()) != 0 && errno != EEXIST) {
        return Internal("cannot mount volume \"" + it->first + "\" at " + rel + ": " +
                        std::strerror(errno));
      }
    }
  }
  return OkStatus();
}

Status Kubelet::Launch(const Value& pod, const Value& container, const ObjectLookup& lookup,
                       int restarts) const {
  ASSIGN_OR_RETURN(std::vector<std::string> env, ContainerEnv(pod, container, lookup, bin_dir_));
  ASSIGN_OR_RETURN(std::vector<std::string> argv, ContainerArgv(container, env));
  ASSIGN_OR_RETURN(std::string exe, FindExecutable(argv[0], env, WorkDir(pod)));
  std::string name = StringField(container, {"name"});
  LaunchSpec spec;
  spec.executable = std::move(exe);
  spec.argv = std::move(argv);
  spec.env = std::move(env);
  spec.work_dir = WorkDir(pod);
  spec.log_path = LogPath(pod, name);
  spec.record_path = RecordPath(pod, name);
  spec.stop_path = PodDir(pod) + "/stop";
  spec.restart = PodRestartPolicy(pod);
  spec.restarts = restarts;
  return LaunchSupervised(spec);
}

void Kubelet::RecordStartError(const Value& pod, const Value& container,
                               const std::string& why) const {
  std::string name = StringField(container, {"name"});
  std::string base = PodDir(pod) + "/" + name;
  (void)WriteFileAtomic(base + ".message", std::string(kStartError) + "\n" + why);
  (void)WriteFileAtomic(base + ".log", "kanon: " + why + "\n");
  ContainerRecord rec;
  rec.state = ContainerRecord::State::kTerminated;
  rec.exit_code = 128;
  rec.started_at = rec.finished_at = std::time(nullptr);
  (void)WriteRecord(RecordPath(pod, name), rec);
}

Value Kubelet::Refresh(const Value& pod, const ObjectLookup& lookup) {
  if (Terminal(pod) || !Started(pod)) return pod;
  std::time_t now = std::time(nullptr);
  bool stopping = access((PodDir(pod) + "/stop").c_str(), F_OK) == 0;
  std::vector<ContainerView> views;
  for (const Value& c : ListField(pod, {"spec", "containers"})) {
    ContainerView v = ViewOf(c);
    Result<ContainerRecord> rec = ReadRecord(RecordPath(pod, v.name));
    if (rec.ok() && rec->state != ContainerRecord::State::kTerminated &&
        !IsAlive(rec->supervisor)) {
      rec = ReadRecord(RecordPath(pod, v.name));  // it may have written its last word and exited
      if (rec.ok() && rec->state != ContainerRecord::State::kTerminated) {
        rec = Recover(pod, c, lookup, stopping, *rec);
      }
    }
    if (!rec.ok()) {
      v.waiting_reason = "ContainerCreating";
      views.push_back(std::move(v));
      continue;
    }
    v.has_record = true;
    v.record = *rec;
    if (Result<std::string> msg = ReadFile(PodDir(pod) + "/" + v.name + ".message"); msg.ok()) {
      size_t nl = msg->find('\n');
      v.waiting_reason = msg->substr(0, nl);
      v.message = nl == std::string::npos ? "" : msg->substr(nl + 1);
      v.start_error = v.waiting_reason == kStartError;
    } else if (rec->start_errno > 0) {
      v.waiting_reason = std::string(kStartError);
      v.message = "exec: \"" + FirstCommand(c) + "\": " + std::strerror(rec->start_errno);
      v.start_error = true;
    }
    views.push_back(std::move(v));
  }
  return SetField(pod, {"status"}, BuildPodStatus(pod, views, now));
}

Result<ContainerRecord> Kubelet::Recover(const Value& pod, const Value& container,
                                         const ObjectLookup& lookup, bool stopping,
                                         ContainerRecord rec) const {
  // The supervisor is gone without a final word: its container is unsupervised or dead.
  std::string name = StringField(container, {"name"});
  SignalGroup(rec.process, SIGKILL, true);
  if (!stopping && PodRestartPolicy(pod) != RestartPolicy::kNever &&
      Launch(pod, container, lookup, rec.restarts + 1).ok()) {
    return ReadRecord(RecordPath(pod, name));
  }
  rec.state = ContainerRecord::State::kTerminated;
  rec.exit_code = 137;
  rec.finished_at = std::time(nullptr);
  (void)WriteRecord(RecordPath(pod, name), rec);
  (void)WriteFileAtomic(PodDir(pod) + "/" + name + ".message",
                        std::string(kLost) + "\nthe container's supervisor exited unexpectedly");
  return rec;
}

void Kubelet::RequestStop(const Value& pod) const {
  if (!Started(pod)) return;
  (void)WriteFileAtomic(PodDir(pod) + "/stop", "");
  for (const std::string& name : ContainerNames(pod)) {
    Result<ContainerRecord> rec = ReadRecord(RecordPath(pod, name));
    if (rec.ok()) SignalGroup(rec->process, SIGTERM, true);
  }
}

void Kubelet::Kill(const Value& pod) const {
  for (const std::string& name : ContainerNames(pod)) {
    Result<ContainerRecord> rec = ReadRecord(RecordPath(pod, name));
    if (!rec.ok()) continue;
    SignalGroup(rec->process, SIGKILL, true);
    if (IsAlive(rec->supervisor)) kill(rec->supervisor.pid, SIGKILL);
  }
}

bool Kubelet::Stopped(const Value& pod) const {
  for (const std::string& name : ContainerNames(pod)) {
    Result<ContainerRecord> rec = ReadRecord(RecordPath(pod, name));
    if (rec.ok() && (IsAlive(rec->supervisor) || IsAlive(rec->process))) return false;
  }
  return true;
}

void Kubelet::Cleanup(const Value& pod) const {
  if (!UidOf(pod).empty()) RemovePath(PodDir(pod));
}

}  // namespace kanon::kube::embedded
