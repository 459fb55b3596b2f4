// DumpHandler: what a dump parser reports, and what it asks, while it scans a dump.
//
// The parsers (pg_parser.h, mysql_parser.h) know the syntax; a handler knows the policy. When
// a data block starts (a COPY block, an INSERT statement) the parser describes the table and
// asks for a TableSink: pass the rows through untouched, drop them, or hand each row over.
// The masker (engine.h) and the verifier (verify.h) are the two handlers. Not thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "mask/column_type.h"
#include "mask/names.h"
#include "mask/row.h"

namespace kanon::mask {

struct ColumnInfo {
  std::string name;
  ColumnType type;  // kUnknown unless the dump's DDL named it
  bool not_null = false;
  bool unique = false;     // a one-column PRIMARY KEY or UNIQUE key in the DDL
  bool generated = false;  // computed by the server (MariaDB dumps its values)
};

struct TableInfo {
  TableName name;
  std::vector<ColumnInfo> columns;  // in the order of the data's fields
  bool columns_known = true;        // false: an INSERT without column list or CREATE TABLE
  uint64_t line = 0;                // line of the COPY or INSERT in the dump
};

enum class SinkMode { kPass, kDrop, kRows };

class TableSink {
 public:
  virtual ~TableSink() = default;
  virtual SinkMode mode() const = 0;
  // kRows only: processes one row, writing zero or more rows through `framer` now or at a
  // later Flush. Errors are fatal and name the table, column and line.
  virtual Status OnRow(Row& row, RowFramer& framer) = 0;
  // Writes rows held back (for command transformers); called before a block or statement ends.
  virtual Status Flush(RowFramer& framer) = 0;
};

class DumpHandler {
 public:
  virtual ~DumpHandler() = default;
  // A data block begins. The sink lives until the handler is destroyed. A policy that does not
  // fit the table is recorded (failed() turns true) and a pass sink returned, so the scan goes
  // on and every problem is reported; a returned error stops the run.
  virtual Result<TableSink*> BeginData(const TableInfo& table) = 0;
  // A CREATE TABLE named this table: it exists in the dump even if it has no data.
  virtual void SawTable(const TableName& name) = 0;
  // PostgreSQL large-object contents begin at `line`: kPass keeps them, kDrop removes them.
  virtual Result<SinkMode> LargeObjects(uint64_t line) = 0;
  // The scan ended (`complete`: it reached the end of the dump). Checks what could only be
  // checked at the end, and returns every problem found.
  virtual Status Finish(bool complete) = 0;
  // True once the policy was found not to fit the dump: output must stop.
  virtual bool failed() const = 0;
};

}  // namespace kanon::mask
