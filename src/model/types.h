// The Kanister custom resources (cr.kanister.io/v1alpha1) as C++ types: ActionSet, Blueprint,
// Profile and their parts, with Kanister's exact JSON field names. Decode* functions read a
// Value strictly (unknown fields and wrong types are errors, all reported at once, each with
// its path); Encode* functions write exactly the JSON shape Kanister writes (ObjectReference's
// apiVersion always present, deferPhase always present, percentCompleted a string, the sic
// field estinatedTimeSeconds). Plain data; no thread-safety concerns.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "value/value.h"

namespace kanon::model {

using value::Value;

inline constexpr char kApiVersion[] = "cr.kanister.io/v1alpha1";

// Phase and ActionSet states.
inline constexpr char kStatePending[] = "pending";
inline constexpr char kStateRunning[] = "running";
inline constexpr char kStateFailed[] = "failed";
inline constexpr char kStateComplete[] = "complete";

struct ObjectReference {
  std::string api_version;
  std::string group;
  std::string resource;
  std::string kind;
  std::string name;
  std::string namespace_;
  bool empty() const { return name.empty() && kind.empty() && namespace_.empty(); }
};

struct Artifact {
  std::map<std::string, std::string> key_value;
  std::string kopia_snapshot;
};

struct ActionSpec {
  std::string name;
  ObjectReference object;
  std::string blueprint;
  std::map<std::string, Artifact> artifacts;
  std::map<std::string, ObjectReference> config_maps;
  std::map<std::string, ObjectReference> secrets;
  std::optional<ObjectReference> profile;
  Value pod_override;  // free-form PodSpec fragment
  std::map<std::string, std::string> options;
  std::string preferred_version;
  std::map<std::string, std::string> pod_labels;
  std::map<std::string, std::string> pod_annotations;
};

struct PhaseProgress {
  std::string progress_percent;
  int64_t size_downloaded_b = 0, size_uploaded_b = 0;
  int64_t estimated_download_size_b = 0, estimated_upload_size_b = 0;
  int64_t estimated_time_seconds = 0;
  std::string last_transition_time;
};

struct PhaseStatus {
  std::string name;
  std::string state = kStatePending;
  Value output;  // map[string]any, omitted when empty
  PhaseProgress progress;
};

struct ActionStatus {
  std::string name;
  ObjectReference object;
  std::string blueprint;
  std::vector<PhaseStatus> phases;
  std::map<std::string, Artifact> artifacts;
  PhaseStatus defer_phase;  // always serialised, empty when the action has none
};

struct ActionProgress {
  std::string running_phase;
  std::string percent_completed = "0";
  int64_t size_downloaded_b = 0, size_uploaded_b = 0;
  int64_t estimated_download_size_b = 0, estimated_upload_size_b = 0;
  std::string last_transition_time;
};

struct ActionSetStatus {
  std::string state;
  std::vector<ActionStatus> actions;
  std::string error_message;
  ActionProgress progress;
};

struct ActionSet {
  Value metadata;  // name, namespace, labels, resourceVersion, ... as stored
  std::vector<ActionSpec> actions;
  std::optional<ActionSetStatus> status;
  std::string name() const;
  std::string namespace_() const;
};

struct BlueprintPhase {
  std::string func;
  std::string name;
  std::map<std::string, ObjectReference> objects;
  Value args;  // map[string]any, unrendered
};

struct BlueprintAction {
  std::string name;
  std::string kind;
  std::vector<std::string> config_map_names, secret_names, input_artifact_names;
  std::map<std::string, Artifact> output_artifacts;
  std::vector<BlueprintPhase> phases;
  std::optional<BlueprintPhase> defer_phase;
};

struct Blueprint {
  Value metadata;
  std::map<std::string, BlueprintAction> actions;
  std::string name() const;
};

struct KeyPair {
  std::string id_field, secret_field;
  ObjectReference secret;
};

struct Profile {
  Value metadata;
  struct Location {
    std::string type, bucket, endpoint, prefix, region;
  } location;
  struct Credential {
    std::string type;  // keyPair | secret | kopia
    KeyPair key_pair;
    ObjectReference secret;
    Value kopia_server_secret;
  } credential;
  bool skip_ssl_verify = false;
  std::string name() const;
};

// Decoding: `v` is the whole object as read from YAML/JSON (apiVersion, kind, metadata, ...).
Result<ActionSet> DecodeActionSet(const Value& v);
Result<Blueprint> DecodeBlueprint(const Value& v);
Result<Profile> DecodeProfile(const Value& v);
Result<ObjectReference> DecodeObjectReference(const Value& v, const std::string& path);

// Encoding to the stored/wire JSON shape.
Value EncodeObjectReference(const ObjectReference& r);
Value EncodeArtifacts(const std::map<std::string, Artifact>& artifacts);
Value EncodeActionSet(const ActionSet& a);
Value EncodeActionSetStatus(const ActionSetStatus& s);

}  // namespace kanon::model
