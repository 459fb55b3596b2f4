// Transformers that need no key: null, set, redact and regex.
#include <re2/re2.h>

#include <algorithm>
#include <charconv>

#include "mask/registry.h"

namespace kanon::mask {
namespace {

using value::Kind;
using value::Value;

class NullMask final : public Transformer {
 public:
  Result<bool> Apply(const Cell&, const ApplyContext&, std::string*) const override {
    return false;
  }
};

class SetMask final : public Transformer {
 public:
  explicit SetMask(std::optional<std::string> v) : value_(std::move(v)) {}
  Result<bool> Apply(const Cell&, const ApplyContext&, std::string* out) const override {
    if (!value_) return false;
    *out = *value_;
    return true;
  }

 private:
  std::optional<std::string> value_;
};

// Number of bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte).
size_t RuneLen(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

class RedactMask final : public Transformer {
 public:
  RedactMask(size_t keep, size_t keep_last, std::string fill)
      : keep_(keep), keep_last_(keep_last), fill_(std::move(fill)) {}

  Result<bool> Apply(const Cell& in, const ApplyContext&, std::string* out) const override {
    if (in.null) return false;
    out->clear();
    const std::string_view t = in.text;
    size_t n = 0;
    for (size_t i = 0; i < t.size(); i += RuneLen(static_cast<unsigned char>(t[i]))) ++n;
    // A value no longer than what would be kept is hidden whole.
    bool whole = n <= keep_ + keep_last_;
    size_t head = whole ? 0 : keep_;
    size_t tail = whole ? 0 : keep_last_;
    size_t k = 0;
    for (size_t i = 0; i < t.size(); ++k) {
      size_t len = std::min(RuneLen(static_cast<unsigned char>(t[i])), t.size() - i);
      if (k < head || k >= n - tail) {
        out->append(t.substr(i, len));
      } else {
        out->append(fill_);
      }
      i += len;
    }
    return true;
  }

 private:
  size_t keep_, keep_last_;
  std::string fill_;
};

// One piece of a Go-style replacement: literal text or a capture group.
struct Piece {
  std::string literal;
  int group = -1;
};

bool WordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Parses $1, ${1}, $name, ${name} and $$ as Go's Regexp.Expand does; an unknown name expands
// to nothing.
std::vector<Piece> ParseReplacement(std::string_view r, const RE2& re) {
  std::vector<Piece> out(1);
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i] != '$' || i + 1 == r.size()) {
      out.back().literal.push_back(r[i]);
      continue;
    }
    if (r[i + 1] == '$') {
      out.back().literal.push_back('$');
      ++i;
      continue;
    }
    std::string name;
    size_t j = i + 1;
    if (r[j] == '{') {
      size_t close = r.find('}', j);
      if (close == std::string_view::npos) {
        out.back().literal.push_back('$');
        continue;
      }
      name = std::string(r.substr(j + 1, close - j - 1));
      j = close + 1;
    } else {
      while (j < r.size() && WordChar(r[j])) name.push_back(r[j++]);
      if (name.empty()) {
        out.back().literal.push_back('$');
        continue;
      }
    }
    int group = -2;
    int num = 0;
    auto [p, ec] = std::from_chars(name.data(), name.data() + name.size(), num);
    if (ec == std::errc() && p == name.data() + name.size()) {
      group = num <= re.NumberOfCapturingGroups() ? num : -2;
    } else {
      auto it = re.NamedCapturingGroups().find(name);
      if (it != re.NamedCapturingGroups().end()) group = it->second;
    }
    if (group >= 0) out.push_back(Piece{"", group}), out.push_back(Piece{});
    i = j - 1;
  }
  return out;
}

class RegexMask final : public Transformer {
 public:
  RegexMask(std::unique_ptr<RE2> re, std::string_view replacement)
      : re_(std::move(re)), pieces_(ParseReplacement(replacement, *re_)) {}

