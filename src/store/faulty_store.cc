#include "store/faulty_store.h"

#include <algorithm>
#include <string>

namespace kanon::store {
namespace {

constexpr const char* kOpNames[] = {"put", "get", "stat", "list", "delete", "delete prefix"};

// A source that fails once `limit` bytes have been read through it.
class FailingSource final : public ByteSource {
 public:
  FailingSource(ByteSource& inner, uint64_t limit, Status failure)
      : inner_(inner), limit_(limit), failure_(std::move(failure)) {}
  Result<size_t> Read(std::span<char> buf) override {
    if (done_ >= limit_) return failure_;
    const uint64_t room = limit_ - done_;
    if (buf.size() > room) buf = buf.first(static_cast<size_t>(room));
    ASSIGN_OR_RETURN(size_t n, inner_.Read(buf));
    done_ += n;
    return n;
  }

 private:
  ByteSource& inner_;
  uint64_t limit_;
  Status failure_;
  uint64_t done_ = 0;
};

// A sink that fails once `limit` bytes have been written through it.
class FailingSink final : public ByteSink {
 public:
  FailingSink(ByteSink& inner, uint64_t limit, Status failure)
      : inner_(inner), limit_(limit), failure_(std::move(failure)) {}
  Status Write(std::string_view data) override {
    if (done_ + data.size() > limit_) {
      const size_t room = static_cast<size_t>(limit_ - done_);
      RETURN_IF_ERROR(inner_.Write(data.substr(0, room)));
      done_ = limit_;
      return failure_;
    }
    done_ += data.size();
    return inner_.Write(data);
  }

 private:
  ByteSink& inner_;
  uint64_t limit_;
  Status failure_;
  uint64_t done_ = 0;
};

}  // namespace

void FaultyStore::AddFault(Fault fault) {
  std::lock_guard lock(mu_);
  faults_.push_back(fault);
}

int FaultyStore::calls(StoreOp op) const {
  std::lock_guard lock(mu_);
  return calls_[static_cast<size_t>(op)];
}

std::optional<Fault> FaultyStore::Enter(StoreOp op) {
  std::lock_guard lock(mu_);
  const int call = ++calls_[static_cast<size_t>(op)];
  for (const Fault& f : faults_) {
    if (f.op != op || call < f.nth) continue;
    if (f.count <= 0 || call < f.nth + f.count) return f;
  }
  return std::nullopt;
}

Status FaultyStore::Injected(StoreOp op, std::string_view key, const Fault& f) const {
  std::string m = Describe() + ": " + kOpNames[static_cast<size_t>(op)] + " \"" + std::string(key) +
                  "\": injected ";
  m += f.code == Code::kUnavailable ? "transient fault" : "permanent fault";
  if (f.after_bytes >= 0) m += " after " + std::to_string(f.after_bytes) + " bytes";
  return Status(f.code, std::move(m));
}

Status FaultyStore::Put(std::string_view key, ByteSource& source, const TransferOptions& options) {
  std::optional<Fault> f = Enter(StoreOp::kPut);
  if (!f) return inner_.Put(key, source, options);
  if (f->after_bytes < 0) return Injected(StoreOp::kPut, key, *f);
  FailingSource failing(source, static_cast<uint64_t>(f->after_bytes),
                        Injected(StoreOp::kPut, key, *f));
  return inner_.Put(key, failing, options);
}

Status FaultyStore::Get(std::string_view key, ByteSink& sink, const TransferOptions& options) {
  std::optional<Fault> f = Enter(StoreOp::kGet);
  if (!f) return inner_.Get(key, sink, options);
  if (f->after_bytes < 0) return Injected(StoreOp::kGet, key, *f);
  FailingSink failing(sink, static_cast<uint64_t>(f->after_bytes),
                      Injected(StoreOp::kGet, key, *f));
  return inner_.Get(key, failing, options);
}

Result<ObjectInfo> FaultyStore::Stat(std::string_view key) {
  if (auto f = Enter(StoreOp::kStat)) return Injected(StoreOp::kStat, key, *f);
  return inner_.Stat(key);
}

Result<std::vector<ObjectInfo>> FaultyStore::List(std::string_view prefix) {
  if (auto f = Enter(StoreOp::kList)) return Injected(StoreOp::kList, prefix, *f);
  return inner_.List(prefix);
}

Status FaultyStore::Delete(std::string_view key) {
  if (auto f = Enter(StoreOp::kDelete)) return Injected(StoreOp::kDelete, key, *f);
  return inner_.Delete(key);
}

Result<uint64_t> FaultyStore::DeletePrefix(std::string_view prefix) {
  if (auto f = Enter(StoreOp::kDeletePrefix)) return Injected(StoreOp::kDeletePrefix, prefix, *f);
  return inner_.DeletePrefix(prefix);
}

}  // namespace kanon::store
