// Leak check: does a masked dump still contain original values of masked columns?
//
// VerifyDumps reads the original dump and remembers a 64-bit fingerprint of every non-empty
// value of each column the policy masks (16 bytes per distinct value), then reads the masked
// dump and counts, per column, the values whose fingerprint is among the originals of the same
// column. Columns under perturbing rules (noise, dateShift) are reported as not checked: their
// outputs are near the inputs by design and coincide with other rows' values. Tables the
// policy drops must have no rows left. Reentrant; one call uses one thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "mask/mask.h"

namespace kanon::mask {

struct ColumnCheck {
  std::string table;
  std::string column;  // empty for a dropped table's row check
  std::string rule;
  bool checked = true;     // false for perturbing rules
  uint64_t originals = 0;  // distinct original values remembered
  uint64_t values = 0;     // masked values (or rows of a dropped table) looked at
  uint64_t leaked = 0;     // of those, equal to an original value (or rows still present)
};

struct VerifyReport {
  std::vector<ColumnCheck> columns;
  bool leaked() const;
};

Result<VerifyReport> VerifyDumps(const Policy& policy, ByteReader& original, ByteReader& masked,
                                 const MaskOptions& options);

}  // namespace kanon::mask
