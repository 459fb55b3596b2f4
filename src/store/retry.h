// Retries with exponential backoff and full jitter.
//
// A Retrier runs an operation until it succeeds, fails with a code that cannot succeed on a
// retry (IsRetryable in base/status.h decides: Unavailable, DeadlineExceeded,
// ResourceExhausted, Aborted), or runs out of attempts. Before attempt i+1 it sleeps
// rand[0,1) x min(base x 2^(i-1), cap), the "full jitter" schedule the AWS SDKs use. The
// sleep and the random source are injected so tests run instantly and deterministically.
// A Retrier is immutable after construction and safe to share between threads when its
// injected functions are.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "base/status.h"

namespace kanon::store {

struct RetryPolicy {
  int max_attempts = 5;                   // total attempts, >= 1
  std::chrono::milliseconds base{250};    // first backoff ceiling
  std::chrono::milliseconds cap{20'000};  // largest backoff ceiling
  // Told of each failed attempt that will be retried (1-based attempt, its status); for logs.
  std::function<void(int attempt, const Status& status)> on_retry;
};

class Retrier final {
 public:
  using SleepFn = std::function<void(std::chrono::milliseconds)>;
  using RandomFn = std::function<double()>;  // uniform in [0, 1)
  // Real sleep and a thread-local random source.
  explicit Retrier(RetryPolicy policy = {});
  Retrier(RetryPolicy policy, SleepFn sleep, RandomFn random);

  const RetryPolicy& policy() const { return policy_; }

  // The backoff before attempt `attempt + 1`, given that attempt `attempt` (1-based) failed.
  std::chrono::milliseconds Delay(int attempt) const;

  // Runs `fn` until OK, a non-retryable status, or max_attempts. The last status is returned;
  // when attempts ran out it says how many were made.
  Status Run(const std::function<Status()>& fn) const;

  template <typename T>
  Result<T> Run(const std::function<Result<T>()>& fn) const {
    std::optional<T> value;
    Status st = Run([&]() -> Status {
      Result<T> r = fn();
      if (!r.ok()) return r.status();
      value.emplace(std::move(r).value());
      return OkStatus();
    });
    if (!st.ok()) return st;
    return std::move(*value);
  }

 private:
  RetryPolicy policy_;
  SleepFn sleep_;
  RandomFn random_;
};

}  // namespace kanon::store
