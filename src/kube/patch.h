// The three PATCH flavours of the Kubernetes API, applied to objects held as Values.
//
// - JSON merge patch (RFC 7386): maps merge recursively, null deletes, everything else
//   (lists included) replaces.
// - Strategic merge patch: a merge patch in which the lists Kubernetes declares with a merge key
//   (containers, env, volumes by name; volumeMounts by mountPath; ports by containerPort or
//   port; conditions by type; ownerReferences by uid) merge element by element, finalizers merge
//   as a set, and the directives `$patch: delete|replace`, `$setElementOrder/<list>`,
//   `$deleteFromPrimitiveList/<list>` and `$retainKeys` are honoured. The merge key is chosen by
//   the list's field name, which is exact for the built-in kinds kanon knows.
// - JSON patch (RFC 6902): add, remove, replace, move, copy, test with JSON pointers.
// Pure functions, thread-safe. Errors are InvalidArgument and name the failing operation.
#pragma once

#include "base/status.h"
#include "kube/kube_api.h"

namespace kanon::kube {

Value ApplyMergePatch(const Value& target, const Value& patch);
Value ApplyStrategicMergePatch(const Value& target, const Value& patch);
Result<Value> ApplyJsonPatch(const Value& target, const Value& operations);

// Dispatches on `type`; a merge patch must be a map, a JSON patch a list.
Result<Value> ApplyPatch(const Value& target, PatchType type, const Value& patch);

}  // namespace kanon::kube