  Result<bool> Apply(const Cell& in, const ApplyContext&, std::string* out) const override {
    if (in.null) return false;
    out->clear();
    const int n = re_->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
    re2::StringPiece text(in.text.data(), in.text.size());
    size_t pos = 0, copied = 0;
    size_t last_end = std::string_view::npos;
    while (pos <= in.text.size() &&
           re_->Match(text, pos, in.text.size(), RE2::UNANCHORED, groups.data(), n)) {
      size_t start = static_cast<size_t>(groups[0].data() - in.text.data());
      size_t end = start + groups[0].size();
      if (!(groups[0].empty() && start == last_end)) {        // Go skips an empty match at the end
        out->append(in.text.substr(copied, start - copied));  // of the previous one
        for (const Piece& p : pieces_) {
          if (p.group < 0)
            out->append(p.literal);
          else
            out->append(groups[static_cast<size_t>(p.group)].data(),
                        groups[static_cast<size_t>(p.group)].size());
        }
        copied = end;
      }
      last_end = end;
      pos = end > start ? end
                        : start + (start < in.text.size()
                                       ? RuneLen(static_cast<unsigned char>(in.text[start]))
                                       : 1);
    }
    out->append(in.text.substr(std::min(copied, in.text.size())));
    return true;
  }

 private:
  std::unique_ptr<RE2> re_;
  std::vector<Piece> pieces_;
};

Result<std::optional<std::string>> ScalarText(const Value& v) {
  switch (v.kind()) {
    case Kind::kNil:
      return std::optional<std::string>();
    case Kind::kString:
      return std::optional<std::string>(v.AsString());
    case Kind::kBool:
      return std::optional<std::string>(v.AsBool() ? "true" : "false");
    case Kind::kInt:
      return std::optional<std::string>(std::to_string(v.AsInt()));
    case Kind::kFloat: {
      char buf[32];
      auto [p, ec] = std::to_chars(buf, buf + sizeof(buf), v.AsFloat());
      return std::optional<std::string>(std::string(buf, p));
    }
    default:
      return InvalidArgument("value must be a string, number, boolean or null");
  }
}

}  // namespace

Result<std::unique_ptr<Transformer>> MakeNull(const Params&, const BuildContext& ctx) {
  if (ctx.not_null) return InvalidArgument("the column is NOT NULL; use set or another rule");
  return NewTransformer<NullMask>();
}

Result<std::unique_ptr<Transformer>> MakeSet(const Params& p, const BuildContext& ctx) {
  ASSIGN_OR_RETURN(std::optional<std::string> text, ScalarText(*p.Get("value")));
  if (!text && ctx.not_null) return InvalidArgument("the column is NOT NULL; value is null");
  if (text && ctx.type.max_chars > 0 && static_cast<int64_t>(text->size()) > ctx.type.max_chars) {
    return InvalidArgument("value is longer than the column (" + ctx.type.sql + ")");
  }
  bool numeric = ctx.type.cls == TypeClass::kInteger || ctx.type.cls == TypeClass::kDecimal ||
                 ctx.type.cls == TypeClass::kFloat;
  if (text && numeric) {
    double d = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), d);
    if (ec != std::errc() || ptr != text->data() + text->size()) {
      return InvalidArgument("the column is " + ctx.type.sql + " and value is not a number");
    }
  }
  return NewTransformer<SetMask>(std::move(text));
}

Result<std::unique_ptr<Transformer>> MakeRedact(const Params& p, const BuildContext&) {
  int64_t keep = p.Int("keep", 0), keep_last = p.Int("keepLast", 0);
  if (keep < 0 || keep_last < 0) return InvalidArgument("keep and keepLast must be >= 0");
  std::string fill = p.String("char", "*");
  if (fill.empty() || RuneLen(static_cast<unsigned char>(fill[0])) != fill.size()) {
    return InvalidArgument("char must be exactly one character");
  }
  return NewTransformer<RedactMask>(static_cast<size_t>(keep), static_cast<size_t>(keep_last),
                                    std::move(fill));
}

Result<std::unique_ptr<Transformer>> MakeRegex(const Params& p, const BuildContext&) {
  RE2::Options opt;
  opt.set_log_errors(false);
  std::string pattern = p.String("pattern");
  auto re = std::make_unique<RE2>(pattern, opt);
  if (!re->ok()) return InvalidArgument("pattern does not compile: " + re->error());
  return NewTransformer<RegexMask>(std::move(re), p.String("replacement"));
}

}  // namespace kanon::mask
