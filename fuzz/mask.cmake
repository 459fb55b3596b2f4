# libFuzzer targets for the dump scanners of kanon mask; included from fuzz/CMakeLists.txt
# (after KANON_FUZZ_SANITIZERS is set). Seeds: src/mask/testdata/*.masktest and
# fuzz/corpus/mask_pg, fuzz/corpus/mask_mysql. Run, e.g.:
#   build-fuzz/fuzz/mask_pg_fuzz -max_total_time=300 fuzz/corpus/mask_pg src/mask/testdata
target_compile_options(kanon_mask PRIVATE -fsanitize=fuzzer-no-link ${KANON_FUZZ_SANITIZERS})
target_link_options(kanon_mask INTERFACE -fsanitize=address,undefined)
foreach(target mask_pg_fuzz mask_mysql_fuzz)
  add_executable(${target} ${CMAKE_CURRENT_LIST_DIR}/${target}.cc)
  target_compile_options(${target} PRIVATE -fsanitize=fuzzer ${KANON_FUZZ_SANITIZERS})
  target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(${target} PRIVATE kanon_mask kanon_tmpl kanon_value kanon_base)
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
endforeach()
