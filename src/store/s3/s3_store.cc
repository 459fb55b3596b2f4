#include "store/s3/s3_store.h"

#include <cstdlib>

#include "base/base64.h"
#include "store/digest.h"
#include "store/xml.h"

namespace kanon::store::s3 {
namespace {

constexpr size_t kDeleteBatch = 1000;  // DeleteObjects limit (AWS and RGW)

uint64_t ParseSize(std::string_view s) {
  return std::strtoull(std::string(s).c_str(), nullptr, 10);
}

// XML 1.0 cannot carry most control characters, so such keys are deleted one by one.
bool XmlSafe(std::string_view key) {
  for (unsigned char c : key) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

S3Store::S3Store(S3Config config, std::shared_ptr<HttpTransport> transport, RetryPolicy retry,
                 TransferTuning tuning)
    : client_(std::move(config), std::move(transport), Retrier(retry)), tuning_(tuning) {}

Status S3Store::ExplainNotFound(Status st) {
  if (st.code() != Code::kNotFound) return st;
  S3Call head("HEAD");
  Result<HttpResponse> bucket = client_.CallOnce(head, "head bucket");
  if (!bucket.ok() && bucket.status().code() == Code::kNotFound) {
    return NotFound(Describe() + ": the bucket does not exist");
  }
  return st;
}

Result<ObjectInfo> S3Store::Stat(std::string_view key) {
  S3Call head("HEAD", std::string(key));
  Result<HttpResponse> r = client_.Call(head, "stat");
  if (!r.ok()) return ExplainNotFound(r.status());
  ObjectInfo info{std::string(key), 0, ""};
  if (const std::string* len = r->Header("content-length")) info.size = ParseSize(*len);
  if (const std::string* etag = r->Header("etag")) info.etag = *etag;
  return info;
}

Status S3Store::ForEachPage(std::string_view prefix, const PageFn& fn) {
  std::string token;
  for (;;) {
    S3Call list("GET");
    list.query = {{"list-type", "2"},
                  {"prefix", std::string(prefix)},
                  {"encoding-type", "url"},
                  {"max-keys", "1000"}};
    if (!token.empty()) list.query.emplace_back("continuation-token", token);
    Result<HttpResponse> r = client_.Call(list, "list \"" + std::string(prefix) + "\"");
    if (!r.ok()) return r.status();
    std::vector<ObjectInfo> page;
    for (std::string_view c : XmlElements(r->body, "Contents")) {
      ObjectInfo o;
      o.key = FormDecode(XmlText(c, "Key"));
      o.size = ParseSize(XmlText(c, "Size"));
      o.etag = XmlText(c, "ETag");
      page.push_back(std::move(o));
    }
    RETURN_IF_ERROR(fn(std::move(page)));
    if (XmlText(r->body, "IsTruncated") != "true") return OkStatus();
    token = XmlText(r->body, "NextContinuationToken");
    if (token.empty()) {
      return Internal(Describe() + ": list: truncated page without a continuation token");
    }
  }
}

Result<std::vector<ObjectInfo>> S3Store::List(std::string_view prefix) {
  std::vector<ObjectInfo> out;
  RETURN_IF_ERROR(ForEachPage(prefix, [&](std::vector<ObjectInfo>&& page) {
    for (ObjectInfo& o : page) out.push_back(std::move(o));
    return OkStatus();
  }));
  return out;
}

Status S3Store::Delete(std::string_view key) {
  S3Call del("DELETE", std::string(key));
  return client_.Call(del, "delete").status();
}

Status S3Store::DeleteBatch(const std::vector<ObjectInfo>& objects) {
  std::string body =
      "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>";
  for (const ObjectInfo& o : objects)
    body += "<Object><Key>" + XmlEscape(o.key) + "</Key></Object>";
  body += "</Delete>";
  S3Call post("POST", {}, {{"delete", ""}});
  post.body = body;
  post.headers = {{"content-md5", Base64Encode(AsBytes(Md5(body)))},
                  {"content-type", "application/xml"}};
  Result<HttpResponse> r = client_.Call(post, "delete objects");
  if (!r.ok()) return r.status();
  std::vector<std::string_view> errors = XmlElements(r->body, "Error");
  if (errors.empty()) return OkStatus();
  const std::string code = XmlText(errors.front(), "Code");
  return Status(CodeForS3Error(code, 500),
                Describe() + ": delete \"" + XmlText(errors.front(), "Key") + "\": " + code + " (" +
                    std::to_string(errors.size()) + " of " + std::to_string(objects.size()) +
                    " objects in the batch failed)");
}

Result<uint64_t> S3Store::DeletePrefix(std::string_view prefix) {
  uint64_t deleted = 0;
  RETURN_IF_ERROR(ForEachPage(prefix, [&](std::vector<ObjectInfo>&& page) -> Status {
    std::vector<ObjectInfo> batch;
    for (ObjectInfo& o : page) {
      if (!XmlSafe(o.key)) {
        RETURN_IF_ERROR(Delete(o.key));
        ++deleted;
        continue;
      }
      batch.push_back(std::move(o));
      if (batch.size() == kDeleteBatch) {
        RETURN_IF_ERROR(DeleteBatch(batch));
        deleted += batch.size();
        batch.clear();
      }
    }
    if (!batch.empty()) RETURN_IF_ERROR(DeleteBatch(batch));
    deleted += batch.size();
    return OkStatus();
  }));
  return deleted;
}

Result<std::vector<MultipartUpload>> S3Store::ListUploads(std::string_view prefix) {
  std::vector<MultipartUpload> out;
  std::string key_marker, id_marker;
  for (;;) {
    S3Call list("GET", {}, {{"uploads", ""}, {"prefix", std::string(prefix)}});
    if (!key_marker.empty()) {
      list.query.emplace_back("key-marker", key_marker);
      list.query.emplace_back("upload-id-marker", id_marker);
    }
    ASSIGN_OR_RETURN(HttpResponse r, client_.Call(list, "list uploads"));
    for (std::string_view u : XmlElements(r.body, "Upload")) {
      out.push_back({XmlText(u, "Key"), XmlText(u, "UploadId")});
    }
    if (XmlText(r.body, "IsTruncated") != "true") return out;
    key_marker = XmlText(r.body, "NextKeyMarker");
    id_marker = XmlText(r.body, "NextUploadIdMarker");
    if (key_marker.empty()) return out;
  }
}

Status S3Store::AbortUpload(std::string_view key, std::string_view upload_id) {
  S3Call del("DELETE", std::string(key), {{"uploadId", std::string(upload_id)}});
  Status st = client_.Call(del, "abort upload").status();
  if (st.code() == Code::kNotFound) return OkStatus();  // already gone (RGW says NoSuchKey)
  return st;
}

}  // namespace kanon::store::s3
