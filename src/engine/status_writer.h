// Writes an ActionSet's status back to the cluster: get, replace status, whole-object update,
// retried with backoff on 409 conflicts (Kanister's reconcile loop). Thread-safe: actions running
// in parallel mutate the status through Mutate, which serialises them.
#pragma once

#include <functional>
#include <mutex>
#include <string>

#include "base/status.h"
#include "kube/kube_api.h"
#include "model/types.h"

namespace kanon::engine {

class StatusWriter final {
 public:
  StatusWriter(kube::KubeApi& api, std::string ns, std::string name, model::ActionSetStatus s);

  // Applies `fn` to the status and writes it; returns the write's result.
  Status Mutate(const std::function<void(model::ActionSetStatus&)>& fn);
  model::ActionSetStatus Snapshot();

 private:
  Status WriteLocked();
  kube::KubeApi& api_;
  std::string ns_, name_;
  std::mutex mu_;
  model::ActionSetStatus status_;
};

// Kanister's ActionSet status invariants (phases after a non-complete one are pending; no
// complete ActionSet with pending or running phases). Returns the first violation.
Status ValidateStatus(const model::ActionSetStatus& s);

// Integer mean of phase progress percentages over all phases of all actions.
std::string PercentCompleted(const model::ActionSetStatus& s);

}  // namespace kanon::engine
