#include "store/profile.h"

#include <algorithm>
#include <cctype>

#include "base/base64.h"
#include "base/suggest.h"
#include "value/json.h"

namespace kanon::store {
namespace {

using value::Kind;
using value::Value;
using FieldMap = std::map<std::string, const Value*>;

Status Bad(std::string_view path, std::string_view why) {
  return InvalidArgument("profile: " + std::string(path) + ": " + std::string(why));
}

std::string KindName(const Value& v) {
  switch (v.kind()) {
    case Kind::kNil:
      return "null";
    case Kind::kBool:
      return "a boolean";
    case Kind::kInt:
    case Kind::kUint:
    case Kind::kFloat:
      return "a number";
    case Kind::kString:
      return "a string";
    case Kind::kList:
      return "an array";
    default:
      return "an object";
  }
}

bool EqualFold(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

// Matches the keys of a JSON object to `names` as encoding/json does (exact match first, then
// case-insensitive); a key matching no name is an error that suggests the closest one.
Result<FieldMap> Fields(const Value& obj, std::string_view path,
                        const std::vector<std::string>& names, bool strict = true) {
  if (obj.kind() != Kind::kMap) return Bad(path, "expected an object, got " + KindName(obj));
  FieldMap out;
  for (const auto& [key, v] : obj.AsMap()) {
    auto exact = std::find(names.begin(), names.end(), key);
    auto it = exact != names.end()
                  ? exact
                  : std::find_if(names.begin(), names.end(),
                                 [&](const std::string& n) { return EqualFold(n, key); });
    if (it == names.end()) {
      if (!strict) continue;
      std::string known;
      for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
      return Bad(path, "unknown field \"" + key + "\"" + DidYouMeanSuffix(key, names) +
                           " (known: " + known + ")");
    }
    if (exact != names.end() || out.count(*it) == 0) out[*it] = &v;
  }
  return out;
}

const Value* Present(const FieldMap& f, const std::string& name) {
  auto it = f.find(name);
  return it == f.end() || it->second->is_nil() ? nullptr : it->second;
}

Result<std::string> String(const FieldMap& f, const std::string& name, std::string_view path) {
  const Value* v = Present(f, name);
  if (v == nullptr) return std::string();
  if (v->kind() != Kind::kString) {
    return Bad(std::string(path) + "." + name, "expected a string, got " + KindName(*v));
  }
  return v->AsString();
}

Status ParseLocation(const Value& v, Location* loc) {
  ASSIGN_OR_RETURN(FieldMap f,
                   Fields(v, "Location", {"type", "bucket", "endpoint", "prefix", "region"}));
  ASSIGN_OR_RETURN(loc->type_name, String(f, "type", "Location"));
  ASSIGN_OR_RETURN(loc->bucket, String(f, "bucket", "Location"));
  ASSIGN_OR_RETURN(loc->endpoint, String(f, "endpoint", "Location"));
  ASSIGN_OR_RETURN(loc->prefix, String(f, "prefix", "Location"));
  ASSIGN_OR_RETURN(loc->region, String(f, "region", "Location"));
  const std::vector<std::string>& names = LocationTypeNames();
  std::string all;
  for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
  if (loc->type_name.empty()) return Bad("Location.type", "missing (one of " + all + ")");
  static const LocationType kTypes[] = {LocationType::kS3Compliant, LocationType::kGcs,
                                        LocationType::kAzure, LocationType::kKopia,
                                        LocationType::kFilesystem};
  auto it = std::find(names.begin(), names.end(), loc->type_name);
  if (it == names.end()) {
    return Bad("Location.type", "unsupported location type \"" + loc->type_name + "\"" +
                                    DidYouMeanSuffix(loc->type_name, names) +
                                    " (supported: " + all + ")");
  }
  loc->type = kTypes[it - names.begin()];
  if (loc->bucket.empty() && loc->type != LocationType::kKopia) {
    return Bad("Location.bucket", loc->type == LocationType::kFilesystem
                                      ? "missing (the directory that holds the objects)"
                                      : "missing");
  }
  return OkStatus();
}

Status ParseKubeSecret(const Value& v, KubeSecret* s) {
  // A Kubernetes object carries many fields we do not need; only these are read.
  ASSIGN_OR_RETURN(FieldMap f,
                   Fields(v, "Credential.Secret", {"type", "metadata", "data", "stringData"},
                          /*strict=*/false));
  ASSIGN_OR_RETURN(s->type, String(f, "type", "Credential.Secret"));
  if (const Value* md = Present(f, "metadata")) {
    ASSIGN_OR_RETURN(FieldMap m, Fields(*md, "Credential.Secret.metadata", {"name", "namespace"},
                                        /*strict=*/false));
    ASSIGN_OR_RETURN(s->name, String(m, "name", "Credential.Secret.metadata"));
    ASSIGN_OR_RETURN(s->namespace_, String(m, "namespace", "Credential.Secret.metadata"));
  }
  for (const char* field : {"data", "stringData"}) {
    const Value* d = Present(f, field);
    if (d == nullptr) continue;
    const std::string path = std::string("Credential.Secret.") + field;
    if (d->kind() != Kind::kMap) return Bad(path, "expected an object, got " + KindName(*d));
    for (const auto& [key, val] : d->AsMap()) {
      if (val.kind() != Kind::kString) {
        return Bad(path + "." + key, "expected a string, got " + KindName(val));
      }
      if (std::string_view(field) == "stringData") {
        s->data[key] = val.AsString();
        continue;
      }
      std::optional<std::string> decoded = Base64Decode(val.AsString());
      if (!decoded) return Bad(path + "." + key, "not valid base64");
      s->data[key] = std::move(*decoded);
    }
  }
  return OkStatus();
}

Status ParseCredential(const Value& v, Credential* c) {
  ASSIGN_OR_RETURN(FieldMap f,
                   Fields(v, "Credential", {"Type", "KeyPair", "Secret", "KopiaServerSecret"}));
  ASSIGN_OR_RETURN(c->type, String(f, "Type", "Credential"));
  if (const Value* kp = Present(f, "KeyPair")) {
    ASSIGN_OR_RETURN(FieldMap k, Fields(*kp, "Credential.KeyPair", {"ID", "Secret"}));
    ASSIGN_OR_RETURN(std::string id, String(k, "ID", "Credential.KeyPair"));
    ASSIGN_OR_RETURN(std::string secret, String(k, "Secret", "Credential.KeyPair"));
    c->key_pair_id = std::move(id);
    c->key_pair_secret = std::move(secret);
  }
  if (const Value* s = Present(f, "Secret")) {
    c->secret.emplace();
    RETURN_IF_ERROR(ParseKubeSecret(*s, &*c->secret));
  }
  c->has_kopia_server_secret = Present(f, "KopiaServerSecret") != nullptr;
  static const std::vector<std::string> kTypes = {"keyPair", "secret", "kopia"};
  if (!c->type.empty() && std::find(kTypes.begin(), kTypes.end(), c->type) == kTypes.end()) {
    return Bad("Credential.Type", "unsupported credential type \"" + c->type + "\"" +
                                      DidYouMeanSuffix(c->type, kTypes) +
                                      " (supported: keyPair, secret, kopia)");
  }
  return OkStatus();
}

// Strips the input excerpt nlohmann adds ("last read: '...'"): it may hold a secret.
std::string SafeJsonError(const std::string& message) {
  std::string m = message;
  if (size_t at = m.find("; last read"); at != std::string::npos) m.resize(at);
  return m;
}

}  // namespace

const std::vector<std::string>& LocationTypeNames() {
  static const std::vector<std::string> kNames = {"s3Compliant", "gcs", "azure", "kopia",
                                                  "filesystem"};
  return kNames;
}

Result<Profile> ParseProfile(std::string_view json) {
  if (json.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return InvalidArgument("profile: empty; pass the Profile JSON, e.g. '{{ toJson .Profile }}'");
  }
  Result<Value> doc = value::ParseJson(json);
  if (!doc.ok()) return InvalidArgument("profile: " + SafeJsonError(doc.status().message()));
  ASSIGN_OR_RETURN(FieldMap top,
                   Fields(*doc, "top level", {"Location", "Credential", "SkipSSLVerify"}));
  Profile p;
  const Value* loc = Present(top, "Location");
  if (loc == nullptr) return InvalidArgument("profile: Location is missing");
  RETURN_IF_ERROR(ParseLocation(*loc, &p.location));
  if (const Value* c = Present(top, "Credential"))
    RETURN_IF_ERROR(ParseCredential(*c, &p.credential));
  if (const Value* s = Present(top, "SkipSSLVerify")) {
    if (s->kind() != Kind::kBool) {
      return Bad("SkipSSLVerify", "expected a boolean, got " + KindName(*s));
    }
    p.skip_ssl_verify = s->AsBool();
  }
  return p;
}

std::vector<std::string> Profile::SecretValues() const {
  std::vector<std::string> out;
  if (credential.key_pair_secret) out.push_back(*credential.key_pair_secret);
  if (credential.secret) {
    for (const auto& [k, v] : credential.secret->data) {
      if (k == "aws_access_key_id" || k == "role" || k == "azure_storage_account_id" ||
          k == "azure_storage_environment" || k == "azure_federated_identity") {
        continue;
      }
      out.push_back(v);
    }
  }
  return out;
}

}  // namespace kanon::store
