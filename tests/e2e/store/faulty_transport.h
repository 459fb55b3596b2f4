// FaultyTransport: an HttpTransport decorator that injects network faults, for the real-server
// tests. A rule matches requests by method and a URL substring; its `nth` matching request (and
// `count - 1` after it) fails in the chosen way: a transport error (as a reset connection), an
// HTTP error response with an S3-style error body, or a body cut short after some bytes (as a
// connection dropped mid-download). Thread-safe.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/http.h"

namespace kanon::store {

struct NetFault {
  enum class Kind { kReset, kHttpError, kCutBody };
  std::string method;        // "" = any
  std::string url_contains;  // "" = any
  int nth = 1;
  int count = 1;  // <= 0: every match from nth on
  Kind kind = Kind::kReset;
  int http_status = 503;
  std::string s3_code = "SlowDown";
  size_t cut_after = 0;  // kCutBody: bytes delivered before the cut
};

class FaultyTransport final : public HttpTransport {
 public:
  explicit FaultyTransport(std::shared_ptr<HttpTransport> inner) : inner_(std::move(inner)) {}
  void Add(NetFault f) {
    std::lock_guard lock(mu_);
    rules_.push_back({std::move(f), 0});
  }
  int injected() const { return injected_.load(); }

  Result<HttpResponse> Send(const HttpRequest& request) override {
    std::optional<NetFault> fault = Match(request);
    if (!fault) return inner_->Send(request);
    ++injected_;
    switch (fault->kind) {
      case NetFault::Kind::kReset:
        return Unavailable("injected: connection reset by peer");
      case NetFault::Kind::kHttpError: {
        HttpResponse r;
        r.status = fault->http_status;
        r.body = "<?xml version=\"1.0\"?><Error><Code>" + fault->s3_code +
                 "</Code><Message>injected</Message></Error>";
        r.headers.emplace_back("x-ms-error-code", fault->s3_code);
        return r;
      }
      case NetFault::Kind::kCutBody: {
        HttpRequest cut = request;
        size_t delivered = 0;
        const size_t limit = fault->cut_after;
        cut.on_body = [&, limit](std::string_view data) -> Status {
          if (delivered + data.size() > limit) {
            RETURN_IF_ERROR(request.on_body(data.substr(0, limit - delivered)));
            delivered = limit;
            return Unavailable("injected: connection dropped mid-body");
          }
          delivered += data.size();
          return request.on_body(data);
        };
        return inner_->Send(cut);
      }
    }
    return Internal("unreachable");
  }

 private:
  struct Rule {
    NetFault fault;
    int seen;
  };
  std::optional<NetFault> Match(const HttpRequest& r) {
    std::lock_guard lock(mu_);
    for (Rule& rule : rules_) {
      const NetFault& f = rule.fault;
      if (!f.method.empty() && f.method != r.method) continue;
      if (!f.url_contains.empty() && r.url.find(f.url_contains) == std::string::npos) continue;
      const int n = ++rule.seen;
      if (n >= f.nth && (f.count <= 0 || n < f.nth + f.count)) return f;
    }
    return std::nullopt;
  }

  std::shared_ptr<HttpTransport> inner_;
  std::mutex mu_;
  std::vector<Rule> rules_;
  std::atomic<int> injected_{0};
};

}  // namespace kanon::store
