// PgParser: scans a PostgreSQL plain-format dump (pg_dump -Fp, pg_dumpall) the way psql
// reads it, and masks the rows of its COPY blocks.
//
// Everything outside COPY data is copied byte for byte, except statements of dropped tables.
// The script is lexed with psql's rules (comments, nested block comments, '...' with
// standard_conforming_strings, E'...', "...", $tag$...$tag$, backslash meta-commands), so
// a COPY header inside a comment or a function body is never taken for data. A statement is
// held (up to a cap) until it is classified: COPY ... FROM stdin starts a data block, CREATE
// TABLE feeds the column types, SET tracks standard_conforming_strings, client_encoding and
// search_path, \connect tracks the database. INSERT statements of tables with rows to mask are
// refused (dump in COPY form); large-object data follows spec.largeObjects. A dump that
// started with pg_dump's banner must end with its completion line, else it was truncated.
// Not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "mask/buffer.h"
#include "mask/dump_handler.h"
#include "mask/dump_parser.h"
#include "mask/pg_codec.h"
#include "mask/pg_statement.h"

namespace kanon::mask {

class PgParser final : public DumpParser, private RowFramer {
 public:
  PgParser(Input& in, Output& out, DumpHandler& handler);
  Status Run() override;
  void Abort() override;

 private:
  enum class Lex { kNormal, kQuote, kEscQuote, kIdent, kDollar, kLineComment, kBlockComment };
  enum class Banner { kNone, kDump, kCluster };

  // Window handling: [mark_, pos_) is scanned but not yet written (or dropped).
  Status More();
  void Release();
  const char* d() const { return in_.data(); }
  bool Ahead(size_t n) const { return in_.size() - pos_ >= n || in_.eof(); }
  char At(size_t i) const { return i < in_.size() ? in_.data()[i] : '\0'; }

  Status LineThing(bool meta);
  Status BlockComment();
  Status Statement();
  Status LexStep(bool* end);
  Status Decide(bool complete);
  Status OnCopyHeader(std::string_view text);
  Status OnInsert(std::string_view text);
  Status OnSet(std::string_view text);
  void OnCreateTable(std::string_view text);
  TableName NameOf(const std::vector<std::string>& parts) const;
  Status CheckFailed();

  // COPY data (pg_copy.cc)
  Status CopyBlock();
  Status CopyStream();
  Status CopyRows();
  size_t TerminatorAt(size_t p) const;
  Status EndedEarly() const;
  void WriteRow(std::span<const OutCell> cells) override;

  Input& in_;
  Output& out_;
  DumpHandler& handler_;
  PgCodec codec_;
  size_t pos_ = 0;
  size_t mark_ = 0;
  bool hold_ = false;     // keep [mark_, pos_) until the statement is classified
  bool drop_ = false;     // Release drops instead of writing
  bool decided_ = false;  // the current statement was classified
  bool aborted_ = false;
  // Lexer of the current statement.
  Lex lex_ = Lex::kNormal;
  int depth_ = 0;          // parentheses
  int comment_depth_ = 0;  // nested /* */
  std::string tag_;        // $tag$ of the open dollar quote
  char prev_ = ' ';        // previous byte in kNormal
  char prev2_ = ' ';
  bool in_statement_ = false;
  // Script state.
  bool scs_ = true;  // standard_conforming_strings
  std::string db_;
  std::string default_schema_ = "public";
  std::map<std::string, std::vector<ColumnInfo>> catalog_;
  Banner banner_ = Banner::kNone;
  bool dump_complete_ = false;
  bool cluster_complete_ = false;
  bool first_line_ = true;
  std::optional<SinkMode> lo_mode_;
  // The COPY block being read.
  bool copy_pending_ = false;  // a COPY header was read; its data follows
  bool in_copy_ = false;       // inside its data
  TableSink* sink_ = nullptr;
  TableInfo copy_table_;
  uint64_t copy_line_ = 0;
  bool crlf_ = false;
  Row row_;
};

}  // namespace kanon::mask
