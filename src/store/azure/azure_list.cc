// AzureBlobStore: List, Delete and DeletePrefix (see azure_store.h).
#include <cstdlib>

#include "store/azure/azure_store.h"
#include "store/xml.h"

namespace kanon::store::azure {

Status AzureBlobStore::ForEachPage(std::string_view prefix, const PageFn& fn) {
  std::string marker;
  for (;;) {
    AzureCall list("GET", "",
                   {{"restype", "container"},
                    {"comp", "list"},
                    {"prefix", std::string(prefix)},
                    {"maxresults", "5000"}});
    if (!marker.empty()) list.query.emplace_back("marker", marker);
    ASSIGN_OR_RETURN(HttpResponse r, client_.Call(list, "list \"" + std::string(prefix) + "\""));
    std::vector<ObjectInfo> page;
    for (std::string_view b : XmlElements(r.body, "Blob")) {
      ObjectInfo o;
      o.key = XmlText(b, "Name");
      o.size = std::strtoull(XmlText(b, "Content-Length").c_str(), nullptr, 10);
      o.etag = XmlText(b, "Etag");
      page.push_back(std::move(o));
    }
    RETURN_IF_ERROR(fn(std::move(page)));
    marker = XmlText(r.body, "NextMarker");
    if (marker.empty()) return OkStatus();
  }
}

Result<std::vector<ObjectInfo>> AzureBlobStore::List(std::string_view prefix) {
  std::vector<ObjectInfo> out;
  RETURN_IF_ERROR(ForEachPage(prefix, [&](std::vector<ObjectInfo>&& page) {
    for (ObjectInfo& o : page) out.push_back(std::move(o));
    return OkStatus();
  }));
  return out;
}

Status AzureBlobStore::Delete(std::string_view key) {
  AzureCall del("DELETE", std::string(key));
  del.headers = {{"x-ms-delete-snapshots", "include"}};
  Status st = client_.Call(del, "delete").status();
  // Azure reports a missing blob; S3 and kanon's contract treat that as done.
  if (st.code() == Code::kNotFound && st.message().find("BlobNotFound") != std::string::npos) {
    return OkStatus();
  }
  return st;
}

Result<uint64_t> AzureBlobStore::DeletePrefix(std::string_view prefix) {
  uint64_t deleted = 0;
  RETURN_IF_ERROR(ForEachPage(prefix, [&](std::vector<ObjectInfo>&& page) -> Status {
    for (const ObjectInfo& o : page) {
      RETURN_IF_ERROR(Delete(o.key));
      ++deleted;
    }
    return OkStatus();
  }));
  return deleted;
}

}  // namespace kanon::store::azure
