// Label selectors in the syntax of apimachinery's pkg/labels: comma-separated requirements,
// each `k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k>n` or `k<n`.

#include <cctype>
#include <charconv>

#include "kube/kube_api.h"

namespace kanon::kube {
namespace {

enum class ParsedOp { kEq, kNe, kIn, kNotIn, kExists, kNotExists, kGt, kLt };

struct ParsedTerm {
  std::string key;
  ParsedOp op;
  std::vector<std::string> values;
};

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == '/';
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<std::vector<ParsedTerm>> Run() {
    std::vector<ParsedTerm> terms;
    SkipSpace();
    if (AtEnd()) return terms;
    while (true) {
      ASSIGN_OR_RETURN(ParsedTerm term, Term());
      terms.push_back(std::move(term));
      SkipSpace();
      if (AtEnd()) return terms;
      if (!Consume(",")) return Error("expected ',' or the end");
      SkipSpace();
    }
  }

 private:
  Result<ParsedTerm> Term() {
    ParsedTerm t;
    bool negated = Consume("!");
    SkipSpace();
    t.key = Word();
    if (t.key.empty()) return Error("expected a label key");
    SkipSpace();
    if (negated || AtEnd() || Peek(",")) {
      t.op = negated ? ParsedOp::kNotExists : ParsedOp::kExists;
      return t;
    }
    if (Consume("==") || Consume("=")) return Single(std::move(t), ParsedOp::kEq);
    if (Consume("!=")) return Single(std::move(t), ParsedOp::kNe);
    if (Consume(">")) return Number(std::move(t), ParsedOp::kGt);
    if (Consume("<")) return Number(std::move(t), ParsedOp::kLt);
    std::string word = Word();
    if (word == "in") return Set(std::move(t), ParsedOp::kIn);
    if (word == "notin") return Set(std::move(t), ParsedOp::kNotIn);
    return Error("expected an operator (=, ==, !=, in, notin, >, <) after \"" + t.key + "\"");
  }

  Result<ParsedTerm> Single(ParsedTerm t, ParsedOp op) {
    SkipSpace();
    t.op = op;
    t.values.push_back(Word());
    return t;
  }

  Result<ParsedTerm> Number(ParsedTerm t, ParsedOp op) {
    SkipSpace();
    t.op = op;
    std::string v = Word();
    int64_t n = 0;
    if (!ParseInt(v, &n)) return Error("expected an integer after \"" + t.key + "\"");
    t.values.push_back(v);
    return t;
  }

  Result<ParsedTerm> Set(ParsedTerm t, ParsedOp op) {
    t.op = op;
    SkipSpace();
    if (!Consume("(")) return Error("expected '(' after \"in\" or \"notin\"");
    while (true) {
      SkipSpace();
      t.values.push_back(Word());
      SkipSpace();
      if (Consume(")")) return t;
      if (!Consume(",")) return Error("expected ',' or ')' in a value set");
    }
  }

  std::string Word() {
    size_t start = pos_;
    while (!AtEnd() && IsWordChar(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  void SkipSpace() {
    while (!AtEnd() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  bool Peek(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
  bool Consume(std::string_view s) {
    if (!Peek(s)) return false;
    pos_ += s.size();
    return true;
  }
  Status Error(const std::string& what) const {
    return InvalidArgument("unable to parse label selector \"" + std::string(text_) +
                           "\" at position " + std::to_string(pos_) + ": " + what);
  }

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

Result<LabelSelector> LabelSelector::Parse(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<ParsedTerm> parsed, Parser(text).Run());
  LabelSelector selector;
  for (ParsedTerm& p : parsed) {
    selector.terms_.push_back(
        Term{std::move(p.key), static_cast<Term::Op>(p.op), std::move(p.values)});
  }
  return selector;
}

bool LabelSelector::Matches(const Value& labels) const {
  for (const Term& t : terms_) {
    const Value* v = labels.kind() == value::Kind::kMap ? labels.Find(t.key) : nullptr;
    bool present = v != nullptr && v->kind() == value::Kind::kString;
    std::string label = present ? v->AsString() : "";
    auto in_set = [&] {
      for (const auto& s : t.values) {
        if (s == label) return true;
      }
      return false;
    };
    int64_t have = 0, want = 0;
    bool ok = true;
    switch (t.op) {
      case Term::Op::kEq:
        ok = present && label == t.values[0];
        break;
      case Term::Op::kNe:
        ok = !present || label != t.values[0];
        break;
      case Term::Op::kIn:
        ok = present && in_set();
        break;
      case Term::Op::kNotIn:
        ok = !present || !in_set();
        break;
      case Term::Op::kExists:
        ok = present;
        break;
      case Term::Op::kNotExists:
        ok = !present;
        break;
      case Term::Op::kGt:
      case Term::Op::kLt:
        ok = present && ParseInt(label, &have) && ParseInt(t.values[0], &want) &&
             (t.op == Term::Op::kGt ? have > want : have < want);
        break;
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace kanon::kube
