# kanon_mask_cli: the `mask` subcommand (and `mask verify`) for the kanon and kando binaries.
# Included from src/cli/CMakeLists.txt.
find_package(CLI11 REQUIRED)
add_library(kanon_mask_cli STATIC ${CMAKE_CURRENT_LIST_DIR}/mask_cmd.cc)
target_link_libraries(kanon_mask_cli PUBLIC kanon_mask kanon_base PRIVATE CLI11::CLI11)
