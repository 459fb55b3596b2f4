// The built-in Kanister Functions, one file each.
#pragma once

#include <memory>

#include "engine/function.h"

namespace kanon::engine::functions {

std::unique_ptr<Function> NewKubeExec();
std::unique_ptr<Function> NewKubeExecAll();
std::unique_ptr<Function> NewKubeTask();
std::unique_ptr<Function> NewMultiContainerRun();
std::unique_ptr<Function> NewPrepareData();
std::unique_ptr<Function> NewScaleWorkload();
std::unique_ptr<Function> NewKubeOps();
std::unique_ptr<Function> NewWait();
std::unique_ptr<Function> NewWaitV2();
std::unique_ptr<Function> NewLocationDelete();

void RegisterAll(Registry* r);

}  // namespace kanon::engine::functions
