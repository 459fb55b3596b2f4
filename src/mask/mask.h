// kanon mask: the public entry points of the masking module.
//
// MaskDump reads a PostgreSQL (pg_dump -Fp, pg_dumpall) or MySQL/MariaDB (mysqldump,
// mariadb-dump) dump from a ByteReader and writes the masked dump to a ByteWriter, in one pass,
// with memory bounded by the options whatever the size of the dump. Fail-closed: when the
// policy does not fit the dump, or a value cannot be masked, the output is ended with a line
// that makes psql (ON_ERROR_STOP) or mariadb fail, and an error lists every problem found.
// Functions here are reentrant; one call uses one thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "mask/keyed.h"
#include "mask/policy.h"
#include "mask/stream.h"
#include "mask/table_plan.h"

namespace kanon::mask {

enum class DumpFormat { kAuto, kPostgres, kMysql };

std::string_view DumpFormatName(DumpFormat f);

struct MaskOptions {
  DumpFormat format = DumpFormat::kAuto;
  size_t chunk_bytes = 1 << 20;      // read size
  size_t max_row_bytes = 256 << 20;  // most bytes held at once: one row or statement head
  PlanLimits limits;
};

struct MaskReport {
  DumpFormat format = DumpFormat::kAuto;
  std::vector<TableStats> tables;
  uint64_t bytes_out = 0;
};

// Detects the format from the first bytes of a dump. Errors (kInvalidArgument) say what the
// input is instead and what to do: a custom/directory/tar archive, compressed data, XML.
Result<DumpFormat> SniffFormat(std::string_view head);

// Masks a dump. `key` is the mask key's hash (any key when the policy uses none).
Result<MaskReport> MaskDump(const Policy& policy, const KeyedHash& key, ByteReader& in,
                            ByteWriter& out, const MaskOptions& options);

}  // namespace kanon::mask
