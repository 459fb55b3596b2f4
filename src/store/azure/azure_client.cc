#include "store/azure/azure_client.h"

#include "store/s3/sigv4.h"
#include "store/xml.h"

namespace kanon::store::azure {

Code CodeForAzureError(std::string_view c, int http_status) {
  if (c == "AuthenticationFailed" || c == "AuthorizationFailure" ||
      c == "InvalidAuthenticationInfo") {
    return Code::kUnauthenticated;
  }
  if (c == "AuthorizationPermissionMismatch" || c == "InsufficientAccountPermissions") {
    return Code::kPermissionDenied;
  }
  if (c == "ContainerNotFound" || c == "BlobNotFound") return Code::kNotFound;
  if (c == "ServerBusy" || c == "InternalError" || c == "OperationTimedOut") {
    return Code::kUnavailable;
  }
  if (c == "Md5Mismatch") return Code::kDataLoss;
  return CodeForHttpStatus(http_status);
}

Result<std::string> AzureBlobEndpoint(std::string_view account, std::string_view env) {
  std::string suffix;
  if (env.empty() || env == "AzurePublicCloud" || env == "AzureCloud") {
    suffix = "core.windows.net";
  } else if (env == "AzureChinaCloud") {
    suffix = "core.chinacloudapi.cn";
  } else if (env == "AzureUSGovernmentCloud" || env == "AzureUSGovernment") {
    suffix = "core.usgovcloudapi.net";
  } else if (env == "AzureGermanCloud") {
    suffix = "core.cloudapi.de";
  } else {
    return InvalidArgument("unknown Azure environment \"" + std::string(env) +
                           "\" (AzurePublicCloud, AzureChinaCloud, AzureUSGovernmentCloud, "
                           "AzureGermanCloud)");
  }
  return "https://" + std::string(account) + ".blob." + suffix;
}

AzureClient::AzureClient(AzureConfig config, std::shared_ptr<HttpTransport> transport,
                         Retrier retrier)
    : config_(std::move(config)), transport_(std::move(transport)), retrier_(std::move(retrier)) {
  std::string ep = config_.endpoint;
  while (!ep.empty() && ep.back() == '/') ep.pop_back();
  const size_t scheme_end = ep.find("://");
  const size_t path = ep.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  origin_ = ep.substr(0, path);
  base_path_ = path == std::string::npos ? "" : ep.substr(path);
}

std::string AzureClient::Describe() const {
  return "azure container \"" + config_.container + "\" at " + origin_ + base_path_;
}

Result<HttpResponse> AzureClient::CallOnce(const AzureCall& call, std::string_view op) {
  std::string path = base_path_ + "/" + config_.container;
  if (!call.blob.empty()) path += "/" + s3::UriEncode(call.blob, true);
  std::string url = origin_ + path;
  for (size_t i = 0; i < call.query.size(); ++i) {
    url += (i == 0 ? "?" : "&") + s3::UriEncode(call.query[i].first, false) + "=" +
           s3::UriEncode(call.query[i].second, false);
  }
  SharedKeyRequest sk{call.method, path, call.query, {}};
  HttpRequest req;
  req.method = call.method;
  req.url = url;
  req.body = call.body;
  req.on_body = call.on_body;
  req.headers = call.headers;
  req.headers.emplace_back("x-ms-date", HttpDateNow());
  req.headers.emplace_back("x-ms-version", std::string(kApiVersion));
  sk.headers = req.headers;
  if (call.method == "PUT" || call.method == "POST") {
    sk.headers.emplace_back("content-length", std::to_string(call.body.size()));
  }
  ASSIGN_OR_RETURN(std::string auth, SharedKeyAuthorization(sk, config_.account, config_.key));
  req.headers.emplace_back("Authorization", std::move(auth));
  Result<HttpResponse> r = transport_->Send(req);
  if (!r.ok()) {
    std::string where = Describe() + ": " + std::string(op);
    if (!call.blob.empty()) where += " \"" + call.blob + "\"";
    return r.status().WithContext(where);
  }
  if (!IsSuccess(r->status)) return ErrorStatus(*r, op, call.blob);
  return r;
}

Result<HttpResponse> AzureClient::Call(const AzureCall& call, std::string_view op) {
  return retrier_.Run<HttpResponse>([&] { return CallOnce(call, op); });
}

Status AzureClient::ErrorStatus(const HttpResponse& response, std::string_view op,
                                std::string_view blob) {
  std::string code = XmlText(response.body, "Code");
  if (const std::string* h = response.Header("x-ms-error-code"); code.empty() && h) code = *h;
  std::string m = Describe() + ": " + std::string(op);
  if (!blob.empty()) m += " \"" + std::string(blob) + "\"";
  m += ": HTTP " + std::to_string(response.status);
  if (!code.empty()) m += " " + code;
  if (code == "ContainerNotFound") m += ": the container does not exist";
  if (code == "BlobNotFound") m += ": no such object";
  if (code == "AuthenticationFailed" || code == "AuthorizationFailure") {
    m += ": the storage account key is wrong";
  }
  if (code.empty() && response.status == 404) m += ": not found (no such object or container)";
  if (code.empty() && response.status == 403) m += ": access denied (wrong account key?)";
  return Status(CodeForAzureError(code, response.status), std::move(m));
}

}  // namespace kanon::store::azure
