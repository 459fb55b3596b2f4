// PgParser, part two: what a classified statement does, and the COPY data blocks.
#include <cstring>

#include "mask/pg_parser.h"

namespace kanon::mask {
namespace {

std::string Key(const TableName& n) { return n.db + '\0' + n.schema + '\0' + n.name; }

// True when a statement names stdin, the way a COPY with data following does.
bool MentionsStdin(std::string_view text) {
  for (size_t i = 0; i + 5 <= text.size(); ++i) {
    std::string_view w = text.substr(i, 5);
    if ((w[0] | 0x20) == 's' && (w[1] | 0x20) == 't' && (w[2] | 0x20) == 'd' &&
        (w[3] | 0x20) == 'i' && (w[4] | 0x20) == 'n') {
      return true;
    }
  }
  return false;
}

std::string Place(const TableName& n, uint64_t line) {
  return n.Display() + " (line " + std::to_string(line) + ")";
}

}  // namespace

TableName PgParser::NameOf(const std::vector<std::string>& parts) const {
  if (parts.size() == 1) return TableName{db_, default_schema_, parts[0]};
  if (parts.size() == 2) return TableName{db_, parts[0], parts[1]};
  return TableName{parts[0], parts[1], parts[2]};
}

Status PgParser::Decide(bool complete) {
  hold_ = false;
  std::string_view text(d() + mark_, pos_ - mark_);
  switch (ClassifyPgStatement(text)) {
    case PgStatementKind::kCopyFromStdin:
      return complete ? OnCopyHeader(text) : OkStatus();
    case PgStatementKind::kCreateTable:
      if (complete) OnCreateTable(text);
      return OkStatus();
    case PgStatementKind::kSet:
      return complete ? OnSet(text) : OkStatus();
    case PgStatementKind::kInsert:
      return OnInsert(text);
    case PgStatementKind::kLoWrite:
      if (!lo_mode_) {
        ASSIGN_OR_RETURN(SinkMode mode, handler_.LargeObjects(in_.LineOf(mark_)));
        lo_mode_ = mode;
        RETURN_IF_ERROR(CheckFailed());
      }
      drop_ = *lo_mode_ == SinkMode::kDrop;
      return OkStatus();
    case PgStatementKind::kOther:
      return OkStatus();
  }
  return OkStatus();
}

Status PgParser::OnCopyHeader(std::string_view text) {
  std::optional<PgCopyHeader> h = ParsePgCopy(text);
  if (!h) {
    if (!MentionsStdin(text)) return OkStatus();  // COPY to or from a file: no data follows
    return InvalidArgument("line " + std::to_string(in_.LineOf(mark_)) +
                           ": cannot read this COPY ... FROM stdin header, so its rows cannot "
                           "be matched to columns");
  }
  TableInfo t;
  t.name = NameOf(h->name);
  t.line = in_.LineOf(mark_);
  auto cat = catalog_.find(Key(t.name));
  if (h->has_list) {
    for (const std::string& col : h->columns) {
      ColumnInfo info{col, {}, false, false, false};
      if (cat != catalog_.end()) {
        for (const ColumnInfo& c : cat->second) {
          if (c.name == col) info = c;
        }
      }
      t.columns.push_back(std::move(info));
    }
  } else if (cat != catalog_.end()) {
    for (const ColumnInfo& c : cat->second) {
      if (!c.generated) t.columns.push_back(c);
    }
  } else {
    t.columns_known = false;
  }
  ASSIGN_OR_RETURN(sink_, handler_.BeginData(t));
  RETURN_IF_ERROR(CheckFailed());
  if (sink_->mode() == SinkMode::kRows && h->has_options) {
    return InvalidArgument(Place(t.name, t.line) +
                           ": COPY with options is not the text format "
                           "pg_dump writes; cannot mask it");
  }
  copy_table_ = std::move(t);
  copy_pending_ = true;
  drop_ = sink_->mode() == SinkMode::kDrop;
  return OkStatus();
}

Status PgParser::OnInsert(std::string_view text) {
  std::optional<PgInsertHead> h = ParsePgInsert(text);
  if (!h) {
    return InvalidArgument("line " + std::to_string(in_.LineOf(mark_)) +
                           ": cannot read this INSERT statement (expected INSERT INTO name "
                           "[(columns)] ...), so its rows cannot be checked against the policy");
  }
  TableInfo t;
  t.name = NameOf(h->name);
  t.line = in_.LineOf(mark_);
  auto cat = catalog_.find(Key(t.name));
  if (h->columns) {
    for (const std::string& c : *h->columns) t.columns.push_back({c, {}, false, false, false});
  } else if (cat != catalog_.end()) {
    t.columns = cat->second;
  } else {
    t.columns_known = false;
  }
  ASSIGN_OR_RETURN(TableSink * sink, handler_.BeginData(t));
  RETURN_IF_ERROR(CheckFailed());
  if (sink->mode() == SinkMode::kDrop) drop_ = true;
  if (sink->mode() == SinkMode::kRows) {
    return FailedPrecondition(Place(t.name, t.line) +
                              ": rows in INSERT statements cannot be "
                              "masked; dump in the default COPY format "
                              "(without --inserts or --column-inserts)");
  }
  return OkStatus();
}

Status PgParser::OnSet(std::string_view text) {
  auto set = ParsePgSet(text);
  if (!set) return OkStatus();
  const auto& [name, value] = *set;
  if (name == "standard_conforming_strings") scs_ = value != "off" && value != "false";
  if (name == "client_encoding" && UnsafeEncoding(value)) {
    return InvalidArgument("line " + std::to_string(in_.LineOf(mark_)) + ": client_encoding " +
                           value +
                           " is not supported (a multi-byte character can hold a "
                           "backslash byte); dump with -E UTF8");
  }
  if (name == "search_path") {
    std::string first = value.substr(0, value.find(','));
    if (first.size() >= 2 && first.front() == '"') first = first.substr(1, first.size() - 2);
    default_schema_ = first.empty() ? "public" : first;
  }
  return OkStatus();
}

void PgParser::OnCreateTable(std::string_view text) {
  std::optional<PgTableDef> def = ParsePgCreateTable(text);
  if (!def) return;
  TableName name = NameOf(def->name);
  catalog_[Key(name)] = std::move(def->columns);
  handler_.SawTable(name);
}

Status PgParser::EndedEarly() const {
  return DataLoss(Place(copy_table_.name, copy_table_.line) +
                  ": the COPY data ends without its \\. "
                  "line: the input was cut short");
}

// Length of a "\." terminator line at p (with its LF or CRLF), or 0.
size_t PgParser::TerminatorAt(size_t p) const {
  if (At(p) != '\\' || At(p + 1) != '.') return 0;
  if (p + 2 == in_.size() && in_.eof()) return 2;
  if (At(p + 2) == '\n') return 3;
  if (At(p + 2) == '\r' && At(p + 3) == '\n') return 4;
  return 0;
}

Status PgParser::CopyBlock() {
  copy_pending_ = false;
  in_copy_ = true;
  copy_line_ = in_.LineOf(pos_);
  Status st = sink_->mode() == SinkMode::kRows ? CopyRows() : CopyStream();
  in_copy_ = false;
  drop_ = false;
  return st;
}

// Pass or drop: find the terminator line without splitting rows.
Status PgParser::CopyStream() {
  bool line_start = true;
  while (true) {
    if (line_start) {
      if (!Ahead(4)) {
        RETURN_IF_ERROR(More());
        continue;
      }
      if (size_t t = TerminatorAt(pos_)) {
        pos_ += t;
        Release();
        return OkStatus();
      }
      if (pos_ >= in_.size()) return EndedEarly();
    }
    const void* lf = std::memchr(d() + pos_, '\n', in_.size() - pos_);
    if (lf == nullptr) {
      pos_ = in_.size();
      line_start = false;
      if (in_.eof()) return EndedEarly();
      RETURN_IF_ERROR(More());
      continue;
    }
    pos_ = static_cast<size_t>(static_cast<const char*>(lf) - d()) + 1;
    line_start = true;
  }
}

Status PgParser::CopyRows() {
  const size_t ncols = copy_table_.columns.size();
  uint64_t line = copy_line_;
  while (true) {
    const char* base = d();
    const void* lf = std::memchr(base + pos_, '\n', in_.size() - pos_);
    if (lf == nullptr) {
      if (in_.eof()) {
        if (TerminatorAt(pos_)) break;
        return EndedEarly();
      }
      mark_ = pos_;
      RETURN_IF_ERROR(More());
      continue;
    }
    size_t end = static_cast<size_t>(static_cast<const char*>(lf) - base);
    std::string_view text(base + pos_, end - pos_);
    if (TerminatorAt(pos_)) break;
    crlf_ = !text.empty() && text.back() == '\r';
    if (crlf_) text.remove_suffix(1);
    row_.Reset(&codec_, line++);
    size_t s = 0;
    while (true) {
      const void* tab = std::memchr(text.data() + s, '\t', text.size() - s);
      if (tab == nullptr) break;
      size_t t = static_cast<size_t>(static_cast<const char*>(tab) - text.data());
      row_.Add(text.substr(s, t - s));
      s = t + 1;
    }
    if (ncols > 0 || !text.empty()) row_.Add(text.substr(s));
    if (row_.size() != ncols) {
      return InvalidArgument(Place(copy_table_.name, row_.line()) + ": the row has " +
                             std::to_string(row_.size()) + " fields, the COPY header lists " +
                             std::to_string(ncols) + " columns");
    }
    row_.ClearDecoded();
    RETURN_IF_ERROR(sink_->OnRow(row_, *this));
    pos_ = mark_ = end + 1;
  }
  RETURN_IF_ERROR(sink_->Flush(*this));
  pos_ += TerminatorAt(pos_);
  out_.Append(std::string_view(d() + mark_, pos_ - mark_));
  mark_ = pos_;
  return out_.status();
}

void PgParser::WriteRow(std::span<const OutCell> cells) {
  const char* run = nullptr;  // a run of untouched fields, contiguous in the input
  size_t run_len = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    const OutCell& c = cells[i];
    if (c.kind == OutCell::Kind::kRaw) {
      if (run != nullptr && c.raw.data() == run + run_len + 1) {
        run_len += 1 + c.raw.size();
        continue;
      }
      if (run != nullptr) out_.Append(std::string_view(run, run_len));
      if (i > 0) out_.Put('\t');
      run = c.raw.data();
      run_len = c.raw.size();
      continue;
    }
    if (run != nullptr) out_.Append(std::string_view(run, run_len)), run = nullptr;
    if (i > 0) out_.Put('\t');
    if (c.kind == OutCell::Kind::kText)
      codec_.Encode(c.text, {}, &out_);
    else
      out_.Append("\\N");
  }
  if (run != nullptr) out_.Append(std::string_view(run, run_len));
  out_.Append(crlf_ ? std::string_view("\r\n") : std::string_view("\n"));
}

}  // namespace kanon::mask
