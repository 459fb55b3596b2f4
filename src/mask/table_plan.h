// How the policy applies to one table of the dump: resolved once, then run row by row.
//
// Resolve matches a table of the dump to its policy entry and checks that they fit (every
// column classified, every policy column present, types that suit their transformers),
// recording each problem rather than stopping at the first. TablePlan is the compiled result
// for a table with rows to change: per column a transformer (or keep), the sample and `where`
// filters, uniqueness guards and external commands. It implements TableSink. Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mask/command.h"
#include "mask/dump_handler.h"
#include "mask/policy.h"
#include "mask/registry.h"
#include "mask/unique_set.h"
#include "tmpl/template.h"

namespace kanon::mask {

struct ResolvedColumn {
  const ColumnRule* rule = nullptr;  // nullptr: keep (unlisted, with unlisted: keep)
  bool write_default = false;        // a generated column: write DEFAULT, the server recomputes
};

struct Resolution {
  const TableRule* rule = nullptr;      // nullptr: not in the policy, kept (unlisted: keep)
  std::vector<ResolvedColumn> columns;  // per dump column
  std::optional<size_t> sample_by;
  // True when every row is written unchanged (no rule changes anything, no filter).
  bool PassThrough() const;
};

// Matches `table` to the policy. Problems go to *problems as complete messages; `used` marks
// the policy tables matched (for the end-of-dump check).
Resolution Resolve(const Policy& policy, const TableInfo& table, std::vector<bool>* used,
                   std::vector<std::string>* problems);

struct PlanLimits {
  uint64_t max_unique_values = 50'000'000;  // per unique column
  size_t command_batch = 1024;              // rows held back for command columns
};

struct TableStats {
  std::string table;
  uint64_t rows_in = 0;
  uint64_t rows_out = 0;
  bool passed_through = false;  // copied without looking at rows
  bool dropped = false;
};

class TablePlan final : public TableSink, private RowView {
 public:
  // Builds the plan; problems (a transformer that does not fit its column) go to *problems and
  // yield nullptr.
  static std::unique_ptr<TablePlan> Build(const TableInfo& table, const Resolution& res,
                                          const KeyedHash& master, const PlanLimits& limits,
                                          std::vector<std::string>* problems);
  // Use Build; public only for make_unique.
  TablePlan(const TableInfo& table, const PlanLimits& limits);
  ~TablePlan() override;

  SinkMode mode() const override { return SinkMode::kRows; }
  Status OnRow(Row& row, RowFramer& framer) override;
  Status Flush(RowFramer& framer) override;
  // Stops the table's commands; errors if one failed.
  Status Close();
  const TableStats& stats() const { return stats_; }
  const TableInfo& table() const { return table_; }

 private:
  struct Column;

  Result<bool> Keep(Row& row);
  Status Compute(size_t i, Row& row, uint32_t attempt, OutCell* cell);
  Status Settle(size_t i, Row* row, uint64_t in_fp, uint64_t out_fp, OutCell* cell);
  Status RunCommands(RowFramer& framer);
  std::string Where(size_t column, uint64_t line) const;
  // RowView
  Cell Input(size_t index) override;
  Result<value::Value> MaskedData() override;
  value::Value InputData();

  TableInfo table_;
  PlanLimits limits_;
  std::vector<Column> columns_;
  std::vector<std::string> names_;
  std::optional<size_t> sample_by_;
  uint64_t sample_threshold_ = 0;  // keep a row when its key hash is below
  bool sample_all_ = false;
  std::unique_ptr<KeyedHash> sample_key_;
  std::optional<tmpl::Template> where_;
  bool has_template_ = false;
  bool has_command_ = false;
  TableStats stats_;
  // Per row
  Row* row_ = nullptr;
  std::vector<OutCell> cells_;
  // Unique columns of the row and their outputs' fingerprints, settled after the others.
  std::vector<std::pair<size_t, uint64_t>> uniques_;
  // Rows held back for command columns: their cells (raw copied into text) and inputs.
  std::vector<std::vector<OutCell>> held_;
  std::vector<std::vector<std::string>> held_raws_;
  std::vector<uint64_t> held_lines_;
  std::vector<std::vector<std::optional<std::string>>> held_inputs_;
};

}  // namespace kanon::mask
