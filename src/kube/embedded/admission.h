// Admission: what the API server does to an object between the request and the store.
//
// On create: checks kind/apiVersion and names (DNS-1123, so names are safe path components),
// resolves generateName, sets uid, creationTimestamp, generation 1 and the defaults kanon relies
// on (pod restartPolicy and grace period, replicas, Secret stringData folded into base64 data,
// a bound PVC). On update: the resourceVersion precondition (Aborted with the API server's
// Conflict message), immutable metadata kept, status kept for kinds whose status is a separate
// subresource, generation bumped when anything but metadata (and such a status) changes.
// Pure functions over their inputs, thread-safe.
#pragma once

#include <ctime>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "base/status.h"
#include "kube/kube_api.h"

namespace kanon::kube::embedded {

struct AdmissionContext {
  std::mt19937_64* rng;
  std::time_t now;
  // True when an object of this kind and name already exists in the namespace.
  std::function<bool(std::string_view name)> exists;
};

// `ns` is the request's namespace ("" = the object's, else "default"; ignored for cluster-scoped
// kinds). Returns the object to store (without resourceVersion).
Result<Value> AdmitCreate(const KindInfo& kind, std::string_view ns, const Value& object,
                          const AdmissionContext& ctx);

// `current` is the stored object, `object` the requested new state.
Result<Value> AdmitUpdate(const KindInfo& kind, const Value& current, const Value& object);

// The namespace a request addresses: the argument, else the object's, else "default".
std::string RequestNamespace(const KindInfo& kind, std::string_view ns, const Value& object);

// 5 characters from the API server's alphabet (bcdfghjklmnpqrstvwxz2456789).
std::string RandomSuffix(std::mt19937_64& rng);
// A random (version 4) UUID.
std::string NewUid(std::mt19937_64& rng);
// The API server's messages.
Status NotFoundError(const KindInfo& kind, std::string_view name);
Status ConflictError(const KindInfo& kind, std::string_view name);
// InvalidArgument unless `name` is a DNS-1123 subdomain (a label for namespaces).
Status ValidateName(const KindInfo& kind, std::string_view name);

}  // namespace kanon::kube::embedded
