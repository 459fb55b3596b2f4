// The parse tree of a template, shaped like Go's text/template/parse nodes. Nodes are owned by
// their parent through unique_ptr; a Tree owns its root list. Trees are immutable after
// parsing and shared read-only by executions.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace kanon::tmpl {

enum class NodeType {
  kText,
  kAction,
  kBool,
  kChain,
  kCommand,
  kDot,
  kField,
  kIdentifier,
  kIf,
  kList,
  kNil,
  kNumber,
  kPipe,
  kRange,
  kString,
  kTemplate,
  kVariable,
  kWith,
  kComment,
  kBreak,
  kContinue,
  kElse,
  kEnd,  // transient: only seen by the parser
};

struct Tree;

struct Node {
  Node(NodeType t, size_t p) : type(t), pos(p) {}
  virtual ~Node() = default;
  // Go's String(): the source-like form used in error contexts.
  virtual void WriteTo(std::string* out) const = 0;
  std::string String() const {
    std::string s;
    WriteTo(&s);
    return s;
  }
  NodeType type;
  size_t pos;
};

using NodePtr = std::unique_ptr<Node>;

struct ListNode final : Node {
  explicit ListNode(size_t p) : Node(NodeType::kList, p) {}
  void WriteTo(std::string* out) const override;
  std::vector<NodePtr> nodes;
};

struct TextNode final : Node {
  TextNode(size_t p, std::string t) : Node(NodeType::kText, p), text(std::move(t)) {}
  void WriteTo(std::string* out) const override;
  std::string text;
};

struct CommentNode final : Node {
  explicit CommentNode(size_t p) : Node(NodeType::kComment, p) {}
  void WriteTo(std::string* out) const override { *out += "{{/* */}}"; }
};

struct VariableNode;

struct CommandNode final : Node {
  explicit CommandNode(size_t p) : Node(NodeType::kCommand, p) {}
  void WriteTo(std::string* out) const override;
  std::vector<NodePtr> args;
};

struct PipeNode final : Node {
  PipeNode(size_t p, int l) : Node(NodeType::kPipe, p), line(l) {}
  void WriteTo(std::string* out) const override;
  int line;
  bool is_assign = false;
  std::vector<std::unique_ptr<VariableNode>> decl;
  std::vector<std::unique_ptr<CommandNode>> cmds;
};

struct ActionNode final : Node {
  ActionNode(size_t p, std::unique_ptr<PipeNode> pp)
      : Node(NodeType::kAction, p), pipe(std::move(pp)) {}
  void WriteTo(std::string* out) const override;
  std::unique_ptr<PipeNode> pipe;
};

struct BoolNode final : Node {
  BoolNode(size_t p, bool v) : Node(NodeType::kBool, p), value(v) {}
  void WriteTo(std::string* out) const override { *out += value ? "true" : "false"; }
  bool value;
};

struct NumberNode final : Node {
  NumberNode(size_t p, std::string t) : Node(NodeType::kNumber, p), text(std::move(t)) {}
  void WriteTo(std::string* out) const override { *out += text; }
  std::string text;
  bool is_int = false, is_uint = false, is_float = false, is_complex = false;
  int64_t int64 = 0;
  uint64_t uint64 = 0;
  double float64 = 0;
};

struct StringNode final : Node {
  StringNode(size_t p, std::string q, std::string t)
      : Node(NodeType::kString, p), quoted(std::move(q)), text(std::move(t)) {}
  void WriteTo(std::string* out) const override { *out += quoted; }
  std::string quoted, text;
};

struct DotNode final : Node {
  explicit DotNode(size_t p) : Node(NodeType::kDot, p) {}
  void WriteTo(std::string* out) const override { *out += "."; }
};

struct NilNode final : Node {
  explicit NilNode(size_t p) : Node(NodeType::kNil, p) {}
  void WriteTo(std::string* out) const override { *out += "nil"; }
};

struct FieldNode final : Node {
  FieldNode(size_t p, std::vector<std::string> i)
      : Node(NodeType::kField, p), ident(std::move(i)) {}
  void WriteTo(std::string* out) const override;
  std::vector<std::string> ident;  // ".a.b" -> {"a","b"}
};

struct VariableNode final : Node {
  VariableNode(size_t p, std::vector<std::string> i)
      : Node(NodeType::kVariable, p), ident(std::move(i)) {}
  void WriteTo(std::string* out) const override;
  std::vector<std::string> ident;  // "$x.a" -> {"$x","a"}
};

struct IdentifierNode final : Node {
  IdentifierNode(size_t p, std::string n) : Node(NodeType::kIdentifier, p), name(std::move(n)) {}
  void WriteTo(std::string* out) const override { *out += name; }
  std::string name;
};

struct ChainNode final : Node {
  ChainNode(size_t p, NodePtr n) : Node(NodeType::kChain, p), node(std::move(n)) {}
  void WriteTo(std::string* out) const override;
  NodePtr node;
  std::vector<std::string> field;
};

// if / range / with share one shape.
struct BranchNode final : Node {
  BranchNode(NodeType t, size_t p) : Node(t, p) {}
  void WriteTo(std::string* out) const override;
  int line = 0;
  std::unique_ptr<PipeNode> pipe;
  std::unique_ptr<ListNode> list, else_list;
};

struct TemplateNode final : Node {
  TemplateNode(size_t p, int l, std::string n, std::unique_ptr<PipeNode> pp)
      : Node(NodeType::kTemplate, p), line(l), name(std::move(n)), pipe(std::move(pp)) {}
  void WriteTo(std::string* out) const override;
  int line;
  std::string name;
  std::unique_ptr<PipeNode> pipe;  // may be null
};

struct SimpleNode final : Node {  // break, continue, else, end
  SimpleNode(NodeType t, size_t p) : Node(t, p) {}
  void WriteTo(std::string* out) const override;
};

// One named template: its root and the source text positions refer to.
struct Tree {
  std::string name;
  std::string parse_name;  // name of the top-level template whose text holds this tree
  std::shared_ptr<const std::string> text;
  std::unique_ptr<ListNode> root;
  // "name:line:col" of a node, Go's ErrorContext location (col is a 0-based byte offset).
  std::string Location(const Node& n) const;
};

}  // namespace kanon::tmpl
