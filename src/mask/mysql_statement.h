// The MySQL/MariaDB statements the masker reads, parsed from their text: INSERT heads (up to
// VALUES), CREATE TABLE column definitions and keys, USE, and SET NAMES inside a versioned
// comment. Pure functions over a statement's text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mask/dump_handler.h"

namespace kanon::mask {

struct MysqlInsertHead {
  std::vector<std::string> name;
  std::optional<std::vector<std::string>> columns;
  size_t length = 0;  // bytes of the head, through VALUES
};
// Parses "INSERT [IGNORE] INTO name [(cols)] VALUES" or "REPLACE INTO ...".
std::optional<MysqlInsertHead> ParseMysqlInsert(std::string_view text);

// True when `text` starts with INSERT or REPLACE (any case).
bool StartsMysqlInsert(std::string_view text);

struct MysqlTableDef {
  std::vector<std::string> name;
  std::vector<ColumnInfo> columns;  // all columns in order
  std::vector<bool> invisible;      // per column: left out of an INSERT without column list
};
std::optional<MysqlTableDef> ParseMysqlCreateTable(std::string_view text);

// USE `db`
std::optional<std::string> ParseMysqlUse(std::string_view text);

// The character set of "/*!40101 SET NAMES x */" or nullopt.
std::optional<std::string> ParseMysqlSetNames(std::string_view comment);

// True for character sets whose multi-byte characters can contain a backslash byte.
bool UnsafeMysqlCharset(std::string_view name);

}  // namespace kanon::mask
