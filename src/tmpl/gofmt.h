// Go's fmt package, as far as templates reach it: Sprint, Sprintln, Sprintf with the verbs,
// flags, width and precision Go supports, over Values, printing them exactly as Go prints the
// corresponding Go values (maps as map[k:v ...] in key order, slices as [a b], structs as
// {a b} or &{a b}, nil as <nil>, floats as %g shortest, []byte as [104 105], time.Time via its
// String method, semver via String). Pure functions, thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "value/value.h"

namespace kanon::tmpl {

// fmt.Sprint(args...): a space between operands when neither side is a string.
std::string GoSprint(std::span<const value::Value> args);
// fmt.Sprintln(args...): spaces between all operands and a trailing newline.
std::string GoSprintln(std::span<const value::Value> args);
// fmt.Sprintf(format, args...), including Go's error forms: %!d(string=x), %!v(MISSING),
// %!(EXTRA int=1), %!z(int=1), %!(BADWIDTH), %!(NOVERB).
std::string GoSprintf(std::string_view format, std::span<const value::Value> args);
// Appends fmt.Sprint(v) of one value (the %v form).
void AppendGoValue(std::string* out, const value::Value& v);

// Go's Time.String(): "2006-01-02 15:04:05.999999999 -0700 MST".
std::string GoTimeString(const value::Time& t);

}  // namespace kanon::tmpl
