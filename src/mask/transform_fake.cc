// Keyed generators: hash, e-mail, names and phone numbers. Every choice is drawn from
// KeyedStream(rule key, value, attempt), so a value always gets the same fake, and a unique
// column asks for the next candidate by raising `attempt`.
#include <algorithm>

#include "mask/dictionaries.h"
#include "mask/registry.h"

namespace kanon::mask {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Cuts an ASCII value to a column's character limit (0: none).
void FitLength(std::string* s, int64_t max_chars) {
  if (max_chars <= 0 || static_cast<int64_t>(s->size()) <= max_chars) return;
  s->resize(static_cast<size_t>(max_chars));
  while (!s->empty() && (s->back() == ' ' || s->back() == '.')) s->pop_back();
}

// Appends `digits` decimal digits, up to 18 from each 64-bit draw.
void AppendNumber(std::string* out, KeyedStream* s, int digits) {
  while (digits > 0) {
    int n = std::min(digits, 18);
    uint64_t v = s->Next64();
    char buf[18];
    for (int i = n - 1; i >= 0; --i) buf[i] = static_cast<char>('0' + v % 10), v /= 10;
    out->append(buf, static_cast<size_t>(n));
    digits -= n;
  }
}

bool Numeric(const ColumnType& t) {
  return t.cls == TypeClass::kInteger || t.cls == TypeClass::kDecimal;
}

// A format: literal characters and placeholders (# digit, ? a-z, ^ A-Z, * hex digit).
struct Shape {
  std::string text;           // the format with escapes removed
  std::vector<bool> is_slot;  // per character: a placeholder?
  int slots = 0;
  bool digits_only = true;  // every character is a # placeholder

  static Result<Shape> Parse(std::string_view f) {
    Shape s;
    for (size_t i = 0; i < f.size(); ++i) {
      char c = f[i];
      bool slot = c == '#' || c == '?' || c == '^' || c == '*';
      if (c == '\\') {
        if (++i == f.size()) return InvalidArgument("format ends with a lone backslash");
        c = f[i];
        slot = false;
      }
      s.text.push_back(c);
      s.is_slot.push_back(slot);
      s.slots += slot;
      s.digits_only = s.digits_only && slot && c == '#';
    }
    if (s.slots == 0) return InvalidArgument("format has no placeholder (# ? ^ *)");
    return s;
  }

  void Fill(KeyedStream* s, bool no_leading_zero, std::string* out) const {
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (!is_slot[i]) {
        out->push_back(c);
      } else if (c == '#') {
        bool first = no_leading_zero && out->empty();
        out->push_back(static_cast<char>(first ? '1' + s->Uniform(9) : '0' + s->Uniform(10)));
      } else if (c == '?') {
        out->push_back(static_cast<char>('a' + s->Uniform(26)));
      } else if (c == '^') {
        out->push_back(static_cast<char>('A' + s->Uniform(26)));
      } else {
        out->push_back(kHex[s->Uniform(16)]);
      }
    }
  }
};

class HashMask final : public Transformer {
 public:
  HashMask(const KeyedHash& key, int length, std::optional<Shape> shape, bool numeric)
      : key_(key), length_(length), shape_(std::move(shape)), numeric_(numeric) {}

  Result<bool> Apply(const Cell& in, const ApplyContext& ctx, std::string* out) const override {
    if (in.null) return false;
    out->clear();
    KeyedStream s(key_, in.text, ctx.attempt, /*hmac=*/true);
    if (shape_) {
      shape_->Fill(&s, numeric_, out);
      return true;
    }
    while (static_cast<int>(out->size()) < length_) {
      uint64_t w = s.Next64();
      for (int i = 0; i < 16 && static_cast<int>(out->size()) < length_; ++i) {
        out->push_back(kHex[(w >> (60 - 4 * i)) & 15]);
      }
    }
    return true;
  }

 private:
  KeyedHash key_;
  int length_;
  std::optional<Shape> shape_;
  bool numeric_;
};

