// Masterminds/semver v3 constraints: "||"-separated groups of ","/space-separated
// comparisons, x-ranges ("1.2.x", "*"), hyphen ranges ("1 - 2"), and the operators
// = != > < >= => <= =< ~ ~> ^, checked the way the library's Check does (a prerelease
// version only satisfies comparisons whose version is a prerelease).
#include <re2/re2.h>

#include "tmpl/sprig_families.h"
#include "tmpl/sprig_semver.h"

namespace kanon::tmpl::sprig {
namespace {

// The library's patterns, assembled the same way.
const std::string kOps = R"(=||!=|>|<|>=|=>|<=|=<|~|~>|\^)";
const std::string kCv = R"(v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?)"
                        R"((-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)"
                        R"((\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)";

struct Patterns {
  RE2 constraint{R"(^\s*()" + kOps + R"()\s*()" + kCv + R"()\s*$)"};
  RE2 range{R"(\s*()" + kCv + R"()\s+-\s+()" + kCv + R"()\s*)"};
  RE2 find{"(" + kOps + R"()\s*()" + kCv + ")"};
  RE2 valid{R"(^(\s*()" + kOps + R"()\s*()" + kCv + R"()\s*)((?:\s+|,\s*)()" + kOps + R"()\s*()" +
            kCv + R"()\s*)*$)"};
};

const Patterns& Regexes() {
  static const Patterns p;
  return p;
}

struct Constraint {
  SemverVersion con;
  std::string orig, op;
  bool dirty = false, minor_dirty = false, patch_dirty = false;
};

bool IsX(std::string_view s) { return s == "x" || s == "*" || s == "X"; }

// Submatches of the leftmost match of `re` in `s` at or after `pos`, as text and offsets.
bool MatchFrom(const RE2& re, std::string_view s, size_t pos, std::vector<re2::StringPiece>* m) {
  const int n = re.NumberOfCapturingGroups() + 1;
  m->assign(static_cast<size_t>(n), re2::StringPiece());
  return re.Match(s, pos, s.size(), RE2::UNANCHORED, m->data(), n);
}

// FindAllString(s, -1) for patterns that cannot match empty text.
std::vector<std::string> FindAll(const RE2& re, std::string_view s) {
  std::vector<std::string> out;
  std::vector<re2::StringPiece> m;
  for (size_t pos = 0; pos <= s.size() && MatchFrom(re, s, pos, &m);) {
    out.emplace_back(m[0]);
    size_t end = static_cast<size_t>(m[0].data() - s.data()) + m[0].size();
    pos = m[0].empty() ? end + 1 : end;
  }
  return out;
}

// rewriteRange: "a - b" becomes ">= a, <= b".
std::string RewriteRange(std::string text) {
  std::vector<std::pair<std::string, std::string>> swaps;
  std::vector<re2::StringPiece> m;
  const std::string original = text;
  std::string_view s = original;
  for (size_t pos = 0; pos <= s.size() && MatchFrom(Regexes().range, s, pos, &m);) {
    swaps.emplace_back(std::string(m[0]), ">= " + std::string(m[1]) + ", <= " + std::string(m[11]));
    size_t end = static_cast<size_t>(m[0].data() - s.data()) + m[0].size();
    pos = m[0].empty() ? end + 1 : end;
  }
  for (const auto& [from, to] : swaps) {
    if (size_t at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  }
  return text;
}

Result<Constraint> ParseConstraint(std::string_view text) {
  Constraint c;
  if (text.empty()) {
    c.orig = std::string(text);
    c.dirty = true;
    return c;
  }
  std::vector<re2::StringPiece> m;
  if (!MatchFrom(Regexes().constraint, text, 0, &m)) {
    return GoError("improper constraint: " + std::string(text));
  }
  c.op = std::string(m[1]);
  c.orig = std::string(m[2]);
  const std::string major(m[3]), minor(m[4]), patch(m[5]), pre(m[6]);
  std::string ver = c.orig;
  if (IsX(major) || major.empty()) {
    ver = "0.0.0" + pre;
    c.dirty = true;
  } else if (minor.empty() || IsX(minor.substr(1))) {
    ver = major + ".0.0" + pre;
    c.dirty = c.minor_dirty = true;
  } else if (patch.empty() || IsX(patch.substr(1))) {
    ver = major + minor + ".0" + pre;
    c.dirty = c.patch_dirty = true;
  }
  Result<SemverVersion> con = ParseSemver(ver);
  if (!con.ok()) return GoError("constraint Parser Error");
  c.con = *std::move(con);
  return c;
}

bool Tilde(const SemverVersion& v, const Constraint& c) {
  if (CompareSemver(v, c.con) < 0) return false;
  if (c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty &&
      !c.patch_dirty) {
    return true;
  }
  if (v.major != c.con.major) return false;
  return v.minor == c.con.minor || c.minor_dirty;
}

bool NotEqual(const SemverVersion& v, const Constraint& c) {
  if (c.dirty) {
    if (c.con.major != v.major) return true;
    if (c.con.minor != v.minor && !c.minor_dirty) return true;
    if (c.minor_dirty) return false;
    if (c.con.patch != v.patch && !c.patch_dirty) return true;
    if (c.patch_dirty) {
      // Prerelease identifiers compare equal exactly when their texts are equal.
      return (!v.pre.empty() || !c.con.pre.empty()) && v.pre != c.con.pre;
    }
  }
  return CompareSemver(v, c.con) != 0;
}

bool GreaterThan(const SemverVersion& v, const Constraint& c) {
  if (!c.dirty) return CompareSemver(v, c.con) == 1;
  if (v.major > c.con.major) return true;
  if (v.major < c.con.major || c.minor_dirty) return false;
  if (c.patch_dirty) return v.minor > c.con.minor;
  return CompareSemver(v, c.con) == 1;
}

bool LessThanEqual(const SemverVersion& v, const Constraint& c) {
  if (!c.dirty) return CompareSemver(v, c.con) <= 0;
  if (v.major > c.con.major) return false;
  return !(v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty);
}

bool Caret(const SemverVersion& v, const Constraint& c) {
  if (CompareSemver(v, c.con) < 0) return false;
  if (c.con.major > 0 || c.minor_dirty) return v.major == c.con.major;
  if (v.major > 0) return false;
  if (c.con.minor > 0 || c.patch_dirty) return v.minor == c.con.minor;
  if (v.minor > 0) return false;
  return c.con.patch == v.patch;
}

bool Check(const SemverVersion& v, const Constraint& c) {
  const std::string& op = c.op;
  // Every operator but != refuses a prerelease against a release-only constraint.
  const bool pre_refused = !v.pre.empty() && c.con.pre.empty();
  if (op == "!=") {
    if (c.dirty && pre_refused) return false;
    return NotEqual(v, c);
  }
  if (pre_refused) return false;
  if (op.empty() || op == "=") return c.dirty ? Tilde(v, c) : CompareSemver(v, c.con) == 0;
  if (op == ">") return GreaterThan(v, c);
  if (op == "<") return CompareSemver(v, c.con) < 0;
  if (op == ">=" || op == "=>") return CompareSemver(v, c.con) >= 0;
  if (op == "<=" || op == "=<") return LessThanEqual(v, c);
  if (op == "~" || op == "~>") return Tilde(v, c);
  return Caret(v, c);  // "^"
}

}  // namespace

Result<bool> SemverSatisfies(std::string_view constraint, std::string_view version) {
  const std::string text = RewriteRange(std::string(constraint));
  std::vector<std::vector<Constraint>> groups;
  std::string_view rest = text;
  for (bool last = false; !last;) {
    size_t bar = rest.find("||");
    last = bar == std::string_view::npos;
    std::string_view group = rest.substr(0, bar);
    if (!last) rest.remove_prefix(bar + 2);
    if (!RE2::PartialMatch(group, Regexes().valid)) {
      return GoError("improper constraint: " + std::string(group));
    }
    std::vector<std::string> parts = FindAll(Regexes().find, group);
    if (parts.empty()) parts.emplace_back(group);
    std::vector<Constraint> and_group;
    for (const std::string& part : parts) {
      ASSIGN_OR_RETURN(Constraint c, ParseConstraint(part));
      and_group.push_back(std::move(c));
    }
    groups.push_back(std::move(and_group));
  }
  ASSIGN_OR_RETURN(SemverVersion v, ParseSemver(version));
  for (const auto& group : groups) {
    bool all = true;
    for (const Constraint& c : group) all = all && Check(v, c);
    if (all) return true;
  }
  return false;
}

}  // namespace kanon::tmpl::sprig
