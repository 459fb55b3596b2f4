// The workload controllers of the embedded cluster: StatefulSet, Deployment and ReplicaSet.
//
// Each is a level-triggered function: given the object as stored, it makes the owned objects
// match the spec and writes the status, through ObjectOps. They run on every API call, so a
// change made by one kanon process (scale to 0, a new template) takes effect at the next call
// of any process. Owned objects carry an ownerReference with controller: true.
//
// - StatefulSet: pods `<sts>-<ordinal>` for ordinals below spec.replicas, all at once (the
//   Parallel pod management policy), labelled with controller-revision-hash,
//   statefulset.kubernetes.io/pod-name and apps.kubernetes.io/pod-index; a PVC
//   `<template>-<sts>-<ordinal>` per volumeClaimTemplate (kept on scale-down, as Kubernetes
//   does); pods above the replica count, or of an older template, are deleted.
// - Deployment: one ReplicaSet per pod template, `<deploy>-<hash>` with the pod-template-hash
//   label and the deployment.kubernetes.io/revision annotation (the Deployment carries the same
//   revision); the current one gets spec.replicas, older ones 0 (the Recreate strategy).
// - ReplicaSet: pods `<rs>-<5 random>` until spec.replicas are active, deleting the surplus.
#pragma once

#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "kube/kube_api.h"

namespace kanon::kube::embedded {

// What a controller may do to the cluster; implemented by the cluster under its lock.
class ObjectOps {
 public:
  virtual ~ObjectOps() = default;
  virtual std::vector<Value> List(const KindInfo& kind, std::string_view ns) = 0;
  // Creates through admission (generateName, uid, ...) and starts pods.
  virtual Result<Value> Create(const KindInfo& kind, std::string_view ns, const Value& obj) = 0;
  // Stores `updated` unless it equals `current`; returns what is stored.
  virtual Result<Value> Write(const KindInfo& kind, const Value& current, const Value& updated) = 0;
  // Deletes an object and what it owns; pods are stopped gracefully.
  virtual void Delete(const KindInfo& kind, const Value& obj) = 0;
  virtual std::time_t Now() = 0;
};

void ReconcileStatefulSet(ObjectOps& ops, const Value& sts);
void ReconcileDeployment(ObjectOps& ops, const Value& deployment);
// Returns the ReplicaSet as stored afterwards (with its new status).
Value ReconcileReplicaSet(ObjectOps& ops, const Value& rs);

// A short stable hash of a pod template, in the API server's alphabet ("5d8f7c9b4").
std::string TemplateHash(const Value& pod_template);
// True for a pod being deleted or finished (Succeeded / Failed): not an active replica.
bool PodInactive(const Value& pod);
// True for a Running pod whose Ready condition is True.
bool PodReady(const Value& pod);
// The pods of `ns` whose controller is `owner`.
std::vector<Value> OwnedPods(ObjectOps& ops, const Value& owner);
// A pod built from a template, owned by `owner`.
Value PodFromTemplate(const Value& pod_template, const Value& owner, const std::string& name,
                      const std::map<std::string, std::string>& extra_labels);

}  // namespace kanon::kube::embedded
