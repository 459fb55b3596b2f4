// Profile: the object-store location and credentials kando receives as --profile JSON.
//
// The JSON is exactly what Kanister's `{{ toJson .Profile }}` renders (reference/kanister.md
// section 2): {"Location":{"type","bucket","endpoint","prefix","region"},
// "Credential":{"Type","KeyPair":{"ID","Secret"},"Secret":<a Kubernetes Secret>,
// "KopiaServerSecret":...},"SkipSSLVerify":bool}. Field names match as Go's encoding/json matches
// them (exact, else case-insensitive). Unlike Go, an unknown field is an error with a "did you
// mean", since a misspelled field would otherwise be silently empty. Location types: Kanister's
// s3Compliant, gcs, azure, kopia, plus kanon's `filesystem` (bucket = a local directory).
// Credentials of `secret` type are checked as Kanister checks typed secrets
// (secrets.kanister.io/aws, secrets.kanister.io/azure). Errors never quote a secret value.
// Values are plain data; thread-compatible.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kanon::store {

enum class LocationType { kS3Compliant, kGcs, kAzure, kKopia, kFilesystem };

struct Location {
  LocationType type = LocationType::kFilesystem;
  std::string type_name;  // as written
  std::string bucket;
  std::string endpoint;
  std::string prefix;
  std::string region;
};

// A Kubernetes Secret as toJson renders it; `data` holds the decoded values.
struct KubeSecret {
  std::string name;
  std::string namespace_;
  std::string type;
  std::map<std::string, std::string> data;
};

struct Credential {
  std::string type;  // "keyPair", "secret", "kopia" or "" (none)
  std::optional<std::string> key_pair_id, key_pair_secret;
  std::optional<KubeSecret> secret;
  bool has_kopia_server_secret = false;
};

struct Profile {
  Location location;
  Credential credential;
  bool skip_ssl_verify = false;

  // Every credential value in the profile, for the log redactor.
  std::vector<std::string> SecretValues() const;
};

// The names kando accepts in Location.type, in the order messages list them.
const std::vector<std::string>& LocationTypeNames();

// Parses and validates --profile JSON. InvalidArgument with a message that names the field
// ("profile: Location.bucket: ..."); Unimplemented for kopia profiles and GCS service-account
// keys.
Result<Profile> ParseProfile(std::string_view json);

// S3 credentials resolved from a keyPair or a secrets.kanister.io/aws Secret.
struct AwsCredentials {
  std::string access_key_id, secret_access_key, session_token, role;
};
Result<AwsCredentials> ResolveAwsCredentials(const Profile& profile);

// Azure credentials from a keyPair (ID = account, Secret = key) or a
// secrets.kanister.io/azure Secret.
struct AzureCredentials {
  std::string account, key, environment;
};
Result<AzureCredentials> ResolveAzureCredentials(const Profile& profile);

}  // namespace kanon::store
