#include "store/http.h"

namespace kanon::store {

const std::string* HttpResponse::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return &value;
  }
  return nullptr;
}

Code CodeForHttpStatus(int status) {
  if (IsSuccess(status)) return Code::kOk;
  switch (status) {
    case 400:
      return Code::kInvalidArgument;
    case 401:
      return Code::kUnauthenticated;
    case 403:
      return Code::kPermissionDenied;
    case 404:
      return Code::kNotFound;
    case 408:
      return Code::kUnavailable;
    case 409:
      return Code::kAborted;
    case 411:
      return Code::kInvalidArgument;
    case 412:
      return Code::kFailedPrecondition;
    case 413:
      return Code::kInvalidArgument;
    case 416:
      return Code::kInvalidArgument;
    case 429:
      return Code::kUnavailable;
    case 501:
      return Code::kUnimplemented;
    default:
      break;
  }
  if (status >= 500) return Code::kUnavailable;
  if (status >= 300 && status < 400) return Code::kFailedPrecondition;
  return Code::kInternal;
}

std::string HostOfUrl(std::string_view url) {
  size_t start = url.find("://");
  const std::string_view scheme = start == std::string_view::npos ? "" : url.substr(0, start);
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#", start);
  std::string host(
      url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  // Strip userinfo, which we never use but must not leak into a signature.
  if (size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  const bool https = scheme == "https" || scheme == "HTTPS";
  const std::string default_port = https ? ":443" : ":80";
  if (host.size() > default_port.size() && host.ends_with(default_port) &&
      host.find(']') == std::string::npos) {
    host.resize(host.size() - default_port.size());
  }
  return host;
}

}  // namespace kanon::store
