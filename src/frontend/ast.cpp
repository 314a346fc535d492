// ast.cpp — prints the AST in the format of Python 3.11's `ast.dump()` with
// default arguments: fields in ASDL order, optional fields omitted when
// absent, no position attributes. Constants print as Python's repr() would.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "frontend/ast.h"
#include "frontend/lexer.h"

namespace tributary::frontend {

namespace {

// Python's repr() of a float: shortest round-trip digits, positional notation
// for exponents in [-4, 16), scientific otherwise, ".0" added to integers.
std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  std::size_t e = sci.find('e');
  std::string digits = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  int decpt = exp + 1; // position of the decimal point relative to the digits
  std::string out;
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
      out = digits + std::string(static_cast<std::size_t>(decpt) - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    int x = decpt - 1;
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
    out += ebuf;
  }
  return sign + out;
}

// Approximates str.isprintable() for non-ASCII code points.
bool is_printable(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp <= 0xA0) return false;
  if (cp == 0xAD) return false;
  if (cp >= 0x2028 && cp <= 0x202F) return false; // separators, bidi controls
  if (cp >= 0x200B && cp <= 0x200F) return false;
  if (cp >= 0x2060 && cp <= 0x206F) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFB)) return false;
  if ((cp & 0xFFFE) == 0xFFFE) return false;      // noncharacters U+xxFFFE, U+xxFFFF
  if (cp >= 0xE000 && cp <= 0xF8FF) return false; // private use
  if (cp == 0x3000 || cp == 0x1680 || cp == 0x205F || (cp >= 0x2000 && cp <= 0x200A)) return false; // spaces
  return true;
}

std::string str_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = decode_utf8(s, i);
    char buf[16];
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (is_printable(cp)) {
      append_utf8(out, cp);
    } else {
      if (cp < 0x100)
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      else if (cp < 0x10000)
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      else
        std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      out += buf;
    }
  }
  out += quote;
  return out;
}

std::string bytes_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::string constant_repr(const Constant* c) {
  switch (c->ckind) {
  case ConstKind::None: return "None";
  case ConstKind::True: return "True";
  case ConstKind::False: return "False";
  case ConstKind::Ellipsis: return "Ellipsis";
  case ConstKind::Int: return c->text;
  case ConstKind::Float: return float_repr(c->number);
  case ConstKind::Complex: {
    // repr(complex) with a zero real part: the imaginary part without ".0".
    std::string r = float_repr(c->number);
    if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0) r.resize(r.size() - 2);
    return r + "j";
  }
  case ConstKind::Str: return str_repr(c->text);
  case ConstKind::Bytes: return bytes_repr(c->text);
  }
  return "None";
}

const char* op_name(BinOpKind k) {
  static constexpr const char* kNames[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
                                           "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
  return kNames[static_cast<int>(k)];
}
const char* op_name(UnaryOpKind k) {
  static constexpr const char* kNames[] = {"Invert", "Not", "UAdd", "USub"};
  return kNames[static_cast<int>(k)];
}
const char* op_name(CmpOpKind k) {
  static constexpr const char* kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return kNames[static_cast<int>(k)];
}
const char* ctx_name(ExprContext c) {
  return c == ExprContext::Load ? "Load()" : c == ExprContext::Store ? "Store()" : "Del()";
}

// Builds one `Name(field=value, ...)` call.
class Fields {
public:
  explicit Fields(const char* type) : out_(type) { out_ += '('; }
  Fields& add(const char* name, const std::string& value) {
    if (!first_) out_ += ", ";
    first_ = false;
    out_ += name;
    out_ += '=';
    out_ += value;
    return *this;
  }
  std::string done() { return out_ + ")"; }

private:
  std::string out_;
  bool first_ = true;
};

std::string dump_expr(const Expr* e);
std::string dump_stmt(const Stmt* s);

std::string opt(const Expr* e) { return e ? dump_expr(e) : "None"; }

template <class T, class F> std::string list(const std::vector<T>& items, F f) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += f(items[i]);
  }
  return out + "]";
}

std::string exprs(const ExprList& l) { return list(l, opt); }
std::string stmts(const StmtList& l) { return list(l, dump_stmt); }
std::string quoted(const std::string& s) { return str_repr(s); }

