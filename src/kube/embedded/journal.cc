#include "kube/embedded/journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "kube/embedded/state_dir.h"
#include "kube/object.h"

namespace kanon::kube::embedded {
namespace {

Status Io(std::string_view what, const std::string& path) {
  return Unavailable(std::string(what) + " \"" + path + "\": " + std::strerror(errno));
}

}  // namespace

std::string EncodeEntry(const JournalEntry& e) {
  value::Map m = {{"rv", Value(std::to_string(e.rv))},
                  {"type", Value(e.type)},
                  {"resource", Value(e.resource)},
                  {"namespace", Value(e.ns)},
                  {"name", Value(e.name)}};
  if (!e.object.is_nil()) m["object"] = e.object;
  return EncodeObject(MapValue(std::move(m)));
}

Result<JournalEntry> DecodeEntry(std::string_view line) {
  ASSIGN_OR_RETURN(Value v, ParseObject(line));
  JournalEntry e;
  std::string rv = StringField(v, {"rv"});
  auto [p, ec] = std::from_chars(rv.data(), rv.data() + rv.size(), e.rv);
  if (rv.empty() || ec != std::errc() || p != rv.data() + rv.size()) {
    return DataLoss("journal line without a resourceVersion");
  }
  e.type = StringField(v, {"type"});
  e.resource = StringField(v, {"resource"});
  e.ns = StringField(v, {"namespace"});
  e.name = StringField(v, {"name"});
  if (const Value* o = FindField(v, {"object"})) e.object = *o;
  return e;
}

Result<std::unique_ptr<Journal>> Journal::Open(std::string path, size_t rotate_bytes) {
  std::unique_ptr<Journal> j(new Journal(std::move(path), rotate_bytes));
  RETURN_IF_ERROR(j->OpenCurrent());
  return j;
}

Journal::~Journal() {
  if (fd_ >= 0) close(fd_);
}

Status Journal::OpenCurrent() {
  if (fd_ >= 0) close(fd_);
  fd_ = open(path_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) return Io("cannot open journal", path_);
  struct stat st {};
  fstat(fd_, &st);
  ino_ = st.st_ino;
  offset_ = 0;
  partial_.clear();
  return OkStatus();
}

bool Journal::Rotated() const {
  struct stat st {};
  if (stat(path_.c_str(), &st) != 0) return true;
  return st.st_ino != ino_;
}

Result<std::vector<JournalEntry>> Journal::ReadNew(bool* gap) {
  *gap = false;
  std::vector<JournalEntry> out;
  char buf[65536];
  while (true) {
    ssize_t n = pread(fd_, buf, sizeof buf, static_cast<off_t>(offset_));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Io("cannot read journal", path_);
    if (n > 0) {
      partial_.append(buf, static_cast<size_t>(n));
      offset_ += static_cast<uint64_t>(n);
      ParseLines(&out, gap);
      continue;
    }
    // At the end: rotations happen under the lock after the last append, so the old file is
    // complete once drained and reading continues in the new one.
    if (!Rotated()) return out;
    RETURN_IF_ERROR(OpenCurrent());
  }
}

void Journal::ParseLines(std::vector<JournalEntry>* out, bool* gap) {
  size_t start = 0;
  for (size_t nl = partial_.find('\n'); nl != std::string::npos; nl = partial_.find('\n', start)) {
    std::string_view line(partial_.data() + start, nl - start);
    start = nl + 1;
    Result<JournalEntry> e = DecodeEntry(line);
    if (!e.ok()) continue;  // a line cut short by a killed writer
    bool bookmark = e->type == "BOOKMARK";
    if (last_rv_ > 0 && e->rv > last_rv_ + (bookmark ? 0 : 1)) *gap = true;
    if (e->rv > last_rv_) last_rv_ = e->rv;
    if (!bookmark) out->push_back(std::move(e).value());
  }
  partial_.erase(0, start);
}

Status Journal::Rotate() {
  std::string old = path_ + ".1";
  if (rename(path_.c_str(), old.c_str()) != 0) return Io("cannot rotate journal", path_);
  RETURN_IF_ERROR(OpenCurrent());
  JournalEntry bookmark;
  bookmark.rv = last_rv_;
  bookmark.type = "BOOKMARK";
  std::string line = EncodeEntry(bookmark) + "\n";
  if (write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
    return Io("cannot write journal", path_);
  }
  offset_ = line.size();
  return OkStatus();
}

Status Journal::Append(const JournalEntry& entry) {
  if (offset_ >= limit_) RETURN_IF_ERROR(Rotate());
  std::string line;
  if (!partial_.empty()) line = "\n";  // end the line a killed writer left unfinished
  line += EncodeEntry(entry) + "\n";
  ssize_t n = write(fd_, line.data(), line.size());
  if (n != static_cast<ssize_t>(line.size())) {
    if (n > 0) offset_ += static_cast<uint64_t>(n);
    partial_ = "torn";
    return Io("cannot append to journal", path_);
  }
  partial_.clear();
  offset_ += line.size();
  if (entry.rv > last_rv_) last_rv_ = entry.rv;
  return OkStatus();
}

}  // namespace kanon::kube::embedded
