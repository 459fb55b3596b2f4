// Transformer: one masking rule bound to one column of one table.
//
// A transformer maps a decoded input value (or NULL) to the value to write. Keyed
// transformers derive everything from KeyedHash(rule key, value), so the output is a pure
// function of (value, key, rule) — plus `attempt`, which a unique column raises when an output
// collides, to ask for the next candidate. NULL stays NULL unless the rule says otherwise
// (`set`). Transformers are immutable once built and may be called from several threads.
//
// Errors never quote the value being masked: it is the personal data this module exists to
// hide. The caller adds table, column and line.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "mask/column_type.h"
#include "mask/keyed.h"
#include "mask/policy.h"
#include "value/value.h"

namespace kanon::mask {

// A decoded field: its text, or NULL.
struct Cell {
  std::string_view text;
  bool null = false;
};

// The row a value belongs to, for rules that read other columns.
class RowView {
 public:
  virtual ~RowView() = default;
  // The decoded input value of column `index`.
  virtual Cell Input(size_t index) = 0;
  // The row as `template` rules see it: column name -> masked value (NULL -> nil), for every
  // column that is not itself computed by a template or a command.
  virtual Result<value::Value> MaskedData() = 0;
};

struct ApplyContext {
  RowView* row = nullptr;
  uint32_t attempt = 0;  // 0, then 1, 2, ... while a unique column collides
};

class Transformer {
 public:
  virtual ~Transformer() = default;
  // Masks `in`: writes the new text to *out (cleared first) and returns true, or returns
  // false for NULL. Errors: kInvalidArgument saying what does not fit (never the value).
  virtual Result<bool> Apply(const Cell& in, const ApplyContext& ctx, std::string* out) const = 0;
};

// What a factory gets to build a transformer for one column.
struct BuildContext {
  const ColumnRule* rule = nullptr;
  const KeyedHash* key = nullptr;  // the rule's own key (derived from the master key)
  ColumnType type;                 // the column's type, kUnknown when the dump has no DDL
  bool not_null = false;           // the column is NOT NULL
  // The table's columns in data order; nullptr when checking a policy without a dump.
  const std::vector<std::string>* columns = nullptr;
};

}  // namespace kanon::mask
