#include "tmpl/parser.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "base/suggest.h"
#include "tmpl/lexer.h"

namespace kanon::tmpl {

bool UnquoteOne(std::string_view s, size_t* i, char quote, std::string* out, int64_t* rune);

namespace {

struct ParseError {
  std::string message;
};

// Go's strconv number syntax for template literals: fills the NumberNode flags and values.
bool ParseNumberText(NumberNode* n, std::string* err);

class Parser {
 public:
  Parser(std::string_view name, std::shared_ptr<const std::string> text, const FuncMap& funcs,
         TreeSet* trees)
      : name_(name), text_(std::move(text)), funcs_(funcs), trees_(trees) {
    toks_ = Lex(*text_, funcs.Find("break") == nullptr, funcs.Find("continue") == nullptr);
  }

  void Run() {
    auto tree = NewTree(name_);
    tree->root = std::make_unique<ListNode>(Peek().pos);
    while (Peek().type != Tok::kEof) {
      if (Peek().type == Tok::kLeftDelim) {
        size_t save = idx_;
        Next();
        if (NextNonSpace().type == Tok::kDefine) {
          ParseDefinition();
          continue;
        }
        idx_ = save;
      }
      NodePtr n = TextOrAction();
      if (n->type == NodeType::kEnd || n->type == NodeType::kElse) {
        Errorf("unexpected " + n->String());
      }
      tree->root->nodes.push_back(std::move(n));
    }
    Add(std::move(tree));
  }

 private:
  std::unique_ptr<Tree> NewTree(std::string name) {
    auto t = std::make_unique<Tree>();
    t->name = std::move(name);
    t->parse_name = name_;
    t->text = text_;
    return t;
  }

  [[noreturn]] void Errorf(const std::string& msg) {
    int line = toks_[std::min(seen_, toks_.size() - 1)].line;
    throw ParseError{"template: " + name_ + ":" + std::to_string(line) + ": " + msg};
  }

  const Token& Next() {
    const Token& t = toks_[std::min(idx_, toks_.size() - 1)];
    if (idx_ < toks_.size()) ++idx_;
    seen_ = std::max(seen_, idx_ - 1);
    if (t.type == Tok::kError) Unexpected(t, "input");
    return t;
  }
  const Token& Peek() {
    const Token& t = Next();
    --idx_;
    return t;
  }
  const Token& NextNonSpace() {
    for (;;) {
      const Token& t = Next();
      if (t.type != Tok::kSpace) return t;
    }
  }
  const Token& PeekNonSpace() {
    const Token& t = NextNonSpace();
    --idx_;
    return t;
  }
  void Backup() { --idx_; }

  [[noreturn]] void Unexpected(const Token& t, const std::string& context) {
    if (t.type == Tok::kError) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != t.line) {
        extra = " in action started at " + name_ + ":" + std::to_string(action_line_);
        if (t.error.size() >= 7 && t.error.ends_with(" action")) extra = extra.substr(10);
      }
      Errorf(t.error + extra);
    }
    Errorf("unexpected " + TokenString(t) + " in " + context);
  }

  const Token& Expect(Tok type, const std::string& context) {
    const Token& t = NextNonSpace();
    if (t.type != type) Unexpected(t, context);
    return t;
  }

  std::string Unquote(const Token& t) {
    std::string s;
    if (!UnquoteGo(t.text, &s)) Errorf("invalid syntax");
    return s;
  }

  static bool IsEmptyTree(const Node* n) {
    if (n == nullptr) return true;
    switch (n->type) {
      case NodeType::kComment:
        return true;
      case NodeType::kList:
        for (const auto& c : static_cast<const ListNode*>(n)->nodes) {
          if (!IsEmptyTree(c.get())) return false;
        }
        return true;
      case NodeType::kText: {
        const std::string& t = static_cast<const TextNode*>(n)->text;
        return t.find_first_not_of(" \t\r\n\v\f") == std::string::npos;
      }
      default:
        return false;
    }
  }

  void Add(std::unique_ptr<Tree> t) {
    auto it = trees_->find(t->name);
    if (it == trees_->end() || IsEmptyTree(it->second->root.get())) {
      (*trees_)[t->name] = std::move(t);
      return;
    }
    if (!IsEmptyTree(t->root.get())) {
      Errorf("template: multiple definition of template \"" + t->name + "\"");
    }
  }

