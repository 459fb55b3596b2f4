// S3Store::Put: single PutObject or a parallel multipart upload (see s3_store.h).
#include <map>
#include <mutex>

#include "store/s3/s3_store.h"
#include "store/xml.h"

namespace kanon::store::s3 {
namespace {

constexpr int kMaxParts = 10'000;
constexpr size_t kMinPart = 5 * kMiB;  // S3's smallest part but the last

std::string PartsXml(const std::vector<std::string>& etags) {
  std::string xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
  for (size_t i = 0; i < etags.size(); ++i) {
    xml += "<Part><PartNumber>" + std::to_string(i + 1) + "</PartNumber><ETag>" +
           XmlEscape(etags[i]) + "</ETag></Part>";
  }
  return xml + "</CompleteMultipartUpload>";
}

}  // namespace

Status S3Store::Put(std::string_view key, ByteSource& source, const TransferOptions& options) {
  TransferTuning tuning = tuning_;
  tuning.part_size = std::max(kMinPart, tuning.part_size);
  if (options.expected_size > 0) {
    tuning.part_size = PartSizeForLength(options.expected_size, tuning.part_size);
  }
  BufferPool pool(tuning.memory_budget, static_cast<size_t>(tuning.concurrency) + 1);
  std::unique_ptr<PartBuffer> first = pool.Acquire(tuning.part_size);
  Result<size_t> n = FillBuffer(source, *first, tuning.part_size);
  if (!n.ok()) {
    return n.status().WithContext(Describe() + ": put \"" + std::string(key) + "\": read source");
  }
  if (*n < tuning.part_size) {
    S3Call put("PUT", std::string(key));
    put.body = first->view();
    RETURN_IF_ERROR(client_.Call(put, "put").status());
    if (options.progress) options.progress(*n, *n);
    return OkStatus();
  }
  return PutMultipart(key, source, std::move(first), pool, tuning, options);
}

Status S3Store::PutMultipart(std::string_view key, ByteSource& source,
                             std::unique_ptr<PartBuffer> first, BufferPool& pool,
                             const TransferTuning& tuning, const TransferOptions& options) {
  const std::string k(key);
  S3Call create("POST", k, {{"uploads", ""}});
  ASSIGN_OR_RETURN(HttpResponse created, client_.Call(create, "put (create multipart upload)"));
  const std::string upload_id = XmlText(created.body, "UploadId");
  if (upload_id.empty()) {
    return Internal(Describe() + ": put \"" + k + "\": no UploadId in the server's answer");
  }
  if (hooks_.begun) hooks_.begun(key, upload_id);
  std::mutex mu;
  std::map<int, std::string> etags;
  UploadPlan plan{tuning, kMaxParts, options.expected_size};
  Result<uint64_t> total = UploadParts(
      source, std::move(first), pool, plan,
      [&](int part, std::string_view data) -> Status {
        S3Call put("PUT", k);
        put.body = data;
        put.query = {{"partNumber", std::to_string(part)}, {"uploadId", upload_id}};
        ASSIGN_OR_RETURN(HttpResponse r,
                         client_.Call(put, "put (part " + std::to_string(part) + ")"));
        const std::string* etag = r.Header("etag");
        if (etag == nullptr || etag->empty()) {
          return Internal(Describe() + ": put \"" + k + "\": part " + std::to_string(part) +
                          " answered without an ETag");
        }
        std::lock_guard lock(mu);
        etags[part] = *etag;
        return OkStatus();
      },
      options.progress);
  Status st = total.ok() ? OkStatus() : total.status();
  if (st.ok()) {
    std::vector<std::string> ordered;
    for (auto& [part, etag] : etags) ordered.push_back(etag);
    st = Complete(key, upload_id, ordered, *total);
  }
  if (!st.ok()) {
    Status aborted = AbortUpload(key, upload_id);
    if (!aborted.ok()) {
      st = Status(st.code(), st.message() + "; and the abort of upload " + upload_id +
                                 " failed too: " + aborted.message());
    }
    if (hooks_.finished && aborted.ok()) hooks_.finished(key, upload_id);
    if (st.message().find(Describe()) == std::string::npos) {
      st = st.WithContext(Describe() + ": put \"" + k + "\"");
    }
    return st;
  }
  if (hooks_.finished) hooks_.finished(key, upload_id);
  return OkStatus();
}

Status S3Store::Complete(std::string_view key, std::string_view upload_id,
                         const std::vector<std::string>& etags, uint64_t total) {
  const std::string body = PartsXml(etags);
  S3Call post("POST", std::string(key), {{"uploadId", std::string(upload_id)}});
  post.body = body;
  post.headers = {{"content-type", "application/xml"}};
  Result<HttpResponse> r = client_.Call(post, "put (complete multipart upload)");
  Status st = r.status();
  if (r.ok() && r->body.find("<Error>") != std::string::npos) {
    // S3 may answer 200 and then report the failure in the body.
    const std::string code = XmlText(r->body, "Code");
    st = Status(CodeForS3Error(code, 500), Describe() + ": put \"" + std::string(key) +
                                               "\": complete multipart upload: " + code);
  }
  if (st.ok()) return st;
  if (st.code() == Code::kNotFound || st.code() == Code::kUnavailable) {
    // An earlier attempt may have won the race (RGW then answers 500): check the object.
    Result<ObjectInfo> info = Stat(key);
    const std::string suffix = "-" + std::to_string(etags.size()) + "\"";
    if (info.ok() && info->size == total && info->etag.ends_with(suffix)) return OkStatus();
  }
  return st;
}

}  // namespace kanon::store::s3
