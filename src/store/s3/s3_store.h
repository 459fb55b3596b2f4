// S3Store: an ObjectStore on one bucket of an S3-compatible service (AWS S3, Ceph RGW, MinIO,
// GCS interoperability).
//
// Put sends a stream that fits in one part as a single PutObject; a longer one as a multipart
// upload whose parts are read into a bounded pool of buffers and uploaded in parallel, each
// with its SHA-256 signed (the server verifies it). Every failure path aborts the multipart
// upload, so no object and no billed orphan remain; UploadHooks let a caller (kando's
// OrphanGuard) also abort uploads of a process that dies. Get streams small objects with one GET
// (resuming from the last byte after a dropped connection) and larger ones with parallel ranged
// GETs pinned to the object's ETag, written in order. List pages through ListObjectsV2;
// DeletePrefix deletes page by page with DeleteObjects. Retryable failures are retried per
// request with backoff. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/object_store.h"
#include "store/s3/s3_client.h"
#include "store/transfer.h"

namespace kanon::store::s3 {

// Told of every multipart upload this store begins and finishes (completed or aborted).
struct UploadHooks {
  std::function<void(std::string_view key, std::string_view upload_id)> begun;
  std::function<void(std::string_view key, std::string_view upload_id)> finished;
};

struct MultipartUpload {
  std::string key;
  std::string upload_id;
};

class S3Store final : public ObjectStore {
 public:
  S3Store(S3Config config, std::shared_ptr<HttpTransport> transport, RetryPolicy retry,
          TransferTuning tuning);

  Status Put(std::string_view key, ByteSource& source, const TransferOptions& options) override;
  Status Get(std::string_view key, ByteSink& sink, const TransferOptions& options) override;
  Result<ObjectInfo> Stat(std::string_view key) override;
  Result<std::vector<ObjectInfo>> List(std::string_view prefix) override;
  Status Delete(std::string_view key) override;
  Result<uint64_t> DeletePrefix(std::string_view prefix) override;
  std::string Describe() const override { return client_.Describe(); }

  // Multipart uploads in progress under `prefix` (ListMultipartUploads).
  Result<std::vector<MultipartUpload>> ListUploads(std::string_view prefix);
  // AbortMultipartUpload; OK if the upload is already gone.
  Status AbortUpload(std::string_view key, std::string_view upload_id);

  void set_upload_hooks(UploadHooks hooks) { hooks_ = std::move(hooks); }
  const S3Config& config() const { return client_.config(); }

 private:
  using PageFn = std::function<Status(std::vector<ObjectInfo>&& page)>;
  // Calls `fn` with each page of ListObjectsV2 under `prefix`.
  Status ForEachPage(std::string_view prefix, const PageFn& fn);
  Status DeleteBatch(const std::vector<ObjectInfo>& objects);
  Status PutMultipart(std::string_view key, ByteSource& source, std::unique_ptr<PartBuffer> first,
                      BufferPool& pool, const TransferTuning& tuning,
                      const TransferOptions& options);
  Status Complete(std::string_view key, std::string_view upload_id,
                  const std::vector<std::string>& etags, uint64_t total);
  Status GetStreaming(std::string_view key, const ObjectInfo& info, ByteSink& sink,
                      const TransferOptions& options);
  Status FetchRange(std::string_view key, const ObjectInfo& info, uint64_t offset, size_t length,
                    PartBuffer& into);
  // Rewrites "not found" for `key` as "no such bucket" when the bucket is what is missing.
  Status ExplainNotFound(Status st);

  S3Client client_;
  TransferTuning tuning_;
  UploadHooks hooks_;
};

}  // namespace kanon::store::s3
