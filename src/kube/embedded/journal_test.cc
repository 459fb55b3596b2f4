// The journal: entries across rotations, gaps, torn lines.

#include "kube/embedded/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "kube/embedded/state_dir.h"

namespace kanon::kube::embedded {
namespace {

class JournalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kanon-journal-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/journal";
  }
  void TearDown() override { RemovePath(dir_); }

  std::unique_ptr<Journal> Open(size_t limit) {
    Result<std::unique_ptr<Journal>> j = Journal::Open(path_, limit);
    EXPECT_TRUE(j.ok()) << j.status().ToString();
    return std::move(j).value();
  }

  // Appends entries rv = last+1 ... as a writer does: read first, then append.
  void Write(Journal& j, int count) {
    bool gap = false;
    ASSERT_TRUE(j.ReadNew(&gap).ok());
    for (int i = 0; i < count; ++i) {
      ASSERT_TRUE(j.Append({j.last_rv() + 1, "ADDED", "pods", "default", "p", Value()}).ok());
    }
  }

  std::string dir_, path_;
};

TEST_F(JournalTest, AReaderSeesEveryEntryAcrossARotation) {
  std::unique_ptr<Journal> writer = Open(300);
  std::unique_ptr<Journal> reader = Open(300);
  bool gap = true;
  ASSERT_TRUE(reader->ReadNew(&gap).ok());
  Write(*writer, 3);
  Result<std::vector<JournalEntry>> first = reader->ReadNew(&gap);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->size(), 3u);
  EXPECT_FALSE(gap);
  Write(*writer, 3);  // past 300 bytes: the second of these rotates
  Result<std::vector<JournalEntry>> second = reader->ReadNew(&gap);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 3u);
  EXPECT_FALSE(gap);
  EXPECT_EQ(second->back().rv, 6);
  EXPECT_EQ(access((path_ + ".1").c_str(), F_OK), 0);
}

TEST_F(JournalTest, MissingAWholeFileIsAGap) {
  std::unique_ptr<Journal> writer = Open(200);
  std::unique_ptr<Journal> reader = Open(200);
  bool gap = false;
  Write(*writer, 1);
  ASSERT_TRUE(reader->ReadNew(&gap).ok());
  Write(*writer, 12);  // several rotations while the reader looks away
  ASSERT_TRUE(reader->ReadNew(&gap).ok());
  EXPECT_TRUE(gap);
  EXPECT_EQ(reader->last_rv(), 13);
}

TEST_F(JournalTest, ATornLineIsSkippedAndTheNextWriterEndsIt) {
  std::unique_ptr<Journal> writer = Open(1 << 20);
  Write(*writer, 1);
  int fd = open(path_.c_str(), O_WRONLY | O_APPEND);
  ASSERT_EQ(write(fd, "{\"rv\":\"2\",\"ty", 13), 13);  // a writer killed mid-line
  close(fd);
  std::unique_ptr<Journal> next = Open(1 << 20);
  Write(*next, 1);
  EXPECT_EQ(next->last_rv(), 2);
  std::unique_ptr<Journal> reader = Open(1 << 20);
  bool gap = false;
  Result<std::vector<JournalEntry>> all = reader->ReadNew(&gap);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].rv, 2);
  EXPECT_EQ((*all)[1].type, "ADDED");
}

TEST_F(JournalTest, DeletedEntriesCarryTheObject) {
  JournalEntry e{7, "DELETED", "statefulsets.apps", "ns", "db", Value()};
  e.object = *ParseObject(R"({"metadata":{"name":"db"}})");
  Result<JournalEntry> back = DecodeEntry(EncodeEntry(e));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->rv, 7);
  EXPECT_EQ(back->resource, "statefulsets.apps");
  EXPECT_TRUE(back->object == e.object);
  EXPECT_FALSE(DecodeEntry("{\"type\":\"ADDED\"}").ok());
}

}  // namespace
}  // namespace kanon::kube::embedded
