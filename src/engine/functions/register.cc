#include "engine/functions/builtin.h"

namespace kanon::engine::functions {

void RegisterAll(Registry* r) {
  r->Register(NewKubeExec());
  r->Register(NewKubeExecAll());
  r->Register(NewKubeTask());
  r->Register(NewMultiContainerRun());
  r->Register(NewPrepareData());
  r->Register(NewScaleWorkload());
  r->Register(NewKubeOps());
  r->Register(NewWait());
  r->Register(NewWaitV2());
  r->Register(NewLocationDelete());
}

}  // namespace kanon::engine::functions
