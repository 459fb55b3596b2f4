#include "tmpl/template.h"

#include "tmpl/exec_state.h"
#include "tmpl/parser.h"

namespace kanon::tmpl {

struct Template::Impl {
  std::string name;
  Options options;
  TreeSet trees;
};

Template::Template() : impl_(std::make_unique<Impl>()) {}
Template::~Template() = default;
Template::Template(Template&&) noexcept = default;
Template& Template::operator=(Template&&) noexcept = default;

const std::string& Template::name() const { return impl_->name; }

Result<Template> Template::Parse(std::string_view name, std::string_view text,
                                 const Options& options) {
  Template t;
  t.impl_->name = std::string(name);
  t.impl_->options = options;
  const FuncMap& funcs = options.funcs ? *options.funcs : KanisterFuncs();
  auto owned = std::make_shared<const std::string>(text);
  RETURN_IF_ERROR(ParseTemplate(name, std::move(owned), funcs, &t.impl_->trees));
  return t;
}

Status Template::Execute(const Value& data, std::string* out) const {
  return ExecuteTemplate(impl_->name, data, out);
}

Status Template::ExecuteTemplate(std::string_view name, const Value& data, std::string* out) const {
  auto it = impl_->trees.find(name);
  if (it == impl_->trees.end()) {
    return InvalidArgument("template: no template \"" + std::string(name) +
                           "\" associated with template \"" + impl_->name + "\"");
  }
  try {
    ExecState state(impl_->trees, impl_->options, it->second.get(), out);
    state.Run(data);
  } catch (const ExecError& e) {
    return InvalidArgument(e.message);
  }
  return OkStatus();
}

Result<std::string> Render(std::string_view text, const Value& data, ErrorPhase* phase,
                           const Options& options) {
  if (phase) *phase = ErrorPhase::kParse;
  ASSIGN_OR_RETURN(Template t, Template::Parse("config", text, options));
  if (phase) *phase = ErrorPhase::kExec;
  std::string out;
  RETURN_IF_ERROR(t.Execute(data, &out));
  if (phase) *phase = ErrorPhase::kNone;
  return out;
}

}  // namespace kanon::tmpl
