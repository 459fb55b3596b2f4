// AzureBlobStore against Azurite (started by scripts/services.sh).
#include <gtest/gtest.h>

#include "e2e_env.h"
#include "faulty_transport.h"
#include "store/azure/azure_store.h"
#include "store/byte_stream.h"
#include "store/curl_transport.h"
#include "store/faulty_store.h"

namespace kanon::store::e2e {
namespace {

constexpr size_t kBlock = 1 * kMiB;

azure::AzureConfig Config(const Services& s) {
  return {s.az_endpoint, s.az_account, s.az_key, s.az_container, false};
}

RetryPolicy FastRetry() {
  RetryPolicy p;
  p.max_attempts = 4;
  p.base = std::chrono::milliseconds(20);
  p.cap = std::chrono::milliseconds(200);
  return p;
}

TransferTuning SmallBlocks() {
  TransferTuning t;
  t.part_size = kBlock;
  t.concurrency = 3;
  t.memory_budget = 4 * kBlock;
  return t;
}

class AzureE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    faulty_ = std::make_shared<FaultyTransport>(std::make_shared<CurlTransport>(HttpOptions{}));
    store_ = std::make_unique<azure::AzureBlobStore>(Config(GetServices()), faulty_, FastRetry(),
                                                     SmallBlocks());
    prefix_ = UniquePrefix(::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { EXPECT_TRUE(store_->DeletePrefix(prefix_).ok()); }
  Status Put(const std::string& key, const std::string& data, ObjectStore* s = nullptr) {
    StringSource src(data);
    return (s ? s : store_.get())->Put(key, src, {});
  }
  std::string Get(const std::string& key) {
    StringSink sink;
    Status st = store_->Get(key, sink, {});
    return st.ok() ? sink.data() : "<" + st.ToString() + ">";
  }

  std::shared_ptr<FaultyTransport> faulty_;
  std::unique_ptr<azure::AzureBlobStore> store_;
  std::string prefix_;
};

TEST_F(AzureE2eTest, ByteExactRoundTripsAtBlockBoundaries) {
  for (size_t size : {size_t{0}, size_t{1}, kBlock - 1, kBlock, kBlock + 1, 5 * kBlock + 77}) {
    const std::string key = prefix_ + "size-" + std::to_string(size);
    const std::string data = RandomBytes(size, static_cast<unsigned>(size) + 1);
    ASSERT_TRUE(Put(key, data).ok()) << size;
    auto info = store_->Stat(key);
    ASSERT_TRUE(info.ok()) << info.status().ToString();
    EXPECT_EQ(info->size, size);
    EXPECT_TRUE(Get(key) == data) << size;
  }
}

TEST_F(AzureE2eTest, ListAndDeletePrefix) {
  for (const char* k : {"a/1", "a/2", "a/sub/3", "ab", "b"}) ASSERT_TRUE(Put(prefix_ + k, k).ok());
  auto list = store_->List(prefix_ + "a");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 4u);
  EXPECT_EQ((*list)[0].key, prefix_ + "a/1");
  auto n = store_->DeletePrefix(prefix_ + "a/");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 3u);
  EXPECT_EQ(Get(prefix_ + "ab"), "ab");
  EXPECT_TRUE(store_->Delete(prefix_ + "never-existed").ok());
}

TEST_F(AzureE2eTest, WrongKeyAndUnknownContainer) {
  azure::AzureConfig bad = Config(GetServices());
  bad.key = "AAAA" + bad.key.substr(4);
  azure::AzureBlobStore wrong(bad, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(),
                              SmallBlocks());
  Status st = Put(prefix_ + "k", "x", &wrong);
  EXPECT_EQ(st.code(), Code::kUnauthenticated) << st.ToString();
  EXPECT_EQ(st.message().find(bad.key), std::string::npos);
  azure::AzureConfig nocont = Config(GetServices());
  nocont.container = "no-such-container";
  azure::AzureBlobStore missing(nocont, std::make_shared<CurlTransport>(HttpOptions{}), FastRetry(),
                                SmallBlocks());
  st = Put(prefix_ + "k", "x", &missing);
  EXPECT_EQ(st.code(), Code::kNotFound);
  EXPECT_NE(st.message().find("the container does not exist"), std::string::npos) << st.message();
}

TEST_F(AzureE2eTest, TransientBlockFailuresAreRetried) {
  faulty_->Add({.method = "PUT",
                .url_contains = "blockid=YmxvY2stMDAwMDAy",
                .nth = 1,
                .count = 2,
                .kind = NetFault::Kind::kHttpError,
                .http_status = 503,
                .s3_code = "ServerBusy",
                .cut_after = 0});
  const std::string data = RandomBytes(4 * kBlock + 3, 21);
  ASSERT_TRUE(Put(prefix_ + "retried", data).ok());
  EXPECT_EQ(faulty_->injected(), 2);
  EXPECT_TRUE(Get(prefix_ + "retried") == data);
}

TEST_F(AzureE2eTest, FailedUploadLeavesNoBlob) {
  FaultyStore faulty(*store_);
  faulty.AddFault(Fault::MidStream(StoreOp::kPut, 2 * kBlock + 9, Code::kDataLoss));
  const std::string data = RandomBytes(6 * kBlock, 22);
  StringSource src(data);
  EXPECT_EQ(faulty.Put(prefix_ + "cut", src, {}).code(), Code::kDataLoss);
  EXPECT_EQ(store_->Stat(prefix_ + "cut").status().code(), Code::kNotFound);
  auto list = store_->List(prefix_);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
}

TEST_F(AzureE2eTest, DroppedDownloadsResume) {
  const std::string data = RandomBytes(6 * kBlock + 1, 23);
  ASSERT_TRUE(Put(prefix_ + "big", data).ok());
  faulty_->Add({.method = "GET",
                .url_contains = "big",
                .nth = 2,
                .count = 1,
                .kind = NetFault::Kind::kCutBody,
                .http_status = 0,
                .s3_code = "",
                .cut_after = 1000});
  EXPECT_TRUE(Get(prefix_ + "big") == data);
  EXPECT_EQ(faulty_->injected(), 1);
}

}  // namespace
}  // namespace kanon::store::e2e
