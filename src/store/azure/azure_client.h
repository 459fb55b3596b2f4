// AzureClient: signs (SharedKey), sends and retries single Blob service requests against one
// container, and turns error responses into a Status naming the store, the operation and the
// blob, with the service's error code. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/azure/shared_key.h"
#include "store/http.h"
#include "store/retry.h"

namespace kanon::store::azure {

inline constexpr std::string_view kApiVersion = "2021-12-02";

struct AzureConfig {
  // The account's blob endpoint: "https://<account>.blob.core.windows.net" or, for Azurite,
  // "http://127.0.0.1:10000/devstoreaccount1" (path-style: the account is the first segment).
  std::string endpoint;
  std::string account;
  std::string key;  // base64 account key
  std::string container;
  bool skip_tls_verify = false;
};

struct AzureCall {
  explicit AzureCall(std::string m, std::string b = {}, Pairs q = {})
      : method(std::move(m)), blob(std::move(b)), query(std::move(q)) {}
  std::string method;
  std::string blob;  // "" addresses the container
  Pairs query;
  HttpHeaders headers;
  std::string_view body;
  std::function<Status(std::string_view)> on_body;
};

class AzureClient final {
 public:
  AzureClient(AzureConfig config, std::shared_ptr<HttpTransport> transport, Retrier retrier);

  Result<HttpResponse> Call(const AzureCall& call, std::string_view op);
  Result<HttpResponse> CallOnce(const AzureCall& call, std::string_view op);

  std::string Describe() const;
  const Retrier& retrier() const { return retrier_; }
  const AzureConfig& config() const { return config_; }

 private:
  Status ErrorStatus(const HttpResponse& response, std::string_view op, std::string_view blob);

  AzureConfig config_;
  std::string origin_, base_path_;  // "http://127.0.0.1:10000", "/devstoreaccount1"
  std::shared_ptr<HttpTransport> transport_;
  Retrier retrier_;
};

// The Code for a Blob service error code, falling back to CodeForHttpStatus.
Code CodeForAzureError(std::string_view code, int http_status);

// The blob endpoint of an account in a named Azure cloud ("" = AzurePublicCloud).
Result<std::string> AzureBlobEndpoint(std::string_view account, std::string_view environment);

}  // namespace kanon::store::azure
