// MysqlParser: scans a mysqldump / mariadb-dump file and masks the rows of its INSERT
// statements.
//
// Everything but the VALUES of masked tables is copied byte for byte. The script is lexed with
// the client's rules (-- and # comments, /* */ and /*! */ comments treated as opaque, '...'
// and "..." with backslash escapes, `...` identifiers, DELIMITER). CREATE TABLE gives each
// table's columns, types, generated and one-column unique keys; USE tracks the database. An
// INSERT or REPLACE with ";" as delimiter has its head read (table, optional column list) and
// its tuples either streamed, dropped with the statement, or handed over one by one. Dropped
// rows take one separator with them; a statement left without rows is removed whole; a
// statement whose masked values grew is split before it outgrows its input (and 1 MiB), so it
// still fits max_allowed_packet. A dump with the "-- MySQL dump" / "-- MariaDB dump" banner must
// end with "-- Dump completed". Not thread-safe.
#pragma once

#include <map>
#include <string>

#include "mask/buffer.h"
#include "mask/dump_handler.h"
#include "mask/dump_parser.h"
#include "mask/mysql_codec.h"
#include "mask/mysql_statement.h"

namespace kanon::mask {

class MysqlParser final : public DumpParser, private RowFramer {
 public:
  MysqlParser(Input& in, Output& out, DumpHandler& handler);
  Status Run() override;
  void Abort() override;

 private:
  enum class Lex { kNormal, kQuote, kLineComment, kBlockComment };

  Status More();
  void Release();
  const char* d() const { return in_.data(); }
  bool Ahead(size_t n) const { return in_.size() - pos_ >= n || in_.eof(); }
  char At(size_t i) const { return i < in_.size() ? in_.data()[i] : '\0'; }
  Status CheckFailed();

  Status Line(bool delimiter);
  Status Comment();
  Status Statement();
  Status LexStep(bool* end);
  Status Classify(std::string_view text);

  // INSERT statements (mysql_insert.cc)
  Status Insert();
  Status StreamTuples();
  Status RowTuples();
  // Scans the body of a quote_-quoted string from `from`; returns the offset past its closing
  // quote, or 0 when the window ends first, with *resume where the scan can continue.
  size_t SkipString(size_t from, size_t* resume) const;
  // Parses the tuple at pos_ into row_; returns the offset past ')' or 0 to ask for more.
  Result<size_t> ParseTuple(size_t start);
  void WriteRow(std::span<const OutCell> cells) override;

  Input& in_;
  Output& out_;
  DumpHandler& handler_;
  MysqlCodec codec_;
  size_t pos_ = 0;
  size_t mark_ = 0;
  bool hold_ = false;
  bool drop_ = false;
  bool aborted_ = false;
  // Lexer
  Lex lex_ = Lex::kNormal;
  char quote_ = 0;
  std::string delimiter_ = ";";
  // Script state
  std::string db_;
  std::map<std::string, MysqlTableDef> catalog_;
  bool banner_ = false;
  bool complete_ = false;
  // The INSERT being read
  bool in_insert_ = false;
  bool in_string_ = false;  // streaming stopped inside a string (for Abort)
  TableSink* sink_ = nullptr;
  TableInfo table_;
  std::string head_;        // "INSERT INTO `t` (...) VALUES"
  std::string sep1_;        // between VALUES and the first tuple
  std::string sep_;         // between "," and the next tuple
  bool stmt_open_ = false;  // an output statement has been started
  uint64_t out_stmt_start_ = 0;
  uint64_t in_stmt_start_ = 0;
  uint64_t in_stmt_bytes_ = 0;  // input statement bytes up to the current tuple
  Row row_;
};

}  // namespace kanon::mask
