// PgCodec: a field of a PostgreSQL COPY text block (TAB-separated, \N for NULL, backslash
// escapes). Decoding accepts everything COPY FROM accepts (\ooo, \xHH, \b \f \n \r \t \v,
// backslash + any other byte); encoding writes what pg_dump writes. Stateless, thread-safe.
#pragma once

#include "mask/row.h"

namespace kanon::mask {

class PgCodec final : public FieldCodec {
 public:
  bool IsNull(std::string_view raw) const override { return raw.size() == 2 && raw == "\\N"; }
  std::string_view Decode(std::string_view raw, std::string* scratch) const override;
  void Encode(std::string_view text, std::string_view raw, Output* out) const override;
  std::string_view NullLiteral() const override { return "\\N"; }
};

// Appends the COPY text escaping of `text` to *out (exposed for tests).
void PgEscape(std::string_view text, std::string* out);

}  // namespace kanon::mask
