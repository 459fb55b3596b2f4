// Internal to the executor: the per-execution state (variables, current node, limits) and the
// ExecError it throws on failure; the public entry points catch it and return a Status.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tmpl/node.h"
#include "tmpl/parser.h"
#include "tmpl/template.h"

namespace kanon::tmpl {

struct ExecError {
  std::string message;
};

enum class Flow { kNormal, kBreak, kContinue };

class ExecState final {
 public:
  ExecState(const TreeSet& trees, const Options& options, const Tree* tree, std::string* out)
      : trees_(trees), options_(options), tree_(tree), out_(out) {}

  void Run(const Value& dot);

 private:
  // Walk and control flow.
  Flow Walk(const Value& dot, const Node* node);
  Flow WalkList(const Value& dot, const ListNode* list);
  Flow WalkIfOrWith(const Value& dot, const BranchNode* n);
  void WalkRange(const Value& dot, const BranchNode* n);
  void WalkTemplate(const Value& dot, const TemplateNode* n);
  void PrintValue(const Node* n, const Value& v);

  // Evaluation.
  Value EvalPipeline(const Value& dot, const PipeNode* pipe);
  Value EvalCommand(const Value& dot, const CommandNode* cmd, const Value* final);
  Value EvalFieldChain(const Value& dot, Value receiver, const Node* node,
                       const std::vector<std::string>& ident, size_t first,
                       const std::vector<NodePtr>* args, const Value* final);
  Value EvalField(const Value& dot, const std::string& name, const Node* node,
                  const std::vector<NodePtr>* args, const Value* final, const Value& receiver);
  Value EvalFunction(const Value& dot, const IdentifierNode* id, const Node* cmd,
                     const std::vector<NodePtr>* args, const Value* final);
  Value EvalCall(const Value& dot, const FuncDef& fn, const Value* receiver, bool builtin,
                 const Node* node, const std::string& name, const std::vector<NodePtr>* args,
                 const Value* final);
  Value EvalArg(const Value& dot, ParamType type, const Node* n);
  Value EvalEmptyInterface(const Value& dot, const Node* n);
  Value ValidateType(const Value& v, ParamType type, bool from_field);
  Value IdealConstant(const NumberNode* n);
  void NotAFunction(const std::vector<NodePtr>* args, const Value* final);

  // Variables.
  void Push(const std::string& name, Value v) { vars_.emplace_back(name, std::move(v)); }
  size_t Mark() const { return vars_.size(); }
  void Pop(size_t mark) { vars_.resize(mark); }
  void SetVar(const std::string& name, Value v);
  void SetTopVar(size_t n, Value v) { vars_[vars_.size() - n].second = std::move(v); }
  const Value& VarValue(const std::string& name);

  [[noreturn]] void Errorf(const std::string& msg);
  void At(const Node* n) { node_ = n; }
  void Step();

  const TreeSet& trees_;
  const Options& options_;
  const Tree* tree_;
  std::string* out_;
  std::vector<std::pair<std::string, Value>> vars_;
  const Node* node_ = nullptr;
  int depth_ = 0;
  size_t steps_ = 0;
};

// Go's truth of a value for if/with/and/or/not.
bool Truth(const Value& v);

}  // namespace kanon::tmpl
