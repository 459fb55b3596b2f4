// S3Store::Get: one resumable GET for small objects, parallel ranged GETs for large ones.
#include <cstring>

#include "store/s3/s3_store.h"

namespace kanon::store::s3 {
namespace {

std::string RangeHeader(uint64_t first, uint64_t last_inclusive) {
  return "bytes=" + std::to_string(first) + "-" + std::to_string(last_inclusive);
}

}  // namespace

Status S3Store::Get(std::string_view key, ByteSink& sink, const TransferOptions& options) {
  ASSIGN_OR_RETURN(ObjectInfo info, Stat(key));
  if (info.size == 0) {
    if (options.progress) options.progress(0, 0);
    return OkStatus();
  }
  const size_t part = std::max<size_t>(tuning_.part_size, kMiB);
  if (info.size <= 2 * part || tuning_.concurrency <= 1) {
    return GetStreaming(key, info, sink, options);
  }
  BufferPool pool(tuning_.memory_budget, static_cast<size_t>(tuning_.concurrency) + 1);
  Status st = DownloadParts(
      info.size, part, tuning_.concurrency, pool,
      [&](uint64_t offset, size_t length, PartBuffer& into) {
        return FetchRange(key, info, offset, length, into);
      },
      sink, options.progress);
  if (!st.ok() && st.message().find(Describe()) == std::string::npos) {
    st = st.WithContext(Describe() + ": get \"" + std::string(key) + "\"");
  }
  return st;
}

// Streams the object; after a dropped connection it resumes at the first missing byte, pinned
// to the ETag so the pieces come from one version of the object.
Status S3Store::GetStreaming(std::string_view key, const ObjectInfo& info, ByteSink& sink,
                             const TransferOptions& options) {
  uint64_t done = 0;
  Status sink_error;
  Status st = client_.retrier().Run([&]() -> Status {
    S3Call get("GET", std::string(key));
    if (!info.etag.empty()) get.headers.emplace_back("if-match", info.etag);
    if (done > 0) get.headers.emplace_back("range", RangeHeader(done, info.size - 1));
    get.on_body = [&](std::string_view data) -> Status {
      if (done + data.size() > info.size) return DataLoss("more bytes than the object's size");
      Status w = sink.Write(data);
      if (!w.ok()) {
        sink_error = w;
        return w;
      }
      done += data.size();
      if (options.progress) options.progress(done, info.size);
      return OkStatus();
    };
    Result<HttpResponse> r = client_.CallOnce(get, "get");
    if (!sink_error.ok()) return OkStatus();  // not the network's fault: do not retry
    if (!r.ok()) return r.status();
    if (done != info.size) {
      return Unavailable(Describe() + ": get \"" + std::string(key) +
                         "\": connection ended after " + std::to_string(done) + " of " +
                         std::to_string(info.size) + " bytes");
    }
    return OkStatus();
  });
  if (!sink_error.ok()) {
    return sink_error.WithContext(Describe() + ": get \"" + std::string(key) + "\": write");
  }
  return st;
}

Status S3Store::FetchRange(std::string_view key, const ObjectInfo& info, uint64_t offset,
                           size_t length, PartBuffer& into) {
  into.Reserve(length);
  return client_.retrier().Run([&]() -> Status {
    into.size = 0;
    S3Call get("GET", std::string(key));
    get.headers.emplace_back("range", RangeHeader(offset, offset + length - 1));
    if (!info.etag.empty()) get.headers.emplace_back("if-match", info.etag);
    get.on_body = [&](std::string_view data) -> Status {
      if (into.size + data.size() > length) return DataLoss("server sent more than the range");
      std::memcpy(into.data.get() + into.size, data.data(), data.size());
      into.size += data.size();
      return OkStatus();
    };
    Result<HttpResponse> r = client_.CallOnce(get, "get");
    if (!r.ok()) return r.status();
    if (into.size != length) {
      return Unavailable(Describe() + ": get \"" + std::string(key) + "\": range at " +
                         std::to_string(offset) + " ended after " + std::to_string(into.size) +
                         " of " + std::to_string(length) + " bytes");
    }
    return OkStatus();
  });
}

}  // namespace kanon::store::s3
