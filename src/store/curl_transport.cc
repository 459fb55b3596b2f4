#include "store/curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace kanon::store {
namespace {

struct Exchange {
  const HttpRequest* request;
  HttpResponse* response;
  size_t sent = 0;
  CURL* curl = nullptr;
  Status body_error;
};

size_t ReadBody(char* buf, size_t size, size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  const std::string_view body = x->request->body;
  const size_t len = std::min(size * n, body.size() - x->sent);
  std::memcpy(buf, body.data() + x->sent, len);
  x->sent += len;
  return len;
}

size_t WriteBody(char* data, size_t size, size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  const size_t len = size * n;
  long code = 0;
  curl_easy_getinfo(x->curl, CURLINFO_RESPONSE_CODE, &code);
  if (x->request->on_body && IsSuccess(static_cast<int>(code))) {
    Status st = x->request->on_body(std::string_view(data, len));
    if (!st.ok()) {
      x->body_error = std::move(st);
      return 0;  // makes curl fail with CURLE_WRITE_ERROR
    }
    return len;
  }
  x->response->body.append(data, len);
  return len;
}

size_t WriteHeader(char* data, size_t size, size_t n, void* user) {
  auto* x = static_cast<Exchange*>(user);
  std::string_view line(data, size * n);
  if (line.starts_with("HTTP/")) {
    x->response->headers.clear();  // a new response (after 100 Continue or a redirect)
    return size * n;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  x->response->headers.emplace_back(std::move(name), std::string(value));
  return size * n;
}

Status CurlError(CURLcode rc, const char* detail) {
  // Callers name the store and endpoint; the URL is not repeated here.
  std::string m = detail[0] != '\0' ? detail : curl_easy_strerror(rc);
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return FailedPrecondition(m + " (unknown host; check the profile's endpoint)");
    case CURLE_OPERATION_TIMEDOUT:
      return DeadlineExceeded(m);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return FailedPrecondition(m + " (TLS verification failed; skipSSLVerify turns it off)");
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return InvalidArgument(m);
    default:
      return Unavailable(m);
  }
}

void GlobalInit() {
  static const bool done = [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return true;
  }();
  (void)done;
}

curl_slist* HeaderList(const HttpRequest& request) {
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, ("Host: " + HostOfUrl(request.url)).c_str());
  for (const auto& [name, value] : request.headers) {
    // "Name;" is curl's way to send a header with an empty value.
    std::string line = value.empty() ? name + ";" : name + ": " + value;
    headers = curl_slist_append(headers, line.c_str());
  }
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  return curl_slist_append(headers, "Accept:");
}

void SetMethod(CURL* curl, const HttpRequest& request, Exchange* x) {
  if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    return;
  }
  if (request.method == "PUT" || request.method == "POST") {
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadBody);
    curl_easy_setopt(curl, CURLOPT_READDATA, x);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
}

}  // namespace

CurlTransport::CurlTransport(HttpOptions options) : options_(std::move(options)) { GlobalInit(); }

CurlTransport::~CurlTransport() {
  for (void* h : idle_) curl_easy_cleanup(static_cast<CURL*>(h));
}

void* CurlTransport::Take() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      void* h = idle_.back();
      idle_.pop_back();
      return h;
    }
  }
  return curl_easy_init();
}

void CurlTransport::Give(void* handle) {
  std::lock_guard lock(mu_);
  idle_.push_back(handle);
}

void CurlTransport::Configure(void* handle, const HttpRequest& request, void* exchange,
                              void* headers, char* errbuf) const {
  CURL* curl = static_cast<CURL*>(handle);
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(headers));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options_.stall_timeout_s);
  curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(curl, CURLOPT_BUFFERSIZE, 256L * 1024);
  curl_easy_setopt(curl, CURLOPT_UPLOAD_BUFFERSIZE, 512L * 1024);
  if (options_.skip_tls_verify) {
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
  } else if (!options_.ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, WriteHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, exchange);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, exchange);
  SetMethod(curl, request, static_cast<Exchange*>(exchange));
}

Result<HttpResponse> CurlTransport::Send(const HttpRequest& request) {
  CURL* curl = static_cast<CURL*>(Take());
  if (curl == nullptr) return Internal("curl_easy_init failed");
  curl_easy_reset(curl);  // keeps the connection cache
  HttpResponse response;
  Exchange x{&request, &response, 0, curl, {}};
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = HeaderList(request);
  Configure(curl, request, &x, headers, errbuf);
  const CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    // A failed handle may hold a broken connection; do not reuse it.
    curl_easy_cleanup(curl);
    if (rc == CURLE_WRITE_ERROR && !x.body_error.ok()) return x.body_error;
    return CurlError(rc, errbuf);
  }
  Give(curl);
  response.status = static_cast<int>(code);
  return response;
}

}  // namespace kanon::store
