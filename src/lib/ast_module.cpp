// ast_module.cpp — `_ast`: the node classes of Python's abstract syntax tree
// (what `ast` re-exports), and compile(..., PyCF_ONLY_AST), which turns the
// frontend's tree into instances of those classes.
//
// The classes are ordinary classes (their `__module__` is 'ast', as CPython's)
// built from one table of CPython 3.11's Python.asdl: each node names its base,
// its `_fields` (a trailing `?` marks an optional field, whose class attribute
// is None so an omitted one reads as None, `*` a list) and whether it carries
// positions (`_attributes`). AST.__init__ takes the fields positionally and any
// attribute by keyword, as ast_type_init does.
// Limits: the frontend does not keep type comments or a string's `u` prefix
// (type_comment and Constant.kind are None); compile() does not accept an AST.
#include <span>

#include "frontend/ast.h"
#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/compile.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// How a node class's instances are located in the source.
enum class Located {
  No,       // no _attributes
  Optional, // lineno, col_offset, end_lineno?, end_col_offset?
  Always,   // the four, all required (patterns)
};

struct NodeDef {
  const char* name;
  const char* base;   // "" for AST itself
  const char* fields; // space-separated; `?` optional, `*` a list
  Located located;
};

constexpr NodeDef kNodes[] = {
    {"AST", "", "", Located::No},
    {"mod", "AST", "", Located::No},
    {"Module", "mod", "body* type_ignores*", Located::No},
    {"Interactive", "mod", "body*", Located::No},
    {"Expression", "mod", "body", Located::No},
    {"FunctionType", "mod", "argtypes* returns", Located::No},
    {"stmt", "AST", "", Located::Optional},
    {"FunctionDef", "stmt", "name args body* decorator_list* returns? type_comment?", Located::Optional},
    {"AsyncFunctionDef", "stmt", "name args body* decorator_list* returns? type_comment?", Located::Optional},
    {"ClassDef", "stmt", "name bases* keywords* body* decorator_list*", Located::Optional},
    {"Return", "stmt", "value?", Located::Optional},
    {"Delete", "stmt", "targets*", Located::Optional},
    {"Assign", "stmt", "targets* value type_comment?", Located::Optional},
    {"AugAssign", "stmt", "target op value", Located::Optional},
    {"AnnAssign", "stmt", "target annotation value? simple", Located::Optional},
    {"For", "stmt", "target iter body* orelse* type_comment?", Located::Optional},
    {"AsyncFor", "stmt", "target iter body* orelse* type_comment?", Located::Optional},
    {"While", "stmt", "test body* orelse*", Located::Optional},
    {"If", "stmt", "test body* orelse*", Located::Optional},
    {"With", "stmt", "items* body* type_comment?", Located::Optional},
    {"AsyncWith", "stmt", "items* body* type_comment?", Located::Optional},
    {"Match", "stmt", "subject cases*", Located::Optional},
    {"Raise", "stmt", "exc? cause?", Located::Optional},
    {"Try", "stmt", "body* handlers* orelse* finalbody*", Located::Optional},
    {"TryStar", "stmt", "body* handlers* orelse* finalbody*", Located::Optional},
    {"Assert", "stmt", "test msg?", Located::Optional},
    {"Import", "stmt", "names*", Located::Optional},
    {"ImportFrom", "stmt", "module? names* level?", Located::Optional},
    {"Global", "stmt", "names*", Located::Optional},
    {"Nonlocal", "stmt", "names*", Located::Optional},
    {"Expr", "stmt", "value", Located::Optional},
    {"Pass", "stmt", "", Located::Optional},
    {"Break", "stmt", "", Located::Optional},
    {"Continue", "stmt", "", Located::Optional},
    {"expr", "AST", "", Located::Optional},
    {"BoolOp", "expr", "op values*", Located::Optional},
    {"NamedExpr", "expr", "target value", Located::Optional},
    {"BinOp", "expr", "left op right", Located::Optional},
    {"UnaryOp", "expr", "op operand", Located::Optional},
    {"Lambda", "expr", "args body", Located::Optional},
    {"IfExp", "expr", "test body orelse", Located::Optional},
    {"Dict", "expr", "keys* values*", Located::Optional},
    {"Set", "expr", "elts*", Located::Optional},
    {"ListComp", "expr", "elt generators*", Located::Optional},
    {"SetComp", "expr", "elt generators*", Located::Optional},
    {"DictComp", "expr", "key value generators*", Located::Optional},
    {"GeneratorExp", "expr", "elt generators*", Located::Optional},
    {"Await", "expr", "value", Located::Optional},
    {"Yield", "expr", "value?", Located::Optional},
    {"YieldFrom", "expr", "value", Located::Optional},
    {"Compare", "expr", "left ops* comparators*", Located::Optional},
    {"Call", "expr", "func args* keywords*", Located::Optional},
    {"FormattedValue", "expr", "value conversion format_spec?", Located::Optional},
    {"JoinedStr", "expr", "values*", Located::Optional},
    {"Constant", "expr", "value kind?", Located::Optional},
    {"Attribute", "expr", "value attr ctx", Located::Optional},
    {"Subscript", "expr", "value slice ctx", Located::Optional},
    {"Starred", "expr", "value ctx", Located::Optional},
    {"Name", "expr", "id ctx", Located::Optional},
    {"List", "expr", "elts* ctx", Located::Optional},
    {"Tuple", "expr", "elts* ctx", Located::Optional},
    {"Slice", "expr", "lower? upper? step?", Located::Optional},
    {"expr_context", "AST", "", Located::No},
    {"Load", "expr_context", "", Located::No},
    {"Store", "expr_context", "", Located::No},
    {"Del", "expr_context", "", Located::No},
    {"boolop", "AST", "", Located::No},
    {"And", "boolop", "", Located::No},
    {"Or", "boolop", "", Located::No},
    {"operator", "AST", "", Located::No},
    {"Add", "operator", "", Located::No},
    {"Sub", "operator", "", Located::No},
    {"Mult", "operator", "", Located::No},
    {"MatMult", "operator", "", Located::No},
    {"Div", "operator", "", Located::No},
    {"Mod", "operator", "", Located::No},
    {"Pow", "operator", "", Located::No},
    {"LShift", "operator", "", Located::No},
    {"RShift", "operator", "", Located::No},
    {"BitOr", "operator", "", Located::No},
    {"BitXor", "operator", "", Located::No},
    {"BitAnd", "operator", "", Located::No},
    {"FloorDiv", "operator", "", Located::No},
    {"unaryop", "AST", "", Located::No},
    {"Invert", "unaryop", "", Located::No},
    {"Not", "unaryop", "", Located::No},
    {"UAdd", "unaryop", "", Located::No},
    {"USub", "unaryop", "", Located::No},
    {"cmpop", "AST", "", Located::No},
    {"Eq", "cmpop", "", Located::No},
    {"NotEq", "cmpop", "", Located::No},
    {"Lt", "cmpop", "", Located::No},
    {"LtE", "cmpop", "", Located::No},
    {"Gt", "cmpop", "", Located::No},
    {"GtE", "cmpop", "", Located::No},
    {"Is", "cmpop", "", Located::No},
    {"IsNot", "cmpop", "", Located::No},
    {"In", "cmpop", "", Located::No},
    {"NotIn", "cmpop", "", Located::No},
    {"comprehension", "AST", "target iter ifs* is_async", Located::No},
    {"excepthandler", "AST", "", Located::Optional},
    {"ExceptHandler", "excepthandler", "type? name? body*", Located::Optional},
    {"arguments", "AST", "posonlyargs* args* vararg? kwonlyargs* kw_defaults* kwarg? defaults*", Located::No},
    {"arg", "AST", "arg annotation? type_comment?", Located::Optional},
    {"keyword", "AST", "arg? value", Located::Optional},
    {"alias", "AST", "name asname?", Located::Optional},
    {"withitem", "AST", "context_expr optional_vars?", Located::No},
    {"match_case", "AST", "pattern guard? body*", Located::No},
    {"pattern", "AST", "", Located::Always},
    {"MatchValue", "pattern", "value", Located::Always},
    {"MatchSingleton", "pattern", "value", Located::Always},
    {"MatchSequence", "pattern", "patterns*", Located::Always},
    {"MatchMapping", "pattern", "keys* patterns* rest?", Located::Always},
    {"MatchClass", "pattern", "cls patterns* kwd_attrs* kwd_patterns*", Located::Always},
    {"MatchStar", "pattern", "name?", Located::Always},
    {"MatchAs", "pattern", "pattern? name?", Located::Always},
    {"MatchOr", "pattern", "patterns*", Located::Always},
    {"type_ignore", "AST", "", Located::No},
    {"TypeIgnore", "type_ignore", "lineno tag", Located::No},
};

