#include "store/open_store.h"

#include <cctype>
#include <cstdlib>

#include "store/azure/azure_store.h"
#include "store/curl_transport.h"
#include "store/fs_store.h"
#include "store/object_key.h"
#include "store/orphan_guard.h"
#include "store/s3/s3_store.h"
#include "store/s3/sts.h"
#include "store/xml.h"

namespace kanon::store {
namespace {

// Owns a store and the guard that must outlive it.
class GuardedStore final : public ObjectStore {
 public:
  GuardedStore(std::unique_ptr<ObjectStore> inner, std::unique_ptr<OrphanGuard> guard)
      : guard_(std::move(guard)), inner_(std::move(inner)) {}
  Status Put(std::string_view k, ByteSource& s, const TransferOptions& o) override {
    return inner_->Put(k, s, o);
  }
  Status Get(std::string_view k, ByteSink& s, const TransferOptions& o) override {
    return inner_->Get(k, s, o);
  }
  Result<ObjectInfo> Stat(std::string_view k) override { return inner_->Stat(k); }
  Result<std::vector<ObjectInfo>> List(std::string_view p) override { return inner_->List(p); }
  Status Delete(std::string_view k) override { return inner_->Delete(k); }
  Result<uint64_t> DeletePrefix(std::string_view p) override { return inner_->DeletePrefix(p); }
  std::string Describe() const override { return inner_->Describe(); }

