// Printer: the state of one fmt.Sprint/Sprintf call, private to the gofmt*.cc files.
//
// It mirrors the two layers of Go's fmt package: the raw formatter (flags, width, precision,
// padding, numbers, strings) and the value printer that walks a Value the way fmt walks Go
// values with reflection (Stringer-like methods first, then kind by kind). A Printer is used
// by one call on one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "value/value.h"

namespace kanon::tmpl::gofmt {

using value::Value;

// UTF-8 as Go decodes it: an invalid or truncated sequence is U+FFFD of length 1.
struct DecodedRune {
  char32_t rune;
  size_t size;
};
DecodedRune DecodeRune(std::string_view s);
// Appends the UTF-8 encoding of r; surrogates and values past U+10FFFF become U+FFFD.
void AppendRune(std::string* out, char32_t r);
size_t RuneCount(std::string_view s);

// strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
bool IsGoPrint(char32_t r);
// strconv.Quote / QuoteToASCII appended to out.
void AppendQuoted(std::string* out, std::string_view s, bool ascii_only);
// strconv.QuoteRune / QuoteRuneToASCII appended to out.
void AppendQuotedRune(std::string* out, char32_t r, bool ascii_only);
// strconv.CanBackquote.
bool CanBackquote(std::string_view s);
// strconv.FormatFloat(v, fmt, prec, 64) for fmt in b e E f g G x X; prec -1 is shortest.
std::string FormatFloat(double v, char fmt, int prec);

// The flags of one verb: fmt's fmtFlags.
struct Flags {
  bool wid_present = false;
  bool prec_present = false;
  bool minus = false;
  bool plus = false;
  bool sharp = false;
  bool space = false;
  bool zero = false;
  bool plus_v = false;   // %+v: field names in structs
  bool sharp_v = false;  // %#v: Go syntax
};

// What Go prints for a pointer's address; real addresses are not reproducible.
inline constexpr uint64_t kFakeAddress = 0xc000010000;

class Printer final {
 public:
  std::string buf;
  Flags flags;
  int wid = 0;
  int prec = 0;

  void ClearFlags() { flags = Flags(); }

  // --- raw formatting (gofmt_text.cc, gofmt_number.cc) ---
  void WritePadding(int n);
  // Writes s padded with spaces (or zeros) to the width, counted in runes.
  void Pad(std::string_view s);
  void FmtBoolean(bool v) { Pad(v ? "true" : "false"); }
  void FmtInteger(uint64_t u, int base, bool is_signed, char32_t verb, bool upper);
  void FmtUnicode(uint64_t u);
  void FmtC(uint64_t c);
  void FmtQc(uint64_t c);
  void FmtS(std::string_view s);
  void FmtSbx(std::string_view s, bool upper);
  void FmtQ(std::string_view s);
  void FmtFloat(double v, char verb, int default_prec);

  // --- value printing (gofmt_value.cc) ---
  // fmt's printArg: the top-level operand of a verb.
  void PrintArg(const Value& v, char32_t verb);
  // fmt's printValue: a value reached at `depth` (0 for the operand itself).
  void PrintValue(const Value& v, char32_t verb, int depth);
  // "%!verb(type=value)", or "%!verb(<nil>)" for a nil operand.
  void BadVerb(char32_t verb, const Value& v);

 private:
  void PrintInteger(const Value& v, uint64_t u, bool is_signed, char32_t verb);
  void PrintFloat(const Value& v, char32_t verb);
  void PrintString(const Value& v, std::string_view s, char32_t verb);
  // gofmt_compound.cc: []byte, slices, maps, structs and pointers.
  void PrintBytes(const Value& v, char32_t verb, bool top_level);
  void PrintList(const Value& v, char32_t verb, int depth);
  void PrintMap(const Value& v, char32_t verb, int depth);
  void PrintStruct(const Value& v, char32_t verb, int depth);
  void PrintPointer(const Value& v, char32_t verb);
  void Fmt0x64(uint64_t v, bool leading0x);
  // fmt's handleMethods: the String/GoString methods of time.Time and semver.Version, and
  // %w's refusal. Returns whether the value was printed.
  bool HandleMethods(const Value& v, char32_t verb);

  bool erroring_ = false;  // inside BadVerb: methods are not called
};

}  // namespace kanon::tmpl::gofmt