constexpr int64_t kOnlyAst = 0x400;        // PyCF_ONLY_AST
constexpr int64_t kTypeComments = 0x1000;  // PyCF_TYPE_COMMENTS
constexpr int64_t kTopLevelAwait = 0x2000; // PyCF_ALLOW_TOP_LEVEL_AWAIT

// The classes, by name (the module's dict: a GC root through sys.modules and `created`).
Dict* node_classes = nullptr;

Type* node_class(std::string_view name) {
  Value* t = dict_find_str(node_classes, intern(name));
  return t->as<Type>();
}

Tuple* str_tuple(const std::vector<std::string_view>& names) {
  Tuple* t = new_tuple(names.size());
  for (size_t i = 0; i < names.size(); ++i)
    t->items[i] = Value::object(intern(names[i]));
  return t;
}

// The receiver of a method called bound (`self` set) or through the class
// (`AST.__init__(node, ...)`, as the instance creation calls it): self and the rest.
Value receiver(Value self, Args& a, const char* qualname) {
  if (!self.is_empty()) return self;
  if (a.npos == 0) raise_fmt(types::type_error, "descriptor '{}' of 'ast.AST' object needs an argument", qualname);
  self = a.pos[0];
  a = Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  return self;
}

// AST.__init__(self, *fields, **attributes).
Value ast_init(Value self, const Args& args) {
  Args a = args;
  self = receiver(self, a, "__init__");
  Type* t = type_of(self);
  Value fields = get_attr_or_empty(Value::object(t), intern("_fields"));
  size_t nfields = 0;
  if (!fields.is_empty()) {
    if (!is_tuple(fields) && !is_list(fields)) raise(types::type_error, "_fields is not a sequence");
    nfields = is_tuple(fields) ? fields.as<Tuple>()->size : fields.as<List>()->items.size();
  }
  if (a.npos > nfields)
    raise_fmt(types::type_error, "{} constructor takes at most {} positional argument{}", t->name, nfields,
              nfields == 1 ? "" : "s");
  for (uint32_t i = 0; i < a.npos; ++i) {
    Value name = is_tuple(fields) ? fields.as<Tuple>()->items[i] : fields.as<List>()->items[i];
    if (!is_str(name)) raise(types::type_error, "attribute name must be string");
    set_attr(self, name.as<Str>(), a[i]);
  }
  for (uint32_t i = 0; i < a.nkw; ++i)
    set_attr(self, a.kwnames[i].as<Str>(), a.kwvals[i]);
  return Value::none();
}

