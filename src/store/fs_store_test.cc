#include "store/fs_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "store/byte_stream.h"
#include "store/faulty_store.h"

namespace kanon::store {
namespace {

namespace fs = std::filesystem;

class FsStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "kanon-fs-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    auto s = FsStore::Open(root_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override { fs::remove_all(root_); }
  Status Put(std::string_view key, std::string_view data) {
    StringSource src(data);
    return store_->Put(key, src, {});
  }
  std::string Get(std::string_view key) {
    StringSink sink;
    Status st = store_->Get(key, sink, {});
    return st.ok() ? sink.data() : "<" + st.ToString() + ">";
  }
  // Every file under the root, temporary or not.
  size_t FileCount() {
    size_t n = 0;
    for (auto& e : fs::recursive_directory_iterator(root_)) n += e.is_regular_file();
    return n;
  }

  std::string root_;
  std::unique_ptr<FsStore> store_;
};

TEST_F(FsStoreTest, OpenNeedsAnExistingDirectory) {
  auto s = FsStore::Open(root_ + "/nope");
  EXPECT_EQ(s.status().code(), Code::kNotFound);
  EXPECT_NE(s.status().message().find("/nope"), std::string::npos);
}

TEST_F(FsStoreTest, ByteExactRoundTripsOfManySizes) {
  std::mt19937 gen(7);
  for (size_t size : {0u, 1u, 4095u, 1u << 20, (1u << 20) + 1, 3u << 20}) {
    std::string data(size, '\0');
    for (char& c : data) c = static_cast<char>(gen());
    const std::string key = "sizes/" + std::to_string(size) + ".bin";
    ASSERT_TRUE(Put(key, data).ok());
    EXPECT_EQ(Get(key), data) << size;
    auto info = store_->Stat(key);
    ASSERT_TRUE(info.ok());
    EXPECT_EQ(info->size, size);
  }
}

TEST_F(FsStoreTest, PutReplacesAtomically) {
  ASSERT_TRUE(Put("k", "old").ok());
  ASSERT_TRUE(Put("k", "new!").ok());
  EXPECT_EQ(Get("k"), "new!");
  EXPECT_EQ(FileCount(), 1u);
}

TEST_F(FsStoreTest, RejectsKeysThatEscapeOrAreMalformed) {
  for (const char* key : {"", "/etc/passwd", "../x", "a/../../x", "a//b", "a/./b", "a/"}) {
    EXPECT_EQ(Put(key, "x").code(), Code::kInvalidArgument) << key;
  }
  EXPECT_EQ(store_->List("../").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(FileCount(), 0u);
}

TEST_F(FsStoreTest, FailedSourceLeavesNoObjectAndNoTempFile) {
  FaultyStore faulty(*store_);
  faulty.AddFault(Fault::MidStream(StoreOp::kPut, 1000, Code::kDataLoss));
  std::string data(1 << 20, 'x');
  StringSource src(data);
  Status st = faulty.Put("dir/obj", src, {});
  EXPECT_EQ(st.code(), Code::kDataLoss);
  EXPECT_NE(st.message().find("dir/obj"), std::string::npos);
  EXPECT_EQ(store_->Stat("dir/obj").status().code(), Code::kNotFound);
  EXPECT_EQ(FileCount(), 0u);
}

TEST_F(FsStoreTest, ListIsPrefixOrderedAndHidesTempFiles) {
  ASSERT_TRUE(Put("a/b", "1").ok());
  ASSERT_TRUE(Put("a/bc/d", "22").ok());
  ASSERT_TRUE(Put("a/c", "333").ok());
  ASSERT_TRUE(Put("z", "4").ok());
  // A leftover of a crashed writer that used named temporary files.
  { std::ofstream(root_ + "/a/.b.kanon-tmp-abc123") << "partial"; }
  auto list = store_->List("a/b");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].key, "a/b");
  EXPECT_EQ((*list)[1].key, "a/bc/d");
  EXPECT_EQ(store_->List("")->size(), 4u);
  EXPECT_EQ(Get("a/.b.kanon-tmp-abc123").substr(0, 18), "<invalid argument:");
}

TEST_F(FsStoreTest, DeletePrefixIsStringPrefixAndPrunesDirectories) {
  ASSERT_TRUE(Put("a/b", "1").ok());
  ASSERT_TRUE(Put("a/bc/d", "22").ok());
  ASSERT_TRUE(Put("a/c", "333").ok());
  auto n = store_->DeletePrefix("a/b");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 2u);
  EXPECT_FALSE(fs::exists(root_ + "/a/bc"));
  EXPECT_EQ(Get("a/c"), "333");
  EXPECT_TRUE(store_->Delete("a/c").ok());
  EXPECT_FALSE(fs::exists(root_ + "/a"));
  EXPECT_TRUE(fs::exists(root_));
  EXPECT_TRUE(store_->Delete("never/was").ok());
}

TEST_F(FsStoreTest, ObjectCannotAlsoBeADirectory) {
  ASSERT_TRUE(Put("a", "file").ok());
  Status st = Put("a/b", "x");
  EXPECT_EQ(st.code(), Code::kFailedPrecondition);
  EXPECT_NE(st.message().find("\"a\" is an object"), std::string::npos);
}

TEST_F(FsStoreTest, GetOfMissingKeyIsNotFound) {
  EXPECT_EQ(Get("nope").substr(0, 10), "<not found");
}

}  // namespace
}  // namespace kanon::store
