// SharedKey against the worked example of reference/object-stores.md section 5.1 (validated on
// Azurite 3.37.0).
#include "store/azure/shared_key.h"

#include <gtest/gtest.h>

namespace kanon::store::azure {
namespace {

constexpr char kAccount[] = "devstoreaccount1";
constexpr char kKey[] =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
constexpr char kDate[] = "Tue, 05 Mar 2024 07:08:09 GMT";

TEST(SharedKeyTest, PutBlobExample) {
  SharedKeyRequest r{"PUT", "/devstoreaccount1/backups/demo/hello.txt", {}, {}};
  r.headers = {{"Content-Length", "12"},
               {"Content-Type", "text/plain; charset=utf-8"},
               {"x-ms-blob-type", "BlockBlob"},
               {"x-ms-date", kDate},
               {"x-ms-version", "2021-12-02"}};
  EXPECT_EQ(StringToSign(r, kAccount),
            "PUT\n\n\n12\n\ntext/plain; charset=utf-8\n\n\n\n\n\n\nx-ms-blob-type:BlockBlob\n"
            "x-ms-date:Tue, 05 Mar 2024 07:08:09 GMT\nx-ms-version:2021-12-02\n"
            "/devstoreaccount1/devstoreaccount1/backups/demo/hello.txt");
  auto auth = SharedKeyAuthorization(r, kAccount, kKey);
  ASSERT_TRUE(auth.ok());
  EXPECT_EQ(*auth, "SharedKey devstoreaccount1:SGVUfY8orVPRtb3+PkLe2sdzxzoM3cMxWhtOPXt/Yyk=");
}

TEST(SharedKeyTest, GetBlobExample) {
  SharedKeyRequest r{"GET", "/devstoreaccount1/backups/demo/hello.txt", {}, {}};
  r.headers = {{"x-ms-date", kDate}, {"x-ms-version", "2021-12-02"}};
  auto auth = SharedKeyAuthorization(r, kAccount, kKey);
  ASSERT_TRUE(auth.ok());
  EXPECT_EQ(*auth, "SharedKey devstoreaccount1:E5sQm2Ru0aIiQ97mkeq5TGUeBpGGT2QfADlWPei9DaA=");
}

TEST(SharedKeyTest, ListExampleWithQuery) {
  SharedKeyRequest r{
      "GET",
      "/devstoreaccount1/backups",
      {{"restype", "container"}, {"comp", "list"}, {"prefix", "demo/"}, {"maxresults", "2"}},
      {{"x-ms-date", kDate}, {"x-ms-version", "2021-12-02"}}};
  const std::string sts = StringToSign(r, kAccount);
  EXPECT_TRUE(
      sts.ends_with("/devstoreaccount1/devstoreaccount1/backups\ncomp:list\nmaxresults:2"
                    "\nprefix:demo/\nrestype:container"));
  auto auth = SharedKeyAuthorization(r, kAccount, kKey);
  ASSERT_TRUE(auth.ok());
  EXPECT_EQ(*auth, "SharedKey devstoreaccount1:BA0wTJvBOOfIssJB1mv5vYJl/1eRycnPMehvUE1DY1c=");
}

TEST(SharedKeyTest, ZeroContentLengthSignsEmpty) {
  SharedKeyRequest r{"PUT", "/a/c/b", {}, {{"Content-Length", "0"}}};
  EXPECT_EQ(StringToSign(r, "a").substr(0, 9), "PUT\n\n\n\n\n\n");
}

TEST(SharedKeyTest, BadKeyIsAnError) {
  SharedKeyRequest r{"GET", "/a/c", {}, {}};
  EXPECT_EQ(SharedKeyAuthorization(r, "a", "not base64!").status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace kanon::store::azure