// AST.__reduce__: (type(self), (), self.__dict__) for pickle and copy.
Value ast_reduce(Value self, const Args& args) {
  Args a = args;
  self = receiver(self, a, "__reduce__");
  Value d = get_attr_or_empty(self, intern("__dict__"));
  Value parts[3] = {Value::object(type_of(self)), Value::object(new_tuple(0)), d};
  return Value::object(new_tuple(std::span<const Value>(parts, d.is_empty() ? 2 : 3)));
}

Type* make_node_class(const NodeDef& def) {
  Dict* ns = new_dict();
  dict_set(ns, Value::object(intern("__module__")), Value::object(intern("ast")));
  std::vector<std::string_view> fields;
  std::string_view spec = def.fields;
  while (!spec.empty()) {
    size_t sp = spec.find(' ');
    std::string_view f = spec.substr(0, sp);
    spec = sp == std::string_view::npos ? std::string_view() : spec.substr(sp + 1);
    bool optional = f.back() == '?';
    if (optional || f.back() == '*') f.remove_suffix(1);
    fields.push_back(f);
    if (optional) dict_set(ns, Value::object(intern(f)), Value::none());
  }
  Tuple* f = str_tuple(fields);
  dict_set(ns, Value::object(intern("_fields")), Value::object(f));
  dict_set(ns, Value::object(intern("__match_args__")), Value::object(f));
  // Every direct subclass of AST declares its instances' positions (or none).
  if (def.base[0] == 0 || def.base == std::string_view("AST")) {
    dict_set(ns, Value::object(intern("_attributes")),
             Value::object(def.located == Located::No
                               ? new_tuple(0)
                               : str_tuple({"lineno", "col_offset", "end_lineno", "end_col_offset"})));
    if (def.located == Located::Optional) {
      dict_set(ns, Value::object(intern("end_lineno")), Value::none());
      dict_set(ns, Value::object(intern("end_col_offset")), Value::none());
    }
  }
  Tuple* bases =
      def.base[0] ? new_tuple(std::span<const Value>(std::array{Value::object(node_class(def.base))})) : new_tuple(0);
  Type* t = make_class(intern(def.name), bases, ns);
  if (def.base[0] == 0) {
    dict_set(t->dict, Value::object(intern("__init__")), new_native("__init__", ast_init, Value::empty(), t));
    dict_set(t->dict, Value::object(intern("__reduce__")), new_native("__reduce__", ast_reduce, Value::empty(), t));
  }
  return t;
}

