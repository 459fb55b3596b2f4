// Credential resolution for S3 and Azure profiles (see profile.h).
#include <algorithm>

#include "base/suggest.h"
#include "store/profile.h"

namespace kanon::store {
namespace {

Status Bad(std::string_view path, std::string_view why) {
  return InvalidArgument("profile: " + std::string(path) + ": " + std::string(why));
}

std::string SecretName(const KubeSecret& s) {
  if (s.name.empty()) return "the Secret";
  return "Secret \"" + (s.namespace_.empty() ? "" : s.namespace_ + "/") + s.name + "\"";
}

// Checks a typed Secret as Kanister's secrets.Validate*Credentials does: the type, and no key
// outside `allowed`.
Status CheckTypedSecret(const KubeSecret& s, std::string_view type,
                        const std::vector<std::string>& allowed) {
  if (s.type != type) {
    return Bad("Credential.Secret", SecretName(s) + " has type \"" + s.type + "\", expected \"" +
                                        std::string(type) + "\"");
  }
  for (const auto& [key, v] : s.data) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return Bad("Credential.Secret", SecretName(s) + " has an unknown field \"" + key + "\"" +
                                          DidYouMeanSuffix(key, allowed));
    }
  }
  return OkStatus();
}

Status NeedKeyPair(const Credential& c, std::string_view id_meaning,
                   std::string_view secret_meaning) {
  if (!c.key_pair_id || !c.key_pair_secret) {
    return Bad("Credential.KeyPair", "missing for Credential.Type \"keyPair\"");
  }
  if (c.key_pair_id->empty())
    return Bad("Credential.KeyPair.ID", "empty (" + std::string(id_meaning) + ")");
  if (c.key_pair_secret->empty()) {
    return Bad("Credential.KeyPair.Secret", "empty (" + std::string(secret_meaning) + ")");
  }
  return OkStatus();
}

Status NeedType(const Credential& c) {
  if (c.type.empty()) {
    return Bad("Credential.Type",
               "missing: this location needs credentials (\"keyPair\" or \"secret\")");
  }
  if (c.type == "kopia") {
    return Unimplemented(
        "profile: Credential.Type \"kopia\" (a kopia repository server) is not "
        "supported by kanon yet");
  }
  if (c.type == "secret" && !c.secret) {
    return Bad("Credential.Secret", "missing for Credential.Type \"secret\"");
  }
  return OkStatus();
}

}  // namespace

Result<AwsCredentials> ResolveAwsCredentials(const Profile& profile) {
  const Credential& c = profile.credential;
  RETURN_IF_ERROR(NeedType(c));
  AwsCredentials out;
  if (c.type == "keyPair") {
    RETURN_IF_ERROR(NeedKeyPair(c, "the access key id", "the secret access key"));
    out.access_key_id = *c.key_pair_id;
    out.secret_access_key = *c.key_pair_secret;
    return out;
  }
  const KubeSecret& s = *c.secret;
  RETURN_IF_ERROR(CheckTypedSecret(
      s, "secrets.kanister.io/aws",
      {"aws_access_key_id", "aws_secret_access_key", "role", "aws_session_token"}));
  auto get = [&](const char* k) {
    auto it = s.data.find(k);
    return it == s.data.end() ? std::string() : it->second;
  };
  out.access_key_id = get("aws_access_key_id");
  out.secret_access_key = get("aws_secret_access_key");
  out.session_token = get("aws_session_token");
  out.role = get("role");
  if (out.access_key_id.empty() || out.secret_access_key.empty()) {
    return Bad("Credential.Secret",
               SecretName(s) + " needs both aws_access_key_id and aws_secret_access_key");
  }
  return out;
}

Result<AzureCredentials> ResolveAzureCredentials(const Profile& profile) {
  const Credential& c = profile.credential;
  RETURN_IF_ERROR(NeedType(c));
  AzureCredentials out;
  if (c.type == "keyPair") {
    RETURN_IF_ERROR(NeedKeyPair(c, "the storage account", "the storage account key"));
    out.account = *c.key_pair_id;
    out.key = *c.key_pair_secret;
    return out;
  }
  const KubeSecret& s = *c.secret;
  RETURN_IF_ERROR(CheckTypedSecret(s, "secrets.kanister.io/azure",
                                   {"azure_storage_account_id", "azure_storage_key",
                                    "azure_storage_environment", "azure_federated_identity"}));
  auto get = [&](const char* k) {
    auto it = s.data.find(k);
    return it == s.data.end() ? std::string() : it->second;
  };
  if (get("azure_federated_identity") == "true") {
    return Unimplemented(
        "profile: Azure workload (federated) identity is not supported by kanon "
        "yet; use a storage account key");
  }
  out.account = get("azure_storage_account_id");
  out.key = get("azure_storage_key");
  out.environment = get("azure_storage_environment");
  if (out.account.empty() || out.key.empty()) {
    return Bad("Credential.Secret",
               SecretName(s) + " needs both azure_storage_account_id and azure_storage_key");
  }
  return out;
}

}  // namespace kanon::store
