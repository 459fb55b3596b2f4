// CurlTransport: HttpTransport on libcurl.
//
// Keeps a pool of easy handles so each thread reuses a kept-alive connection; never adds
// "Expect: 100-continue"; sets Host itself (the value a signature covered); streams 2xx bodies to
// the request's on_body. Thread-safe: any number of concurrent Send calls.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/http.h"

namespace kanon::store {

struct HttpOptions {
  bool skip_tls_verify = false;  // the profile's skipSSLVerify
  std::string ca_file;           // PEM bundle; empty: the system default
  long connect_timeout_ms = 10'000;
  long stall_timeout_s = 60;  // abort a transfer that moves no byte for this long
};

class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(HttpOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  Result<HttpResponse> Send(const HttpRequest& request) override;

 private:
  void* Take();             // a CURL* from the pool or a new one
  void Give(void* handle);  // back to the pool
  // Sets every option of one request on a handle (curl types hidden from this header).
  void Configure(void* handle, const HttpRequest& request, void* exchange, void* headers,
                 char* errbuf) const;

  HttpOptions options_;
  std::mutex mu_;
  std::vector<void*> idle_;
};

}  // namespace kanon::store