std::string dump_arg(const Arg* a) {
  Fields f("arg");
  f.add("arg", quoted(a->name));
  if (a->annotation) f.add("annotation", dump_expr(a->annotation));
  return f.done();
}

std::string dump_arguments(const Arguments* a) {
  Fields f("arguments");
  f.add("posonlyargs", list(a->posonlyargs, dump_arg));
  f.add("args", list(a->args, dump_arg));
  if (a->vararg) f.add("vararg", dump_arg(a->vararg));
  f.add("kwonlyargs", list(a->kwonlyargs, dump_arg));
  f.add("kw_defaults", exprs(a->kw_defaults));
  if (a->kwarg) f.add("kwarg", dump_arg(a->kwarg));
  f.add("defaults", exprs(a->defaults));
  return f.done();
}

std::string dump_keyword(const Keyword* k) {
  Fields f("keyword");
  if (!k->arg.empty()) f.add("arg", quoted(k->arg));
  f.add("value", dump_expr(k->value));
  return f.done();
}

std::string dump_comprehension(const Comprehension* c) {
  return Fields("comprehension")
      .add("target", dump_expr(c->target))
      .add("iter", dump_expr(c->iter))
      .add("ifs", exprs(c->ifs))
      .add("is_async", c->is_async ? "1" : "0")
      .done();
}

std::string generators(const std::vector<Comprehension*>& g) { return list(g, dump_comprehension); }

std::string dump_alias(const Alias* a) {
  Fields f("alias");
  f.add("name", quoted(a->name));
  if (!a->asname.empty()) f.add("asname", quoted(a->asname));
  return f.done();
}

