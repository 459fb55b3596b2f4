// libFuzzer target: the PostgreSQL plain-dump scanner of kanon mask (see mask_fuzz_common.h).
#include "mask_fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return kanon::mask::fuzz::FuzzDump(data, size, kanon::mask::DumpFormat::kPostgres);
}