// first.last1234@domain, or First Last / First / Last.
class FakeName final : public Transformer {
 public:
  enum class Style { kEmail, kFull, kFirst, kLast };
  FakeName(const KeyedHash& key, Style style, std::string domain, bool keep_domain,
           int64_t max_chars)
      : key_(key),
        style_(style),
        domain_(std::move(domain)),
        keep_domain_(keep_domain),
        max_chars_(max_chars) {}

  Result<bool> Apply(const Cell& in, const ApplyContext& ctx, std::string* out) const override {
    if (in.null) return false;
    out->clear();
    KeyedStream s(key_, in.text, ctx.attempt);
    std::string_view first = FirstNames()[s.Uniform(FirstNames().size())];
    std::string_view last = LastNames()[s.Uniform(LastNames().size())];
    if (style_ == Style::kEmail) return Email(in, ctx, first, last, &s, out);
    if (style_ != Style::kLast) out->append(first);
    if (style_ == Style::kFull) out->push_back(' ');
    if (style_ != Style::kFirst) out->append(last);
    if (ctx.attempt > 0) {  // a unique column collided: disambiguate with digits
      out->push_back(' ');
      AppendNumber(out, &s, static_cast<int>(std::min<uint32_t>(ctx.attempt, 9)));
    }
    FitLength(out, max_chars_);
    return true;
  }

 private:
  Result<bool> Email(const Cell& in, const ApplyContext& ctx, std::string_view first,
                     std::string_view last, KeyedStream* s, std::string* out) const {
    std::string_view domain = domain_;
    if (keep_domain_) {
      size_t at = in.text.rfind('@');
      if (at != std::string_view::npos) domain = in.text.substr(at + 1);
    }
    if (domain.empty()) domain = EmailDomains()[s->Uniform(EmailDomains().size())];
    for (char c : first) out->push_back(static_cast<char>(c | 0x20));
    out->push_back('.');
    for (char c : last) out->push_back(static_cast<char>(c | 0x20));
    AppendNumber(out, s, 4 + static_cast<int>(std::min<uint32_t>(ctx.attempt, 12)));
    if (max_chars_ > 0) {
      int64_t room = max_chars_ - static_cast<int64_t>(domain.size()) - 1;
      if (room < 1) return InvalidArgument("the column is too short for an e-mail address");
      FitLength(out, room);
    }
    out->push_back('@');
    out->append(domain);
    return true;
  }

  KeyedHash key_;
  Style style_;
  std::string domain_;
  bool keep_domain_;
  int64_t max_chars_;
};

// Replaces digits, keeping everything else (and the first `keep` digits) in place.
class PhoneMask final : public Transformer {
  static inline const Shape kFallback = *Shape::Parse("###-###-####");

 public:
  PhoneMask(const KeyedHash& key, int keep, std::optional<Shape> shape, bool numeric)
      : key_(key), keep_(keep), shape_(std::move(shape)), numeric_(numeric) {}

  Result<bool> Apply(const Cell& in, const ApplyContext& ctx, std::string* out) const override {
    if (in.null) return false;
    out->clear();
    KeyedStream s(key_, in.text, ctx.attempt);
    if (shape_) {
      shape_->Fill(&s, numeric_, out);
      return true;
    }
    int seen = 0;
    for (char c : in.text) {
      if (c < '0' || c > '9' || seen++ < keep_) {
        out->push_back(c);
        continue;
      }
      char d = static_cast<char>('0' + s.Uniform(10));
      if (numeric_ && out->empty() && d == '0') d = '1';  // an integer keeps its width
      out->push_back(d);
    }
    if (seen == 0 && !in.text.empty()) {  // no digits to replace: a fake number instead
      out->clear();
      kFallback.Fill(&s, numeric_, out);
    }
    return true;
  }

 private:
  KeyedHash key_;
  int keep_;
  std::optional<Shape> shape_;
  bool numeric_;
};

