# sprig function families (strings, lists, dicts, math, encoding, regex, semver, crypto, ...).
set(TMPL_SPRIG_SOURCES
    sprig.cc
    sprig_case.cc
    sprig_certs.cc
    sprig_convert.cc
    sprig_crypto.cc
    sprig_defaults.cc
    sprig_dicts.cc
    sprig_encoding.cc
    sprig_lists.cc
    sprig_math.cc
    sprig_os.cc
    sprig_regex.cc
    sprig_semver.cc
    sprig_semver_constraint.cc
    sprig_strconv.cc
    sprig_strings.cc
    sprig_text.cc
    sprig_unicode.cc
    sprig_unicode_tables.cc
    sprig_url.cc)
set(TMPL_SPRIG_TESTS sprig_test.cc sprig_data_test.cc sprig_misc_test.cc)
