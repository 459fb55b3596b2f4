// Table names: how the dump names a table, how the policy names one, and how they match.
//
// A dump names a table by up to three parts: database (from \connect or USE, when the dump
// switches databases), schema (PostgreSQL) and table. A policy key has one to three parts,
// written bare (`public.customers`) or quoted where a part holds a dot or a quote
// (`"My Schema"."table.with.dots"`, `` `shop`.`t` ``). A key matches a table when its parts
// equal the table's last parts, byte for byte; the longest matching key wins. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kanon::mask {

struct TableName {
  std::string db;      // empty when the dump never switched databases
  std::string schema;  // empty for MySQL/MariaDB
  std::string name;

  // The parts that are present, outermost first.
  std::vector<std::string> Parts() const;
  // "public.customers", `"My Schema"."t.x"`, "shop.customers": for messages and reports.
  std::string Display() const;
};

// Splits a policy key into its parts, removing quotes ("" and `` ` `` ``). Errors:
// kInvalidArgument for an empty part, an unclosed quote or more than three parts.
Result<std::vector<std::string>> ParseTableKey(std::string_view key);

// Number of parts of `key` that match the end of `table`'s parts (0: no match).
size_t MatchTable(const std::vector<std::string>& key, const TableName& table);

// Quotes an identifier part for display when it is not a plain lower-case word.
std::string DisplayPart(std::string_view part);

}  // namespace kanon::mask
