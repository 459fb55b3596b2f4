// MaskPolicy: what to do with every table and column of a dump, as the user wrote it.
//
// The policy file (docs/masking.md) is YAML:
//   apiVersion: kanon.io/v1alpha1
//   kind: MaskPolicy
//   metadata: {name: shop}
//   spec:
//     key: {env: KANON_MASK_KEY}       # or {file: PATH}
//     unlisted: error                  # or keep
//     largeObjects: error              # or keep, drop (PostgreSQL large objects)
//     tables:
//       public.customers:
//         columns: {id: keep, email: {mask: email, unique: true}}
//         sample: {percent: 10, by: id}
//         where: '{{ ne .status "cancelled" }}'
//       public.audit_log: {drop: true}
//
// LoadPolicy checks everything that can be checked without the dump: field names (with "did you
// mean"), value types, transformer names and parameters, template and regex syntax. What needs
// the dump (columns that exist, their types) is checked when the dump names them. A Policy is
// plain data, immutable after loading, safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "mask/keyed.h"
#include "value/value.h"

namespace kanon::mask {

enum class Unlisted { kError, kKeep };
enum class LargeObjects { kError, kKeep, kDrop };

struct ColumnRule {
  std::string column;
  std::string mask;     // transformer name: keep, null, email, hash, ...
  value::Value params;  // the rule's parameters (a map; `mask` and `unique` removed)
  bool unique = false;  // the column holds unique values: keep the masked ones unique
  std::string path;     // where the rule is: tables."public.customers".columns.email
};

struct SampleRule {
  double percent = 100;  // share of rows kept, by key hash: 0 < percent <= 100
  std::string by;        // the column whose value decides
};

struct TableRule {
  std::string key;                  // as written in the policy
  std::vector<std::string> parts;   // parsed name parts
  bool drop = false;                // keep the table's definition, write none of its rows
  std::vector<ColumnRule> columns;  // in policy order
  std::optional<SampleRule> sample;
  std::string where;  // a Go template over the row that must print true
  std::string path;

  const ColumnRule* FindColumn(std::string_view name) const;
};

struct Policy {
  std::string name;
  KeySource key;
  Unlisted unlisted = Unlisted::kError;
  LargeObjects large_objects = LargeObjects::kError;
  std::vector<TableRule> tables;

  // True when some rule or sample needs the mask key.
  bool NeedsKey() const;
};

// Parses and checks a policy. `file` names the source in messages ("policy.yaml: ...").
// Errors: kInvalidArgument listing every problem found, one per line.
Result<Policy> ParsePolicy(std::string_view yaml, std::string_view file);

// Reads a policy file. Errors: kNotFound when unreadable, else as ParsePolicy.
Result<Policy> LoadPolicyFile(const std::string& path);

}  // namespace kanon::mask