std::string dump_expr(const Expr* e) {
  switch (e->kind) {
  case ExprKind::BoolOp: {
    auto* n = static_cast<const BoolOp*>(e);
    return Fields("BoolOp")
        .add("op", n->op == BoolOpKind::And ? "And()" : "Or()")
        .add("values", exprs(n->values))
        .done();
  }
  case ExprKind::NamedExpr: {
    auto* n = static_cast<const NamedExpr*>(e);
    return Fields("NamedExpr").add("target", dump_expr(n->target)).add("value", dump_expr(n->value)).done();
  }
  case ExprKind::BinOp: {
    auto* n = static_cast<const BinOp*>(e);
    return Fields("BinOp")
        .add("left", dump_expr(n->left))
        .add("op", std::string(op_name(n->op)) + "()")
        .add("right", dump_expr(n->right))
        .done();
  }
  case ExprKind::UnaryOp: {
    auto* n = static_cast<const UnaryOp*>(e);
    return Fields("UnaryOp").add("op", std::string(op_name(n->op)) + "()").add("operand", dump_expr(n->operand)).done();
  }
  case ExprKind::Lambda: {
    auto* n = static_cast<const Lambda*>(e);
    return Fields("Lambda").add("args", dump_arguments(n->args)).add("body", dump_expr(n->body)).done();
  }
  case ExprKind::IfExp: {
    auto* n = static_cast<const IfExp*>(e);
    return Fields("IfExp")
        .add("test", dump_expr(n->test))
        .add("body", dump_expr(n->body))
        .add("orelse", dump_expr(n->orelse))
        .done();
  }
  case ExprKind::Dict: {
    auto* n = static_cast<const DictExpr*>(e);
    return Fields("Dict").add("keys", exprs(n->keys)).add("values", exprs(n->values)).done();
  }
  case ExprKind::Set: return Fields("Set").add("elts", exprs(static_cast<const SetExpr*>(e)->elts)).done();
  case ExprKind::ListComp: {
    auto* n = static_cast<const ListComp*>(e);
    return Fields("ListComp").add("elt", dump_expr(n->elt)).add("generators", generators(n->generators)).done();
  }
  case ExprKind::SetComp: {
    auto* n = static_cast<const SetComp*>(e);
    return Fields("SetComp").add("elt", dump_expr(n->elt)).add("generators", generators(n->generators)).done();
  }
  case ExprKind::DictComp: {
    auto* n = static_cast<const DictComp*>(e);
    return Fields("DictComp")
        .add("key", dump_expr(n->key))
        .add("value", dump_expr(n->value))
        .add("generators", generators(n->generators))
        .done();
  }
  case ExprKind::GeneratorExp: {
    auto* n = static_cast<const GeneratorExp*>(e);
    return Fields("GeneratorExp").add("elt", dump_expr(n->elt)).add("generators", generators(n->generators)).done();
  }
  case ExprKind::Await: return Fields("Await").add("value", dump_expr(static_cast<const Await*>(e)->value)).done();
  case ExprKind::Yield: {
    Fields f("Yield");
    if (auto* v = static_cast<const Yield*>(e)->value) f.add("value", dump_expr(v));
    return f.done();
  }
  case ExprKind::YieldFrom:
    return Fields("YieldFrom").add("value", dump_expr(static_cast<const YieldFrom*>(e)->value)).done();
  case ExprKind::Compare: {
    auto* n = static_cast<const Compare*>(e);
    return Fields("Compare")
        .add("left", dump_expr(n->left))
        .add("ops", list(n->ops, [](CmpOpKind k) { return std::string(op_name(k)) + "()"; }))
        .add("comparators", exprs(n->comparators))
        .done();
  }
  case ExprKind::Call: {
    auto* n = static_cast<const Call*>(e);
    return Fields("Call")
        .add("func", dump_expr(n->func))
        .add("args", exprs(n->args))
        .add("keywords", list(n->keywords, dump_keyword))
        .done();
  }
  case ExprKind::FormattedValue: {
    auto* n = static_cast<const FormattedValue*>(e);
    Fields f("FormattedValue");
    f.add("value", dump_expr(n->value)).add("conversion", std::to_string(n->conversion));
    if (n->format_spec) f.add("format_spec", dump_expr(n->format_spec));
    return f.done();
  }
  case ExprKind::JoinedStr:
    return Fields("JoinedStr").add("values", exprs(static_cast<const JoinedStr*>(e)->values)).done();
  case ExprKind::Constant:
    return Fields("Constant").add("value", constant_repr(static_cast<const Constant*>(e))).done();
  case ExprKind::Attribute: {
    auto* n = static_cast<const Attribute*>(e);
    return Fields("Attribute")
        .add("value", dump_expr(n->value))
        .add("attr", quoted(n->attr))
        .add("ctx", ctx_name(n->ctx))
        .done();
  }
  case ExprKind::Subscript: {
    auto* n = static_cast<const Subscript*>(e);
    return Fields("Subscript")
        .add("value", dump_expr(n->value))
        .add("slice", dump_expr(n->slice))
        .add("ctx", ctx_name(n->ctx))
        .done();
  }
  case ExprKind::Starred: {
    auto* n = static_cast<const Starred*>(e);
    return Fields("Starred").add("value", dump_expr(n->value)).add("ctx", ctx_name(n->ctx)).done();
  }
  case ExprKind::Name: {
    auto* n = static_cast<const Name*>(e);
    return Fields("Name").add("id", quoted(n->id)).add("ctx", ctx_name(n->ctx)).done();
  }
  case ExprKind::List: {
    auto* n = static_cast<const ListExpr*>(e);
    return Fields("List").add("elts", exprs(n->elts)).add("ctx", ctx_name(n->ctx)).done();
  }
  case ExprKind::Tuple: {
    auto* n = static_cast<const TupleExpr*>(e);
    return Fields("Tuple").add("elts", exprs(n->elts)).add("ctx", ctx_name(n->ctx)).done();
  }
  case ExprKind::Slice: {
    auto* n = static_cast<const SliceExpr*>(e);
    Fields f("Slice");
    if (n->lower) f.add("lower", dump_expr(n->lower));
    if (n->upper) f.add("upper", dump_expr(n->upper));
    if (n->step) f.add("step", dump_expr(n->step));
    return f.done();
  }
  }
  return "?";
}

std::string dump_handler(const ExceptHandler* h) {
  Fields f("ExceptHandler");
  if (h->type) f.add("type", dump_expr(h->type));
  if (!h->name.empty()) f.add("name", quoted(h->name));
  f.add("body", stmts(h->body));
  return f.done();
}

std::string dump_withitem(const WithItem* w) {
  Fields f("withitem");
  f.add("context_expr", dump_expr(w->context_expr));
  if (w->optional_vars) f.add("optional_vars", dump_expr(w->optional_vars));
  return f.done();
}

std::string names(const std::vector<std::string>& n) { return list(n, quoted); }

