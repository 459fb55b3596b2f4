// STS AssumeRole: exchanges long-term S3 credentials for temporary ones of a role, as Kanister
// does when a secrets.kanister.io/aws Secret carries `role`.
//
// The request is a SigV4-signed (service "sts") form POST to the STS endpoint: the profile's
// custom endpoint when it has one (Ceph RGW serves STS there), else
// https://sts.<region>.amazonaws.com. Errors name the endpoint and the role, never a secret.
#pragma once

#include <string>

#include "store/http.h"
#include "store/s3/sigv4.h"

namespace kanon::store::s3 {

struct AssumeRoleRequest {
  std::string endpoint;  // "" = AWS regional STS
  std::string region;    // "" = us-east-1
  std::string role_arn;
  std::string session_name = "kanon-kando";
  int duration_s = 3600;  // Kanister's default (1 h)
};

Result<Credentials> AssumeRole(HttpTransport& http, const AssumeRoleRequest& request,
                               const Credentials& base);

// The STS endpoint URL AssumeRole posts to.
std::string StsEndpoint(const AssumeRoleRequest& request);

}  // namespace kanon::store::s3
