// Semantic versions as Masterminds/semver v3 parses, orders and constrains them (the library
// behind sprig's semver and semverCompare). Internal to the sprig functions; pure, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kanon::tmpl::sprig {

struct SemverVersion {
  uint64_t major = 0, minor = 0, patch = 0;
  std::string pre, metadata;
  std::string original;  // the text it was parsed from
};

// semver.NewVersion: "v1.2", "1.2.3-rc.1+build", ... with the library's error texts
// ("Invalid Semantic Version", "Invalid Prerelease string", ...).
Result<SemverVersion> ParseSemver(std::string_view text);
// Version.String(): "1.2.3-pre+meta".
std::string SemverString(const SemverVersion& v);
// Version.Compare: -1, 0 or 1 (precedence; metadata ignored).
int CompareSemver(const SemverVersion& a, const SemverVersion& b);
// semverCompare: NewConstraint(constraint).Check(NewVersion(version)); errors are the
// constraint's ("improper constraint: x") or the version's.
Result<bool> SemverSatisfies(std::string_view constraint, std::string_view version);

}  // namespace kanon::tmpl::sprig