  void ParseDefinition() {
    const Token& n = NextNonSpace();
    if (n.type != Tok::kString && n.type != Tok::kRawString) Unexpected(n, "define clause");
    auto tree = NewTree(Unquote(n));
    Expect(Tok::kRightDelim, "define clause");
    auto saved_vars = std::move(vars_);
    vars_ = {"$"};
    NodePtr end;
    tree->root = ItemList(&end);
    if (end->type != NodeType::kEnd) Errorf("unexpected " + end->String() + " in define clause");
    vars_ = std::move(saved_vars);
    Add(std::move(tree));
  }

  std::unique_ptr<ListNode> ItemList(NodePtr* end) {
    auto list = std::make_unique<ListNode>(PeekNonSpace().pos);
    while (PeekNonSpace().type != Tok::kEof) {
      NodePtr n = TextOrAction();
      if (n->type == NodeType::kEnd || n->type == NodeType::kElse) {
        *end = std::move(n);
        return list;
      }
      list->nodes.push_back(std::move(n));
    }
    Errorf("unexpected EOF");
  }

  NodePtr TextOrAction() {
    const Token& t = NextNonSpace();
    switch (t.type) {
      case Tok::kText:
        return std::make_unique<TextNode>(t.pos, std::string(t.text));
      case Tok::kLeftDelim: {
        action_line_ = t.line;
        NodePtr n = Action();
        action_line_ = 0;
        return n;
      }
      default:
        Unexpected(t, "input");
    }
  }

  NodePtr Action() {
    const Token& t = NextNonSpace();
    switch (t.type) {
      case Tok::kBlock:
        return BlockControl();
      case Tok::kBreak:
        return LoopControl(t, NodeType::kBreak, "{{break}}");
      case Tok::kContinue:
        return LoopControl(t, NodeType::kContinue, "{{continue}}");
      case Tok::kElse: {
        const Token& p = PeekNonSpace();
        if (p.type == Tok::kIf) return std::make_unique<SimpleNode>(NodeType::kElse, p.pos);
        const Token& d = Expect(Tok::kRightDelim, "else");
        return std::make_unique<SimpleNode>(NodeType::kElse, d.pos);
      }
      case Tok::kEnd: {
        const Token& d = Expect(Tok::kRightDelim, "end");
        return std::make_unique<SimpleNode>(NodeType::kEnd, d.pos);
      }
      case Tok::kIf:
        return Control(NodeType::kIf, true, "if");
      case Tok::kRange:
        return Control(NodeType::kRange, false, "range");
      case Tok::kWith:
        return Control(NodeType::kWith, false, "with");
      case Tok::kTemplate:
        return TemplateControl();
      default:
        break;
    }
    Backup();
    size_t pos = Peek().pos;
    return std::make_unique<ActionNode>(pos, Pipeline("command", Tok::kRightDelim));
  }

  NodePtr LoopControl(const Token& t, NodeType type, const std::string& what) {
    size_t pos = t.pos;
    const Token& n = NextNonSpace();
    if (n.type != Tok::kRightDelim) Unexpected(n, what);
    if (range_depth_ == 0) Errorf(what + " outside {{range}}");
    return std::make_unique<SimpleNode>(type, pos);
  }