Result<std::optional<Shape>> ParseShape(const Params& p, const BuildContext& ctx) {
  if (!p.Has("format")) return std::optional<Shape>();
  auto shape = Shape::Parse(p.String("format"));
  if (!shape.ok()) return shape.status();
  if (Numeric(ctx.type) && !shape->digits_only) {
    return InvalidArgument("the column is " + ctx.type.sql +
                           ": the format must be only # placeholders");
  }
  if (ctx.type.cls == TypeClass::kInteger &&
      static_cast<uint64_t>(shape->slots) >= std::to_string(IntegerMax(ctx.type)).size()) {
    return InvalidArgument("the column is " + ctx.type.sql + ": at most " +
                           std::to_string(std::to_string(IntegerMax(ctx.type)).size() - 1) +
                           " digits fit");
  }
  if (ctx.type.max_chars > 0 && static_cast<int64_t>(shape->text.size()) > ctx.type.max_chars) {
    return InvalidArgument("the format is longer than the column (" + ctx.type.sql + ")");
  }
  return std::optional<Shape>(std::move(shape).value());
}

}  // namespace

Result<std::unique_ptr<Transformer>> MakeHash(const Params& p, const BuildContext& ctx) {
  int64_t length = p.Int("length", 16);
  if (length < 1 || length > 64) return InvalidArgument("length must be between 1 and 64");
  if (p.Has("format") && p.Has("length")) {
    return InvalidArgument("give length or format, not both");
  }
  ASSIGN_OR_RETURN(std::optional<Shape> shape, ParseShape(p, ctx));
  if (!shape && ctx.type.cls == TypeClass::kUuid) {
    shape = *Shape::Parse("********-****-4***-a***-************");
  }
  if (!shape && Numeric(ctx.type)) {
    return InvalidArgument("the column is " + ctx.type.sql +
                           ": hex does not fit, give a format such as \"#########\"");
  }
  if (!shape && ctx.type.max_chars > 0 && length > ctx.type.max_chars) {
    return InvalidArgument("length " + std::to_string(length) + " does not fit the column (" +
                           ctx.type.sql + ")");
  }
  return NewTransformer<HashMask>(*ctx.key, static_cast<int>(length), std::move(shape),
                                  Numeric(ctx.type));
}

Result<std::unique_ptr<Transformer>> MakeEmail(const Params& p, const BuildContext& ctx) {
  if (p.Has("domain") && p.Bool("keepDomain")) {
    return InvalidArgument("give domain or keepDomain, not both");
  }
  return NewTransformer<FakeName>(*ctx.key, FakeName::Style::kEmail, p.String("domain"),
                                  p.Bool("keepDomain"), ctx.type.max_chars);
}

Result<std::unique_ptr<Transformer>> MakeName(const Params&, const BuildContext& ctx) {
  return NewTransformer<FakeName>(*ctx.key, FakeName::Style::kFull, "", false, ctx.type.max_chars);
}

Result<std::unique_ptr<Transformer>> MakeFirstName(const Params&, const BuildContext& ctx) {
  return NewTransformer<FakeName>(*ctx.key, FakeName::Style::kFirst, "", false, ctx.type.max_chars);
}

Result<std::unique_ptr<Transformer>> MakeLastName(const Params&, const BuildContext& ctx) {
  return NewTransformer<FakeName>(*ctx.key, FakeName::Style::kLast, "", false, ctx.type.max_chars);
}

Result<std::unique_ptr<Transformer>> MakePhone(const Params& p, const BuildContext& ctx) {
  int64_t keep = p.Int("keepDigits", 0);
  if (keep < 0 || keep > 8) return InvalidArgument("keepDigits must be between 0 and 8");
  if (p.Has("format") && p.Has("keepDigits")) {
    return InvalidArgument("give keepDigits or format, not both");
  }
  ASSIGN_OR_RETURN(std::optional<Shape> shape, ParseShape(p, ctx));
  return NewTransformer<PhoneMask>(*ctx.key, static_cast<int>(keep), std::move(shape),
                                   Numeric(ctx.type));
}

}  // namespace kanon::mask