std::string dump_pattern(const Pattern* p) {
  switch (p->kind) {
  case PatternKind::MatchValue:
    return Fields("MatchValue").add("value", dump_expr(static_cast<const MatchValue*>(p)->value)).done();
  case PatternKind::MatchSingleton: {
    ConstKind k = static_cast<const MatchSingleton*>(p)->value;
    return Fields("MatchSingleton")
        .add("value", k == ConstKind::None   ? "None"
                      : k == ConstKind::True ? "True"
                                             : "False")
        .done();
  }
  case PatternKind::MatchSequence:
    return Fields("MatchSequence")
        .add("patterns", list(static_cast<const MatchSequence*>(p)->patterns, dump_pattern))
        .done();
  case PatternKind::MatchMapping: {
    auto* n = static_cast<const MatchMapping*>(p);
    Fields f("MatchMapping");
    f.add("keys", exprs(n->keys)).add("patterns", list(n->patterns, dump_pattern));
    if (!n->rest.empty()) f.add("rest", quoted(n->rest));
    return f.done();
  }
  case PatternKind::MatchClass: {
    auto* n = static_cast<const MatchClass*>(p);
    return Fields("MatchClass")
        .add("cls", dump_expr(n->cls))
        .add("patterns", list(n->patterns, dump_pattern))
        .add("kwd_attrs", names(n->kwd_attrs))
        .add("kwd_patterns", list(n->kwd_patterns, dump_pattern))
        .done();
  }
  case PatternKind::MatchStar: {
    auto* n = static_cast<const MatchStar*>(p);
    Fields f("MatchStar");
    if (!n->name.empty()) f.add("name", quoted(n->name));
    return f.done();
  }
  case PatternKind::MatchAs: {
    auto* n = static_cast<const MatchAs*>(p);
    Fields f("MatchAs");
    if (n->pattern) f.add("pattern", dump_pattern(n->pattern));
    if (!n->name.empty()) f.add("name", quoted(n->name));
    return f.done();
  }
  case PatternKind::MatchOr:
    return Fields("MatchOr").add("patterns", list(static_cast<const MatchOr*>(p)->patterns, dump_pattern)).done();
  }
  return "?";
}

std::string dump_match_case(const MatchCase* c) {
  Fields f("match_case");
  f.add("pattern", dump_pattern(c->pattern));
  if (c->guard) f.add("guard", dump_expr(c->guard));
  return f.add("body", stmts(c->body)).done();
}

