// Go time layer against Go 1.19's time package: Format over every layout element, Parse with
// its error texts, zones from the system zoneinfo, durations both ways, and sprig's date
// functions. Expected strings were produced by Go (time.Unix(...).In(time.FixedZone(...))
// .Format, time.ParseInLocation, time.ParseDuration, Duration.String).

#include "tmpl/gotime.h"

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tmpl/func.h"
#include "tmpl/gofmt.h"

namespace kanon::tmpl {
namespace {

using value::Time;
using value::Value;

struct LayoutCase {
  const char* layout;
  const char* want;
};

struct FormatCase {
  Time t;
  std::vector<LayoutCase> layouts;
};

TEST(GoTimeTest, FormatsEveryLayoutElement) {
  // clang-format off
  const std::vector<FormatCase> cases = {
    {{1136239445, 123456789, -25200, "MST"}, {
      {"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05-07:00"},
      {"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.123456789-07:00"},
      {"Mon Jan _2 15:04:05 MST 2006", "Mon Jan  2 15:04:05 MST 2006"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Monday, 02-Jan-06 15:04:05 MST"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Jan 2, 2006 at 3:04pm (MST)"},
      {"3:04:05 PM", "3:04:05 PM"},
      {"03:04:05.000 pm", "03:04:05.123 pm"},
      {"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "-07 -0700 -07:00 -070000 -07:00:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "-07 -0700 -07:00 -070000 -07:00:00"},
      {"002 __2 _2 2 02", "002   2  2 2 02"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".1 .12 .123456 .123 ,123 ,123456789 .123456789"},
      {"05.000 5,99 4 04", "05.123 5,12 4 04"},
      {"January January Jan Monday Mon", "January January Jan Monday Mon"},
      {"Janet Mond MSTX", "Janet Mond MSTX"},
      {"_2006 06 2006", "_2006 06 2006"},
      {"1 01 15 3 03 PM pm", "1 01 15 3 03 PM pm"},
      {"2006-01-02T15:04:05.0000000000", "2006-01-02T15:04:05.123456789"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
    {{1704067200, 0, 0, "UTC"}, {
      {"2006-01-02T15:04:05Z07:00", "2024-01-01T00:00:00Z"},
      {"2006-01-02T15:04:05.999999999Z07:00", "2024-01-01T00:00:00Z"},
      {"Mon Jan _2 15:04:05 MST 2006", "Mon Jan  1 00:00:00 UTC 2024"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Monday, 01-Jan-24 00:00:00 UTC"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Jan 1, 2024 at 12:00am (UTC)"},
      {"3:04:05 PM", "12:00:00 AM"},
      {"03:04:05.000 pm", "12:00:00.000 am"},
      {"2006-01-02 15:04:05 -0700", "2024-01-01 00:00:00 +0000"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "+00 +0000 +00:00 +000000 +00:00:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "Z Z Z Z Z"},
      {"002 __2 _2 2 02", "001   1  1 1 01"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".0 .00 .000000   ,000000000 "},
      {"05.000 5,99 4 04", "00.000 0 0 00"},
      {"January January Jan Monday Mon", "January January Jan Monday Mon"},
      {"Janet Mond MSTX", "Janet Mond UTCX"},
      {"_2006 06 2006", "_2024 24 2024"},
      {"1 01 15 3 03 PM pm", "1 01 00 12 12 AM am"},
      {"2006-01-02T15:04:05.0000000000", "2024-01-01T00:00:00.000000000"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
    {{-62135596800, 0, 0, "UTC"}, {
      {"2006-01-02T15:04:05Z07:00", "0001-01-01T00:00:00Z"},
      {"2006-01-02T15:04:05.999999999Z07:00", "0001-01-01T00:00:00Z"},
      {"Mon Jan _2 15:04:05 MST 2006", "Mon Jan  1 00:00:00 UTC 0001"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Monday, 01-Jan-01 00:00:00 UTC"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Jan 1, 0001 at 12:00am (UTC)"},
      {"3:04:05 PM", "12:00:00 AM"},
      {"03:04:05.000 pm", "12:00:00.000 am"},
      {"2006-01-02 15:04:05 -0700", "0001-01-01 00:00:00 +0000"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "+00 +0000 +00:00 +000000 +00:00:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "Z Z Z Z Z"},
      {"002 __2 _2 2 02", "001   1  1 1 01"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".0 .00 .000000   ,000000000 "},
      {"05.000 5,99 4 04", "00.000 0 0 00"},
      {"January January Jan Monday Mon", "January January Jan Monday Mon"},
      {"Janet Mond MSTX", "Janet Mond UTCX"},
      {"_2006 06 2006", "_0001 01 0001"},
      {"1 01 15 3 03 PM pm", "1 01 00 12 12 AM am"},
      {"2006-01-02T15:04:05.0000000000", "0001-01-01T00:00:00.000000000"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
    {{1720000000, 500000, 19800, "IST"}, {
      {"2006-01-02T15:04:05Z07:00", "2024-07-03T15:16:40+05:30"},
      {"2006-01-02T15:04:05.999999999Z07:00", "2024-07-03T15:16:40.0005+05:30"},
      {"Mon Jan _2 15:04:05 MST 2006", "Wed Jul  3 15:16:40 IST 2024"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Wednesday, 03-Jul-24 15:16:40 IST"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Jul 3, 2024 at 3:16pm (IST)"},
      {"3:04:05 PM", "3:16:40 PM"},
      {"03:04:05.000 pm", "03:16:40.000 pm"},
      {"2006-01-02 15:04:05 -0700", "2024-07-03 15:16:40 +0530"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "+05 +0530 +05:30 +053000 +05:30:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "+05 +0530 +05:30 +053000 +05:30:00"},
      {"002 __2 _2 2 02", "185 185  3 3 03"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".0 .00 .000500   ,000500000 .0005"},
      {"05.000 5,99 4 04", "40.000 40 16 16"},
      {"January January Jan Monday Mon", "July July Jul Wednesday Wed"},
      {"Janet Mond MSTX", "Janet Mond ISTX"},
      {"_2006 06 2006", "_2024 24 2024"},
      {"1 01 15 3 03 PM pm", "7 07 15 3 03 PM pm"},
      {"2006-01-02T15:04:05.0000000000", "2024-07-03T15:16:40.000500000"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
    {{13, 1000, -12600, ""}, {
      {"2006-01-02T15:04:05Z07:00", "1969-12-31T20:30:13-03:30"},
      {"2006-01-02T15:04:05.999999999Z07:00", "1969-12-31T20:30:13.000001-03:30"},
      {"Mon Jan _2 15:04:05 MST 2006", "Wed Dec 31 20:30:13 -0330 1969"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Wednesday, 31-Dec-69 20:30:13 -0330"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Dec 31, 1969 at 8:30pm (-0330)"},
      {"3:04:05 PM", "8:30:13 PM"},
      {"03:04:05.000 pm", "08:30:13.000 pm"},
      {"2006-01-02 15:04:05 -0700", "1969-12-31 20:30:13 -0330"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "-03 -0330 -03:30 -033000 -03:30:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "-03 -0330 -03:30 -033000 -03:30:00"},
      {"002 __2 _2 2 02", "365 365 31 31 31"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".0 .00 .000001   ,000001000 .000001"},
      {"05.000 5,99 4 04", "13.000 13 30 30"},
      {"January January Jan Monday Mon", "December December Dec Wednesday Wed"},
      {"Janet Mond MSTX", "Janet Mond -0330X"},
      {"_2006 06 2006", "_1969 69 1969"},
      {"1 01 15 3 03 PM pm", "12 12 20 8 08 PM pm"},
      {"2006-01-02T15:04:05.0000000000", "1969-12-31T20:30:13.000001000"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
    {{-2243548800, 7, 0, "UTC"}, {
      {"2006-01-02T15:04:05Z07:00", "1898-11-27T00:00:00Z"},
      {"2006-01-02T15:04:05.999999999Z07:00", "1898-11-27T00:00:00.000000007Z"},
      {"Mon Jan _2 15:04:05 MST 2006", "Sun Nov 27 00:00:00 UTC 1898"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Sunday, 27-Nov-98 00:00:00 UTC"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Nov 27, 1898 at 12:00am (UTC)"},
      {"3:04:05 PM", "12:00:00 AM"},
      {"03:04:05.000 pm", "12:00:00.000 am"},
      {"2006-01-02 15:04:05 -0700", "1898-11-27 00:00:00 +0000"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "+00 +0000 +00:00 +000000 +00:00:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "Z Z Z Z Z"},
      {"002 __2 _2 2 02", "331 331 27 27 27"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".0 .00 .000000   ,000000007 .000000007"},
      {"05.000 5,99 4 04", "00.000 0 0 00"},
      {"January January Jan Monday Mon", "November November Nov Sunday Sun"},
      {"Janet Mond MSTX", "Janet Mond UTCX"},
      {"_2006 06 2006", "_1898 98 1898"},
      {"1 01 15 3 03 PM pm", "11 11 00 12 12 AM am"},
      {"2006-01-02T15:04:05.0000000000", "1898-11-27T00:00:00.000000007"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
    {{1700000000, 999999999, 45900, "+1245"}, {
      {"2006-01-02T15:04:05Z07:00", "2023-11-15T10:58:20+12:45"},
      {"2006-01-02T15:04:05.999999999Z07:00", "2023-11-15T10:58:20.999999999+12:45"},
      {"Mon Jan _2 15:04:05 MST 2006", "Wed Nov 15 10:58:20 +1245 2023"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Wednesday, 15-Nov-23 10:58:20 +1245"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Nov 15, 2023 at 10:58am (+1245)"},
      {"3:04:05 PM", "10:58:20 AM"},
      {"03:04:05.000 pm", "10:58:20.999 am"},
      {"2006-01-02 15:04:05 -0700", "2023-11-15 10:58:20 +1245"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "+12 +1245 +12:45 +124500 +12:45:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "+12 +1245 +12:45 +124500 +12:45:00"},
      {"002 __2 _2 2 02", "319 319 15 15 15"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".9 .99 .999999 .999 ,999 ,999999999 .999999999"},
      {"05.000 5,99 4 04", "20.999 20,99 58 58"},
      {"January January Jan Monday Mon", "November November Nov Wednesday Wed"},
      {"Janet Mond MSTX", "Janet Mond +1245X"},
      {"_2006 06 2006", "_2023 23 2023"},
      {"1 01 15 3 03 PM pm", "11 11 10 10 10 AM am"},
      {"2006-01-02T15:04:05.0000000000", "2023-11-15T10:58:20.999999999"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
    {{951782400, 0, 3600, "CET"}, {
      {"2006-01-02T15:04:05Z07:00", "2000-02-29T01:00:00+01:00"},
      {"2006-01-02T15:04:05.999999999Z07:00", "2000-02-29T01:00:00+01:00"},
      {"Mon Jan _2 15:04:05 MST 2006", "Tue Feb 29 01:00:00 CET 2000"},
      {"Monday, 02-Jan-06 15:04:05 MST", "Tuesday, 29-Feb-00 01:00:00 CET"},
      {"Jan 2, 2006 at 3:04pm (MST)", "Feb 29, 2000 at 1:00am (CET)"},
      {"3:04:05 PM", "1:00:00 AM"},
      {"03:04:05.000 pm", "01:00:00.000 am"},
      {"2006-01-02 15:04:05 -0700", "2000-02-29 01:00:00 +0100"},
      {"-07 -0700 -07:00 -070000 -07:00:00", "+01 +0100 +01:00 +010000 +01:00:00"},
      {"Z07 Z0700 Z07:00 Z070000 Z07:00:00", "+01 +0100 +01:00 +010000 +01:00:00"},
      {"002 __2 _2 2 02", "060  60 29 29 29"},
      {".0 .00 .000000 .999 ,999 ,000000000 .9999999999", ".0 .00 .000000   ,000000000 "},
      {"05.000 5,99 4 04", "00.000 0 0 00"},
      {"January January Jan Monday Mon", "February February Feb Tuesday Tue"},
      {"Janet Mond MSTX", "Janet Mond CETX"},
      {"_2006 06 2006", "_2000 00 2000"},
      {"1 01 15 3 03 PM pm", "2 02 01 1 01 AM am"},
      {"2006-01-02T15:04:05.0000000000", "2000-02-29T01:00:00.000000000"},
      {"no elements here", "no elements here"},
      {"", ""},
    }},
  };
  // clang-format on
  for (const FormatCase& c : cases) {
    for (const LayoutCase& l : c.layouts) {
      EXPECT_EQ(GoFormatTime(c.t, l.layout), l.want) << c.t.unix_sec << " " << l.layout;
    }
  }
}

struct ParseCase {
  const char* layout;
  const char* text;
  const char* zone;
  const char* want;  // "unix nsec offset zone" or "ERR message"
};

TEST(GoTimeTest, ParsesLikeParseInLocation) {
  // clang-format off
  const ParseCase cases[] = {
      {"2006-01-02", "2024-02-29", "UTC", "1709164800 0 0 UTC"},
      {"2006-01-02", "2023-02-29", "UTC", "ERR parsing time \"2023-02-29\": day out of range"},
      {"2006-01-02", "2024-13-01", "UTC", "ERR parsing time \"2024-13-01\": month out of range"},
      {"2006-01-02", "24-01-01", "UTC", "ERR parsing time \"24-01-01\" as \"2006-01-02\": cannot parse \"1-01\" as \"2006\""},
      {"2006-01-02", "2024-01-01x", "UTC", "ERR parsing time \"2024-01-01x\": extra text: \"x\""},
      {"2006-01-02", "2024/01/01", "UTC", "ERR parsing time \"2024/01/01\" as \"2006-01-02\": cannot parse \"/01/01\" as \"-\""},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T03:04:05Z", "UTC", "1704164645 0 0 UTC"},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T03:04:05+05:30", "UTC", "1704144845 0 19800 "},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T03:04:05.123456+01:00", "UTC", "1704161045 123456000 3600 "},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T25:04:05Z", "UTC", "ERR parsing time \"2024-01-02T25:04:05Z\": hour out of range"},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T03:60:05Z", "UTC", "ERR parsing time \"2024-01-02T03:60:05Z\": minute out of range"},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T03:04:61Z", "UTC", "ERR parsing time \"2024-01-02T03:04:61Z\": second out of range"},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T03:04:05", "UTC", "ERR parsing time \"2024-01-02T03:04:05\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" as \"Z07:00\""},
      {"2006-01-02T15:04:05Z07:00", "2024-01-02T03:04:05+0100", "UTC", "ERR parsing time \"2024-01-02T03:04:05+0100\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"+0100\" as \"Z07:00\""},
      {"2006-01-02 15:04:05", "2024-07-01 12:00:00", "America/New_York", "1719849600 0 -14400 EDT"},
      {"2006-01-02 15:04:05", "2024-03-10 02:30:00", "America/New_York", "1710052200 0 -18000 EST"},
      {"2006-01-02 15:04:05", "2024-11-03 01:30:00", "America/New_York", "1730611800 0 -14400 EDT"},
      {"2006-01-02 15:04:05 MST", "2024-07-01 12:00:00 EDT", "America/New_York", "1719849600 0 -14400 EDT"},
      {"2006-01-02 15:04:05 MST", "2024-07-01 12:00:00 PST", "America/New_York", "1719835200 0 0 PST"},
      {"2006-01-02 15:04:05 MST", "2024-07-01 12:00:00 PST", "UTC", "1719835200 0 0 PST"},
      {"2006-01-02 15:04:05 MST", "2024-07-01 12:00:00 GMT+3", "UTC", "1719835200 0 10800 GMT+3"},
      {"2006-01-02 15:04:05 MST", "2024-07-01 12:00:00 UTC", "Europe/Paris", "1719835200 0 0 UTC"},
      {"2006-01-02 15:04:05 MST", "2024-07-01 12:00:00 ChST", "UTC", "1719835200 0 0 ChST"},
      {"2006-01-02 15:04:05 MST", "2024-07-01 12:00:00 X", "UTC", "ERR parsing time \"2024-07-01 12:00:00 X\" as \"2006-01-02 15:04:05 MST\": cannot parse \"X\" as \"MST\""},
      {"2006-01-02 15:04:05 -0700", "2024-07-01 12:00:00 -0400", "America/New_York", "1719849600 0 -14400 EDT"},
      {"2006-01-02 15:04:05 -0700", "2024-07-01 12:00:00 -0500", "America/New_York", "1719853200 0 -18000 "},
      {"2006-01-02 15:04:05 -0700 MST", "2024-07-01 12:00:00 -0400 XYZ", "America/New_York", "1719849600 0 -14400 XYZ"},
      {"Jan _2 2006", "Feb  3 2021", "UTC", "1612310400 0 0 UTC"},
      {"Jan _2 2006", "feb 3 2021", "UTC", "1612310400 0 0 UTC"},
      {"January 2, 2006", "MARCH 14, 2021", "UTC", "1615680000 0 0 UTC"},
      {"Jan 2 2006", "Foo 3 2021", "UTC", "ERR parsing time \"Foo 3 2021\" as \"Jan 2 2006\": cannot parse \"Foo 3 2021\" as \"Jan\""},
      {"Mon Jan 2 2006", "Tue Feb 2 2021", "UTC", "1612224000 0 0 UTC"},
      {"Mon Jan 2 2006", "Xyz Feb 2 2021", "UTC", "ERR parsing time \"Xyz Feb 2 2021\" as \"Mon Jan 2 2006\": cannot parse \"Xyz Feb 2 2021\" as \"Mon\""},
      {"Monday", "Friday", "UTC", "-62167219200 0 0 UTC"},
      {"3:04pm", "3:04PM", "UTC", "ERR parsing time \"3:04PM\" as \"3:04pm\": cannot parse \"\" as \"pm\""},
      {"3:04pm", "12:30am", "UTC", "-62167217400 0 0 UTC"},
      {"3:04PM", "12:30PM", "UTC", "-62167174200 0 0 UTC"},
      {"3:04PM", "13:30PM", "UTC", "ERR parsing time \"13:30PM\": hour out of range"},
      {"03:04PM", "3:04PM", "UTC", "ERR parsing time \"3:04PM\" as \"03:04PM\": cannot parse \"3:04PM\" as \"03\""},
      {"2006 002", "2024 060", "UTC", "1709164800 0 0 UTC"},
      {"2006 002", "2023 060", "UTC", "1677628800 0 0 UTC"},
      {"2006 __2", "2024 366", "UTC", "1735603200 0 0 UTC"},
      {"2006 __2", "2023 366", "UTC", "ERR parsing time \"2023 366\": day-of-year out of range"},
      {"2006-01 002", "2024-03 060", "UTC", "ERR parsing time \"2024-03 060\": day-of-year does not match month"},
      {"2006-01-02 002", "2024-03-02 060", "UTC", "ERR parsing time \"2024-03-02 060\": day-of-year does not match month"},
      {"2006 002", "2024 000", "UTC", "ERR parsing time \"2024 000\": day-of-year out of range"},
      {"15:04:05.000", "10:11:12.345", "UTC", "-62167182528 345000000 0 UTC"},
      {"15:04:05.000", "10:11:12.34", "UTC", "ERR parsing time \"10:11:12.34\" as \"15:04:05.000\": cannot parse \".34\" as \".000\""},
      {"15:04:05.999", "10:11:12", "UTC", "-62167182528 0 0 UTC"},
      {"15:04:05.999", "10:11:12.5", "UTC", "-62167182528 500000000 0 UTC"},
      {"15:04:05", "10:11:12.123456789123", "UTC", "-62167182528 123456789 0 UTC"},
      {"15:04:05", "10:11:12,5", "UTC", "-62167182528 500000000 0 UTC"},
      {"15:04:05,000", "10:11:12,250", "UTC", "-62167182528 250000000 0 UTC"},
      {"06-01-02", "69-01-02", "UTC", "-31449600 0 0 UTC"},
      {"06-01-02", "68-01-02", "UTC", "3092688000 0 0 UTC"},
      {"06-01-02", "-1-01-02", "UTC", "915235200 0 0 UTC"},
      {"2006-01-02", "0000-01-01", "UTC", "-62167219200 0 0 UTC"},
      {"2006-01-02", "9999-12-31", "UTC", "253402214400 0 0 UTC"},
      {"2006  01", "2020 \t01", "UTC", "ERR parsing time \"2020 \\x0901\" as \"2006  01\": cannot parse \"\\x0901\" as \"01\""},
      {"2006  01", "2020    01", "UTC", "1577836800 0 0 UTC"},
      {"2006-01-02", "2024-01-02", "Mars/Olympus", "ERR unknown time zone Mars/Olympus"},
      {"2006-01-02", "2024-01-02", "Asia/Kolkata", "1704133800 0 19800 IST"},
      {"2006-01-02", "2024-01-0é", "UTC", "ERR parsing time \"2024-01-0\\xc3\\xa9\" as \"2006-01-02\": cannot parse \"0\\xc3\\xa9\" as \"02\""},
      {"Z07", "+05", "UTC", "-62167237200 0 18000 "},
      {"Z07", "Z", "UTC", "-62167219200 0 0 UTC"},
      {"Z070000", "Z", "UTC", "ERR parsing time \"Z\" as \"Z070000\": cannot parse \"Z\" as \"Z070000\""},
      {"-07:00:00", "+01:02:03", "UTC", "-62167222923 0 3723 "},
      {"-07", "+1", "UTC", "ERR parsing time \"+1\" as \"-07\": cannot parse \"+1\" as \"-07\""},
      {"15:04 MST", "10:00 +0530", "UTC", "ERR parsing time \"10:00 +0530\" as \"15:04 MST\": cannot parse \"+0530\" as \"MST\""},
      {"15:04 MST", "10:00 +24", "UTC", "ERR parsing time \"10:00 +24\" as \"15:04 MST\": cannot parse \"+24\" as \"MST\""},
      {"15:04 MST", "10:00 WITA", "UTC", "-62167183200 0 0 WITA"},
      {"15:04 MST", "10:00 ABCDE", "UTC", "ERR parsing time \"10:00 ABCDE\" as \"15:04 MST\": cannot parse \"ABCDE\" as \"MST\""},
      {"15:04 MST", "10:00 ABCDT", "UTC", "-62167183200 0 0 ABCDT"},
      {"2006-01-02", "", "UTC", "ERR parsing time \"\" as \"2006-01-02\": cannot parse \"\" as \"2006\""},
      {"", "x", "UTC", "ERR parsing time \"x\": extra text: \"x\""},
      {"", "", "UTC", "-62167219200 0 0 UTC"},
      {".000", ".12a", "UTC", "ERR parsing time \".12a\" as \".000\": cannot parse \"\" as \".000\""},
      {"2006-01-02T15:04:05.9999999999", "2024-01-02T03:04:05.12345678912", "UTC", "ERR parsing time \"2024-01-02T03:04:05.12345678912\": extra text: \"12\""},
  };
  // clang-format on
  for (const ParseCase& c : cases) {
    Result<Time> t = GoParseTime(c.layout, c.text, c.zone);
    std::string got = t.ok() ? std::to_string(t->unix_sec) + " " + std::to_string(t->nsec) + " " +
                                   std::to_string(t->offset_sec) + " " + t->zone
                             : "ERR " + t.status().message();
    EXPECT_EQ(got, c.want) << c.layout << " / " << c.text << " / " << c.zone;
  }
}

TEST(GoTimeTest, ParsesDurations) {
  // clang-format off
  const std::pair<const char*, const char*> cases[] = {
      {"0", "0"},
      {"-0", "0"},
      {"+0", "0"},
      {"1h30m", "5400000000000"},
      {"1.5h", "5400000000000"},
      {".5s", "500000000"},
      {"1.s", "1000000000"},
      {"300ms", "300000000"},
      {"-1.5h", "-5400000000000"},
      {"2h45m30.5s", "9930500000000"},
      {"1µs", "1000"},
      {"1μs", "1000"},
      {"1us", "1000"},
      {"1ns", "1"},
      {"", "ERR time: invalid duration \"\""},
      {"-", "ERR time: invalid duration \"-\""},
      {"1", "ERR time: missing unit in duration \"1\""},
      {"1x", "ERR time: unknown unit \"x\" in duration \"1x\""},
      {"x1s", "ERR time: invalid duration \"x1s\""},
      {"1h 2m", "ERR time: unknown unit \"h \" in duration \"1h 2m\""},
      {"9223372036s", "9223372036000000000"},
      {"9223372037s", "ERR time: invalid duration \"9223372037s\""},
      {"2562047h47m16.854775807s", "9223372036854775807"},
      {"2562047h47m16.854775808s", "ERR time: invalid duration \"2562047h47m16.854775808s\""},
      {"-2562047h47m16.854775808s", "-9223372036854775808"},
      {"0.000000001s", "1"},
      {"1.0000000001s", "1000000000"},
      {".s", "ERR time: invalid duration \".s\""},
      {"1..5s", "ERR time: missing unit in duration \"1..5s\""},
      {"1e3s", "ERR time: unknown unit \"e\" in duration \"1e3s\""},
      {"3mÿ", "ERR time: unknown unit \"m\\xc3\\xbf\" in duration \"3m\\xc3\\xbf\""},
  };
  // clang-format on
  for (const auto& [text, want] : cases) {
    Result<int64_t> d = GoParseDuration(text);
    EXPECT_EQ(d.ok() ? std::to_string(*d) : "ERR " + d.status().message(), want) << text;
  }
}

TEST(GoTimeTest, FormatsDurations) {
  // clang-format off
  const std::pair<int64_t, const char*> cases[] = {
      {0, "0s"},
      {1, "1ns"},
      {999, "999ns"},
      {1000, "1µs"},
      {1500, "1.5µs"},
      {999999, "999.999µs"},
      {1000000, "1ms"},
      {1234567, "1.234567ms"},
      {999999999, "999.999999ms"},
      {1000000000, "1s"},
      {61000000000, "1m1s"},
      {3600000000000, "1h0m0s"},
      {5400500000000, "1h30m0.5s"},
      {-5400500000000, "-1h30m0.5s"},
      {9223372036854775807, "2562047h47m16.854775807s"},
      {INT64_MIN, "-2562047h47m16.854775808s"},
      {100000000000000, "27h46m40s"},
  };
  // clang-format on
  for (const auto& [nanos, want] : cases) EXPECT_EQ(GoDurationString(nanos), want) << nanos;
}

// Local is pinned to UTC for this test binary, as the Go oracle runs with it, so that date
// functions that show times in Local are hermetic. Set before any Local lookup.
const bool kLocalIsUtc = setenv("TZ", "UTC", 1) == 0;

TEST(GoTimeTest, ShowsInstantsInNamedZones) {
  struct Case {
    int64_t unix_sec;
    const char* zone;
    const char* want;
  };
  const Case cases[] = {
      {1700000000, "America/New_York", "2023-11-14 17:13:20 -0500 EST"},
      {1720000000, "America/New_York", "2024-07-03 05:46:40 -0400 EDT"},
      {4102444800, "Europe/Paris", "2100-01-01 01:00:00 +0100 CET"},           // past the table
      {4118083200, "Australia/Lord_Howe", "2100-07-01 10:30:00 +1030 +1030"},  // by the rule
      {-2208988800, "Asia/Kolkata", "1900-01-01 05:21:10 +0521 MMT"},
      {1700000000, "UTC", "2023-11-14 22:13:20 +0000 UTC"},
      {1700000000, "", "2023-11-14 22:13:20 +0000 UTC"},
      {1700000000, "Local", "2023-11-14 22:13:20 +0000 UTC"},
  };
  ASSERT_TRUE(kLocalIsUtc);
  for (const Case& c : cases) {
    Result<Time> t = GoInZone(Time{c.unix_sec, 0, 0, "UTC"}, c.zone);
    ASSERT_TRUE(t.ok()) << c.zone << ": " << t.status().ToString();
    EXPECT_EQ(GoFormatTime(*t, "2006-01-02 15:04:05 -0700 MST"), c.want) << c.zone;
  }
  EXPECT_EQ(GoInZone(Time{}, "Mars/Olympus").status().message(), "unknown time zone Mars/Olympus");
  EXPECT_EQ(GoInZone(Time{}, "../etc/passwd").status().message(), "time: invalid location name");
  EXPECT_EQ(GoInZone(Time{}, "/etc/localtime").status().message(), "time: invalid location name");
}

TEST(GoTimeTest, NowIsTheSystemClockInLocal) {
  auto before = std::chrono::system_clock::now();
  Time now = GoNow();
  auto after = std::chrono::system_clock::now();
  int64_t now_ns = now.unix_sec * 1000000000 + now.nsec;
  EXPECT_GE(
      now_ns,
      std::chrono::duration_cast<std::chrono::nanoseconds>(before.time_since_epoch()).count());
  EXPECT_LE(now_ns,
            std::chrono::duration_cast<std::chrono::nanoseconds>(after.time_since_epoch()).count());
  EXPECT_EQ(now.zone, "UTC");
}

class SprigDatesTest : public ::testing::Test {
 protected:
  SprigDatesTest() { RegisterSprigDates(&funcs_, &methods_); }

  Value Call(std::string_view name, std::vector<Value> args) {
    const FuncDef* f = funcs_.Find(name);
    EXPECT_NE(f, nullptr) << name;
    if (f == nullptr) return Value();
    EXPECT_EQ(f->params.size(), args.size()) << name;
    Result<Value> r = f->impl(args);
    EXPECT_TRUE(r.ok()) << name << ": " << r.status().ToString();
    return r.ok() ? *r : Value();
  }
  Value Method(std::string_view name, std::vector<Value> args) {
    const FuncDef* m = methods_.Find("time.Time", name);
    EXPECT_NE(m, nullptr) << name;
    if (m == nullptr) return Value();
    Result<Value> r = m->impl(args);
    return r.ok() ? *r : Value();
  }
  std::string Str(const Value& v) { return GoSprint(std::span<const Value>(&v, 1)); }
  Value Date(const char* layout, const char* text) {
    return Call("toDate", {Value(layout), Value(text)});
  }

  FuncMap funcs_;
  MethodTable methods_;
};

// Expected values from the gotmpl oracle (Local = UTC).
TEST_F(SprigDatesTest, FormatsDates) {
  ASSERT_TRUE(kLocalIsUtc);
  Value epoch = Value::Int(1700000000);
  EXPECT_EQ(Str(Call("date", {Value("2006-01-02 15:04:05 MST"), epoch})),
            "2023-11-14 22:13:20 UTC");
  EXPECT_EQ(
      Str(Call("dateInZone", {Value("2006-01-02 15:04 MST"), epoch, Value("America/New_York")})),
      "2023-11-14 17:13 EST");
  EXPECT_EQ(Str(Call("date_in_zone", {Value("15:04 MST"), Date("2006-01-02", "2024-07-04"),
                                      Value("Asia/Kolkata")})),
            "05:30 IST");
  EXPECT_EQ(Str(Call("dateInZone", {Value("2006"), Value::Int(0), Value("Nope/Zone")})), "1970");
  EXPECT_EQ(Str(Call("htmlDate", {Value::Int(86400)})), "1970-01-02");
  EXPECT_EQ(Str(Call("htmlDateInZone", {epoch, Value("Pacific/Kiritimati")})), "2023-11-15");
  EXPECT_EQ(Str(Call("date", {Value("2006"), Value::Int(5, value::GoType::kInt64)})), "1970");
  EXPECT_EQ(Str(Call("date", {Value("2006"), Value::Int(5, value::GoType::kInt32)})), "1970");
  // Anything else means now.
  EXPECT_EQ(Str(Call("htmlDate", {Value("x")})).size(), 10u);
  EXPECT_EQ(Str(Call("date", {Value("2006"), Value::Float(1.5)})).size(), 4u);
}

TEST_F(SprigDatesTest, ParsesAndShiftsDates) {
  EXPECT_EQ(Str(Date("2006-01-02", "bad")), "0001-01-01 00:00:00 +0000 UTC");
  EXPECT_EQ(Str(Call("unixEpoch", {Date("2006-01-02 15:04", "2024-03-01 10:30")})), "1709289000");
  Value jan1 = Date("2006-01-02", "2024-01-01");
  EXPECT_EQ(Str(Call("dateModify", {Value("1h30m"), jan1})), "2024-01-01 01:30:00 +0000 UTC");
  EXPECT_EQ(Str(Call("date_modify", {Value("bogus"), jan1})), "2024-01-01 00:00:00 +0000 UTC");
  EXPECT_EQ(Str(Call("dateModify", {Value("-24h"), Date("2006-01-02", "2024-03-01")})),
            "2024-02-29 00:00:00 +0000 UTC");
  EXPECT_EQ(Call("now", {}).kind(), value::Kind::kTime);
  EXPECT_EQ(funcs_.Find("duration"), nullptr);  // sprig v3 only
  EXPECT_EQ(funcs_.Find("mustDateModify"), nullptr);
}

TEST_F(SprigDatesTest, AgoRoundsToSeconds) {
  Time now = GoNow();
  Value hour_ago = Value::FromTime(Time{now.unix_sec - 3600, now.nsec, 0, "UTC"});
  std::string ago = Str(Call("ago", {hour_ago}));
  EXPECT_TRUE(ago == "1h0m0s" || ago == "1h0m1s") << ago;
  EXPECT_EQ(Str(Call("ago", {Value("not a time")})), "0s");
}

TEST_F(SprigDatesTest, TimeMethods) {
  Value leap = Date("2006-01-02 15:04:05.999", "2024-02-29 13:14:15.5");
  EXPECT_EQ(Str(Method("Weekday", {leap})), "Thursday");
  EXPECT_EQ(Str(Method("Month", {leap})), "February");
  EXPECT_EQ(Str(Method("YearDay", {leap})), "60");
  EXPECT_EQ(Str(Method("Year", {leap})), "2024");
  EXPECT_EQ(Str(Method("Hour", {leap})), "13");
  EXPECT_EQ(Str(Method("Nanosecond", {leap})), "500000000");
  EXPECT_EQ(Str(Method("Format", {leap, Value("3:04:05.000PM")})), "1:14:15.500PM");
  EXPECT_EQ(Str(Method("Unix", {Date("2006-01-02", "2024-02-29")})), "1709164800");
  EXPECT_EQ(Str(Method("UnixMilli", {leap})), "1709212455500");
  EXPECT_EQ(Str(Method("IsZero", {Date("2006", "x")})), "true");
  EXPECT_EQ(Str(Method("IsZero", {leap})), "false");
  EXPECT_EQ(Str(Method("Add", {Date("2006-01-02", "2024-02-29"),
                               Value::Int(3600000000000, value::GoType::kInt64)})),
            "2024-02-29 01:00:00 +0000 UTC");
  EXPECT_EQ(Str(Method("Before", {Date("2006", "2020"), Date("2006", "2021")})), "true");
  EXPECT_EQ(Str(Method("Equal", {Date("2006", "2020"), Date("2006", "2020")})), "true");
  EXPECT_EQ(Method("UTC", {leap}).AsTime().zone, "UTC");
}

}  // namespace
}  // namespace kanon::tmpl
