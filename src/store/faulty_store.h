// FaultyStore: an ObjectStore decorator that injects failures, for tests.
//
// Each Fault names an operation and which of its calls fail: the `nth` call (1-based) and the
// `count - 1` calls after it. A fault either fails the call before it reaches the inner store,
// or, with `after_bytes`, lets the call start and fails the stream once that many bytes have
// passed (the source of a Put or the sink of a Get), so the inner store sees a mid-stream
// error and must clean up. A transient fault uses Code::kUnavailable (retryable), a permanent
// one the given code. Thread-safe; call counters are per operation.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "store/object_store.h"

namespace kanon::store {

enum class StoreOp { kPut = 0, kGet, kStat, kList, kDelete, kDeletePrefix };
inline constexpr size_t kStoreOpCount = 6;

struct Fault {
  // Fails call `nth` of `op` (and `count - 1` more) with `code`.
  static Fault Call(StoreOp op, int nth, Code code = Code::kUnavailable, int count = 1) {
    Fault f;
    f.op = op;
    f.nth = nth;
    f.code = code;
    f.count = count;
    return f;
  }
  // Fails the stream of call `nth` of `op` after `bytes` bytes.
  static Fault MidStream(StoreOp op, int64_t bytes, Code code = Code::kUnavailable, int nth = 1) {
    Fault f = Call(op, nth, code);
    f.after_bytes = bytes;
    return f;
  }
  StoreOp op = StoreOp::kPut;
  int nth = 1;                     // first failing call, 1-based
  int count = 1;                   // consecutive failing calls; <= 0 means every call from nth on
  int64_t after_bytes = -1;        // >= 0: fail mid-stream after this many bytes (Put/Get only)
  Code code = Code::kUnavailable;  // kUnavailable = transient; anything else permanent
};

class FaultyStore final : public ObjectStore {
 public:
  explicit FaultyStore(ObjectStore& inner) : inner_(inner) {}

  void AddFault(Fault fault);
  // How many times `op` was called so far (including failed calls).
  int calls(StoreOp op) const;

  Status Put(std::string_view key, ByteSource& source, const TransferOptions& options) override;
  Status Get(std::string_view key, ByteSink& sink, const TransferOptions& options) override;
  Result<ObjectInfo> Stat(std::string_view key) override;
  Result<std::vector<ObjectInfo>> List(std::string_view prefix) override;
  Status Delete(std::string_view key) override;
  Result<uint64_t> DeletePrefix(std::string_view prefix) override;
  std::string Describe() const override { return "faulty " + inner_.Describe(); }

 private:
  // Counts the call; returns the fault that applies to it, if any.
  std::optional<Fault> Enter(StoreOp op);
  Status Injected(StoreOp op, std::string_view key, const Fault& f) const;

  ObjectStore& inner_;
  mutable std::mutex mu_;
  std::vector<Fault> faults_;
  std::array<int, kStoreOpCount> calls_{};
};

}  // namespace kanon::store
