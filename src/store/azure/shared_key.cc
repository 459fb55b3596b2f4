#include "store/azure/shared_key.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>

#include "base/base64.h"
#include "store/digest.h"

namespace kanon::store::azure {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string Trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return std::string(v);
}

std::string HeaderValue(const Pairs& headers, std::string_view lower_name) {
  for (const auto& [k, v] : headers) {
    if (Lower(k) == lower_name) return v;
  }
  return "";
}

}  // namespace

std::string StringToSign(const SharedKeyRequest& request, std::string_view account) {
  std::string s = request.method + "\n";
  for (const char* h :
       {"content-encoding", "content-language", "content-length", "content-md5", "content-type",
        "date", "if-modified-since", "if-match", "if-none-match", "if-unmodified-since", "range"}) {
    std::string v = HeaderValue(request.headers, h);
    if (std::string_view(h) == "content-length" && v == "0") v.clear();
    s += v + "\n";
  }
  std::map<std::string, std::string> ms;
  for (const auto& [k, v] : request.headers) {
    std::string name = Lower(k);
    if (name.starts_with("x-ms-")) ms[name] = Trim(v);
  }
  for (const auto& [k, v] : ms) s += k + ":" + v + "\n";
  s += "/" + std::string(account) + request.encoded_path;
  std::map<std::string, std::vector<std::string>> q;
  for (const auto& [k, v] : request.query) q[Lower(k)].push_back(v);
  for (auto& [k, values] : q) {
    std::sort(values.begin(), values.end());
    s += "\n" + k + ":";
    for (size_t i = 0; i < values.size(); ++i) s += (i ? "," : "") + values[i];
  }
  return s;
}

Result<std::string> SharedKeyAuthorization(const SharedKeyRequest& request,
                                           std::string_view account, std::string_view base64_key) {
  std::optional<std::string> key = Base64Decode(base64_key);
  if (!key) return InvalidArgument("the Azure storage account key is not valid base64");
  const Sha256Digest mac = HmacSha256(*key, StringToSign(request, account));
  return "SharedKey " + std::string(account) + ":" + Base64Encode(AsBytes(mac));
}

std::string HttpDateNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[128];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7],
                tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

}  // namespace kanon::store::azure
