// ast.h — the abstract syntax tree, shaped like Python's `ast` module.
//
// Nodes are owned by the `Arena` of the parsed module and referenced by raw
// pointer; they live as long as the arena. Every node carries the 1-based line
// and 0-based column (in code points) of its first token, for error messages
// and line tables. Constants keep their source-level value (int literals as
// decimal digits, strings decoded to UTF-8) so that the compiler, not the
// parser, decides their runtime representation.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "frontend/source_lines.h"

namespace tributary::frontend {

struct Pos {
  int line = 0;
  int col = 0;
};

enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

enum class StmtKind {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
  Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue,
  Match, AsyncFunctionDef, AsyncFor, AsyncWith,
};

enum class BoolOpKind { And, Or };
enum class BinOpKind { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ExprContext { Load, Store, Del };

enum class ConstKind { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };

struct Expr;
struct Stmt;
using ExprList = std::vector<Expr*>;
using StmtList = std::vector<Stmt*>;

struct Node {
  Pos pos;
  Pos end;   // position just past the last token (for carets); may equal pos
  virtual ~Node() = default;
};

struct Expr : Node {
  ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

struct Stmt : Node {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};

// ---- expressions ---------------------------------------------------------------
struct BoolOp : Expr { BoolOpKind op; ExprList values; BoolOp() : Expr(ExprKind::BoolOp) {} };
struct NamedExpr : Expr { Expr* target; Expr* value; NamedExpr() : Expr(ExprKind::NamedExpr) {} };
struct BinOp : Expr { Expr* left; BinOpKind op; Expr* right; BinOp() : Expr(ExprKind::BinOp) {} };
struct UnaryOp : Expr { UnaryOpKind op; Expr* operand; UnaryOp() : Expr(ExprKind::UnaryOp) {} };

struct Arg : Node { std::string name; Expr* annotation = nullptr; };
struct Arguments {
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  ExprList kw_defaults;   // parallel to kwonlyargs; nullptr where no default
  Arg* kwarg = nullptr;
  ExprList defaults;      // for the last len(defaults) of posonlyargs + args
};

struct Lambda : Expr { Arguments* args; Expr* body; Lambda() : Expr(ExprKind::Lambda) {} };
struct IfExp : Expr { Expr* test; Expr* body; Expr* orelse; IfExp() : Expr(ExprKind::IfExp) {} };
// keys[i] == nullptr means `**values[i]`
struct DictExpr : Expr { ExprList keys; ExprList values; DictExpr() : Expr(ExprKind::Dict) {} };
struct SetExpr : Expr { ExprList elts; SetExpr() : Expr(ExprKind::Set) {} };

struct Comprehension { Expr* target; Expr* iter; ExprList ifs; bool is_async = false; };
struct ListComp : Expr { Expr* elt; std::vector<Comprehension*> generators; ListComp() : Expr(ExprKind::ListComp) {} };
struct SetComp : Expr { Expr* elt; std::vector<Comprehension*> generators; SetComp() : Expr(ExprKind::SetComp) {} };
struct DictComp : Expr { Expr* key; Expr* value; std::vector<Comprehension*> generators; DictComp() : Expr(ExprKind::DictComp) {} };
struct GeneratorExp : Expr { Expr* elt; std::vector<Comprehension*> generators; GeneratorExp() : Expr(ExprKind::GeneratorExp) {} };
struct Await : Expr { Expr* value; Await() : Expr(ExprKind::Await) {} };
struct Yield : Expr { Expr* value = nullptr; Yield() : Expr(ExprKind::Yield) {} };
struct YieldFrom : Expr { Expr* value; YieldFrom() : Expr(ExprKind::YieldFrom) {} };
struct Compare : Expr { Expr* left; std::vector<CmpOpKind> ops; ExprList comparators; Compare() : Expr(ExprKind::Compare) {} };

// arg.empty() means `**value`
struct Keyword : Node { std::string arg; Expr* value; };
// args may contain Starred for `*seq`
struct Call : Expr { Expr* func; ExprList args; std::vector<Keyword*> keywords; Call() : Expr(ExprKind::Call) {} };
// conversion: -1 none, 's', 'r', 'a'; format_spec is a JoinedStr or nullptr
struct FormattedValue : Expr { Expr* value; int conversion = -1; Expr* format_spec = nullptr; FormattedValue() : Expr(ExprKind::FormattedValue) {} };
// values: Constant(Str) and FormattedValue nodes
struct JoinedStr : Expr { ExprList values; JoinedStr() : Expr(ExprKind::JoinedStr) {} };

struct Constant : Expr {
  ConstKind ckind;
  std::string text;  // Int: decimal digits (no sign, no underscores); Str/Bytes: decoded bytes (UTF-8 for Str)
  double number = 0; // Float and Complex (imaginary part)
  Constant() : Expr(ExprKind::Constant) {}
};

struct Attribute : Expr { Expr* value; std::string attr; ExprContext ctx = ExprContext::Load; Attribute() : Expr(ExprKind::Attribute) {} };
struct Subscript : Expr { Expr* value; Expr* slice; ExprContext ctx = ExprContext::Load; Subscript() : Expr(ExprKind::Subscript) {} };
struct Starred : Expr { Expr* value; ExprContext ctx = ExprContext::Load; Starred() : Expr(ExprKind::Starred) {} };
struct Name : Expr { std::string id; ExprContext ctx = ExprContext::Load; Name() : Expr(ExprKind::Name) {} };
struct ListExpr : Expr { ExprList elts; ExprContext ctx = ExprContext::Load; ListExpr() : Expr(ExprKind::List) {} };
struct TupleExpr : Expr { ExprList elts; ExprContext ctx = ExprContext::Load; TupleExpr() : Expr(ExprKind::Tuple) {} };
struct SliceExpr : Expr { Expr* lower = nullptr; Expr* upper = nullptr; Expr* step = nullptr; SliceExpr() : Expr(ExprKind::Slice) {} };

// ---- statements ----------------------------------------------------------------
struct FunctionDef : Stmt {
  std::string name; Arguments* args; StmtList body; ExprList decorator_list; Expr* returns = nullptr;
  FunctionDef() : Stmt(StmtKind::FunctionDef) {}
};
struct ClassDef : Stmt {
  std::string name; ExprList bases; std::vector<Keyword*> keywords; StmtList body; ExprList decorator_list;
  ClassDef() : Stmt(StmtKind::ClassDef) {}
};
struct Return : Stmt { Expr* value = nullptr; Return() : Stmt(StmtKind::Return) {} };
struct Delete : Stmt { ExprList targets; Delete() : Stmt(StmtKind::Delete) {} };
// `a = b = value` has targets [a, b]
struct Assign : Stmt { ExprList targets; Expr* value; Assign() : Stmt(StmtKind::Assign) {} };
struct AugAssign : Stmt { Expr* target; BinOpKind op; Expr* value; AugAssign() : Stmt(StmtKind::AugAssign) {} };
struct AnnAssign : Stmt { Expr* target; Expr* annotation; Expr* value = nullptr; bool simple = true; AnnAssign() : Stmt(StmtKind::AnnAssign) {} };
struct For : Stmt { Expr* target; Expr* iter; StmtList body; StmtList orelse; For() : Stmt(StmtKind::For) {} };
struct While : Stmt { Expr* test; StmtList body; StmtList orelse; While() : Stmt(StmtKind::While) {} };
struct If : Stmt { Expr* test; StmtList body; StmtList orelse; If() : Stmt(StmtKind::If) {} };
struct WithItem { Expr* context_expr; Expr* optional_vars = nullptr; };
struct With : Stmt { std::vector<WithItem*> items; StmtList body; With() : Stmt(StmtKind::With) {} };
struct Raise : Stmt { Expr* exc = nullptr; Expr* cause = nullptr; Raise() : Stmt(StmtKind::Raise) {} };
struct ExceptHandler : Node { Expr* type = nullptr; std::string name; StmtList body; };
struct Try : Stmt {
  StmtList body; std::vector<ExceptHandler*> handlers; StmtList orelse; StmtList finalbody;
  bool star = false; // `except*` handlers (exception groups, PEP 654)
  Try() : Stmt(StmtKind::Try) {}
};
struct Assert : Stmt { Expr* test; Expr* msg = nullptr; Assert() : Stmt(StmtKind::Assert) {} };
struct Alias { std::string name; std::string asname; Pos pos; };  // name may be dotted, or "*"
struct Import : Stmt { std::vector<Alias*> names; Import() : Stmt(StmtKind::Import) {} };
struct ImportFrom : Stmt { std::string module; std::vector<Alias*> names; int level = 0; ImportFrom() : Stmt(StmtKind::ImportFrom) {} };
struct Global : Stmt { std::vector<std::string> names; Global() : Stmt(StmtKind::Global) {} };
struct Nonlocal : Stmt { std::vector<std::string> names; Nonlocal() : Stmt(StmtKind::Nonlocal) {} };
struct ExprStmt : Stmt { Expr* value; ExprStmt() : Stmt(StmtKind::Expr) {} };
struct Pass : Stmt { Pass() : Stmt(StmtKind::Pass) {} };
struct Break : Stmt { Break() : Stmt(StmtKind::Break) {} };
struct Continue : Stmt { Continue() : Stmt(StmtKind::Continue) {} };

// ---- match statement patterns (PEP 634) -----------------------------------------
enum class PatternKind { MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs, MatchOr };

struct Pattern : Node {
  PatternKind kind;
  explicit Pattern(PatternKind k) : kind(k) {}
};
using PatternList = std::vector<Pattern*>;

// A literal (compared with ==) or a dotted name.
struct MatchValue : Pattern { Expr* value; MatchValue() : Pattern(PatternKind::MatchValue) {} };
// None, True or False (compared with `is`).
struct MatchSingleton : Pattern { ConstKind value; MatchSingleton() : Pattern(PatternKind::MatchSingleton) {} };
struct MatchSequence : Pattern { PatternList patterns; MatchSequence() : Pattern(PatternKind::MatchSequence) {} };
// rest.empty(): no `**rest`
struct MatchMapping : Pattern {
  ExprList keys; PatternList patterns; std::string rest;
  MatchMapping() : Pattern(PatternKind::MatchMapping) {}
};
struct MatchClass : Pattern {
  Expr* cls; PatternList patterns; std::vector<std::string> kwd_attrs; PatternList kwd_patterns;
  MatchClass() : Pattern(PatternKind::MatchClass) {}
};
// name.empty(): `*_`
struct MatchStar : Pattern { std::string name; MatchStar() : Pattern(PatternKind::MatchStar) {} };
// `pattern as name`, a capture (no pattern) or the wildcard `_` (neither).
struct MatchAs : Pattern { Pattern* pattern = nullptr; std::string name; MatchAs() : Pattern(PatternKind::MatchAs) {} };
struct MatchOr : Pattern { PatternList patterns; MatchOr() : Pattern(PatternKind::MatchOr) {} };

struct MatchCase : Node { Pattern* pattern; Expr* guard = nullptr; StmtList body; };
struct Match : Stmt { Expr* subject; std::vector<MatchCase*> cases; Match() : Stmt(StmtKind::Match) {} };

// The wildcard `_` (CPython's WILDCARD_CHECK) and the starred wildcard `*_`.
inline bool is_wildcard(const Pattern* p) {
  return p->kind == PatternKind::MatchAs && !static_cast<const MatchAs*>(p)->pattern &&
         static_cast<const MatchAs*>(p)->name.empty();
}
inline bool is_star_wildcard(const Pattern* p) {
  return p->kind == PatternKind::MatchStar && static_cast<const MatchStar*>(p)->name.empty();
}

// Statements the subset parses only to reject them with NotImplementedError.
struct Unsupported : Stmt { std::string feature; explicit Unsupported(StmtKind k) : Stmt(k) {} };

// Owns every node of one parse.
class Arena {
public:
  template <class T, class... A> T* make(A&&... a) {
    auto p = std::make_unique<T>(static_cast<A&&>(a)...);
    T* raw = p.get();
    nodes_.push_back(std::move(p));
    return raw;
  }
  template <class T> T* make_plain() {
    auto p = std::make_shared<T>();
    T* raw = p.get();
    plain_.push_back(std::move(p));
    return raw;
  }

private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::shared_ptr<void>> plain_;
};

struct ModuleAst {
  StmtList body;
  std::string filename;
  SourceLines source_lines; // for carets in error messages
  std::unique_ptr<Arena> arena = std::make_unique<Arena>();
};

// Whether the module starts (after its docstring) with
// `from __future__ import annotations` among its future imports: then
// annotations are not evaluated but kept as their source text.
bool future_annotations(const StmtList& body);

// Writes the tree in Python's ast.dump style (used by parser tests).
std::string dump(const Expr* e);
std::string dump(const Stmt* s);
std::string dump(const ModuleAst& m);

} // namespace tributary::frontend