// ---- the frontend's tree as Python objects ----------------------------------------

using namespace frontend;

class ToPython {
public:
  Value module(const StmtList& body, std::string_view mode) {
    if (mode == "exec") return make("Module", {stmts(body), list({})});
    if (mode == "single") return make("Interactive", {stmts(body)});
    if (body.size() != 1 || body[0]->kind != StmtKind::Expr) raise(types::syntax_error, "invalid syntax");
    return make("Expression", {expr(static_cast<ExprStmt*>(body[0])->value)});
  }

private:
  Value ctx_[3]; // one Load, Store and Del instance each, as CPython shares them

  static Value str(std::string_view s) { return Value::object(new_str(s)); }
  static Value opt_str(const std::string& s) { return s.empty() ? Value::none() : str(s); }

  static Value list(std::initializer_list<Value> items) {
    return Value::object(new_list(std::span<const Value>(items.begin(), items.size())));
  }

  // An instance of node class `cls` with its fields, positioned at `n` when given.
  static Value make(const char* cls, std::initializer_list<Value> fields, const Node* n = nullptr) {
    Value v = call(Value::object(node_class(cls)), Args{fields.begin(), static_cast<uint32_t>(fields.size())});
    if (n) locate(v, n->pos, n->end);
    return v;
  }

  static void locate(Value v, Pos pos, Pos end) {
    if (end.line == 0) end = pos;
    set_attr(v, intern("lineno"), Value::small_int(pos.line));
    set_attr(v, intern("col_offset"), Value::small_int(pos.col));
    set_attr(v, intern("end_lineno"), Value::small_int(end.line));
    set_attr(v, intern("end_col_offset"), Value::small_int(end.col));
  }

  template <class T, class F> static Value map(const std::vector<T>& items, F f) {
    List* l = new_list(items.size());
    for (const T& x : items)
      l->items.push_back(f(x));
    return Value::object(l);
  }