  std::unique_ptr<PipeNode> Pipeline(const std::string& context, Tok end) {
    const Token& first = PeekNonSpace();
    auto pipe = std::make_unique<PipeNode>(first.pos, first.line);
  decls:
    if (PeekNonSpace().type == Tok::kVariable) {
      size_t before_var = idx_;
      const Token& v = NextNonSpace();
      const Token& after = Peek();
      const Token& next = PeekNonSpace();
      if (next.type == Tok::kAssign || next.type == Tok::kDeclare) {
        pipe->is_assign = next.type == Tok::kAssign;
        NextNonSpace();
        pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, SplitIdent(v.text)));
        vars_.emplace_back(v.text);
      } else if (next.type == Tok::kChar && next.text == ",") {
        NextNonSpace();
        pipe->decl.push_back(std::make_unique<VariableNode>(v.pos, SplitIdent(v.text)));
        vars_.emplace_back(v.text);
        if (context == "range" && pipe->decl.size() < 2) {
          Tok p = PeekNonSpace().type;
          if (p == Tok::kVariable || p == Tok::kRightDelim || p == Tok::kRightParen) goto decls;
          Errorf("range can only initialize variables");
        }
        Errorf("too many declarations in " + context);
      } else {
        (void)after;
        idx_ = before_var;
      }
    }
    for (;;) {
      const Token& t = NextNonSpace();
      if (t.type == end) {
        CheckPipeline(*pipe, context);
        return pipe;
      }
      switch (t.type) {
        case Tok::kBool:
        case Tok::kCharConstant:
        case Tok::kComplex:
        case Tok::kDot:
        case Tok::kField:
        case Tok::kIdentifier:
        case Tok::kNumber:
        case Tok::kNil:
        case Tok::kRawString:
        case Tok::kString:
        case Tok::kVariable:
        case Tok::kLeftParen:
          Backup();
          pipe->cmds.push_back(Command());
          break;
        default:
          Unexpected(t, context);
      }
    }
  }

  void CheckPipeline(const PipeNode& pipe, const std::string& context) {
    if (pipe.cmds.empty()) Errorf("missing value for " + context);
    for (size_t i = 1; i < pipe.cmds.size(); ++i) {
      switch (pipe.cmds[i]->args[0]->type) {
        case NodeType::kBool:
        case NodeType::kDot:
        case NodeType::kNil:
        case NodeType::kNumber:
        case NodeType::kString:
          Errorf("non executable command in pipeline stage " + std::to_string(i + 1));
        default:
          break;
      }
    }
  }

  NodePtr Control(NodeType type, bool allow_else_if, const std::string& context) {
    size_t mark = vars_.size();
    auto node = std::make_unique<BranchNode>(type, 0);
    node->pipe = Pipeline(context, Tok::kRightDelim);
    node->pos = node->pipe->pos;
    node->line = node->pipe->line;
    if (type == NodeType::kRange) ++range_depth_;
    NodePtr next;
    node->list = ItemList(&next);
    if (type == NodeType::kRange) --range_depth_;
    if (next->type == NodeType::kElse) {
      if (allow_else_if && Peek().type == Tok::kIf) {
        Next();
        node->else_list = std::make_unique<ListNode>(next->pos);
        node->else_list->nodes.push_back(Control(NodeType::kIf, true, "if"));
      } else {
        node->else_list = ItemList(&next);
        if (next->type != NodeType::kEnd) Errorf("expected end; found " + next->String());
      }
    }
    vars_.resize(mark);
    return node;
  }

  NodePtr BlockControl() {
    const Token& t = NextNonSpace();
    if (t.type != Tok::kString && t.type != Tok::kRawString) Unexpected(t, "block clause");
    size_t pos = t.pos;
    int line = t.line;
    std::string name = Unquote(t);
    auto pipe = Pipeline("block clause", Tok::kRightDelim);
    auto block = NewTree(name);
    auto saved_vars = std::move(vars_);
    vars_ = {"$"};
    NodePtr end;
    block->root = ItemList(&end);
    if (end->type != NodeType::kEnd) Errorf("unexpected " + end->String() + " in block clause");
    vars_ = std::move(saved_vars);
    Add(std::move(block));
    return std::make_unique<TemplateNode>(pos, line, name, std::move(pipe));
  }

  NodePtr TemplateControl() {
    const Token& t = NextNonSpace();
    if (t.type != Tok::kString && t.type != Tok::kRawString) Unexpected(t, "template clause");
    size_t pos = t.pos;
    int line = t.line;
    std::string name = Unquote(t);
    std::unique_ptr<PipeNode> pipe;
    if (NextNonSpace().type != Tok::kRightDelim) {
      Backup();
      pipe = Pipeline("template clause", Tok::kRightDelim);
    }
    return std::make_unique<TemplateNode>(pos, line, std::move(name), std::move(pipe));
  }

  std::unique_ptr<CommandNode> Command() {
    auto cmd = std::make_unique<CommandNode>(PeekNonSpace().pos);
    for (;;) {
      PeekNonSpace();
      NodePtr operand = Operand();
      if (operand) cmd->args.push_back(std::move(operand));
      const Token& t = Next();
      if (t.type == Tok::kSpace) continue;
      if (t.type == Tok::kRightDelim || t.type == Tok::kRightParen) {
        Backup();
      } else if (t.type != Tok::kPipe) {
        Unexpected(t, "operand");
      }
      break;
    }
    if (cmd->args.empty()) Errorf("empty command");
    return cmd;
  }

  NodePtr Operand() {
    NodePtr node = Term();
    if (!node) return nullptr;
    if (Peek().type == Tok::kField) {
      auto chain = std::make_unique<ChainNode>(Peek().pos, nullptr);
      std::vector<std::string> fields;
      while (Peek().type == Tok::kField) {
        std::string_view f = Next().text;
        for (auto& part : SplitIdent(f.substr(1))) fields.push_back(std::move(part));
      }
      switch (node->type) {
        case NodeType::kField: {
          auto* fn = static_cast<FieldNode*>(node.get());
          fn->ident.insert(fn->ident.end(), fields.begin(), fields.end());
          return node;
        }
        case NodeType::kVariable: {
          auto* vn = static_cast<VariableNode*>(node.get());
          vn->ident.insert(vn->ident.end(), fields.begin(), fields.end());
          return node;
        }
        case NodeType::kBool:
        case NodeType::kString:
        case NodeType::kNumber:
        case NodeType::kNil:
        case NodeType::kDot:
          Errorf("unexpected . after term \"" + node->String() + "\"");
        default:
          chain->node = std::move(node);
          chain->field = std::move(fields);
          return chain;
      }
    }
    return node;
  }

  NodePtr Term() {
    const Token& t = NextNonSpace();
    switch (t.type) {
      case Tok::kIdentifier: {
        std::string name(t.text);
        if (funcs_.Find(name) == nullptr) {
          std::string msg = "function \"" + name + "\" not defined";
          std::string hint = DidYouMean(name, funcs_.Names());
          if (!hint.empty()) msg += "; did you mean \"" + hint + "\"?";
          Errorf(msg);
        }
        return std::make_unique<IdentifierNode>(t.pos, std::move(name));
      }
      case Tok::kDot:
        return std::make_unique<DotNode>(t.pos);
      case Tok::kNil:
        return std::make_unique<NilNode>(t.pos);
      case Tok::kVariable:
        return UseVar(t);
      case Tok::kField:
        return std::make_unique<FieldNode>(t.pos, SplitIdent(t.text.substr(1)));
      case Tok::kBool:
        return std::make_unique<BoolNode>(t.pos, t.text == "true");
      case Tok::kCharConstant:
      case Tok::kComplex:
      case Tok::kNumber:
        return Number(t);
      case Tok::kLeftParen:
        return Pipeline("parenthesized pipeline", Tok::kRightParen);
      case Tok::kString:
      case Tok::kRawString:
        return std::make_unique<StringNode>(t.pos, std::string(t.text), Unquote(t));
      default:
        Backup();
        return nullptr;
    }
  }

  NodePtr Number(const Token& t) {
    auto n = std::make_unique<NumberNode>(t.pos, std::string(t.text));
    std::string err;
    if (t.type == Tok::kCharConstant) {
      std::string_view body = t.text.substr(1);
      std::string tmp;
      int64_t r = 0;
      size_t i = 0;
      if (body.empty() || body[0] == '\'' || !UnquoteOne(body, &i, '\'', &tmp, &r)) {
        Errorf("invalid syntax");
      }
      if (body.substr(i) != "'") Errorf("malformed character constant: " + std::string(t.text));
      n->int64 = r;
      n->uint64 = static_cast<uint64_t>(r);
      n->float64 = static_cast<double>(r);
      n->is_int = n->is_uint = n->is_float = true;
      return n;
    }
    if (t.type == Tok::kComplex) Errorf("complex constants are not supported: " + n->text);
    if (!ParseNumberText(n.get(), &err)) Errorf(err);
    return n;
  }

  NodePtr UseVar(const Token& t) {
    auto v = std::make_unique<VariableNode>(t.pos, SplitIdent(t.text));
    for (const auto& name : vars_) {
      if (name == v->ident[0]) return v;
    }
    Errorf("undefined variable \"" + v->ident[0] + "\"");
  }

  static std::vector<std::string> SplitIdent(std::string_view s) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
      size_t dot = s.find('.', start);
      out.emplace_back(s.substr(start, dot - start));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    return out;
  }

  std::string name_;
  std::shared_ptr<const std::string> text_;
  const FuncMap& funcs_;
  TreeSet* trees_;
  std::vector<Token> toks_;
  size_t idx_ = 0, seen_ = 0;
  int action_line_ = 0;
  int range_depth_ = 0;
  std::vector<std::string> vars_{"$"};
};

