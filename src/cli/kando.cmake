# kanon_kando_cli: the subcommands of the `kando` binary (location push|pull|delete, output).
# Included from src/cli/CMakeLists.txt; does not depend on the template engine.
find_package(CLI11 REQUIRED)
add_library(kanon_kando_cli STATIC
  ${CMAKE_CURRENT_LIST_DIR}/kando_main.cc
  ${CMAKE_CURRENT_LIST_DIR}/kando_location.cc
  ${CMAKE_CURRENT_LIST_DIR}/kando_output.cc
  ${CMAKE_CURRENT_LIST_DIR}/kando_progress.cc
)
target_link_libraries(kanon_kando_cli PUBLIC kanon_store kanon_value kanon_base
                      PRIVATE CLI11::CLI11)

kanon_test(kando_test SOURCES ${CMAKE_CURRENT_LIST_DIR}/kando_test.cc LIBS kanon_kando_cli)
