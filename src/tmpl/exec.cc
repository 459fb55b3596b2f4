// The tree walker: actions, control structures, pipelines, fields and variables, following Go's
// text/template exec.go semantics. Calls and argument conversion are in exec_call.cc.
#include "tmpl/exec_state.h"
#include "tmpl/gofmt.h"

namespace kanon::tmpl {

using value::GoType;
using value::Kind;

bool Truth(const Value& v) { return v.Truthy(); }

void ExecState::Errorf(const std::string& msg) {
  std::string m = "template: ";
  if (node_ == nullptr) {
    m += tree_->name + ": " + msg;
  } else {
    m += tree_->Location(*node_) + ": executing \"" + tree_->name + "\" at <" + node_->String() +
         ">: " + msg;
  }
  throw ExecError{std::move(m)};
}

void ExecState::Step() {
  if (++steps_ > options_.max_steps) {
    Errorf("execution exceeded " + std::to_string(options_.max_steps) + " steps");
  }
}

void ExecState::Run(const Value& dot) {
  Push("$", dot);
  if (tree_->root == nullptr) {
    Errorf("\"" + tree_->name + "\" is an incomplete or empty template");
  }
  WalkList(dot, tree_->root.get());
}

Flow ExecState::WalkList(const Value& dot, const ListNode* list) {
  for (const auto& n : list->nodes) {
    Flow f = Walk(dot, n.get());
    if (f != Flow::kNormal) return f;
  }
  return Flow::kNormal;
}

Flow ExecState::Walk(const Value& dot, const Node* node) {
  At(node);
  switch (node->type) {
    case NodeType::kAction: {
      Step();
      auto* a = static_cast<const ActionNode*>(node);
      Value v = EvalPipeline(dot, a->pipe.get());
      if (a->pipe->decl.empty()) PrintValue(node, v);
      return Flow::kNormal;
    }
    case NodeType::kBreak:
      return Flow::kBreak;
    case NodeType::kContinue:
      return Flow::kContinue;
    case NodeType::kComment:
      return Flow::kNormal;
    case NodeType::kIf:
    case NodeType::kWith:
      return WalkIfOrWith(dot, static_cast<const BranchNode*>(node));
    case NodeType::kList:
      return WalkList(dot, static_cast<const ListNode*>(node));
    case NodeType::kRange:
      WalkRange(dot, static_cast<const BranchNode*>(node));
      return Flow::kNormal;
    case NodeType::kTemplate:
      WalkTemplate(dot, static_cast<const TemplateNode*>(node));
      return Flow::kNormal;
    case NodeType::kText: {
      const std::string& t = static_cast<const TextNode*>(node)->text;
      if (out_->size() + t.size() > options_.max_output_bytes) {
        Errorf("output exceeds " + std::to_string(options_.max_output_bytes) + " bytes");
      }
      out_->append(t);
      return Flow::kNormal;
    }
    default:
      Errorf("unknown node: " + node->String());
  }
}

Flow ExecState::WalkIfOrWith(const Value& dot, const BranchNode* n) {
  size_t mark = Mark();
  Value v = EvalPipeline(dot, n->pipe.get());
  Flow f = Flow::kNormal;
  if (Truth(v)) {
    f = WalkList(n->type == NodeType::kWith ? v : dot, n->list.get());
  } else if (n->else_list) {
    f = WalkList(dot, n->else_list.get());
  }
  Pop(mark);
  return f;
}

void ExecState::WalkRange(const Value& dot, const BranchNode* r) {
  At(r);
  size_t outer = Mark();
  Value v = EvalPipeline(dot, r->pipe.get());
  size_t mark = Mark();
  size_t ndecl = r->pipe->decl.size();
  auto one = [&](Value index, const Value& elem) -> bool {
    Step();
    if (ndecl > 0) SetTopVar(1, elem);
    if (ndecl > 1) SetTopVar(2, std::move(index));
    Flow f = WalkList(elem, r->list.get());
    Pop(mark);
    return f != Flow::kBreak;
  };
  bool empty = true;
  switch (v.kind()) {
    case Kind::kList: {
      const auto& list = v.AsList();
      empty = list.empty();
      for (size_t i = 0; i < list.size(); ++i) {
        if (!one(Value::Int(static_cast<int64_t>(i)), list[i])) break;
      }
      break;
    }
    case Kind::kMap: {
      const auto& map = v.AsMap();
      empty = map.empty();
      for (const auto& [k, e] : map) {
        if (!one(Value(k), e)) break;
      }
      break;
    }
    case Kind::kNil:
      break;
    case Kind::kStruct:
      if (v.is_nil_pointer()) break;
      [[fallthrough]];
    default: {
      std::string s;
      AppendGoValue(&s, v);
      Errorf("range can't iterate over " + s);
    }
  }
  if (empty && r->else_list) WalkList(dot, r->else_list.get());
  Pop(outer);
}

void ExecState::WalkTemplate(const Value& dot, const TemplateNode* t) {
  At(t);
  auto it = trees_.find(t->name);
  if (it == trees_.end() || it->second->root == nullptr) {
    Errorf("template \"" + t->name + "\" not defined");
  }
  if (depth_ >= options_.max_depth) {
    Errorf("exceeded maximum template depth (" + std::to_string(options_.max_depth) + ")");
  }
  Value new_dot = t->pipe ? EvalPipeline(dot, t->pipe.get()) : Value();
  ExecState inner(trees_, options_, it->second.get(), out_);
  inner.depth_ = depth_ + 1;
  inner.steps_ = steps_;
  inner.Push("$", new_dot);
  inner.WalkList(new_dot, it->second->root.get());
  steps_ = inner.steps_;
}

void ExecState::PrintValue(const Node* n, const Value& v) {
  At(n);
  size_t before = out_->size();
  if (v.is_nil()) {
    out_->append("<no value>");
  } else if (v.is_pointer() && !v.is_nil_pointer()) {
    // Go prints through a pointer to a struct: {..}, not &{..}.
    const auto& s = v.AsStruct();
    AppendGoValue(out_, Value::FromStruct(s.type, s.fields, false));
  } else {
    AppendGoValue(out_, v);
  }
  if (out_->size() > options_.max_output_bytes) {
    out_->resize(before);
    Errorf("output exceeds " + std::to_string(options_.max_output_bytes) + " bytes");
  }
}

Value ExecState::EvalPipeline(const Value& dot, const PipeNode* pipe) {
  if (pipe == nullptr) return Value();
  At(pipe);
  Value v;
  bool have = false;
  for (const auto& cmd : pipe->cmds) {
    v = EvalCommand(dot, cmd.get(), have ? &v : nullptr);
    have = true;
  }
  for (const auto& var : pipe->decl) {
    if (pipe->is_assign) {
      SetVar(var->ident[0], v);
    } else {
      Push(var->ident[0], v);
    }
  }
  return v;
}

void ExecState::NotAFunction(const std::vector<NodePtr>* args, const Value* final) {
  if ((args && args->size() > 1) || final != nullptr) {
    Errorf("can't give argument to non-function " + (*args)[0]->String());
  }
}

Value ExecState::EvalCommand(const Value& dot, const CommandNode* cmd, const Value* final) {
  const Node* first = cmd->args[0].get();
  switch (first->type) {
    case NodeType::kField: {
      At(first);
      auto* f = static_cast<const FieldNode*>(first);
      return EvalFieldChain(dot, dot, f, f->ident, 0, &cmd->args, final);
    }
    case NodeType::kChain: {
      At(first);
      auto* c = static_cast<const ChainNode*>(first);
      if (c->node->type == NodeType::kNil)
        Errorf("indirection through explicit nil in " + c->String());
      Value recv = EvalArg(dot, ParamType::kAny, c->node.get());
      return EvalFieldChain(dot, recv, c, c->field, 0, &cmd->args, final);
    }
    case NodeType::kIdentifier:
      return EvalFunction(dot, static_cast<const IdentifierNode*>(first), cmd, &cmd->args, final);
    case NodeType::kPipe:
      NotAFunction(&cmd->args, final);
      return EvalPipeline(dot, static_cast<const PipeNode*>(first));
    case NodeType::kVariable: {
      At(first);
      auto* v = static_cast<const VariableNode*>(first);
      Value val = VarValue(v->ident[0]);
      if (v->ident.size() == 1) {
        NotAFunction(&cmd->args, final);
        return val;
      }
      return EvalFieldChain(dot, val, v, v->ident, 1, &cmd->args, final);
    }
    default:
      break;
  }
  At(first);
  NotAFunction(&cmd->args, final);
  switch (first->type) {
    case NodeType::kBool:
      return Value(static_cast<const BoolNode*>(first)->value);
    case NodeType::kDot:
      return dot;
    case NodeType::kNil:
      Errorf("nil is not a command");
    case NodeType::kNumber:
      return IdealConstant(static_cast<const NumberNode*>(first));
    case NodeType::kString:
      return Value(static_cast<const StringNode*>(first)->text);
    default:
      Errorf("can't evaluate command \"" + first->String() + "\"");
  }
}

Value ExecState::IdealConstant(const NumberNode* n) {
  At(n);
  const std::string& t = n->text;
  bool hex_int = t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') &&
                 t.find_first_of("pP") == std::string::npos;
  bool rune = !t.empty() && t[0] == '\'';
  if (n->is_float && !hex_int && !rune && t.find_first_of(".eEpP") != std::string::npos) {
    return Value::Float(n->float64);
  }
  if (n->is_int) return Value::Int(n->int64);
  if (n->is_uint) Errorf(t + " overflows int");
  return Value();
}

Value ExecState::EvalFieldChain(const Value& dot, Value receiver, const Node* node,
                                const std::vector<std::string>& ident, size_t first,
                                const std::vector<NodePtr>* args, const Value* final) {
  size_t n = ident.size();
  for (size_t i = first; i + 1 < n; ++i) {
    receiver = EvalField(dot, ident[i], node, nullptr, nullptr, receiver);
  }
  return EvalField(dot, ident[n - 1], node, args, final, receiver);
}

Value ExecState::EvalField(const Value& dot, const std::string& name, const Node* node,
                           const std::vector<NodePtr>* args, const Value* final,
                           const Value& receiver) {
  if (receiver.is_nil()) {
    if (options_.missing_key == MissingKey::kError) {
      Errorf("nil data; no entry for key \"" + name + "\"");
    }
    return Value();
  }
  std::string type_name = receiver.GoTypeName();
  const MethodTable& methods = options_.methods ? *options_.methods : KanisterMethods();
  if (receiver.kind() == Kind::kStruct || receiver.kind() == Kind::kTime) {
    const FuncDef* m = methods.Find(type_name, name);
    if (m == nullptr && receiver.is_pointer()) m = methods.Find(type_name.substr(1), name);
    if (m != nullptr) {
      if (receiver.is_nil_pointer()) Errorf("nil pointer evaluating " + type_name + "." + name);
      return EvalCall(dot, *m, &receiver, false, node, name, args, final);
    }
  }
  bool has_args = (args && args->size() > 1) || final != nullptr;
  switch (receiver.kind()) {
    case Kind::kStruct: {
      const auto& s = receiver.AsStruct();
      if (s.type->FieldIndex(name) < 0) break;
      if (receiver.is_nil_pointer()) Errorf("nil pointer evaluating " + type_name + "." + name);
      if (has_args) Errorf(name + " has arguments but cannot be invoked as function");
      return s.fields[static_cast<size_t>(s.type->FieldIndex(name))];
    }
    case Kind::kMap: {
      if (has_args) Errorf(name + " is not a method but has arguments");
      const Value* v = receiver.Find(name);
      if (v != nullptr) return *v;
      switch (options_.missing_key) {
        case MissingKey::kError:
          Errorf("map has no entry for key \"" + name + "\"");
        case MissingKey::kZero:
          return receiver.go_type() == GoType::kStringMap ? Value(std::string()) : Value();
        case MissingKey::kDefault:
          return Value();
      }
      return Value();
    }
    default:
      break;
  }
  Errorf("can't evaluate field " + name + " in type " + type_name);
}

Value ExecState::EvalFunction(const Value& dot, const IdentifierNode* id, const Node* cmd,
                              const std::vector<NodePtr>* args, const Value* final) {
  At(id);
  const FuncMap& funcs = options_.funcs ? *options_.funcs : KanisterFuncs();
  const FuncDef* fn = funcs.Find(id->name);
  if (fn == nullptr) Errorf("\"" + id->name + "\" is not a defined function");
  bool builtin = fn->impl == nullptr;  // and/or: evaluated lazily here
  return EvalCall(dot, *fn, nullptr, builtin, cmd, id->name, args, final);
}

void ExecState::SetVar(const std::string& name, Value v) {
  for (size_t i = vars_.size(); i-- > 0;) {
    if (vars_[i].first == name) {
      vars_[i].second = std::move(v);
      return;
    }
  }
  Errorf("undefined variable: " + name);
}

const Value& ExecState::VarValue(const std::string& name) {
  for (size_t i = vars_.size(); i-- > 0;) {
    if (vars_[i].first == name) return vars_[i].second;
  }
  Errorf("undefined variable: " + name);
}

}  // namespace kanon::tmpl
