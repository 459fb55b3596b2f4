// Function and method calls: arity checks, Go's argument conversion (constants by literal kind,
// values by assignability) and the lazy and/or.
#include "tmpl/exec_state.h"

namespace kanon::tmpl {

using value::GoType;
using value::Kind;

namespace {

// Whether a value of Go type `t` may be passed for parameter type `p` without conversion.
bool Assignable(const Value& v, ParamType p) {
  switch (p) {
    case ParamType::kAny:
    case ParamType::kReflect:
      return true;
    case ParamType::kString:
      return v.go_type() == GoType::kString;
    case ParamType::kInt:
      return v.go_type() == GoType::kInt;
    case ParamType::kInt64:
      return v.go_type() == GoType::kInt64;
    case ParamType::kUint32:
      return v.go_type() == GoType::kUint32;
    case ParamType::kFloat64:
      return v.go_type() == GoType::kFloat64;
    case ParamType::kBool:
      return v.go_type() == GoType::kBool;
    case ParamType::kStringList:
      return v.go_type() == GoType::kStringList;
    case ParamType::kAnyList:
      return v.go_type() == GoType::kAnyList;
    case ParamType::kAnyMap:
      return v.go_type() == GoType::kAnyMap;
    case ParamType::kTime:
      return v.go_type() == GoType::kTime;
  }
  return false;
}

bool CanBeNil(ParamType p) {
  switch (p) {
    case ParamType::kAny:
    case ParamType::kReflect:
    case ParamType::kStringList:
    case ParamType::kAnyList:
    case ParamType::kAnyMap:
      return true;
    default:
      return false;
  }
}

bool IsFieldLike(const Node* n) {
  switch (n->type) {
    case NodeType::kField:
    case NodeType::kChain:
      return true;
    case NodeType::kVariable:
      return static_cast<const VariableNode*>(n)->ident.size() > 1;
    default:
      return false;
  }
}

}  // namespace

Value ExecState::ValidateType(const Value& v, ParamType type, bool from_field) {
  if (v.is_nil()) {
    if (type == ParamType::kAny || type == ParamType::kReflect) return v;
    if (from_field) {
      Errorf("wrong type for value; expected " + std::string(ParamTypeName(type)) +
             "; got interface {}");
    }
    if (CanBeNil(type)) return v;
    Errorf("invalid value; expected " + std::string(ParamTypeName(type)));
  }
  if (Assignable(v, type)) return v;
  Errorf("wrong type for value; expected " + std::string(ParamTypeName(type)) + "; got " +
         v.GoTypeName());
}

Value ExecState::EvalEmptyInterface(const Value& dot, const Node* n) {
  At(n);
  switch (n->type) {
    case NodeType::kBool:
      return Value(static_cast<const BoolNode*>(n)->value);
    case NodeType::kDot:
      return dot;
    case NodeType::kField: {
      auto* f = static_cast<const FieldNode*>(n);
      return EvalFieldChain(dot, dot, f, f->ident, 0, nullptr, nullptr);
    }
    case NodeType::kIdentifier:
      return EvalFunction(dot, static_cast<const IdentifierNode*>(n), n, nullptr, nullptr);
    case NodeType::kNumber:
      return IdealConstant(static_cast<const NumberNode*>(n));
    case NodeType::kString:
      return Value(static_cast<const StringNode*>(n)->text);
    case NodeType::kVariable: {
      auto* v = static_cast<const VariableNode*>(n);
      Value val = VarValue(v->ident[0]);
      if (v->ident.size() == 1) return val;
      return EvalFieldChain(dot, val, v, v->ident, 1, nullptr, nullptr);
    }
    case NodeType::kPipe:
      return EvalPipeline(dot, static_cast<const PipeNode*>(n));
    default:
      Errorf("can't handle assignment of " + n->String() + " to empty interface argument");
  }
}

Value ExecState::EvalArg(const Value& dot, ParamType type, const Node* n) {
  At(n);
  switch (n->type) {
    case NodeType::kDot:
      return ValidateType(dot, type, false);
    case NodeType::kNil:
      if (CanBeNil(type)) return Value();
      Errorf("cannot assign nil to " + std::string(ParamTypeName(type)));
    case NodeType::kField:
    case NodeType::kVariable:
    case NodeType::kPipe:
    case NodeType::kIdentifier:
    case NodeType::kChain: {
      Value v;
      if (n->type == NodeType::kChain) {
        auto* c = static_cast<const ChainNode*>(n);
        if (c->node->type == NodeType::kNil) {
          Errorf("indirection through explicit nil in " + c->String());
        }
        Value recv = EvalArg(dot, ParamType::kAny, c->node.get());
        v = EvalFieldChain(dot, recv, c, c->field, 0, nullptr, nullptr);
      } else {
        v = EvalEmptyInterface(dot, n);
      }
      return ValidateType(v, type, IsFieldLike(n));
    }
    default:
      break;
  }
  auto expected = [&](const char* what) {
    return std::string("expected ") + what + "; found " + n->String();
  };
  switch (type) {
    case ParamType::kBool:
      if (n->type == NodeType::kBool) return Value(static_cast<const BoolNode*>(n)->value);
      Errorf(expected("bool"));
    case ParamType::kFloat64:
      if (n->type == NodeType::kNumber && static_cast<const NumberNode*>(n)->is_float) {
        return Value::Float(static_cast<const NumberNode*>(n)->float64);
      }
      Errorf(expected("float"));
    case ParamType::kInt:
    case ParamType::kInt64:
      if (n->type == NodeType::kNumber && static_cast<const NumberNode*>(n)->is_int) {
        return Value::Int(static_cast<const NumberNode*>(n)->int64,
                          type == ParamType::kInt ? GoType::kInt : GoType::kInt64);
      }
      Errorf(expected("integer"));
    case ParamType::kUint32:
      if (n->type == NodeType::kNumber && static_cast<const NumberNode*>(n)->is_uint) {
        return Value::Uint(static_cast<const NumberNode*>(n)->uint64 & 0xFFFFFFFFu,
                           GoType::kUint32);
      }
      Errorf(expected("unsigned integer"));
    case ParamType::kString:
      if (n->type == NodeType::kString) return Value(static_cast<const StringNode*>(n)->text);
      Errorf(expected("string"));
    case ParamType::kAny:
    case ParamType::kReflect:
      return EvalEmptyInterface(dot, n);
    default:
      break;
  }
  Errorf("can't handle " + n->String() + " for arg of type " + std::string(ParamTypeName(type)));
}

Value ExecState::EvalCall(const Value& dot, const FuncDef& fn, const Value* receiver, bool builtin,
                          const Node* node, const std::string& name,
                          const std::vector<NodePtr>* args, const Value* final) {
  size_t nargs = args ? args->size() - 1 : 0;  // args[0] names the function
  size_t num_in = nargs + (final ? 1 : 0);
  size_t nparams = fn.params.size();
  size_t num_fixed = nargs;
  if (fn.variadic) {
    num_fixed = nparams - 1;
    if (num_in < num_fixed) {
      Errorf("wrong number of args for " + name + ": want at least " + std::to_string(nparams - 1) +
             " got " + std::to_string(nargs));
    }
  } else if (num_in != nparams) {
    Errorf("wrong number of args for " + name + ": want " + std::to_string(nparams) + " got " +
           std::to_string(num_in));
  }
  if (builtin && (name == "and" || name == "or")) {
    Value v;
    for (size_t i = 1; i <= nargs; ++i) {
      v = EvalArg(dot, ParamType::kReflect, (*args)[i].get());
      if (Truth(v) == (name == "or")) return v;
    }
    if (final) v = *final;
    return v;
  }
  std::vector<Value> argv;
  argv.reserve(num_in + 1);
  if (receiver) argv.push_back(*receiver);
  size_t i = 0;
  for (; i < num_fixed && i < nargs; ++i)
    argv.push_back(EvalArg(dot, fn.params[i], (*args)[i + 1].get()));
  if (fn.variadic) {
    for (; i < nargs; ++i) argv.push_back(EvalArg(dot, fn.params.back(), (*args)[i + 1].get()));
  }
  if (final) {
    ParamType t = fn.params.back();
    if (fn.variadic && num_in - 1 < num_fixed) t = fn.params[num_in - 1];
    argv.push_back(ValidateType(*final, t, false));
  }
  Step();
  Result<Value> r = fn.impl(argv);
  if (!r.ok()) {
    At(node);
    Errorf("error calling " + name + ": " + r.status().message());
  }
  return std::move(r).value();
}

}  // namespace kanon::tmpl
