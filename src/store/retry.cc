#include "store/retry.h"

#include <algorithm>
#include <random>
#include <thread>

namespace kanon::store {
namespace {

double ThreadLocalUniform() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
}

}  // namespace

Retrier::Retrier(RetryPolicy policy)
    : Retrier(
          policy, [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); },
          ThreadLocalUniform) {}

Retrier::Retrier(RetryPolicy policy, SleepFn sleep, RandomFn random)
    : policy_(policy), sleep_(std::move(sleep)), random_(std::move(random)) {
  policy_.max_attempts = std::max(1, policy_.max_attempts);
}

std::chrono::milliseconds Retrier::Delay(int attempt) const {
  // Ceiling doubles per attempt; shifting is bounded so it cannot overflow.
  const int shift = std::clamp(attempt - 1, 0, 30);
  const double ceiling =
      std::min(static_cast<double>(policy_.base.count()) * static_cast<double>(1LL << shift),
               static_cast<double>(policy_.cap.count()));
  return std::chrono::milliseconds(static_cast<int64_t>(random_() * ceiling));
}

Status Retrier::Run(const std::function<Status()>& fn) const {
  Status st;
  for (int attempt = 1;; ++attempt) {
    st = fn();
    if (st.ok() || !IsRetryable(st.code())) return st;
    if (attempt >= policy_.max_attempts) {
      if (attempt == 1) return st;
      return Status(st.code(),
                    st.message() + " (gave up after " + std::to_string(attempt) + " attempts)");
    }
    if (policy_.on_retry) policy_.on_retry(attempt, st);
    sleep_(Delay(attempt));
  }
}

}  // namespace kanon::store
