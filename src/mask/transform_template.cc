// The template transformer: a Go text/template over the masked row.
#include "mask/registry.h"
#include "tmpl/template.h"

namespace kanon::mask {
namespace {

class TemplateMask final : public Transformer {
 public:
  explicit TemplateMask(tmpl::Template t) : template_(std::move(t)) {}

  Result<bool> Apply(const Cell& in, const ApplyContext& ctx, std::string* out) const override {
    if (in.null) return false;
    out->clear();
    if (ctx.row == nullptr) return InvalidArgument("template needs the row");
    ASSIGN_OR_RETURN(value::Value data, ctx.row->MaskedData());
    RETURN_IF_ERROR(template_.Execute(data, out));
    return true;
  }

 private:
  tmpl::Template template_;
};

}  // namespace

Result<std::unique_ptr<Transformer>> MakeTemplate(const Params& p, const BuildContext& ctx) {
  std::string name = ctx.rule ? ctx.rule->column : "template";
  ASSIGN_OR_RETURN(tmpl::Template t, tmpl::Template::Parse(name, p.String("template")));
  return NewTransformer<TemplateMask>(std::move(t));
}

}  // namespace kanon::mask
