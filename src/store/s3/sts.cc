#include "store/s3/sts.h"

#include "store/digest.h"
#include "store/xml.h"

namespace kanon::store::s3 {

std::string StsEndpoint(const AssumeRoleRequest& request) {
  if (!request.endpoint.empty()) {
    std::string ep = request.endpoint;
    if (ep.find("://") == std::string::npos) ep = "https://" + ep;
    size_t path = ep.find('/', ep.find("://") + 3);
    if (path != std::string::npos) ep.resize(path);
    return ep + "/";
  }
  const std::string region = request.region.empty() ? "us-east-1" : request.region;
  return "https://sts." + region + ".amazonaws.com/";
}

Result<Credentials> AssumeRole(HttpTransport& http, const AssumeRoleRequest& request,
                               const Credentials& base) {
  const std::string url = StsEndpoint(request);
  const std::string what = "sts at " + url + ": assume role \"" + request.role_arn + "\"";
  const std::string body =
      "Action=AssumeRole&DurationSeconds=" + std::to_string(request.duration_s) +
      "&RoleArn=" + UriEncode(request.role_arn, false) +
      "&RoleSessionName=" + UriEncode(request.session_name, false) + "&Version=2011-06-15";
  SigningRequest sr;
  sr.method = "POST";
  sr.canonical_uri = "/";
  sr.payload_hash = Sha256Hex(body);
  sr.amz_date = AmzDateNow();
  sr.region = request.region.empty() ? "us-east-1" : request.region;
  sr.service = "sts";
  sr.headers = {{"host", HostOfUrl(url)},
                {"content-type", "application/x-www-form-urlencoded; charset=utf-8"},
                {"x-amz-date", sr.amz_date},
                {"x-amz-content-sha256", sr.payload_hash}};
  if (!base.session_token.empty())
    sr.headers.emplace_back("x-amz-security-token", base.session_token);
  const Signature sig = SignV4(sr, base);
  HttpRequest req;
  req.method = "POST";
  req.url = url;
  req.body = body;
  for (size_t i = 1; i < sr.headers.size(); ++i) req.headers.push_back(sr.headers[i]);
  req.headers.emplace_back("Authorization", sig.authorization);
  Result<HttpResponse> r = http.Send(req);
  if (!r.ok()) return r.status().WithContext(what);
  if (!IsSuccess(r->status)) {
    const std::string code = XmlText(r->body, "Code");
    const std::string message = XmlText(r->body, "Message");
    return Status(CodeForHttpStatus(r->status), what + ": HTTP " + std::to_string(r->status) +
                                                    (code.empty() ? "" : " " + code) +
                                                    (message.empty() ? "" : ": " + message));
  }
  Credentials out;
  out.access_key_id = XmlText(r->body, "AccessKeyId");
  out.secret_access_key = XmlText(r->body, "SecretAccessKey");
  out.session_token = XmlText(r->body, "SessionToken");
  if (out.access_key_id.empty() || out.secret_access_key.empty()) {
    return Internal(what + ": the answer holds no credentials");
  }
  return out;
}

}  // namespace kanon::store::s3