// Digits of `s` in `base` with Go's underscore rule (only between digits or after a prefix).
bool ValidUnderscores(std::string_view s) {
  // Go: '_' must separate successive digits; a base prefix counts as a digit.
  char prev = '.';
  size_t i = 0;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) i = 1;
  std::string_view body = s.substr(i);
  bool hex = false;
  if (body.size() >= 2 && body[0] == '0' &&
      std::string_view("xXbBoO").find(body[1]) != std::string_view::npos) {
    hex = body[1] == 'x' || body[1] == 'X';
    prev = '0';  // prefix acts as a digit
    body = body.substr(2);
  }
  for (char c : body) {
    bool digit = (c >= '0' && c <= '9') || (hex && std::isxdigit(static_cast<unsigned char>(c)));
    if (c == '_') {
      if (prev != '0') return false;
      prev = '_';
    } else if (digit) {
      prev = '0';
    } else {
      if (prev == '_') return false;
      prev = '.';
    }
  }
  return prev != '_';
}

bool ParseUnsigned(std::string_view s, uint64_t* out) {
  if (s.empty()) return false;
  int base = 10;
  if (s.size() >= 2 && s[0] == '0') {
    char p = s[1];
    if (p == 'x' || p == 'X')
      base = 16, s.remove_prefix(2);
    else if (p == 'o' || p == 'O')
      base = 8, s.remove_prefix(2);
    else if (p == 'b' || p == 'B')
      base = 2, s.remove_prefix(2);
    else
      base = 8, s.remove_prefix(1);
  }
  bool any = false;
  uint64_t v = 0;
  for (char c : s) {
    if (c == '_') continue;
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : 99;
    if (d >= base) return false;
    if (v > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
    v = v * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    any = true;
  }
  if (!any && base != 8) return false;
  *out = v;
  return true;
}

bool ParseNumberText(NumberNode* n, std::string* err) {
  const std::string& text = n->text;
  if (!text.empty() && text.back() == 'i') {
    *err = "complex constants are not supported: " + text;
    return false;
  }
  bool underscores_ok = ValidUnderscores(text);
  std::string_view body = text;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body.remove_prefix(1);
  }
  uint64_t u = 0;
  bool is_digits = underscores_ok && ParseUnsigned(body, &u);
  if (is_digits) {
    if (!neg) {
      n->is_uint = true;
      n->uint64 = u;
      if (u <= static_cast<uint64_t>(INT64_MAX)) {
        n->is_int = true;
        n->int64 = static_cast<int64_t>(u);
      }
    } else if (u <= static_cast<uint64_t>(INT64_MAX) + 1) {
      n->is_int = true;
      n->int64 = u == static_cast<uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(u);
      if (u == 0) n->is_uint = true;
    }
  }
  if (n->is_int) {
    n->is_float = true;
    n->float64 = static_cast<double>(n->int64);
  } else if (n->is_uint) {
    n->is_float = true;
    n->float64 = static_cast<double>(n->uint64);
  } else if (underscores_ok) {
    std::string clean;
    for (char c : text) {
      if (c != '_') clean += c;
    }
    bool hex = clean.find_first_of("xX") != std::string::npos;
    bool looks_float = hex ? clean.find_first_of("pP") != std::string::npos
                           : clean.find_first_of(".eE") != std::string::npos;
    char* end = nullptr;
    errno = 0;
    double f = std::strtod(clean.c_str(), &end);
    bool parsed = end == clean.c_str() + clean.size() && !clean.empty() && looks_float &&
                  clean.find_first_of("nN") == std::string::npos;
    if (parsed && (errno != ERANGE || std::fabs(f) < 1)) {
      n->is_float = true;
      n->float64 = f;
      if (std::fabs(f) < 9.3e18 && static_cast<double>(static_cast<int64_t>(f)) == f) {
        n->is_int = true;
        n->int64 = static_cast<int64_t>(f);
      }
      if (f >= 0 && f < 1.8e19 && static_cast<double>(static_cast<uint64_t>(f)) == f) {
        n->is_uint = true;
        n->uint64 = static_cast<uint64_t>(f);
      }
    } else if (!parsed && is_digits == false && clean.find_first_of(".eEpP") == std::string::npos &&
               !clean.empty()) {
      // All digits but too large for 64 bits.
      bool all_digits = true;
      for (char c : std::string_view(clean).substr(clean[0] == '-' || clean[0] == '+' ? 1 : 0)) {
        if (!std::isxdigit(static_cast<unsigned char>(c)) && c != 'x' && c != 'X' && c != 'o' &&
            c != 'O') {
          all_digits = false;
        }
      }
      if (all_digits) {
        *err = "integer overflow: \"" + text + "\"";
        return false;
      }
    }
  }
  if (!n->is_int && !n->is_uint && !n->is_float) {
    *err = "illegal number syntax: \"" + text + "\"";
    return false;
  }
  return true;
}

}  // namespace

Status ParseTemplate(std::string_view name, std::shared_ptr<const std::string> text,
                     const FuncMap& funcs, TreeSet* trees) {
  try {
    Parser(name, std::move(text), funcs, trees).Run();
  } catch (const ParseError& e) {
    return InvalidArgument(e.message);
  }
  return OkStatus();
}

}  // namespace kanon::tmpl