 private:
  std::unique_ptr<OrphanGuard> guard_;  // destroyed after inner_
  std::unique_ptr<ObjectStore> inner_;
};

Status Bad(std::string_view field, std::string_view why) {
  return InvalidArgument("profile: " + std::string(field) + ": " + std::string(why));
}

Status CheckEndpoint(std::string_view endpoint) {
  if (endpoint.empty()) return OkStatus();
  const size_t sep = endpoint.find("://");
  if (sep != std::string_view::npos) {
    std::string_view scheme = endpoint.substr(0, sep);
    if (scheme != "http" && scheme != "https") {
      return Bad("Location.endpoint",
                 "scheme \"" + std::string(scheme) + "\" is not http or https");
    }
  }
  if (endpoint.find_first_of(" \t\n?#") != std::string_view::npos) {
    return Bad("Location.endpoint", "\"" + std::string(endpoint) + "\" is not a URL");
  }
  return OkStatus();
}

Status CheckRegion(std::string_view region) {
  for (unsigned char c : region) {
    if (!(std::islower(c) || std::isdigit(c) || c == '-')) {
      return Bad("Location.region",
                 "\"" + std::string(region) + "\" is not a region name (like us-east-1)");
    }
  }
  return OkStatus();
}

HttpOptions HttpOptionsFor(const Profile& profile) {
  HttpOptions o;
  o.skip_tls_verify = profile.skip_ssl_verify;
  if (const char* ca = std::getenv("AWS_CA_BUNDLE"); ca != nullptr && *ca != '\0') o.ca_file = ca;
  return o;
}

Result<std::unique_ptr<ObjectStore>> OpenS3(const Profile& profile, const OpenOptions& options,
                                            s3::S3Config config) {
  RETURN_IF_ERROR(CheckEndpoint(config.endpoint));
  RETURN_IF_ERROR(CheckRegion(config.region));
  const HttpOptions http = HttpOptionsFor(profile);
  auto transport = std::make_shared<CurlTransport>(http);
  auto store = std::make_unique<s3::S3Store>(config, transport, options.retry, options.tuning);
  if (!options.guard_orphans) return std::unique_ptr<ObjectStore>(std::move(store));
  // The watcher aborts with its own connection and a copy of the configuration.
  auto cleanup = [config, http, options](const std::string& record) {
    const size_t space = record.find(' ');
    if (space == std::string::npos) return;
    s3::S3Store fresh(config, std::make_shared<CurlTransport>(http), options.retry, options.tuning);
    (void)fresh.AbortUpload(PercentDecode(record.substr(space + 1)), record.substr(0, space));
  };
  ASSIGN_OR_RETURN(std::unique_ptr<OrphanGuard> guard, OrphanGuard::Start(cleanup));
  OrphanGuard* g = guard.get();
  auto record = [](std::string_view key, std::string_view id) {
    return std::string(id) + " " + s3::UriEncode(key, false);
  };
  store->set_upload_hooks(
      {[g, record](std::string_view k, std::string_view id) { g->Add(record(k, id)); },
       [g, record](std::string_view k, std::string_view id) { g->Remove(record(k, id)); }});
  return std::unique_ptr<ObjectStore>(
      std::make_unique<GuardedStore>(std::move(store), std::move(guard)));
}

Result<std::unique_ptr<ObjectStore>> OpenS3Compliant(const Profile& profile,
                                                     const OpenOptions& options) {
  ASSIGN_OR_RETURN(AwsCredentials creds, ResolveAwsCredentials(profile));
  const Location& loc = profile.location;
  s3::S3Config config;
  config.endpoint = loc.endpoint;
  config.bucket = loc.bucket;
  config.region = loc.region;
  config.skip_tls_verify = profile.skip_ssl_verify;
  config.path_style = !loc.endpoint.empty() || loc.bucket.find('.') != std::string::npos;
  config.credentials = {creds.access_key_id, creds.secret_access_key, creds.session_token};
  config.payload = options.s3_content_md5 ? s3::PayloadIntegrity::kContentMd5
                                          : s3::PayloadIntegrity::kSignedSha256;
  if (!creds.role.empty()) {
    CurlTransport http(HttpOptionsFor(profile));
    s3::AssumeRoleRequest req;
    req.endpoint = loc.endpoint;
    req.region = loc.region;
    req.role_arn = creds.role;
    ASSIGN_OR_RETURN(config.credentials, s3::AssumeRole(http, req, config.credentials));
  }
  return OpenS3(profile, options, std::move(config));
}

}  // namespace

Result<std::unique_ptr<ObjectStore>> OpenStore(const Profile& profile, const OpenOptions& options) {
  const Location& loc = profile.location;
  switch (loc.type) {
    case LocationType::kFilesystem: {
      ASSIGN_OR_RETURN(std::unique_ptr<FsStore> fs, FsStore::Open(loc.bucket));
      return std::unique_ptr<ObjectStore>(std::move(fs));
    }
    case LocationType::kS3Compliant:
      return OpenS3Compliant(profile, options);
    case LocationType::kAzure: {
      ASSIGN_OR_RETURN(AzureCredentials creds, ResolveAzureCredentials(profile));
      RETURN_IF_ERROR(CheckEndpoint(loc.endpoint));
      azure::AzureConfig config{loc.endpoint, creds.account, creds.key, loc.bucket,
                                profile.skip_ssl_verify};
      if (config.endpoint.empty()) {
        ASSIGN_OR_RETURN(config.endpoint,
                         azure::AzureBlobEndpoint(creds.account, creds.environment));
      }
      auto transport = std::make_shared<CurlTransport>(HttpOptionsFor(profile));
      return std::unique_ptr<ObjectStore>(std::make_unique<azure::AzureBlobStore>(
          config, transport, options.retry, options.tuning));
    }
    case LocationType::kGcs: {
      const Credential& c = profile.credential;
      if (c.type != "keyPair" || !c.key_pair_id || !c.key_pair_id->starts_with("GOOG")) {
        return Unimplemented(
            "profile: gcs locations work through GCS's S3 interoperability: use an HMAC key "
            "(Credential.KeyPair.ID starting with \"GOOG\"); service-account keys are not "
            "supported");
      }
      Profile interop = profile;
      if (interop.location.endpoint.empty()) {
        interop.location.endpoint = "https://storage.googleapis.com";
      }
      return OpenS3Compliant(interop, options);
    }
    case LocationType::kKopia:
      return Unimplemented(
          "profile: kopia locations (a kopia repository server) are not "
          "supported by kanon yet");
  }
  return Internal("profile: unhandled location type");
}

std::string KeyFor(const Profile& profile, std::string_view path) {
  std::string key = ObjectKey(profile.location.prefix, path);
  if (profile.location.type == LocationType::kFilesystem) {
    size_t start = key.find_first_not_of('/');
    key = start == std::string::npos ? "" : key.substr(start);
  }
  return key;
}

}  // namespace kanon::store
