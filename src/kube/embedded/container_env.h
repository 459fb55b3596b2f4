// How the process kubelet turns a container spec into a host command line and environment.
//
// Environment: the host environment of the kanon process (so host tools such as pg_dump and
// HOME keep working), then the container's `envFrom`, then its `env` in order, with `$(VAR)`
// references to variables defined earlier expanded as Kubernetes does (`$$` escapes). Values
// come from literals, Secrets (base64 `data`), ConfigMaps and the pod's own fields. `PATH` is
// prefixed with the directory of the kanon binaries so `kando` and `kanon` resolve inside pods,
// and `HOSTNAME` is the pod name. Command line: `command` followed by `args`, each expanded the
// same way; there is no image, so a container without `command` cannot run.
// Pure functions (lookups go through the callback); thread-safe. Messages never hold a value.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "kube/kube_api.h"

namespace kanon::kube::embedded {

// Finds an object of `kind` ("Secret" or "ConfigMap") by name in the pod's namespace.
using ObjectLookup = std::function<const Value*(std::string_view kind, std::string_view name)>;

// "NAME=value" entries. FailedPrecondition with the kubelet's wording when a referenced Secret,
// ConfigMap or key is missing and not optional (`secret "db" not found`,
// `couldn't find key password in Secret default/db`).
Result<std::vector<std::string>> ContainerEnv(const Value& pod, const Value& container,
                                              const ObjectLookup& lookup,
                                              const std::string& bin_dir);

// `command` + `args` with $(VAR) expansion. FailedPrecondition when `command` is empty.
Result<std::vector<std::string>> ContainerArgv(const Value& container,
                                               const std::vector<std::string>& env);

// The executable `name` resolves to: as given when it holds a '/' (relative to `work_dir`),
// else the first match on the PATH in `env`. NotFound with the runtime's message
// (`exec: "x": executable file not found in $PATH`).
Result<std::string> FindExecutable(const std::string& name, const std::vector<std::string>& env,
                                   const std::string& work_dir);

// Expands $(VAR) references from `env` ("NAME=value" entries); unknown references stay as
// written and `$$` becomes `$`.
std::string ExpandVars(std::string_view text, const std::vector<std::string>& env);

}  // namespace kanon::kube::embedded
