#include "engine/status_writer.h"

#include <chrono>
#include <thread>

namespace kanon::engine {

namespace {
const kube::Gvr kActionSets{"cr.kanister.io", "v1alpha1", "actionsets"};
}

StatusWriter::StatusWriter(kube::KubeApi& api, std::string ns, std::string name,
                           model::ActionSetStatus s)
    : api_(api), ns_(std::move(ns)), name_(std::move(name)), status_(std::move(s)) {}

model::ActionSetStatus StatusWriter::Snapshot() {
  std::lock_guard<std::mutex> lock(mu_);
  return status_;
}

Status StatusWriter::Mutate(const std::function<void(model::ActionSetStatus&)>& fn) {
  std::lock_guard<std::mutex> lock(mu_);
  fn(status_);
  status_.progress.percent_completed = PercentCompleted(status_);
  return WriteLocked();
}

Status StatusWriter::WriteLocked() {
  RETURN_IF_ERROR(ValidateStatus(status_));
  auto delay = std::chrono::milliseconds(100);
  for (int attempt = 0;; ++attempt) {
    auto obj = api_.Get(kActionSets, ns_, name_);
    if (!obj.ok()) return obj.status().WithContext("updating actionset " + ns_ + "/" + name_);
    value::Map m = obj->AsMap();
    m["status"] = model::EncodeActionSetStatus(status_);
    auto r = api_.Update(kActionSets, ns_, value::Value::FromMap(std::move(m)));
    if (r.ok()) return OkStatus();
    if (r.status().code() != Code::kAborted || attempt >= 20) {
      return r.status().WithContext("updating actionset " + ns_ + "/" + name_);
    }
    std::this_thread::sleep_for(delay);
    delay = std::min(delay * 2, std::chrono::milliseconds(2000));
  }
}

Status ValidateStatus(const model::ActionSetStatus& s) {
  auto valid = [](const std::string& st) {
    return st == model::kStatePending || st == model::kStateRunning || st == model::kStateFailed ||
           st == model::kStateComplete;
  };
  if (!valid(s.state)) return Internal("invalid actionset state \"" + s.state + "\"");
  for (const auto& a : s.actions) {
    bool seen_incomplete = false;
    std::string incomplete;
    for (const auto& p : a.phases) {
      if (!valid(p.state)) return Internal("invalid phase state \"" + p.state + "\"");
      if (seen_incomplete && p.state != model::kStatePending) {
        return Internal("Phases after a " + incomplete + " one must be pending");
      }
      if (p.state != model::kStateComplete) {
        seen_incomplete = true;
        incomplete = p.state;
      }
      if (s.state == model::kStateComplete &&
          (p.state == model::kStatePending || p.state == model::kStateRunning)) {
        return Internal("actionset cannot be complete with a " + p.state + " phase");
      }
    }
  }
  return OkStatus();
}

std::string PercentCompleted(const model::ActionSetStatus& s) {
  int64_t sum = 0, n = 0;
  for (const auto& a : s.actions) {
    for (const auto& p : a.phases) {
      sum +=
          p.progress.progress_percent.empty() ? 0 : std::atoi(p.progress.progress_percent.c_str());
      ++n;
    }
  }
  return std::to_string(n == 0 ? 0 : sum / n);
}

}  // namespace kanon::engine
