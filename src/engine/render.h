// Rendering of blueprint arguments, object references and output artifacts with Go templates,
// the way Kanister's param.RenderArgs does: strings are rendered; lists element-wise; maps'
// keys and values; numbers, bools and nil pass through untouched. Errors keep Go's message
// (with line:col) and, for a missing key, add Kanister's short form
// `Failed to render template: "key" not found`.
#pragma once

#include <map>
#include <string>

#include "base/status.h"
#include "model/types.h"
#include "value/value.h"

namespace kanon::engine {

// Renders one template string against `params` (the TemplateParams struct value).
Result<std::string> RenderString(const std::string& text, const value::Value& params);
Result<value::Value> RenderArgs(const value::Value& args, const value::Value& params);
Result<std::map<std::string, model::ObjectReference>> RenderObjects(
    const std::map<std::string, model::ObjectReference>& objects, const value::Value& params);
Result<std::map<std::string, model::Artifact>> RenderArtifacts(
    const std::map<std::string, model::Artifact>& artifacts, const value::Value& params);

}  // namespace kanon::engine
