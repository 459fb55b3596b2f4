// KubeApi: the Kubernetes API as kanon uses it, over dynamic objects.
//
// Objects are Values shaped like their JSON (maps, lists, strings, int64 numbers). A resource is
// named by group/version/resource (GVR); kinds map to GVRs through ResolveKind. Two
// implementations: EmbeddedCluster (objects in a state directory, pods as host processes) and,
// later, RestClient (a real API server). Errors use kanon codes mapped from Kubernetes reasons:
// NotFound, AlreadyExists, Aborted (409 Conflict on a stale resourceVersion), InvalidArgument
// (422/400), PermissionDenied, Unavailable. Messages read like the API server's
// (`statefulsets.apps "db" not found`). Implementations are thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace kanon::kube {

using value::Value;

struct Gvr {
  std::string group;     // "" for core, "apps", "cr.kanister.io"
  std::string version;   // "v1", "v1alpha1"
  std::string resource;  // plural: "pods", "statefulsets", "actionsets"
  std::string ApiVersion() const { return group.empty() ? version : group + "/" + version; }
  // "statefulsets.apps", or "pods" for core: how the API server names a resource in messages.
  std::string Qualified() const { return group.empty() ? resource : resource + "." + group; }
  bool operator==(const Gvr&) const = default;
};

// A kind the cluster knows: its GVR, Kind, singular and short names, and scope.
struct KindInfo {
  Gvr gvr;
  std::string kind;                      // "StatefulSet"
  std::string singular;                  // "statefulset"
  std::vector<std::string> short_names;  // {"sts"}
  bool namespaced = true;
};

// The kinds kanon knows (core, apps, cr.kanister.io): pods, secrets, configmaps, namespaces,
// persistentvolumeclaims, services, events, statefulsets, deployments, replicasets,
// actionsets, blueprints, profiles.
const std::vector<KindInfo>& KnownKinds();
// Resolves what kubectl accepts: a Kind ("StatefulSet"), singular, plural or short name, case-
// insensitively ("sts", "statefulsets.apps"). NotFound with a did-you-mean otherwise.
Result<KindInfo> ResolveKind(std::string_view name);

// A parsed label selector (kubectl syntax: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k,
// k>5, k<5; comma = AND).
class LabelSelector final {
 public:
  static Result<LabelSelector> Parse(std::string_view text);
  bool Matches(const Value& labels) const;  // labels: map or nil
  bool empty() const { return terms_.empty(); }

 private:
  struct Term {
    std::string key;
    enum class Op { kEq, kNe, kIn, kNotIn, kExists, kNotExists, kGt, kLt } op;
    std::vector<std::string> values;
  };
  std::vector<Term> terms_;
};

enum class PatchType { kMerge, kStrategicMerge, kJson };

struct WatchEvent {
  std::string type;  // ADDED, MODIFIED, DELETED
  Value object;
};

// A stream of changes; Next blocks until an event, the deadline, or Cancel.
class Watch {
 public:
  virtual ~Watch() = default;
  // nullopt on timeout or after Cancel.
  virtual std::optional<WatchEvent> Next(std::chrono::milliseconds timeout) = 0;
  virtual void Cancel() = 0;
};

// Cooperative cancellation shared between a caller and long operations (exec, logs, waits).
class CancelToken final {
 public:
  void Cancel() { cancelled_.store(true); }
  bool cancelled() const { return cancelled_.load(); }

 private:
  std::atomic<bool> cancelled_{false};
};

struct ExecRequest {
  std::string namespace_;
  std::string pod;
  std::string container;  // empty: the first container
  std::vector<std::string> command;
  std::string stdin_data;  // fed to the command, then closed
  // Receives stdout / stderr bytes as they arrive (may be null: then collected in ExecResult).
  std::function<void(std::string_view)> on_stdout;
  std::function<void(std::string_view)> on_stderr;
  const CancelToken* cancel = nullptr;
};

struct ExecResult {
  int exit_code = 0;        // 128+signal when killed
  std::string stdout_data;  // only when on_stdout is null
  std::string stderr_data;  // only when on_stderr is null
};

// A pod's container log: Read returns the next chunk, "" at the end (follow=false or the
// container ended), blocking while following.
class LogStream {
 public:
  virtual ~LogStream() = default;
  virtual Result<std::string> Read(std::chrono::milliseconds timeout) = 0;
  virtual bool done() const = 0;
};

class KubeApi {
 public:
  virtual ~KubeApi() = default;

  virtual Result<Value> Get(const Gvr& gvr, std::string_view ns, std::string_view name) = 0;
  // Items matching `selector` (all when empty), sorted by name. `ns` empty: all namespaces.
  virtual Result<std::vector<Value>> List(const Gvr& gvr, std::string_view ns,
                                          const LabelSelector& selector) = 0;
  // Sets uid, resourceVersion, creationTimestamp, generation; honours generateName.
  virtual Result<Value> Create(const Gvr& gvr, std::string_view ns, const Value& object) = 0;
  // Whole-object update; Aborted (Conflict) if metadata.resourceVersion is set and stale.
  virtual Result<Value> Update(const Gvr& gvr, std::string_view ns, const Value& object) = 0;
  virtual Result<Value> Patch(const Gvr& gvr, std::string_view ns, std::string_view name,
                              PatchType type, const Value& patch) = 0;
  // Deletes the object (and, for owners, what they own). NotFound if absent.
  virtual Status Delete(const Gvr& gvr, std::string_view ns, std::string_view name) = 0;
  // Changes after `resource_version` ("" = from now).
  virtual Result<std::unique_ptr<Watch>> StartWatch(const Gvr& gvr, std::string_view ns,
                                                    std::string_view resource_version) = 0;

  // Runs a command inside a running pod's container and waits for it.
  virtual Result<ExecResult> Exec(const ExecRequest& request) = 0;
  // The log of a container (empty: the first container).
  virtual Result<std::unique_ptr<LogStream>> Logs(std::string_view ns, std::string_view pod,
                                                  std::string_view container, bool follow) = 0;
};

}  // namespace kanon::kube
