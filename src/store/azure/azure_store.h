// AzureBlobStore: an ObjectStore on one container of Azure Blob Storage (or Azurite).
//
// Put sends a stream that fits in one block as a single Put Blob; a longer one as block blobs:
// blocks read into a bounded pool of buffers and uploaded in parallel with Put Block (each with
// Content-MD5, which the service verifies), then committed with Put Block List. Nothing is
// visible before the commit; uncommitted blocks of a failed upload are never listed and the
// service drops them. Get streams small blobs with one GET (resuming after a dropped
// connection) and large ones with parallel ranged GETs pinned to the ETag. List pages with
// markers; DeletePrefix lists and deletes blob by blob. Retryable failures are retried per
// request. Thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/azure/azure_client.h"
#include "store/object_store.h"
#include "store/transfer.h"

namespace kanon::store::azure {

class AzureBlobStore final : public ObjectStore {
 public:
  AzureBlobStore(AzureConfig config, std::shared_ptr<HttpTransport> transport, RetryPolicy retry,
                 TransferTuning tuning);

  Status Put(std::string_view key, ByteSource& source, const TransferOptions& options) override;
  Status Get(std::string_view key, ByteSink& sink, const TransferOptions& options) override;
  Result<ObjectInfo> Stat(std::string_view key) override;
  Result<std::vector<ObjectInfo>> List(std::string_view prefix) override;
  Status Delete(std::string_view key) override;
  Result<uint64_t> DeletePrefix(std::string_view prefix) override;
  std::string Describe() const override { return client_.Describe(); }

 private:
  using PageFn = std::function<Status(std::vector<ObjectInfo>&& page)>;
  Status ForEachPage(std::string_view prefix, const PageFn& fn);
  Status PutBlocks(std::string_view key, ByteSource& source, std::unique_ptr<PartBuffer> first,
                   BufferPool& pool, const TransferTuning& tuning, const TransferOptions& options);
  Status FetchRange(std::string_view key, const ObjectInfo& info, uint64_t offset, size_t length,
                    PartBuffer& into);
  Status GetStreaming(std::string_view key, const ObjectInfo& info, ByteSink& sink,
                      const TransferOptions& options);

  AzureClient client_;
  TransferTuning tuning_;
};

}  // namespace kanon::store::azure
