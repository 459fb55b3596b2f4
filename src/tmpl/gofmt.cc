// fmt.Sprint, Sprintln and Sprintf over Values: the operand loop and the format-string
// interpreter (flags, argument indexes, * width and precision, error forms).

#include "tmpl/gofmt.h"

#include <string>
#include <string_view>

#include "tmpl/gofmt_printer.h"

namespace kanon::tmpl {
namespace {

using gofmt::Printer;
using value::Kind;
using value::Value;

constexpr int kMaxWidth = 1000000;  // fmt refuses larger widths, precisions and indexes

bool TooLarge(int x) { return x > kMaxWidth || x < -kMaxWidth; }

// One fmt.Sprintf call: walks the format, consuming operands.
class FormatRun {
 public:
  FormatRun(std::string_view format, std::span<const Value> args) : f_(format), args_(args) {}

  std::string Run() {
    while (i_ < f_.size()) {
      size_t start = i_;
      while (i_ < f_.size() && f_[i_] != '%') ++i_;
      p_.buf.append(f_.substr(start, i_ - start));
      if (i_ >= f_.size()) break;
      ++i_;  // the '%'
      if (!OneVerb()) break;
    }
    if (!reordered_ && arg_num_ < static_cast<int>(args_.size())) AppendExtra();
    return std::move(p_.buf);
  }

 private:
  struct Number {
    int value = 0;
    bool present = false;
  };

  // fmt's parsenum: decimal digits at i_, giving up on absurd lengths.
  Number ParseNumber() {
    Number n;
    while (i_ < f_.size() && f_[i_] >= '0' && f_[i_] <= '9') {
      if (TooLarge(n.value)) {
        i_ = f_.size();
        return {};
      }
      n.value = n.value * 10 + (f_[i_] - '0');
      n.present = true;
      ++i_;
    }
    return n;
  }

  void ParseFlags() {
    p_.ClearFlags();
    for (; i_ < f_.size(); ++i_) {
      switch (f_[i_]) {
        case '#':
          p_.flags.sharp = true;
          break;
        case '0':
          p_.flags.zero = !p_.flags.minus;
          break;  // zeros pad on the left only
        case '+':
          p_.flags.plus = true;
          break;
        case '-':
          p_.flags.minus = true;
          p_.flags.zero = false;
          break;
        case ' ':
          p_.flags.space = true;
          break;
        default:
          return;
      }
    }
  }

  // An explicit [n] operand index at i_. Returns whether one was present and well formed.
  bool ArgIndex() {
    if (i_ >= f_.size() || f_[i_] != '[') return false;
    reordered_ = true;
    size_t close = f_.find(']', i_ + 1);
    if (f_.size() - i_ < 3 || close == std::string_view::npos) {
      ++i_;  // a lone '[' is skipped
      good_arg_num_ = false;
      return false;
    }
    ++i_;
    Number n = ParseNumber();
    bool ok = n.present && i_ == close;  // only digits between the brackets
    i_ = close + 1;
    if (ok && n.value >= 1 && n.value <= static_cast<int>(args_.size())) {
      arg_num_ = n.value - 1;
      return true;
    }
    good_arg_num_ = false;
    return ok;
  }

  // An int operand for * width or precision (fmt's intFromArg).
  Number IntFromArg() {
    Number n;
    if (arg_num_ >= static_cast<int>(args_.size())) return n;
    const Value& a = args_[static_cast<size_t>(arg_num_)];
    if (a.kind() == Kind::kInt && a.AsInt() >= -kMaxWidth && a.AsInt() <= kMaxWidth) {
      n = {static_cast<int>(a.AsInt()), true};
    } else if (a.kind() == Kind::kUint && a.AsUint() <= static_cast<uint64_t>(kMaxWidth)) {
      n = {static_cast<int>(a.AsUint()), true};
    }
    ++arg_num_;
    return n;
  }

  void ParseWidth(bool* after_index) {
    if (i_ < f_.size() && f_[i_] == '*') {
      ++i_;
      Number n = IntFromArg();
      p_.wid = n.value;
      p_.flags.wid_present = n.present;
      if (!n.present) p_.buf.append("%!(BADWIDTH)");
      if (p_.wid < 0) {  // a negative width means left alignment
        p_.wid = -p_.wid;
        p_.flags.minus = true;
        p_.flags.zero = false;
      }
      *after_index = false;
      return;
    }
    Number n = ParseNumber();
    p_.wid = n.value;
    p_.flags.wid_present = n.present;
    if (*after_index && n.present) good_arg_num_ = false;  // "%[3]2d"
  }

