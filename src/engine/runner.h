// The ActionSet runner: executes an ActionSet stored in a cluster the way Kanister's controller
// does (kanister.md section 5.2): initialise the status from the blueprints, set it running,
// prepare every action (params, functions, phase objects; a failure here fails the ActionSet
// before anything runs), run actions in parallel and each action's phases in order with lazy
// argument rendering, stop an action at its first failure leaving later phases pending, always
// run the defer phase, render output artifacts only on success, and mark the ActionSet complete
// only when every phase of every action is. Every status change is written back with a whole-
// object update, retried on conflicts. Cancellation (the token) kills running pods and execs.
// One Runner may run several ActionSets one after another; Run is not re-entrant.
#pragma once

#include <functional>
#include <string>

#include "base/log.h"
#include "base/status.h"
#include "engine/function.h"
#include "kube/kube_api.h"
#include "model/types.h"

namespace kanon::engine {

// A step of progress, for a terminal or a log.
struct RunEvent {
  std::string action;
  std::string phase;  // empty for action-level events
  std::string state;  // running, complete, failed
  std::string message;
};

struct RunOptions {
  std::string controller_namespace = "default";
  StoreOpener open_store;
  Logger* log = nullptr;
  const kube::CancelToken* cancel = nullptr;
  std::function<void(const RunEvent&)> on_event;
  std::function<void(std::string_view)> on_output;  // live output of phase commands
};

class Runner final {
 public:
  Runner(kube::KubeApi& api, const Registry& registry, RunOptions options);
  // Runs ActionSet ns/name to the end and returns its final state (status filled). The Status is
  // an error only when the ActionSet could not be read or written; a failed action is reported
  // in the returned status (state "failed", error.message).
  Result<model::ActionSet> Run(const std::string& ns, const std::string& name);

 private:
  struct Impl;
  kube::KubeApi& api_;
  const Registry& registry_;
  RunOptions options_;
};

}  // namespace kanon::engine
