#include "store/azure/azure_store.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include "base/base64.h"
#include "store/digest.h"
#include "store/xml.h"

namespace kanon::store::azure {
namespace {

constexpr int kMaxBlocks = 50'000;

// Fixed-width IDs: every block ID of a blob must have the same length.
std::string BlockId(int n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "block-%06d", n);
  return Base64Encode(buf);
}

std::string ContentMd5(std::string_view data) { return Base64Encode(AsBytes(Md5(data))); }

uint64_t ParseSize(std::string_view s) {
  return std::strtoull(std::string(s).c_str(), nullptr, 10);
}

std::string RangeHeader(uint64_t first, uint64_t last) {
  return "bytes=" + std::to_string(first) + "-" + std::to_string(last);
}

}  // namespace

AzureBlobStore::AzureBlobStore(AzureConfig config, std::shared_ptr<HttpTransport> transport,
                               RetryPolicy retry, TransferTuning tuning)
    : client_(std::move(config), std::move(transport), Retrier(retry)), tuning_(tuning) {}

Status AzureBlobStore::Put(std::string_view key, ByteSource& source,
                           const TransferOptions& options) {
  TransferTuning tuning = tuning_;
  if (options.expected_size > 0) {
    tuning.part_size = std::max(
        tuning.part_size,
        static_cast<size_t>((options.expected_size + kMaxBlocks - 1) / (kMaxBlocks - 1000)));
  }
  BufferPool pool(tuning.memory_budget, static_cast<size_t>(tuning.concurrency) + 1);
  std::unique_ptr<PartBuffer> first = pool.Acquire(tuning.part_size);
  Result<size_t> n = FillBuffer(source, *first, tuning.part_size);
  if (!n.ok()) {
    return n.status().WithContext(Describe() + ": put \"" + std::string(key) + "\": read source");
  }
  if (*n < tuning.part_size) {
    AzureCall put("PUT", std::string(key));
    put.body = first->view();
    put.headers = {{"x-ms-blob-type", "BlockBlob"}, {"Content-MD5", ContentMd5(put.body)}};
    RETURN_IF_ERROR(client_.Call(put, "put").status());
    if (options.progress) options.progress(*n, *n);
    return OkStatus();
  }
  return PutBlocks(key, source, std::move(first), pool, tuning, options);
}

Status AzureBlobStore::PutBlocks(std::string_view key, ByteSource& source,
                                 std::unique_ptr<PartBuffer> first, BufferPool& pool,
                                 const TransferTuning& tuning, const TransferOptions& options) {
  const std::string k(key);
  std::mutex mu;
  int blocks = 0;
  UploadPlan plan{tuning, kMaxBlocks, options.expected_size};
  Result<uint64_t> total = UploadParts(
      source, std::move(first), pool, plan,
      [&](int part, std::string_view data) -> Status {
        AzureCall put("PUT", k, {{"comp", "block"}, {"blockid", BlockId(part)}});
        put.body = data;
        put.headers = {{"Content-MD5", ContentMd5(data)}};
        RETURN_IF_ERROR(client_.Call(put, "put (block " + std::to_string(part) + ")").status());
        std::lock_guard lock(mu);
        blocks = std::max(blocks, part);
        return OkStatus();
      },
      options.progress);
  if (!total.ok()) {
    Status st = total.status();
    if (st.message().find(Describe()) == std::string::npos) {
      st = st.WithContext(Describe() + ": put \"" + k + "\"");
    }
    return st;  // uncommitted blocks are invisible and expire
  }
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>";
  for (int i = 1; i <= blocks; ++i) xml += "<Latest>" + BlockId(i) + "</Latest>";
  xml += "</BlockList>";
  AzureCall commit("PUT", k, {{"comp", "blocklist"}});
  commit.body = xml;
  commit.headers = {{"Content-MD5", ContentMd5(xml)}, {"Content-Type", "application/xml"}};
  return client_.Call(commit, "put (commit block list)").status();
}

Result<ObjectInfo> AzureBlobStore::Stat(std::string_view key) {
  AzureCall head("HEAD", std::string(key));
  ASSIGN_OR_RETURN(HttpResponse r, client_.Call(head, "stat"));
  ObjectInfo info{std::string(key), 0, ""};
  if (const std::string* len = r.Header("content-length")) info.size = ParseSize(*len);
  if (const std::string* etag = r.Header("etag")) info.etag = *etag;
  return info;
}

Status AzureBlobStore::Get(std::string_view key, ByteSink& sink, const TransferOptions& options) {
  ASSIGN_OR_RETURN(ObjectInfo info, Stat(key));
  if (info.size == 0) return OkStatus();
  const size_t part = std::max<size_t>(tuning_.part_size, kMiB);
  if (info.size <= 2 * part || tuning_.concurrency <= 1) {
    return GetStreaming(key, info, sink, options);
  }
  BufferPool pool(tuning_.memory_budget, static_cast<size_t>(tuning_.concurrency) + 1);
  Status st = DownloadParts(
      info.size, part, tuning_.concurrency, pool,
      [&](uint64_t off, size_t len, PartBuffer& into) {
        return FetchRange(key, info, off, len, into);
      },
      sink, options.progress);
  if (!st.ok() && st.message().find(Describe()) == std::string::npos) {
    st = st.WithContext(Describe() + ": get \"" + std::string(key) + "\"");
  }
  return st;
}

Status AzureBlobStore::GetStreaming(std::string_view key, const ObjectInfo& info, ByteSink& sink,
                                    const TransferOptions& options) {
  uint64_t done = 0;
  Status sink_error;
  Status st = client_.retrier().Run([&]() -> Status {
    AzureCall get("GET", std::string(key));
    if (!info.etag.empty()) get.headers.emplace_back("If-Match", info.etag);
    if (done > 0) get.headers.emplace_back("x-ms-range", RangeHeader(done, info.size - 1));
    get.on_body = [&](std::string_view data) -> Status {
      if (done + data.size() > info.size) return DataLoss("more bytes than the blob's size");
      if (Status w = sink.Write(data); !w.ok()) {
        sink_error = w;
        return w;
      }
      done += data.size();
      if (options.progress) options.progress(done, info.size);
      return OkStatus();
    };
    Result<HttpResponse> r = client_.CallOnce(get, "get");
    if (!sink_error.ok()) return OkStatus();
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

Status AzureBlobStore::FetchRange(std::string_view key, const ObjectInfo& info, uint64_t offset,
                                  size_t length, PartBuffer& into) {
  into.Reserve(length);
  return client_.retrier().Run([&]() -> Status {
    into.size = 0;
    AzureCall get("GET", std::string(key));
    get.headers = {{"x-ms-range", RangeHeader(offset, offset + length - 1)}};
    if (!info.etag.empty()) get.headers.emplace_back("If-Match", info.etag);
    get.on_body = [&](std::string_view data) -> Status {
      if (into.size + data.size() > length) return DataLoss("server sent more than the range");
      std::memcpy(into.data.get() + into.size, data.data(), data.size());
      into.size += data.size();
      return OkStatus();
    };
    RETURN_IF_ERROR(client_.CallOnce(get, "get").status());
    if (into.size != length) {
      return Unavailable(Describe() + ": get \"" + std::string(key) + "\": range at " +
                         std::to_string(offset) + " was cut short");
    }
    return OkStatus();
  });
}

}  // namespace kanon::store::azure
