// The PostgreSQL statements the masker reads, parsed from their text: COPY headers, CREATE
// TABLE column lists (names, types, NOT NULL), INSERT heads, SET, and \connect targets.
// Pure functions over a statement's text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mask/dump_handler.h"

namespace kanon::mask {

enum class PgStatementKind { kOther, kCopyFromStdin, kCreateTable, kInsert, kSet, kLoWrite };

PgStatementKind ClassifyPgStatement(std::string_view text);

struct PgCopyHeader {
  std::vector<std::string> name;     // qualified name parts
  std::vector<std::string> columns;  // empty: no list (all columns, or a zero-column table)
  bool has_list = false;
  bool has_options = false;  // anything after FROM stdin: not plain text format
};
std::optional<PgCopyHeader> ParsePgCopy(std::string_view text);

struct PgTableDef {
  std::vector<std::string> name;
  std::vector<ColumnInfo> columns;  // own columns (inherited ones are not listed)
};
std::optional<PgTableDef> ParsePgCreateTable(std::string_view text);

struct PgInsertHead {
  std::vector<std::string> name;
  std::optional<std::vector<std::string>> columns;
};
std::optional<PgInsertHead> ParsePgInsert(std::string_view text);

// SET name = value / SET name TO value; value without quotes, lower-cased name.
std::optional<std::pair<std::string, std::string>> ParsePgSet(std::string_view text);

// The database a \connect (\c) line switches to, or nullopt. Handles a plain name, "quoted",
// and -reuse-previous=on "dbname='Other DB'".
std::optional<std::string> ParsePgConnect(std::string_view line);

// True for client encodings whose multi-byte characters can contain a backslash byte.
bool UnsafeEncoding(std::string_view name);

}  // namespace kanon::mask
