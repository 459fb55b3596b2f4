#include "tmpl/node.h"

#include <algorithm>

namespace kanon::tmpl {

void ListNode::WriteTo(std::string* out) const {
  for (const auto& n : nodes) n->WriteTo(out);
}

void TextNode::WriteTo(std::string* out) const {
  // Go prints text nodes with %q.
  *out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        *out += c;
    }
  }
  *out += '"';
}

void CommandNode::WriteTo(std::string* out) const {
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) *out += ' ';
    if (args[i]->type == NodeType::kPipe) {
      *out += '(';
      args[i]->WriteTo(out);
      *out += ')';
    } else {
      args[i]->WriteTo(out);
    }
  }
}

void PipeNode::WriteTo(std::string* out) const {
  if (!decl.empty()) {
    for (size_t i = 0; i < decl.size(); ++i) {
      if (i > 0) *out += ", ";
      decl[i]->WriteTo(out);
    }
    *out += " := ";
  }
  for (size_t i = 0; i < cmds.size(); ++i) {
    if (i > 0) *out += " | ";
    cmds[i]->WriteTo(out);
  }
}

void ActionNode::WriteTo(std::string* out) const {
  *out += "{{";
  pipe->WriteTo(out);
  *out += "}}";
}

void FieldNode::WriteTo(std::string* out) const {
  for (const auto& i : ident) {
    *out += '.';
    *out += i;
  }
}

void VariableNode::WriteTo(std::string* out) const {
  for (size_t i = 0; i < ident.size(); ++i) {
    if (i > 0) *out += '.';
    *out += ident[i];
  }
}

void ChainNode::WriteTo(std::string* out) const {
  if (node->type == NodeType::kPipe) {
    *out += '(';
    node->WriteTo(out);
    *out += ')';
  } else {
    node->WriteTo(out);
  }
  for (const auto& f : field) {
    *out += '.';
    *out += f;
  }
}

void BranchNode::WriteTo(std::string* out) const {
  const char* name = type == NodeType::kIf ? "if" : type == NodeType::kRange ? "range" : "with";
  *out += "{{";
  *out += name;
  *out += ' ';
  pipe->WriteTo(out);
  *out += "}}";
  list->WriteTo(out);
  if (else_list) {
    *out += "{{else}}";
    else_list->WriteTo(out);
  }
  *out += "{{end}}";
}

void TemplateNode::WriteTo(std::string* out) const {
  *out += "{{template \"" + name + "\"";
  if (pipe) {
    *out += ' ';
    pipe->WriteTo(out);
  }
  *out += "}}";
}

void SimpleNode::WriteTo(std::string* out) const {
  switch (type) {
    case NodeType::kBreak:
      *out += "{{break}}";
      break;
    case NodeType::kContinue:
      *out += "{{continue}}";
      break;
    case NodeType::kElse:
      *out += "{{else}}";
      break;
    default:
      *out += "{{end}}";
      break;
  }
}

std::string Tree::Location(const Node& n) const {
  std::string_view t(*text);
  size_t pos = std::min(n.pos, t.size());
  std::string_view before = t.substr(0, pos);
  size_t nl = before.rfind('\n');
  size_t col = nl == std::string_view::npos ? pos : pos - nl - 1;
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  return parse_name + ":" + std::to_string(line) + ":" + std::to_string(col);
}

}  // namespace kanon::tmpl