std::string dump_stmt(const Stmt* s) {
  if (auto* u = dynamic_cast<const Unsupported*>(s)) {
    return Fields("Unsupported").add("feature", quoted(u->feature)).done();
  }
  switch (s->kind) {
  case StmtKind::FunctionDef:
  case StmtKind::AsyncFunctionDef: {
    auto* n = static_cast<const FunctionDef*>(s);
    Fields f(s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef");
    f.add("name", quoted(n->name))
        .add("args", dump_arguments(n->args))
        .add("body", stmts(n->body))
        .add("decorator_list", exprs(n->decorator_list));
    if (n->returns) f.add("returns", dump_expr(n->returns));
    return f.done();
  }
  case StmtKind::ClassDef: {
    auto* n = static_cast<const ClassDef*>(s);
    return Fields("ClassDef")
        .add("name", quoted(n->name))
        .add("bases", exprs(n->bases))
        .add("keywords", list(n->keywords, dump_keyword))
        .add("body", stmts(n->body))
        .add("decorator_list", exprs(n->decorator_list))
        .done();
  }
  case StmtKind::Return: {
    Fields f("Return");
    if (auto* v = static_cast<const Return*>(s)->value) f.add("value", dump_expr(v));
    return f.done();
  }
  case StmtKind::Delete: return Fields("Delete").add("targets", exprs(static_cast<const Delete*>(s)->targets)).done();
  case StmtKind::Assign: {
    auto* n = static_cast<const Assign*>(s);
    return Fields("Assign").add("targets", exprs(n->targets)).add("value", dump_expr(n->value)).done();
  }
  case StmtKind::AugAssign: {
    auto* n = static_cast<const AugAssign*>(s);
    return Fields("AugAssign")
        .add("target", dump_expr(n->target))
        .add("op", std::string(op_name(n->op)) + "()")
        .add("value", dump_expr(n->value))
        .done();
  }
  case StmtKind::AnnAssign: {
    auto* n = static_cast<const AnnAssign*>(s);
    Fields f("AnnAssign");
    f.add("target", dump_expr(n->target)).add("annotation", dump_expr(n->annotation));
    if (n->value) f.add("value", dump_expr(n->value));
    f.add("simple", n->simple ? "1" : "0");
    return f.done();
  }
  case StmtKind::For:
  case StmtKind::AsyncFor: {
    auto* n = static_cast<const For*>(s);
    return Fields(s->kind == StmtKind::For ? "For" : "AsyncFor")
        .add("target", dump_expr(n->target))
        .add("iter", dump_expr(n->iter))
        .add("body", stmts(n->body))
        .add("orelse", stmts(n->orelse))
        .done();
  }
  case StmtKind::While: {
    auto* n = static_cast<const While*>(s);
    return Fields("While")
        .add("test", dump_expr(n->test))
        .add("body", stmts(n->body))
        .add("orelse", stmts(n->orelse))
        .done();
  }
  case StmtKind::If: {
    auto* n = static_cast<const If*>(s);
    return Fields("If")
        .add("test", dump_expr(n->test))
        .add("body", stmts(n->body))
        .add("orelse", stmts(n->orelse))
        .done();
  }
  case StmtKind::With:
  case StmtKind::AsyncWith: {
    auto* n = static_cast<const With*>(s);
    return Fields(s->kind == StmtKind::With ? "With" : "AsyncWith")
        .add("items", list(n->items, dump_withitem))
        .add("body", stmts(n->body))
        .done();
  }
  case StmtKind::Raise: {
    auto* n = static_cast<const Raise*>(s);
    Fields f("Raise");
    if (n->exc) f.add("exc", dump_expr(n->exc));
    if (n->cause) f.add("cause", dump_expr(n->cause));
    return f.done();
  }
  case StmtKind::Try: {
    auto* n = static_cast<const Try*>(s);
    return Fields(n->star ? "TryStar" : "Try")
        .add("body", stmts(n->body))
        .add("handlers", list(n->handlers, dump_handler))
        .add("orelse", stmts(n->orelse))
        .add("finalbody", stmts(n->finalbody))
        .done();
  }
  case StmtKind::Assert: {
    auto* n = static_cast<const Assert*>(s);
    Fields f("Assert");
    f.add("test", dump_expr(n->test));
    if (n->msg) f.add("msg", dump_expr(n->msg));
    return f.done();
  }
  case StmtKind::Import:
    return Fields("Import").add("names", list(static_cast<const Import*>(s)->names, dump_alias)).done();
  case StmtKind::ImportFrom: {
    auto* n = static_cast<const ImportFrom*>(s);
    Fields f("ImportFrom");
    if (!n->module.empty()) f.add("module", quoted(n->module));
    f.add("names", list(n->names, dump_alias)).add("level", std::to_string(n->level));
    return f.done();
  }
  case StmtKind::Global: return Fields("Global").add("names", names(static_cast<const Global*>(s)->names)).done();
  case StmtKind::Nonlocal: return Fields("Nonlocal").add("names", names(static_cast<const Nonlocal*>(s)->names)).done();
  case StmtKind::Expr: return Fields("Expr").add("value", dump_expr(static_cast<const ExprStmt*>(s)->value)).done();
  case StmtKind::Pass: return "Pass()";
  case StmtKind::Break: return "Break()";
  case StmtKind::Continue: return "Continue()";
  case StmtKind::Match: {
    auto* n = static_cast<const Match*>(s);
    return Fields("Match").add("subject", dump_expr(n->subject)).add("cases", list(n->cases, dump_match_case)).done();
  }
  default: return "?";
  }
}

} // namespace

std::string dump(const Expr* e) { return dump_expr(e); }
std::string dump(const Stmt* s) { return dump_stmt(s); }
std::string dump(const ModuleAst& m) {
  return Fields("Module").add("body", stmts(m.body)).add("type_ignores", "[]").done();
}

bool future_annotations(const StmtList& body) {
  for (size_t k = 0; k < body.size(); ++k) {
    Stmt* s = body[k];
    if (k == 0 && s->kind == StmtKind::Expr) continue;
    if (s->kind != StmtKind::ImportFrom) return false;
    auto* i = static_cast<ImportFrom*>(s);
    if (i->module != "__future__") return false;
    for (Alias* n : i->names)
      if (n->name == "annotations") return true;
  }
  return false;
}

} // namespace tributary::frontend
