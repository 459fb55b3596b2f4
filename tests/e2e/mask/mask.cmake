# kanon mask round trips through real PostgreSQL and MariaDB servers. Each script starts its
# server with ../shared/tools/services/svc.sh on its own port and directory (svc-mask), fails
# loudly when it cannot, and stops it on every path. Include from tests/CMakeLists.txt.
find_package(CLI11 REQUIRED)
add_executable(kanon_mask_dev ${CMAKE_CURRENT_LIST_DIR}/mask_driver.cc)
target_link_libraries(kanon_mask_dev PRIVATE kanon_mask_cli CLI11::CLI11)
set_target_properties(kanon_mask_dev PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
foreach(db pg maria)
  add_test(NAME mask_e2e_${db}
           COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/${db}_roundtrip.sh
                   $<TARGET_FILE:kanon_mask_dev> ${CMAKE_BINARY_DIR}/mask-e2e/${db})
  set_tests_properties(mask_e2e_${db} PROPERTIES
                       LABELS "e2e;mask" TIMEOUT 900
                       ENVIRONMENT "MASK_E2E_BASE=${CMAKE_BINARY_DIR}/svc-mask")
endforeach()