  Value stmts(const StmtList& body) {
    return map(body, [&](Stmt* s) { return stmt(s); });
  }
  Value exprs(const ExprList& es) {
    return map(es, [&](Expr* e) { return opt(e); });
  }
  Value opt(Expr* e) { return e ? expr(e) : Value::none(); }
  Value patterns(const PatternList& ps) {
    return map(ps, [&](Pattern* p) { return pattern(p); });
  }
  Value names(const std::vector<std::string>& ns) {
    return map(ns, [](const std::string& n) { return str(n); });
  }

  Value ctx(ExprContext c) {
    int i = static_cast<int>(c);
    if (ctx_[i].is_empty()) ctx_[i] = make(i == 0 ? "Load" : i == 1 ? "Store" : "Del", {});
    return ctx_[i];
  }

  static Value op(BinOpKind k) {
    static constexpr const char* kNames[] = {"Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
                                             "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
    return make(kNames[static_cast<int>(k)], {});
  }
  static Value op(CmpOpKind k) {
    static constexpr const char* kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
    return make(kNames[static_cast<int>(k)], {});
  }
  static Value op(UnaryOpKind k) {
    static constexpr const char* kNames[] = {"Invert", "Not", "UAdd", "USub"};
    return make(kNames[static_cast<int>(k)], {});
  }

  static Value constant(ConstKind k, const Constant* c) {
    switch (k) {
    case ConstKind::None: return Value::none();
    case ConstKind::True: return Value::boolean(true);
    case ConstKind::False: return Value::boolean(false);
    case ConstKind::Ellipsis: return kEllipsis;
    case ConstKind::Int: return int_from_string(c->text, 10);
    case ConstKind::Float: return Value::from_double(c->number);
    case ConstKind::Complex: return make_complex(0.0, c->number);
    case ConstKind::Str: return str(c->text);
    case ConstKind::Bytes: return Value::object(new_bytes(c->text));
    }
    return Value::none();
  }

  Value arg(const Arg* a) {
    if (!a) return Value::none();
    return make("arg", {str(a->name), opt(a->annotation), Value::none()}, a);
  }

  Value arguments(const Arguments* a) {
    auto args = [&](const std::vector<Arg*>& v) { return map(v, [&](Arg* x) { return arg(x); }); };
    return make("arguments", {args(a->posonlyargs), args(a->args), arg(a->vararg), args(a->kwonlyargs),
                              exprs(a->kw_defaults), arg(a->kwarg), exprs(a->defaults)});
  }

  Value keywords(const std::vector<Keyword*>& ks) {
    return map(ks, [&](Keyword* k) { return make("keyword", {opt_str(k->arg), expr(k->value)}, k); });
  }

  Value comprehensions(const std::vector<Comprehension*>& gs) {
    return map(gs, [&](Comprehension* g) {
      return make("comprehension",
                  {expr(g->target), expr(g->iter), exprs(g->ifs), Value::small_int(g->is_async ? 1 : 0)});
    });
  }

  Value aliases(const std::vector<Alias*>& as) {
    return map(as, [&](Alias* a) {
      Value v = make("alias", {str(a->name), opt_str(a->asname)});
      // The frontend keeps where an alias starts: its end assumes single spaces around `as`.
      Pos end{a->pos.line,
              a->pos.col + static_cast<int>(a->name.size() + (a->asname.empty() ? 0 : 4 + a->asname.size()))};
      locate(v, a->pos, end);
      return v;
    });
  }

  Value expr(Expr* e) {
    switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* n = static_cast<BoolOp*>(e);
      return make("BoolOp", {make(n->op == BoolOpKind::And ? "And" : "Or", {}), exprs(n->values)}, e);
    }
    case ExprKind::NamedExpr: {
      auto* n = static_cast<NamedExpr*>(e);
      return make("NamedExpr", {expr(n->target), expr(n->value)}, e);
    }
    case ExprKind::BinOp: {
      auto* n = static_cast<frontend::BinOp*>(e);
      return make("BinOp", {expr(n->left), op(n->op), expr(n->right)}, e);
    }
    case ExprKind::UnaryOp: {
      auto* n = static_cast<UnaryOp*>(e);
      return make("UnaryOp", {op(n->op), expr(n->operand)}, e);
    }
    case ExprKind::Lambda: {
      auto* n = static_cast<Lambda*>(e);
      return make("Lambda", {arguments(n->args), expr(n->body)}, e);
    }
    case ExprKind::IfExp: {
      auto* n = static_cast<IfExp*>(e);
      return make("IfExp", {expr(n->test), expr(n->body), expr(n->orelse)}, e);
    }
    case ExprKind::Dict: {
      auto* n = static_cast<DictExpr*>(e);
      return make("Dict", {exprs(n->keys), exprs(n->values)}, e);
    }
    case ExprKind::Set: return make("Set", {exprs(static_cast<SetExpr*>(e)->elts)}, e);
    case ExprKind::ListComp: {
      auto* n = static_cast<ListComp*>(e);
      return make("ListComp", {expr(n->elt), comprehensions(n->generators)}, e);
    }
    case ExprKind::SetComp: {
      auto* n = static_cast<SetComp*>(e);
      return make("SetComp", {expr(n->elt), comprehensions(n->generators)}, e);
    }
    case ExprKind::DictComp: {
      auto* n = static_cast<DictComp*>(e);
      return make("DictComp", {expr(n->key), expr(n->value), comprehensions(n->generators)}, e);
    }
    case ExprKind::GeneratorExp: {
      auto* n = static_cast<GeneratorExp*>(e);
      return make("GeneratorExp", {expr(n->elt), comprehensions(n->generators)}, e);
    }
    case ExprKind::Await: return make("Await", {expr(static_cast<Await*>(e)->value)}, e);
    case ExprKind::Yield: return make("Yield", {opt(static_cast<Yield*>(e)->value)}, e);
    case ExprKind::YieldFrom: return make("YieldFrom", {expr(static_cast<YieldFrom*>(e)->value)}, e);
    case ExprKind::Compare: {
      auto* n = static_cast<Compare*>(e);
      return make("Compare", {expr(n->left), map(n->ops, [](CmpOpKind k) { return op(k); }), exprs(n->comparators)}, e);
    }
    case ExprKind::Call: {
      auto* n = static_cast<Call*>(e);
      return make("Call", {expr(n->func), exprs(n->args), keywords(n->keywords)}, e);
    }
    case ExprKind::FormattedValue: {
      auto* n = static_cast<FormattedValue*>(e);
      return make("FormattedValue", {expr(n->value), Value::small_int(n->conversion), opt(n->format_spec)}, e);
    }
    case ExprKind::JoinedStr: return make("JoinedStr", {exprs(static_cast<JoinedStr*>(e)->values)}, e);
    case ExprKind::Constant: {
      auto* n = static_cast<Constant*>(e);
      return make("Constant", {constant(n->ckind, n), Value::none()}, e);
    }
    case ExprKind::Attribute: {
      auto* n = static_cast<Attribute*>(e);
      return make("Attribute", {expr(n->value), str(n->attr), ctx(n->ctx)}, e);
    }
    case ExprKind::Subscript: {
      auto* n = static_cast<Subscript*>(e);
      return make("Subscript", {expr(n->value), expr(n->slice), ctx(n->ctx)}, e);
    }
    case ExprKind::Starred: {
      auto* n = static_cast<Starred*>(e);
      return make("Starred", {expr(n->value), ctx(n->ctx)}, e);
    }
    case ExprKind::Name: {
      auto* n = static_cast<Name*>(e);
      return make("Name", {str(n->id), ctx(n->ctx)}, e);
    }
    case ExprKind::List: {
      auto* n = static_cast<ListExpr*>(e);
      return make("List", {exprs(n->elts), ctx(n->ctx)}, e);
    }
    case ExprKind::Tuple: {
      auto* n = static_cast<TupleExpr*>(e);
      return make("Tuple", {exprs(n->elts), ctx(n->ctx)}, e);
    }
    case ExprKind::Slice: {
      auto* n = static_cast<SliceExpr*>(e);
      return make("Slice", {opt(n->lower), opt(n->upper), opt(n->step)}, e);
    }
    }
    raise(types::runtime_error, "unknown expression kind");
  }

  Value handler(const ExceptHandler* h) {
    return make("ExceptHandler", {opt(h->type), opt_str(h->name), stmts(h->body)}, h);
  }

  Value stmt(Stmt* s) {
    switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
      auto* n = static_cast<FunctionDef*>(s);
      return make(
          s->kind == StmtKind::FunctionDef ? "FunctionDef" : "AsyncFunctionDef",
          {str(n->name), arguments(n->args), stmts(n->body), exprs(n->decorator_list), opt(n->returns), Value::none()},
          s);
    }
    case StmtKind::ClassDef: {
      auto* n = static_cast<ClassDef*>(s);
      return make("ClassDef",
                  {str(n->name), exprs(n->bases), keywords(n->keywords), stmts(n->body), exprs(n->decorator_list)}, s);
    }
    case StmtKind::Return: return make("Return", {opt(static_cast<Return*>(s)->value)}, s);
    case StmtKind::Delete: return make("Delete", {exprs(static_cast<Delete*>(s)->targets)}, s);
    case StmtKind::Assign: {
      auto* n = static_cast<Assign*>(s);
      return make("Assign", {exprs(n->targets), expr(n->value), Value::none()}, s);
    }
    case StmtKind::AugAssign: {
      auto* n = static_cast<AugAssign*>(s);
      return make("AugAssign", {expr(n->target), op(n->op), expr(n->value)}, s);
    }
    case StmtKind::AnnAssign: {
      auto* n = static_cast<AnnAssign*>(s);
      return make("AnnAssign", {expr(n->target), expr(n->annotation), opt(n->value), Value::small_int(n->simple)}, s);
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
      auto* n = static_cast<For*>(s);
      return make(s->kind == StmtKind::For ? "For" : "AsyncFor",
                  {expr(n->target), expr(n->iter), stmts(n->body), stmts(n->orelse), Value::none()}, s);
    }
    case StmtKind::While: {
      auto* n = static_cast<While*>(s);
      return make("While", {expr(n->test), stmts(n->body), stmts(n->orelse)}, s);
    }
    case StmtKind::If: {
      auto* n = static_cast<If*>(s);
      return make("If", {expr(n->test), stmts(n->body), stmts(n->orelse)}, s);
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
      auto* n = static_cast<With*>(s);
      Value items = map(n->items, [&](WithItem* w) {
        return make("withitem", {expr(w->context_expr), opt(w->optional_vars)});
      });
      return make(s->kind == StmtKind::With ? "With" : "AsyncWith", {items, stmts(n->body), Value::none()}, s);
    }
    case StmtKind::Raise: {
      auto* n = static_cast<Raise*>(s);
      return make("Raise", {opt(n->exc), opt(n->cause)}, s);
    }
    case StmtKind::Try: {
      auto* n = static_cast<Try*>(s);
      return make("Try",
                  {stmts(n->body), map(n->handlers, [&](ExceptHandler* h) { return handler(h); }), stmts(n->orelse),
                   stmts(n->finalbody)},
                  s);
    }
    case StmtKind::Assert: {
      auto* n = static_cast<Assert*>(s);
      return make("Assert", {expr(n->test), opt(n->msg)}, s);
    }
    case StmtKind::Import: return make("Import", {aliases(static_cast<Import*>(s)->names)}, s);
    case StmtKind::ImportFrom: {
      auto* n = static_cast<ImportFrom*>(s);
      return make("ImportFrom", {opt_str(n->module), aliases(n->names), Value::small_int(n->level)}, s);
    }
    case StmtKind::Global: return make("Global", {names(static_cast<Global*>(s)->names)}, s);
    case StmtKind::Nonlocal: return make("Nonlocal", {names(static_cast<Nonlocal*>(s)->names)}, s);
    case StmtKind::Expr: return make("Expr", {expr(static_cast<ExprStmt*>(s)->value)}, s);
    case StmtKind::Pass: return make("Pass", {}, s);
    case StmtKind::Break: return make("Break", {}, s);
    case StmtKind::Continue: return make("Continue", {}, s);
    case StmtKind::Match: {
      if (auto* u = dynamic_cast<Unsupported*>(s))
        raise_fmt(types::not_implemented_error, "{} is not supported by Tributary yet", u->feature);
      auto* n = static_cast<Match*>(s);
      Value cases = map(n->cases, [&](MatchCase* c) {
        return make("match_case", {pattern(c->pattern), opt(c->guard), stmts(c->body)});
      });
      return make("Match", {expr(n->subject), cases}, s);
    }
    }
    raise(types::runtime_error, "unknown statement kind");
  }

  Value pattern(Pattern* p) {
    switch (p->kind) {
    case PatternKind::MatchValue: return make("MatchValue", {expr(static_cast<MatchValue*>(p)->value)}, p);
    case PatternKind::MatchSingleton:
      return make("MatchSingleton", {constant(static_cast<MatchSingleton*>(p)->value, nullptr)}, p);
    case PatternKind::MatchSequence:
      return make("MatchSequence", {patterns(static_cast<MatchSequence*>(p)->patterns)}, p);
    case PatternKind::MatchMapping: {
      auto* n = static_cast<MatchMapping*>(p);
      return make("MatchMapping", {exprs(n->keys), patterns(n->patterns), opt_str(n->rest)}, p);
    }
    case PatternKind::MatchClass: {
      auto* n = static_cast<MatchClass*>(p);
      return make("MatchClass", {expr(n->cls), patterns(n->patterns), names(n->kwd_attrs), patterns(n->kwd_patterns)},
                  p);
    }
    case PatternKind::MatchStar: return make("MatchStar", {opt_str(static_cast<MatchStar*>(p)->name)}, p);
    case PatternKind::MatchAs: {
      auto* n = static_cast<MatchAs*>(p);
      return make("MatchAs", {n->pattern ? pattern(n->pattern) : Value::none(), opt_str(n->name)}, p);
    }
    case PatternKind::MatchOr: return make("MatchOr", {patterns(static_cast<MatchOr*>(p)->patterns)}, p);
    }
    raise(types::runtime_error, "unknown pattern kind");
  }
};

} // namespace

} // namespace tributary::lib

namespace tributary::vm {

Value compile_to_ast(std::string_view source, const std::string& filename, std::string_view mode) {
  if (mode != "exec" && mode != "eval" && mode != "single")
    raise(types::value_error, "compile() mode must be 'exec', 'eval' or 'single'");
  if (!lib::node_classes) tributary::builtin_module("_ast");
  frontend::ModuleAst tree = frontend::parse_or_raise(source, filename);
  return lib::ToPython().module(tree.body, mode);
}

} // namespace tributary::vm

namespace tributary::lib {

namespace {} // namespace

Module* make_ast_module() {
  Module* m = new_module("_ast");
  node_classes = m->dict;
  for (const NodeDef& def : kNodes)
    add_value(m, def.name, Value::object(make_node_class(def)));
  add_value(m, "PyCF_ONLY_AST", Value::small_int(kOnlyAst));
  add_value(m, "PyCF_TYPE_COMMENTS", Value::small_int(kTypeComments));
  add_value(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", Value::small_int(kTopLevelAwait));
  return m;
}

} // namespace tributary::lib
