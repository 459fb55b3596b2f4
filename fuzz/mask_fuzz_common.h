// Shared body of the dump-parser fuzz targets (mask_pg_fuzz.cc, mask_mysql_fuzz.cc).
//
// Each input is a dump. Properties checked, aborting on violation:
//  1. With an identity policy (unlisted: keep), a dump that scans without error comes out
//     byte for byte as it went in.
//  2. With a masking policy, the result (error text or output bytes) does not depend on how the
//     input is split into reads and buffers.
// Crashes, leaks and undefined behaviour are caught by the sanitizers.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mask/mask.h"

namespace kanon::mask::fuzz {

inline const Policy& IdentityPolicy() {
  static const Policy p = *ParsePolicy(
      "apiVersion: kanon.io/v1alpha1\nkind: MaskPolicy\nspec:\n  unlisted: keep\n"
      "  largeObjects: keep\n  tables: {}\n",
      "identity");
  return p;
}

inline const Policy& MaskingPolicy() {
  static const Policy p = *ParsePolicy(R"(apiVersion: kanon.io/v1alpha1
kind: MaskPolicy
spec:
  key: {env: UNUSED}
  unlisted: keep
  largeObjects: drop
  tables:
    t:
      columns:
        a: {mask: hash, length: 8}
        b: {mask: email, unique: true}
        c: {mask: redact, keep: 1}
        d: {mask: "null"}
        e: {mask: noise, percent: 10}
        f: {mask: dateShift, maxDays: 9}
        g: {mask: template, template: "{{ .a }}-x"}
        h: {mask: regex, pattern: "[0-9]", replacement: "#"}
      sample: {percent: 50, by: a}
    u: {drop: true}
    v:
      columns: {a: {mask: phone}, b: {mask: name}}
      where: '{{ ne .a "1" }}'
)",
                                       "masking");
  return p;
}

struct Outcome {
  std::string status;
  std::string output;
};

inline Outcome Run(const Policy& policy, std::string_view dump, DumpFormat format, size_t chunk,
                   size_t max_read) {
  static const KeyedHash key("fuzz-key-0123456789abcdef");
  StringReader in(dump, max_read);
  StringWriter out;
  MaskOptions options;
  options.format = format;
  options.chunk_bytes = chunk;
  options.max_row_bytes = 1 << 20;
  auto r = MaskDump(policy, key, in, out, options);
  return {r.ok() ? "" : r.status().ToString(), out.str()};
}

inline void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

inline int FuzzDump(const uint8_t* data, size_t size, DumpFormat format) {
  std::string_view dump(reinterpret_cast<const char*>(data), size);
  Outcome id = Run(IdentityPolicy(), dump, format, 1 << 16, SIZE_MAX);
  if (id.status.empty()) Check(id.output == dump, "identity policy changed bytes");
  Outcome a = Run(MaskingPolicy(), dump, format, 1 << 16, SIZE_MAX);
  Outcome b = Run(MaskingPolicy(), dump, format, 16, 5);
  Check(a.status == b.status, "status depends on read sizes");
  Check(a.output == b.output, "output depends on read sizes");
  return 0;
}

}  // namespace kanon::mask::fuzz
