// MysqlParser, part two: INSERT statements, streamed, dropped or masked tuple by tuple.
#include <algorithm>
#include <cstring>

#include "mask/mysql_parser.h"

namespace kanon::mask {
namespace {

constexpr size_t kHeadLook = 256 << 10;  // an INSERT head (with its column list) fits in this
constexpr size_t kLook = 64;
constexpr uint64_t kMinStatement = 1 << 20;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Key(const std::string& db, const std::string& name) { return db + '\0' + name; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Status MysqlParser::Insert() {
  in_insert_ = true;
  while (!in_.eof() && in_.size() - mark_ < kHeadLook) RETURN_IF_ERROR(More());
  uint64_t line = in_.LineOf(mark_);
  auto h = ParseMysqlInsert(std::string_view(d() + mark_, in_.size() - mark_));
  if (!h) {
    return InvalidArgument("line " + std::to_string(line) +
                           ": cannot read this INSERT: "
                           "expected INSERT INTO name [(columns)] VALUES (...)");
  }
  table_ = TableInfo{};
  table_.name =
      TableName{h->name.size() > 1 ? h->name[h->name.size() - 2] : db_, "", h->name.back()};
  table_.line = line;
  auto cat = catalog_.find(Key(table_.name.db, table_.name.name));
  if (h->columns) {
    for (const std::string& c : *h->columns) {
      ColumnInfo info{c, {}, false, false, false};
      if (cat != catalog_.end()) {
        for (const ColumnInfo& known : cat->second.columns) {
          if (known.name == c) info = known;
        }
      }
      table_.columns.push_back(std::move(info));
    }
  } else if (cat != catalog_.end()) {
    for (size_t i = 0; i < cat->second.columns.size(); ++i) {
      if (!cat->second.invisible[i]) table_.columns.push_back(cat->second.columns[i]);
    }
  } else {
    table_.columns_known = false;
  }
  ASSIGN_OR_RETURN(sink_, handler_.BeginData(table_));
  RETURN_IF_ERROR(CheckFailed());
  head_.assign(d() + mark_, h->length);
  in_stmt_start_ = in_.AbsoluteOf(mark_);
  pos_ = mark_ + h->length;
  hold_ = false;
  Status st;
  switch (sink_->mode()) {
    case SinkMode::kPass:
      st = StreamTuples();
      break;
    case SinkMode::kDrop:
      drop_ = true;
      st = StreamTuples();
      if (st.ok() && Ahead(1) && At(pos_) == '\n') ++pos_;
      Release();
      break;
    case SinkMode::kRows:
      drop_ = true;  // input goes out only through WriteRow
      Release();
      st = RowTuples();
      break;
  }
  drop_ = false;
  in_insert_ = false;
  return st;
}

size_t MysqlParser::SkipString(size_t from, size_t* resume) const {
  const char* p = d();
  const size_t n = in_.size();
  const char q = quote_;
  size_t i = from, clean = from;  // the scan state at `clean` is outside any escape
  auto backslashes_before = [&](size_t a) {
    size_t run = 0;
    while (a - run > clean && p[a - 1 - run] == '\\') ++run;
    return run;
  };
  while (true) {
    const void* hit = i < n ? std::memchr(p + i, q, n - i) : nullptr;
    if (hit == nullptr) {
      *resume = backslashes_before(n) % 2 == 1 ? n - 1 : n;
      return 0;
    }
    size_t a = static_cast<size_t>(static_cast<const char*>(hit) - p);
    if (backslashes_before(a) % 2 == 1) {  // an escaped quote
      i = clean = a + 1;
      continue;
    }
    if (a + 1 >= n) {
      if (in_.eof()) return a + 1;
      *resume = a;
      return 0;
    }
    if (p[a + 1] == q) {  // a doubled quote
      i = clean = a + 2;
      continue;
    }
    return a + 1;
  }
}

Status MysqlParser::StreamTuples() {
  while (true) {
    if (in_string_) {
      size_t resume = pos_;
      size_t end = SkipString(pos_, &resume);
      if (end == 0) {
        pos_ = std::max(pos_, resume);
        if (in_.eof()) break;
        RETURN_IF_ERROR(More());
        continue;
      }
      pos_ = end;
      in_string_ = false;
    }
    if (pos_ >= in_.size()) {
      if (in_.eof()) break;
      RETURN_IF_ERROR(More());
      continue;
    }
    char c = d()[pos_++];
    if (c == ';') {
      Release();
      return OkStatus();
    }
    if (c == '\'' || c == '"') {
      quote_ = c;
      in_string_ = true;
    }
  }
  return DataLoss(table_.name.Display() + " (line " + std::to_string(table_.line) +
                  "): the INSERT statement ends early: the input was cut short");
}

Result<size_t> MysqlParser::ParseTuple(size_t start) {
  const char* p = d();
  const size_t n = in_.size();
  size_t i = start + 1;
  row_.Reset(&codec_, 0);
  while (true) {
    while (i < n && IsSpace(p[i])) ++i;
    if (i >= n) return size_t{0};
    if (p[i] == ')' && row_.size() == 0) return i + 1;
    size_t vstart = i;
    int depth = 0;
    while (true) {
      if (i >= n) return size_t{0};
      char c = p[i];
      if (c == '\'' || c == '"') {
        quote_ = c;
        size_t resume = 0;
        size_t end = SkipString(i + 1, &resume);
        if (end == 0) return size_t{0};
        i = end;
        continue;
      }
      if (c == '(') ++depth;
      if ((c == ')' || c == ',') && depth == 0) break;
      if (c == ')') --depth;
      ++i;
    }
    row_.Add(Trim(std::string_view(p + vstart, i - vstart)));
    if (p[i] == ')') return i + 1;
    ++i;
  }
}

Status MysqlParser::RowTuples() {
  stmt_open_ = false;
  sep1_.clear();
  sep_.clear();
  bool have_sep = false;
  bool first = true;
  const size_t ncols = table_.columns.size();
  while (true) {
    if (!Ahead(kLook)) {
      RETURN_IF_ERROR(More());
      continue;
    }
    size_t s = pos_;
    while (s < in_.size() && IsSpace(d()[s])) ++s;
    std::string_view gap(d() + pos_, s - pos_);
    char c = At(s);
    if (first) {
      sep1_.assign(gap);
    } else if (c == ',') {
      size_t t = s + 1;
      while (t < in_.size() && IsSpace(d()[t])) ++t;
      if (!have_sep) sep_.assign(d() + s + 1, t - s - 1), have_sep = true;
      s = t;
      c = At(s);
    } else if (c == ';') {
      pos_ = mark_ = s + 1;
      break;
    }
    if (c != '(') {
      if (s >= in_.size() && in_.eof()) {
        return DataLoss(table_.name.Display() + " (line " + std::to_string(table_.line) +
                        "): the INSERT statement ends early: the input was cut short");
      }
      return InvalidArgument(table_.name.Display() + " (line " + std::to_string(in_.LineOf(s)) +
                             "): cannot read the INSERT "
                             "values here (expected a tuple)");
    }
    ASSIGN_OR_RETURN(size_t end, ParseTuple(s));
    if (end == 0) {
      if (in_.eof()) {
        return DataLoss(table_.name.Display() + " (line " + std::to_string(table_.line) +
                        "): the INSERT statement ends early: the input was cut short");
      }
      mark_ = pos_;
      RETURN_IF_ERROR(More());
      continue;
    }
    first = false;
    row_.set_line(in_.LineOf(s));
    if (row_.size() != ncols) {
      return InvalidArgument(table_.name.Display() + " (line " + std::to_string(row_.line()) +
                             "): the row has " + std::to_string(row_.size()) +
                             " values, the table has " + std::to_string(ncols) + " columns");
    }
    row_.ClearDecoded();
    in_stmt_bytes_ = in_.AbsoluteOf(end) - in_stmt_start_;
    RETURN_IF_ERROR(sink_->OnRow(row_, *this));
    pos_ = mark_ = end;
  }
  RETURN_IF_ERROR(sink_->Flush(*this));
  if (stmt_open_) {
    out_.Put(';');
  } else {
    if (!Ahead(1)) RETURN_IF_ERROR(More());
    if (At(pos_) == '\n') pos_ = mark_ = pos_ + 1;  // the statement went away whole
  }
  return out_.status();
}

void MysqlParser::WriteRow(std::span<const OutCell> cells) {
  uint64_t limit = std::max(kMinStatement, in_stmt_bytes_);
  if (!stmt_open_) {
    out_stmt_start_ = out_.bytes();
    out_.Append(head_);
    out_.Append(sep1_);
    stmt_open_ = true;
  } else if (out_.bytes() - out_stmt_start_ >= limit) {
    out_.Append(";\n");
    out_stmt_start_ = out_.bytes();
    out_.Append(head_);
    out_.Append(sep1_);
  } else {
    out_.Put(',');
    out_.Append(sep_);
  }
  out_.Put('(');
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_.Put(',');
    const OutCell& c = cells[i];
    switch (c.kind) {
      case OutCell::Kind::kRaw:
        out_.Append(c.raw);
        break;
      case OutCell::Kind::kNull:
        out_.Append("NULL");
        break;
      case OutCell::Kind::kDefault:
        out_.Append("DEFAULT");
        break;
      case OutCell::Kind::kText:
        codec_.Encode(c.text, c.raw, &out_);
        break;
    }
  }
  out_.Put(')');
}

}  // namespace kanon::mask
