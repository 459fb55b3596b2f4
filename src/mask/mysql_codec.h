// MysqlCodec: a value of a mysqldump / mariadb-dump VALUES tuple: NULL, a bare number,
// '...' or "..." with backslash escapes, a charset introducer (_binary '...'), or hex (0xAB,
// X'AB'). Decoding accepts what the server accepts; encoding writes what mysqldump writes,
// keeping a number bare, an introducer, and hex for hex input. Stateless, thread-safe.
#pragma once

#include "mask/row.h"

namespace kanon::mask {

class MysqlCodec final : public FieldCodec {
 public:
  bool IsNull(std::string_view raw) const override;
  std::string_view Decode(std::string_view raw, std::string* scratch) const override;
  void Encode(std::string_view text, std::string_view raw, Output* out) const override;
  std::string_view NullLiteral() const override { return "NULL"; }
};

// Appends `text` as a quoted MySQL string literal ('...', mysqldump's escapes).
void MysqlQuote(std::string_view text, std::string* out);

}  // namespace kanon::mask
