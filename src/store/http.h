// HTTP for the object-store clients: one request in, one response out.
//
// HttpTransport is the seam between the S3/Azure protocol code and the network: CurlTransport
// (curl_transport.h) is the real one, tests wrap it to inject faults. A transport sends exactly
// the headers it is given plus Host, Content-Length and nothing that would change a signature.
// HTTP error statuses are responses, not errors: the protocol layer turns them into a Status with
// the service's error code, using CodeForHttpStatus as the single status -> Code mapping.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace kanon::store {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // GET, PUT, POST, HEAD, DELETE
  std::string url;     // scheme://host[:port]/path?query, already percent-encoded, sent as is
  HttpHeaders headers;
  std::string_view body;  // borrowed; must outlive Send
  // When set, the body of a 2xx response is passed here as it arrives instead of being kept in
  // HttpResponse::body. An error it returns aborts the transfer and is returned by Send.
  std::function<Status(std::string_view)> on_body;
};

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;  // names lower-cased, in arrival order
  std::string body;     // error bodies always; 2xx bodies unless on_body was set
  // The first header with this lower-case name, or nullptr.
  const std::string* Header(std::string_view lower_name) const;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Sends one request and reads the whole response. Fails only when no complete HTTP response
  // arrived: Unavailable (connection refused or reset, truncated response; retryable),
  // DeadlineExceeded (timeouts), FailedPrecondition (unknown host, TLS verification), or
  // the error returned by on_body.
  virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;
};

// The single mapping from an HTTP status to a Code: 5xx, 408 and 429 are Unavailable
// (retryable); 400 InvalidArgument, 401 Unauthenticated, 403 PermissionDenied, 404 NotFound,
// 409 Aborted, 412 FailedPrecondition, 416 InvalidArgument, 501 Unimplemented.
Code CodeForHttpStatus(int status);

inline bool IsSuccess(int status) { return status >= 200 && status < 300; }

// "host" or "host:port" of a URL as the Host header carries it (default ports omitted).
std::string HostOfUrl(std::string_view url);

}  // namespace kanon::store