  void ParsePrecision(bool* after_index) {
    if (!(i_ + 1 < f_.size() && f_[i_] == '.')) return;
    ++i_;
    if (*after_index) good_arg_num_ = false;  // "%[3].2d"
    *after_index = ArgIndex();
    if (i_ < f_.size() && f_[i_] == '*') {
      ++i_;
      Number n = IntFromArg();
      p_.prec = n.value;
      p_.flags.prec_present = n.present;
      if (p_.prec < 0) {
        p_.prec = 0;
        p_.flags.prec_present = false;
      }
      if (!p_.flags.prec_present) p_.buf.append("%!(BADPREC)");
      *after_index = false;
      return;
    }
    Number n = ParseNumber();
    p_.prec = n.value;  // "%.d" means precision 0
    p_.flags.prec_present = true;
  }

  // Handles one directive after its '%'. Returns false when the format ends inside it.
  bool OneVerb() {
    good_arg_num_ = true;
    ParseFlags();
    bool after_index = ArgIndex();
    ParseWidth(&after_index);
    ParsePrecision(&after_index);
    if (!after_index) after_index = ArgIndex();
    if (i_ >= f_.size()) {
      p_.buf.append("%!(NOVERB)");
      return false;
    }
    gofmt::DecodedRune d = gofmt::DecodeRune(f_.substr(i_));
    i_ += d.size;
    char32_t verb = d.rune;
    if (verb == '%') {  // a literal percent takes no operand and ignores width
      p_.buf.push_back('%');
    } else if (!good_arg_num_) {
      AppendErrorVerb(verb, "(BADINDEX)");
    } else if (arg_num_ >= static_cast<int>(args_.size())) {
      AppendErrorVerb(verb, "(MISSING)");
    } else {
      if (verb == 'v') {
        // # and + mean Go syntax and field names for %v rather than flags.
        p_.flags.sharp_v = p_.flags.sharp;
        p_.flags.sharp = false;
        p_.flags.plus_v = p_.flags.plus;
        p_.flags.plus = false;
      }
      p_.PrintArg(args_[static_cast<size_t>(arg_num_++)], verb);
    }
    return true;
  }

  void AppendErrorVerb(char32_t verb, std::string_view what) {
    p_.buf.append("%!");
    gofmt::AppendRune(&p_.buf, verb);
    p_.buf.append(what);
  }

  // Unused operands: %!(EXTRA type=value, ...).
  void AppendExtra() {
    p_.ClearFlags();
    p_.buf.append("%!(EXTRA ");
    for (size_t k = static_cast<size_t>(arg_num_); k < args_.size(); ++k) {
      if (k > static_cast<size_t>(arg_num_)) p_.buf.append(", ");
      if (args_[k].is_nil()) {
        p_.buf.append("<nil>");
        continue;
      }
      p_.buf.append(args_[k].GoTypeName());
      p_.buf.push_back('=');
      p_.PrintArg(args_[k], 'v');
    }
    p_.buf.push_back(')');
  }

  std::string_view f_;
  std::span<const Value> args_;
  size_t i_ = 0;
  int arg_num_ = 0;
  bool good_arg_num_ = true;
  bool reordered_ = false;
  Printer p_;
};

}  // namespace

std::string GoSprint(std::span<const Value> args) {
  Printer p;
  bool prev_string = false;
  for (size_t i = 0; i < args.size(); ++i) {
    bool is_string = args[i].kind() == Kind::kString;
    if (i > 0 && !is_string && !prev_string) p.buf.push_back(' ');
    p.PrintArg(args[i], 'v');
    prev_string = is_string;
  }
  return std::move(p.buf);
}

std::string GoSprintln(std::span<const Value> args) {
  Printer p;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) p.buf.push_back(' ');
    p.PrintArg(args[i], 'v');
  }
  p.buf.push_back('\n');
  return std::move(p.buf);
}

std::string GoSprintf(std::string_view format, std::span<const Value> args) {
  return FormatRun(format, args).Run();
}

void AppendGoValue(std::string* out, const Value& v) {
  Printer p;
  p.PrintArg(v, 'v');
  out->append(p.buf);
}

}  // namespace kanon::tmpl
