// OpenStore: the ObjectStore a Profile names, and the object key of a kando --path.
//
// s3Compliant -> S3Store (path-style for a custom endpoint or a bucket name with dots,
// virtual-hosted on AWS; a `role` in a secrets.kanister.io/aws Secret is assumed through STS
// first); azure -> AzureBlobStore (the endpoint, when given, is the account's blob endpoint, e.g.
// Azurite's http://127.0.0.1:10000/devstoreaccount1; else it follows the Secret's
// azure_storage_environment); gcs with an HMAC key (ID "GOOG...") -> S3Store on
// storage.googleapis.com; filesystem -> FsStore on the bucket directory. Errors name the
// profile field at fault and never a secret.
#pragma once

#include <memory>
#include <string>

#include "store/object_store.h"
#include "store/profile.h"
#include "store/retry.h"
#include "store/transfer.h"

namespace kanon::store {

struct OpenOptions {
  TransferTuning tuning;
  RetryPolicy retry;
  // Start an OrphanGuard that aborts this process's S3 multipart uploads if it dies (kando).
  // Requires a single-threaded process at the time of the call.
  bool guard_orphans = false;
  // S3 bodies with UNSIGNED-PAYLOAD + Content-MD5 instead of a signed SHA-256.
  bool s3_content_md5 = false;
};

Result<std::unique_ptr<ObjectStore>> OpenStore(const Profile& profile,
                                               const OpenOptions& options = {});

// The key of `path` in the profile's location: Go's path.Join(prefix, path), as Kanister
// computes it. A filesystem location drops leading "/" (its keys are relative paths). Empty
// when both are empty.
std::string KeyFor(const Profile& profile, std::string_view path);

}  // namespace kanon::store
