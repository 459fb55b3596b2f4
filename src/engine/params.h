// TemplateParams: what a blueprint's templates see during one action, built from the cluster
// exactly as Kanister builds param.TemplateParams (kanister.md section 2): the workload of the
// action's object (only Running pods), the unstructured object, input artifacts, ConfigMaps and
// Secrets (Data as []byte), the Profile with resolved credentials, Options, Time (RFC 3339 with
// nanoseconds, constant for the action) and, as phases run, .Phases.<name> and .DeferPhase.
// Not thread-safe: one action owns one TemplateParams.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/status.h"
#include "kube/kube_api.h"
#include "model/types.h"
#include "value/value.h"

namespace kanon::engine {

using value::Value;

// The resolved profile, as kando receives it through `toJson .Profile` and as functions use it.
struct ResolvedProfile {
  model::Profile profile;
  std::string key_id, key_secret;  // keyPair credentials, resolved from the Secret
  Value secret;                    // the whole v1.Secret for credential type "secret"
};

class TemplateParams final {
 public:
  // Fetches everything the action references. `now` is the action's start time.
  static Result<TemplateParams> Build(kube::KubeApi& api, const model::ActionSpec& spec,
                                      const value::Time& now);

  // The params as the Go struct templates see.
  Value ToValue() const;

  // Fetches a phase's Secret/ConfigMap objects into .Phases.<name> (or .DeferPhase).
  Status StartPhase(kube::KubeApi& api, const std::string& name,
                    const std::map<std::string, model::ObjectReference>& objects, bool defer);
  void SetPhaseOutput(const std::string& name, const Value& output, bool defer);

  const std::optional<ResolvedProfile>& profile() const { return profile_; }
  const model::ActionSpec& spec() const { return spec_; }
  // The object's kind, lower-cased (statefulset, deployment, pvc, namespace, ...).
  const std::string& kind() const { return kind_; }

 private:
  model::ActionSpec spec_;
  std::string kind_;
  std::map<std::string, Value> fields_;  // TemplateParams field name -> value
  std::map<std::string, Value> phases_;  // phase name -> *param.Phase
  Value defer_phase_;
  std::optional<ResolvedProfile> profile_;
};

// Go's time.RFC3339Nano rendering of `t` in UTC ("2026-11-25T14:03:07.123456789Z", trailing
// zeros of the fraction dropped).
std::string Rfc3339Nano(const value::Time& t);

// A v1.Secret / v1.ConfigMap struct from an object (Data base64-decoded to []byte).
Value SecretStruct(const Value& object);
Value ConfigMapStruct(const Value& object);

// Converts a ResolvedProfile to the param.Profile struct (pointer) templates and toJson see.
Value ProfileStruct(const ResolvedProfile& p);

}  // namespace kanon::engine
