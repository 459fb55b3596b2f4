# Go fmt / time layer and the date + JSON sprig functions.
set(TMPL_GOFMT_SOURCES
    gofmt.cc
    gofmt_compound.cc
    gofmt_number.cc
    gofmt_text.cc
    gofmt_unicode.cc
    gofmt_value.cc
    gotime.cc
    gotime_calendar.cc
    gotime_duration.cc
    gotime_parse.cc
    gotime_scan.cc
    gotime_tzrule.cc
    gotime_zone.cc
    sprig_dates.cc)
set(TMPL_GOFMT_TESTS gofmt_test.cc gotime_test.cc)
