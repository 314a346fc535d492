// compiler.cpp — AST to bytecode, one Code object per scope.
//
// Invariants maintained while emitting:
//  * `depth_` is the exact value-stack depth at the current emission point;
//    code after an unconditional transfer resets it explicitly. Handler depths
//    in the exception table and Code::max_stack come from it.
//  * Every instruction records the innermost active exception handler; the
//    exception table is built from runs of equal handlers, so code copied out
//    of a `try` (finally bodies on return/break) is protected by the right one.
//  * `fblocks_` mirrors the enclosing loops/try/except blocks so that break,
//    continue and return unwind exactly what the interpreter has pushed.
#include "frontend/compiler.h"

#include <cstring>
#include <optional>

#include "frontend/compile_match.h"
#include "frontend/parser.h"
#include "frontend/symtable.h"
#include "frontend/unparse.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::frontend {

using vm::Op;

namespace {

struct Handler {
  int label;
  int depth;
};

// PopValue: a return value preserved below a finally body run by the return's
// unwinding; a break/continue/return inside that body drops it.
enum class BlockKind {
  While,
  For,
  TryFinally,
  FinallyEnd,
  ExceptHandler,
  HandlerCleanup,
  ExceptStarHandler,
  With,
  PopValue
};

struct FBlock {
  BlockKind kind;
  int continue_label = -1;
  int break_label = -1;
  const StmtList* finalbody = nullptr;
  std::string exc_name = {}; // HandlerCleanup: the `as` name to clear
  size_t handler_level = 0; // handler stack size outside this block (TryFinally, With)
  bool is_async = false;    // With: `async with`, whose __aexit__ result is awaited
};

class CodeGen {
public:
  CodeGen(const ModuleAst& m, SymbolTable& st, Scope* scope, vm::Code* code, bool names_mode = false,
          bool interactive = false)
      : code_(code), module_(m), symtab_(st), scope_(scope), names_mode_(names_mode), interactive_(interactive),
        future_annotations_(future_annotations(m.body)) {}

  vm::Code* code_;

  // eval(): the module is one expression statement whose value is returned.
  void compile_eval_body(const StmtList& body) {
    if (body.size() != 1 || body[0]->kind != StmtKind::Expr) {
      const Node* n = body.empty() ? nullptr : body[0];
      if (!n) {
        SyntaxErrorInfo info;
        info.msg = "invalid syntax";
        info.filename = module_.filename;
        info.line = 1;
        info.col = 1;
        throw SyntaxErrorException(info);
      }
      syntax_error(n, "invalid syntax");
    }
    expr(static_cast<ExprStmt*>(body[0])->value);
    emit(Op::RETURN_VALUE);
    finish();
  }

  // `x: T = v` (CPython's compiler_annassign): in a module or class body a
  // simple name's annotation is evaluated and stored in __annotations__ (other
  // targets' annotations are evaluated and dropped); in a function it is not
  // evaluated. Under `from __future__ import annotations` a simple name's
  // annotation is stored as its source text and the others are not evaluated.
  void ann_assign(AnnAssign* a) {
    if (a->value) {
      expr(a->value);
      store_target(a->target);
    }
    if (scope_->kind != ScopeKind::Module && scope_->kind != ScopeKind::Class) return;
    bool simple = a->simple && a->target->kind == ExprKind::Name;
    if (!simple && future_annotations_) return;
    annotation(a->annotation);
    if (!simple) {
      emit(Op::POP_TOP);
      return;
    }
    name_op("__annotations__", Access::Load);
    emit_const(Value::object(intern(mangle(static_cast<Name*>(a->target)->id))));
    emit(Op::STORE_SUBSCR);
  }

  // Pushes an annotation's value: the expression's, or its text under
  // `from __future__ import annotations`.
  void annotation(Expr* e) {
    if (future_annotations_)
      emit_const(Value::object(new_str(unparse(e))));
    else
      expr(e);
  }

  // def f(a: A) -> R: the function's __annotations__ dict, set after
  // MAKE_FUNCTION (CPython passes it to MAKE_FUNCTION with flag 4). The
  // annotations are evaluated after the defaults, as in CPython.
  void function_annotations(FunctionDef* f) {
    int n = 0;
    auto add = [&](const Arg* a) {
      if (!a || !a->annotation) return;
      emit_const(Value::object(intern(mangle(a->name))));
      annotation(a->annotation);
      ++n;
    };
    Arguments* args = f->args;
    // CPython's order: the plain parameters before the positional-only ones.
    for (Arg* a : args->args) add(a);
    for (Arg* a : args->posonlyargs) add(a);
    add(args->vararg);
    for (Arg* a : args->kwonlyargs) add(a);
    add(args->kwarg);
    if (f->returns) {
      emit_const(Value::object(intern("return")));
      annotation(f->returns);
      ++n;
    }
    if (!n) return;
    emit(Op::BUILD_MAP, n);
    emit(Op::COPY, 2);
    emit(Op::STORE_ATTR, add_name("__annotations__"));
  }

  // Whether a module or class body annotates a name anywhere outside nested
  // functions and classes (CPython's find_ann): then it starts with SETUP_ANNOTATIONS.
  static bool has_annotations(const StmtList& body) {
    for (Stmt* s : body) {
      switch (s->kind) {
      case StmtKind::AnnAssign: return true;
      case StmtKind::For:
      case StmtKind::AsyncFor:
        if (has_annotations(static_cast<For*>(s)->body) || has_annotations(static_cast<For*>(s)->orelse)) return true;
        break;
      case StmtKind::While:
        if (has_annotations(static_cast<While*>(s)->body) || has_annotations(static_cast<While*>(s)->orelse))
          return true;
        break;
      case StmtKind::If:
        if (has_annotations(static_cast<If*>(s)->body) || has_annotations(static_cast<If*>(s)->orelse)) return true;
        break;
      case StmtKind::With:
      case StmtKind::AsyncWith:
        if (has_annotations(static_cast<With*>(s)->body)) return true;
        break;
      case StmtKind::Try: {
        auto* t = static_cast<Try*>(s);
        if (has_annotations(t->body) || has_annotations(t->orelse) || has_annotations(t->finalbody)) return true;
        for (ExceptHandler* h : t->handlers)
          if (has_annotations(h->body)) return true;
        break;
      }
      case StmtKind::Match:
        for (MatchCase* c : static_cast<Match*>(s)->cases)
          if (has_annotations(c->body)) return true;
        break;
      default: break;
      }
    }
    return false;
  }

  // compile(..., "single"): one line of simple statements (`a = 1; a`) or
  // one compound statement, with no docstring.
  void compile_single_body(const StmtList& body) {
    for (size_t i = 1; i < body.size(); ++i)
      if (body[i]->pos.line != body[0]->pos.line)
        syntax_error(body[i], "multiple statements found while compiling a single statement");
    compile_module_body(body);
  }

  void compile_module_body(const StmtList& body) {
    if (!body.empty() && body[0]->kind == StmtKind::Expr && !interactive_) {
      Expr* v = static_cast<ExprStmt*>(body[0])->value;
      if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->ckind == ConstKind::Str) {
        line_ = body[0]->pos.line;
        expr(v);
        name_op("__doc__", Access::Store);
      }
    }
    if (has_annotations(body)) emit(Op::SETUP_ANNOTATIONS);
    for (Stmt* s : body) stmt(s);
    emit_const(Value::none());
    emit(Op::RETURN_VALUE);
    finish();
  }

  void compile_function_body(const StmtList& body) {
    // A leading string literal is the function's docstring (its __doc__).
    if (!body.empty() && body[0]->kind == StmtKind::Expr) {
      Expr* v = static_cast<ExprStmt*>(body[0])->value;
      if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->ckind == ConstKind::Str)
        code_->doc = constant(static_cast<Constant*>(v));
    }
    for (Stmt* s : body) stmt(s);
    emit_const(Value::none());
    emit(Op::RETURN_VALUE);
    finish();
  }

  // A class body: runs with the class namespace as its locals dict; the
  // implicit `__class__` cell (zero-argument super()) is handed back to
  // __build_class__ as `__classcell__`.
  void compile_class_body(ClassDef* c) {
    code_->flags |= vm::kClassBody;
    line_ = c->pos.line;
    emit(Op::LOAD_NAME, add_name("__name__"));
    emit(Op::STORE_NAME, add_name("__module__"));
    emit_const(Value::object(intern(code_->qualname)));
    emit(Op::STORE_NAME, add_name("__qualname__"));
    size_t first = 0;
    if (!c->body.empty() && c->body[0]->kind == StmtKind::Expr) {
      Expr* v = static_cast<ExprStmt*>(c->body[0])->value;
      if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->ckind == ConstKind::Str) {
        expr(v);
        emit(Op::STORE_NAME, add_name("__doc__"));
        first = 1;
      }
    }
    if (has_annotations(c->body)) emit(Op::SETUP_ANNOTATIONS);
    for (size_t i = first; i < c->body.size(); ++i) stmt(c->body[i]);
    int cell = cell_index("__class__");
    if (cell >= 0 && cell < static_cast<int>(code_->cell_names.size())) {
      emit(Op::LOAD_CLOSURE, cell);
      emit(Op::STORE_NAME, add_name("__classcell__"));
    }
    emit_const(Value::none());
    emit(Op::RETURN_VALUE);
    finish();
  }

  void compile_lambda_body(Expr* body) {
    expr(body);
    emit(Op::RETURN_VALUE);
    finish();
  }

  // Body of a list/set/dict comprehension: `.0` is the first iterator.
  void compile_comprehension(Expr* node) {
    std::vector<Comprehension*> gens;
    Op build = Op::BUILD_LIST;
    switch (node->kind) {
    case ExprKind::ListComp: gens = static_cast<ListComp*>(node)->generators; break;
    case ExprKind::SetComp: gens = static_cast<SetComp*>(node)->generators; build = Op::BUILD_SET; break;
    case ExprKind::DictComp: gens = static_cast<DictComp*>(node)->generators; build = Op::BUILD_MAP; break;
    case ExprKind::GeneratorExp: gens = static_cast<GeneratorExp*>(node)->generators; break;
    default: break;
    }
    bool genexpr = node->kind == ExprKind::GeneratorExp;
    if (!genexpr) emit(build, 0);
    comprehension_level(node, gens, 0);
    if (genexpr) emit_const(Value::none());
    emit(Op::RETURN_VALUE);
    finish();
  }

private:
  const ModuleAst& module_;
  SymbolTable& symtab_;
  Scope* scope_;
  bool names_mode_ = false; // module level uses LOAD_NAME/STORE_NAME (exec with a locals dict)
  bool interactive_ = false; // module level expression statements show their value (PRINT_EXPR)
  bool future_annotations_ = false; // `from __future__ import annotations`: annotations are strings
  std::string private_class_; // enclosing class for name mangling, or empty

  // `__x` inside class C becomes `_C__x` (attribute and global/class-body names).
  std::string mangle(const std::string& n) const {
    if (private_class_.empty() || n.size() < 3 || n[0] != '_' || n[1] != '_') return n;
    if (n.size() >= 4 && n[n.size() - 1] == '_' && n[n.size() - 2] == '_') return n;
    if (n.find('.') != std::string::npos) return n;
    size_t start = private_class_.find_first_not_of('_');
    if (start == std::string::npos) return n;
    return "_" + private_class_.substr(start) + n;
  }
  int depth_ = 0;
  int max_depth_ = 0;
  int line_ = 1;
  std::vector<int> label_pos_;
  std::vector<std::pair<size_t, int>> jump_fixups_; // (instruction, label)
  std::vector<Handler> handlers_;
  std::vector<int> instr_handler_; // per instruction: index into handler_list_ or -1
  std::vector<Handler> handler_list_;
  std::vector<int> handler_ids_;   // parallel to handlers_: id in handler_list_
  std::vector<FBlock> fblocks_;

  // ---- emission ------------------------------------------------------------------

  void emit(Op op, int32_t arg = 0) {
    code_->code.push_back({op, arg});
    code_->lines.push_back(line_);
    instr_handler_.push_back(handler_ids_.empty() ? -1 : handler_ids_.back());
    depth_ += vm::stack_effect(op, arg, false);
    max_depth_ = std::max(max_depth_, depth_);
  }

  void emit_jump(Op op, int label) {
    jump_fixups_.push_back({code_->code.size(), label});
    emit(op, 0);
  }

  int new_label() {
    label_pos_.push_back(-1);
    return static_cast<int>(label_pos_.size()) - 1;
  }
  void place(int label) { label_pos_[label] = static_cast<int>(code_->code.size()); }

  // Equal constants of one code object are one object (CPython merges them:
  // `b"ab" is b"ab"` in one function is True), bytes by content too.
  int add_const(Value v) {
    auto& c = code_->consts;
    auto same = [&](Value k) {
      if (k == v) return !v.is_double();
      if (!is_exact(v, types::bytes) || !is_exact(k, types::bytes)) return false;
      auto *x = v.as<Bytes>(), *y = k.as<Bytes>();
      return x->size == y->size && std::memcmp(x->data, y->data, x->size) == 0;
    };
    for (size_t i = 0; i < c.size(); ++i)
      if (same(c[i])) return static_cast<int>(i);
    c.push_back(v);
    return static_cast<int>(c.size()) - 1;
  }
  void emit_const(Value v) { emit(Op::LOAD_CONST, add_const(v)); }

  int add_name(const std::string& n) {
    Value s = Value::object(intern(n));
    auto& names = code_->names;
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == s) return static_cast<int>(i);
    names.push_back(s);
    return static_cast<int>(names.size()) - 1;
  }

  void push_handler(int label, int depth) {
    handler_list_.push_back({label, depth});
    handler_ids_.push_back(static_cast<int>(handler_list_.size()) - 1);
  }
  void pop_handler() { handler_ids_.pop_back(); }

  void finish() {
    for (auto [at, label] : jump_fixups_) code_->code[at].arg = label_pos_[label];
    // Exception table from runs of instructions sharing a handler.
    for (size_t i = 0; i < instr_handler_.size();) {
      int h = instr_handler_[i];
      size_t j = i;
      while (j < instr_handler_.size() && instr_handler_[j] == h) ++j;
      if (h >= 0)
        code_->exception_table.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j),
                                          static_cast<uint32_t>(label_pos_[handler_list_[h].label]),
                                          static_cast<uint32_t>(handler_list_[h].depth)});
      i = j;
    }
    code_->max_stack = max_depth_ + 2;
  }

  // ---- errors --------------------------------------------------------------------

  [[noreturn]] void syntax_error(const Node* n, const std::string& msg) {
    SyntaxErrorInfo info;
    info.msg = msg;
    info.filename = module_.filename;
    info.line = n->pos.line;
    info.col = n->pos.col + 1;
    if (n->pos.line >= 1 && n->pos.line <= static_cast<int>(module_.source_lines.size()))
      info.text = module_.source_lines[n->pos.line - 1];
    throw SyntaxErrorException(info);
  }

  [[noreturn]] void unsupported(const Node* n, const std::string& feature) {
    raise_fmt(types::not_implemented_error, "{} is not supported yet (file \"{}\", line {})", feature,
              module_.filename, n->pos.line);
  }

  // ---- names ---------------------------------------------------------------------

  int local_index(const std::string& n) {
    auto& names = code_->local_names;
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == n) return static_cast<int>(i);
    names.push_back(n);
    code_->nlocals = static_cast<int>(names.size());
    return static_cast<int>(names.size()) - 1;
  }

  int cell_index(const std::string& n) {
    auto& cells = code_->cell_names;
    for (size_t i = 0; i < cells.size(); ++i)
      if (cells[i] == n) return static_cast<int>(i);
    auto& frees = code_->free_names;
    for (size_t i = 0; i < frees.size(); ++i)
      if (frees[i] == n) return static_cast<int>(cells.size() + i);
    return -1;
  }

  enum class Access { Load, Store, Del };

  void name_op(const std::string& n, Access a) {
    NameScope s = scope_->lookup(n);
    if (scope_->kind == ScopeKind::Module && s != NameScope::Cell && s != NameScope::Free)
      s = names_mode_ && s != NameScope::Global ? NameScope::Name : NameScope::Global;
    switch (s) {
    case NameScope::Local:
      emit(a == Access::Load ? Op::LOAD_FAST : a == Access::Store ? Op::STORE_FAST : Op::DELETE_FAST, local_index(n));
      break;
    case NameScope::Cell:
    case NameScope::Free:
      emit(a == Access::Load ? Op::LOAD_DEREF : a == Access::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, cell_index(n));
      break;
    case NameScope::Global:
      emit(a == Access::Load ? Op::LOAD_GLOBAL : a == Access::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
           add_name(mangle(n)));
      break;
    case NameScope::Name:
      emit(a == Access::Load ? Op::LOAD_NAME : a == Access::Store ? Op::STORE_NAME : Op::DELETE_NAME,
           add_name(mangle(n)));
      break;
    }
  }

  // ---- statements ----------------------------------------------------------------

  void body(const StmtList& stmts) {
    for (Stmt* s : stmts) stmt(s);
  }

  void stmt(Stmt* s) {
    line_ = s->pos.line;
    switch (s->kind) {
    case StmtKind::Expr: {
      Expr* v = static_cast<ExprStmt*>(s)->value;
      if (interactive_) {
        expr(v);
        emit(Op::PRINT_EXPR);
        break;
      }
      if (v->kind == ExprKind::Constant) break; // docstrings and bare constants
      expr(v);
      emit(Op::POP_TOP);
      break;
    }
    case StmtKind::Assign: {
      auto* a = static_cast<Assign*>(s);
      expr(a->value);
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) emit(Op::COPY, 1);
        store_target(a->targets[i]);
      }
      break;
    }
    case StmtKind::AugAssign: aug_assign(static_cast<AugAssign*>(s)); break;
    case StmtKind::AnnAssign: ann_assign(static_cast<AnnAssign*>(s)); break;
    case StmtKind::If: if_stmt(static_cast<If*>(s)); break;
    case StmtKind::While: while_stmt(static_cast<While*>(s)); break;
    case StmtKind::For: for_stmt(static_cast<For*>(s)); break;
    case StmtKind::AsyncFor: async_for_stmt(static_cast<For*>(s)); break;
    case StmtKind::Break: break_stmt(s); break;
    case StmtKind::Continue: continue_stmt(s); break;
    case StmtKind::Return: return_stmt(static_cast<Return*>(s)); break;
    case StmtKind::Pass: break;
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: function_def(static_cast<FunctionDef*>(s)); break;
    case StmtKind::Delete:
      for (Expr* t : static_cast<Delete*>(s)->targets) delete_target(t);
      break;
    case StmtKind::Global:
    case StmtKind::Nonlocal: break;
    case StmtKind::Assert: assert_stmt(static_cast<Assert*>(s)); break;
    case StmtKind::Raise: raise_stmt(static_cast<Raise*>(s)); break;
    case StmtKind::Try: try_stmt(static_cast<Try*>(s)); break;
    case StmtKind::Import: import_stmt(static_cast<Import*>(s)); break;
    case StmtKind::ImportFrom: import_from(static_cast<ImportFrom*>(s)); break;
    case StmtKind::ClassDef: class_def(static_cast<ClassDef*>(s)); break;
    case StmtKind::With: with_stmt(static_cast<With*>(s), 0); break;
    case StmtKind::AsyncWith:
      if (!in_async_function()) syntax_error(s, "'async with' outside async function");
      with_stmt(static_cast<With*>(s), 0);
      break;
    case StmtKind::Match: match_stmt(static_cast<Match*>(s)); break;
    }
  }

  // The match compiler's view of this code generator (compile_match.h).
  struct MatchHooks final : MatchEmitter {
    explicit MatchHooks(CodeGen& gen) : g(gen) {}
    CodeGen& g;
    void emit(Op op, int32_t arg) override { g.emit(op, arg); }
    void emit_jump(Op op, int label) override { g.emit_jump(op, label); }
    void emit_const(Value v) override { g.emit_const(v); }
    int new_label() override { return g.new_label(); }
    void place(int label) override { g.place(label); }
    int depth() const override { return g.depth_; }
    void set_depth(int depth) override { g.depth_ = depth; }
    void set_line(int line) override { g.line_ = line; }
    void expr(Expr* e) override { g.expr(e); }
    void jump_if(Expr* e, bool cond, int label) override { g.jump_if(e, cond, label); }
    void store_name(const std::string& name) override { g.name_op(name, Access::Store); }
    void body(const StmtList& stmts) override { g.body(stmts); }
    Value literal(Constant* c) override { return g.constant(c); }
    [[noreturn]] void syntax_error(const Node* n, const std::string& msg) override { g.syntax_error(n, msg); }
  };

  void match_stmt(Match* m) {
    MatchHooks hooks(*this);
    compile_match(m, hooks);
  }

  void if_stmt(If* s) {
    int orelse = new_label(), end = new_label();
    jump_if(s->test, false, orelse);
    body(s->body);
    if (!s->orelse.empty()) {
      emit_jump(Op::JUMP, end);
      place(orelse);
      body(s->orelse);
    } else {
      place(orelse);
    }
    place(end);
  }

  void while_stmt(While* s) {
    int top = new_label(), orelse = new_label(), end = new_label();
    place(top);
    jump_if(s->test, false, orelse);
    fblocks_.push_back({BlockKind::While, top, end});
    body(s->body);
    fblocks_.pop_back();
    line_ = s->pos.line;
    emit_jump(Op::JUMP, top);
    place(orelse);
    body(s->orelse);
    place(end);
  }

  void for_stmt(For* s) {
    int top = new_label(), exhausted = new_label(), end = new_label();
    expr(s->iter);
    emit(Op::GET_ITER);
    place(top);
    emit_jump(Op::FOR_ITER, exhausted);
    store_target(s->target);
    fblocks_.push_back({BlockKind::For, top, end});
    body(s->body);
    fblocks_.pop_back();
    line_ = s->pos.line;
    emit_jump(Op::JUMP, top);
    place(exhausted);
    depth_ -= 1; // FOR_ITER popped the iterator on this path
    body(s->orelse);
    place(end);
  }

  // async for t in it: body — CPython 3.11's shape: GET_AITER once, then per
  // item GET_ANEXT and an await, protected by a handler whose END_ASYNC_FOR
  // ends the loop on StopAsyncIteration (and re-raises anything else).
  void async_for_stmt(For* s) {
    if (!in_async_function()) syntax_error(s, "'async for' outside async function");
    int top = new_label(), exhausted = new_label(), end = new_label();
    expr(s->iter);
    line_ = s->pos.line;
    emit(Op::GET_AITER);
    const int loop_depth = depth_;
    place(top);
    async_next(exhausted);
    store_target(s->target);
    fblocks_.push_back({BlockKind::For, top, end});
    body(s->body);
    fblocks_.pop_back();
    line_ = s->pos.line;
    emit_jump(Op::JUMP, top);
    place(exhausted);
    depth_ = loop_depth + 1; // [aiter, exc]
    emit(Op::END_ASYNC_FOR);
    body(s->orelse);
    place(end);
  }

  // [aiter] -> [aiter, await aiter.__anext__()]; StopAsyncIteration goes to
  // `exhausted` with [aiter, exc] on the stack (END_ASYNC_FOR's operands).
  void async_next(int exhausted) {
    int base = depth_;
    push_handler(exhausted, base);
    emit(Op::GET_ANEXT);
    await_loop();
    pop_handler();
  }

  // The await of the awaitable iterator on TOS: [awaitable] -> [result]. The
  // SEND/YIELD_VALUE/JUMP loop of `yield from` (generator.cpp finds a
  // suspended frame's delegate by this shape, for throw() and close()).
  void await_loop() {
    emit_const(Value::none());
    int loop = new_label(), exit = new_label();
    place(loop);
    emit_jump(Op::SEND, exit);
    emit(Op::YIELD_VALUE);
    emit_jump(Op::JUMP, loop);
    place(exit);
    depth_ -= 1; // SEND popped the sub-iterator on this path
  }

  // Whether the code being compiled is an `async def` body (where `async for`,
  // `async with` and `await` are allowed; comprehensions are checked apart).
  bool in_async_function() const { return scope_->kind == ScopeKind::Function && scope_->is_coroutine; }

  // Emits the code that leaves fblock `b` (popping what it holds); `preserve_tos`
  // keeps a return value on top while doing so.
  void unwind_block(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
    case BlockKind::While: break;
    case BlockKind::PopValue:
    case BlockKind::For:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      break;
    case BlockKind::TryFinally: {
      // Run the finally body outside this try's handler and fblock.
      std::vector<int> saved_handlers(handler_ids_.begin() + b.handler_level, handler_ids_.end());
      handler_ids_.resize(b.handler_level);
      FBlock saved = fblocks_.back();
      fblocks_.pop_back();
      if (preserve_tos) fblocks_.push_back({BlockKind::PopValue});
      body(*b.finalbody);
      if (preserve_tos) fblocks_.pop_back();
      fblocks_.push_back(saved);
      handler_ids_.insert(handler_ids_.end(), saved_handlers.begin(), saved_handlers.end());
      break;
    }
    case BlockKind::FinallyEnd:
      // Stack: [prev_exc, exc (, value)]
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_TOP);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_EXCEPT);
      break;
    case BlockKind::With: {
      // Call __exit__(None, None, None) outside this block's handler.
      std::vector<int> saved_handlers(handler_ids_.begin() + b.handler_level, handler_ids_.end());
      handler_ids_.resize(b.handler_level);
      if (preserve_tos) emit(Op::SWAP, 2);
      emit_const(Value::none());
      emit_const(Value::none());
      emit_const(Value::none());
      emit(Op::CALL, 2);
      if (b.is_async) {
        emit(Op::GET_AWAITABLE, 2);
        await_loop();
      }
      emit(Op::POP_TOP);
      handler_ids_.insert(handler_ids_.end(), saved_handlers.begin(), saved_handlers.end());
      break;
    }
    case BlockKind::HandlerCleanup:
      if (!b.exc_name.empty()) {
        emit_const(Value::none());
        name_op(b.exc_name, Access::Store);
        name_op(b.exc_name, Access::Del);
      }
      [[fallthrough]];
    case BlockKind::ExceptHandler:
      if (preserve_tos) emit(Op::SWAP, 2);
      emit(Op::POP_EXCEPT);
      break;
    case BlockKind::ExceptStarHandler: break; // (break/continue/return refused before unwinding it)
    }
  }

  // break, continue and return may not leave an except* handler (CPython's
  // compiler_unwind_fblock refuses EXCEPTION_GROUP_HANDLER).
  void check_not_leaving_except_star(const Node* s, bool to_loop) {
    for (auto it = fblocks_.rbegin(); it != fblocks_.rend(); ++it) {
      if (to_loop && (it->kind == BlockKind::While || it->kind == BlockKind::For)) return;
      if (it->kind == BlockKind::ExceptStarHandler)
        syntax_error(s, "'break', 'continue' and 'return' cannot appear in an except* block");
    }
  }

  // Emits the unwinding of every fblock inside the innermost loop and returns
  // that loop (its own block is not unwound). SyntaxError when not in a loop.
  FBlock unwind_to_loop(const Node* s, const char* what) {
    std::vector<FBlock> popped;
    std::optional<FBlock> loop;
    while (!fblocks_.empty()) {
      FBlock b = fblocks_.back();
      if (b.kind == BlockKind::While || b.kind == BlockKind::For) {
        loop = b;
        break;
      }
      unwind_block(b, false);
      popped.push_back(b);
      fblocks_.pop_back();
    }
    for (auto it = popped.rbegin(); it != popped.rend(); ++it) fblocks_.push_back(*it);
    if (!loop) syntax_error(s, what);
    return *loop;
  }

  void break_stmt(Stmt* s) {
    check_not_leaving_except_star(s, true);
    int saved = depth_;
    FBlock loop = unwind_to_loop(s, "'break' outside loop");
    unwind_block(loop, false);
    emit_jump(Op::JUMP, loop.break_label);
    depth_ = saved;
  }

  void continue_stmt(Stmt* s) {
    check_not_leaving_except_star(s, true);
    int saved = depth_;
    FBlock loop = unwind_to_loop(s, "'continue' not properly in loop");
    emit_jump(Op::JUMP, loop.continue_label);
    depth_ = saved;
  }

  void return_stmt(Return* s) {
    if (scope_->kind != ScopeKind::Function) syntax_error(s, "'return' outside function");
    if (s->value && scope_->is_coroutine && scope_->has_yield)
      syntax_error(s, "'return' with value in async generator");
    check_not_leaving_except_star(s, false);
    int saved = depth_;
    if (s->value) expr(s->value);
    else emit_const(Value::none());
    std::vector<FBlock> popped;
    while (!fblocks_.empty()) {
      FBlock b = fblocks_.back();
      unwind_block(b, true);
      popped.push_back(b);
      fblocks_.pop_back();
    }
    for (auto it = popped.rbegin(); it != popped.rend(); ++it) fblocks_.push_back(*it);
    line_ = s->pos.line;
    emit(Op::RETURN_VALUE);
    depth_ = saved;
  }

  void aug_assign(AugAssign* s) {
    int32_t op = static_cast<int32_t>(binop_of(s->op)) | vm::kInplace;
    Expr* t = s->target;
    switch (t->kind) {
    case ExprKind::Name:
      name_op(static_cast<Name*>(t)->id, Access::Load);
      expr(s->value);
      emit(Op::BINARY_OP, op);
      name_op(static_cast<Name*>(t)->id, Access::Store);
      break;
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(t);
      expr(a->value);
      emit(Op::COPY, 1);
      emit(Op::LOAD_ATTR, add_name(mangle(a->attr)));
      expr(s->value);
      emit(Op::BINARY_OP, op);
      emit(Op::SWAP, 2);
      emit(Op::STORE_ATTR, add_name(mangle(a->attr)));
      break;
    }
    case ExprKind::Subscript: {
      auto* sub = static_cast<Subscript*>(t);
      expr(sub->value);
      subscript_index(sub->slice);
      emit(Op::COPY, 2);
      emit(Op::COPY, 2);
      emit(Op::BINARY_SUBSCR);
      expr(s->value);
      emit(Op::BINARY_OP, op);
      emit(Op::SWAP, 3);
      emit(Op::SWAP, 2);
      emit(Op::STORE_SUBSCR);
      break;
    }
    default:
      syntax_error(t, "'" + expr_description(t) + "' is an illegal expression for augmented assignment");
    }
  }

  void function_def(FunctionDef* f) {
    for (Expr* d : f->decorator_list) {
      emit(Op::PUSH_NULL);
      expr(d);
    }
    make_function(f, f->name, f->args, [&](CodeGen& g) { g.compile_function_body(f->body); });
    function_annotations(f);
    for (size_t i = 0; i < f->decorator_list.size(); ++i) emit(Op::CALL, 1);
    name_op(f->name, Access::Store);
  }

  // class C(bases, **kw): body  ->  C = __build_class__(<body function>, 'C', *bases, **kw)
  void class_def(ClassDef* c) {
    for (Expr* d : c->decorator_list) {
      emit(Op::PUSH_NULL);
      expr(d);
    }
    line_ = c->pos.line;
    emit(Op::PUSH_NULL);
    emit(Op::LOAD_BUILD_CLASS);
    make_function(c, c->name, nullptr, [&](CodeGen& g) { g.compile_class_body(c); });
    emit_const(Value::object(intern(c->name)));
    bool dynamic = has_starred(c->bases);
    for (Keyword* k : c->keywords)
      if (k->arg.empty()) dynamic = true;
    if (dynamic) unsupported(c, "class bases with * or ** arguments");
    for (Expr* b : c->bases) expr(b);
    line_ = c->pos.line;
    int32_t nargs = static_cast<int32_t>(2 + c->bases.size());
    if (c->keywords.empty()) {
      emit(Op::CALL, nargs);
    } else {
      GcVector<Value> names;
      for (Keyword* k : c->keywords) {
        expr(k->value);
        names.push_back(Value::object(intern(k->arg)));
      }
      emit_const(Value::object(new_tuple(names)));
      emit(Op::CALL_KW, nargs + static_cast<int32_t>(c->keywords.size()));
    }
    for (size_t i = 0; i < c->decorator_list.size(); ++i) emit(Op::CALL, 1);
    name_op(c->name, Access::Store);
  }

  std::string qualname_for(const std::string& name) {
    if (scope_->kind == ScopeKind::Module) return name;
    if (scope_->kind == ScopeKind::Function || scope_->kind == ScopeKind::Comprehension)
      return code_->qualname + ".<locals>." + name;
    return code_->qualname + "." + name;
  }

  template <class BodyFn>
  void make_function(const Node* node, const std::string& name, Arguments* args, BodyFn&& compile_body) {
    int flags = 0;
    if (args && !args->defaults.empty()) {
      for (Expr* d : args->defaults) expr(d);
      emit(Op::BUILD_TUPLE, static_cast<int32_t>(args->defaults.size()));
      flags |= 1;
    }
    if (args) {
      int n = 0;
      for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
        if (!args->kw_defaults[i]) continue;
        emit_const(Value::object(intern(args->kwonlyargs[i]->name)));
        expr(args->kw_defaults[i]);
        ++n;
      }
      if (n) {
        emit(Op::BUILD_MAP, n);
        flags |= 2;
      }
    }
    Scope* child = symtab_.scope_of(node);
    vm::Code* code = vm::new_code();
    code->name = name;
    code->qualname = qualname_for(name);
    code->filename = module_.filename;
    code->first_line = node->pos.line;
    if (child->is_coroutine)
      code->flags |= vm::kGenerator | (child->has_yield ? vm::kAsyncGenerator : vm::kCoroutine);
    else if (child->has_yield)
      code->flags |= vm::kGenerator;
    if (scope_->kind == ScopeKind::Function || scope_->kind == ScopeKind::Comprehension) code->flags |= vm::kNested;
    setup_code(code, child, args);
    CodeGen g(module_, symtab_, child, code);
    // Private names are mangled with the innermost enclosing class's name.
    g.private_class_ = child->kind == ScopeKind::Class ? static_cast<const ClassDef*>(node)->name : private_class_;
    g.line_ = node->pos.line;
    compile_body(g);
    if (!code->free_names.empty()) {
      for (const std::string& n : code->free_names) emit(Op::LOAD_CLOSURE, cell_index(n));
      emit(Op::BUILD_TUPLE, static_cast<int32_t>(code->free_names.size()));
      flags |= 8;
    }
    emit_const(Value::object(code));
    emit(Op::MAKE_FUNCTION, flags);
  }

  static void setup_code(vm::Code* code, Scope* s, Arguments* args) {
    if (args) {
      code->posonlycount = static_cast<int>(args->posonlyargs.size());
      code->argcount = static_cast<int>(args->posonlyargs.size() + args->args.size());
      code->kwonlycount = static_cast<int>(args->kwonlyargs.size());
      if (args->vararg) code->flags |= vm::kVarargs;
      if (args->kwarg) code->flags |= vm::kVarkeywords;
    } else {
      code->argcount = static_cast<int>(s->params.size()); // comprehension: `.0`
    }
    // Parameters occupy the first local slots, in order (cells included, so the
    // interpreter can move them into their cells at entry).
    for (const std::string& p : s->params) code->local_names.push_back(p);
    code->nlocals = static_cast<int>(code->local_names.size());
    code->cell_names = s->cells;
    code->free_names = s->frees;
    for (const std::string& c : code->cell_names) {
      int from = -1;
      for (size_t i = 0; i < s->params.size(); ++i)
        if (s->params[i] == c) from = static_cast<int>(i);
      code->cell_param.push_back(from);
    }
  }

  // with a as x, b: body  — one nested block per item, as CPython 3.11 compiles it:
  //   BEFORE_WITH -> [exit, enter()]; on exception [exit, prev, exc] calls
  //   exit(type, exc, tb) and re-raises unless it returned a true value.
  //   `async with` awaits __aenter__() (BEFORE_ASYNC_WITH, GET_AWAITABLE 1) and
  //   each __aexit__ result (GET_AWAITABLE 2), as CPython 3.11 does.
  void with_stmt(With* w, size_t item) {
    WithItem* it = w->items[item];
    const bool is_async = w->kind == StmtKind::AsyncWith;
    int base = depth_;
    expr(it->context_expr);
    line_ = w->pos.line;
    if (is_async) {
      emit(Op::BEFORE_ASYNC_WITH);
      emit(Op::GET_AWAITABLE, 1);
      await_loop();
    } else {
      emit(Op::BEFORE_WITH);
    }
    int handler = new_label(), cleanup = new_label(), suppress = new_label(), end = new_label();
    FBlock fb{BlockKind::With};
    fb.is_async = is_async;
    fb.handler_level = handler_ids_.size();
    push_handler(handler, base + 1);
    fblocks_.push_back(fb);
    if (it->optional_vars) store_target(it->optional_vars);
    else emit(Op::POP_TOP);
    if (item + 1 < w->items.size()) with_stmt(w, item + 1);
    else body(w->body);
    fblocks_.pop_back();
    pop_handler();
    line_ = w->pos.line;
    emit_const(Value::none());
    emit_const(Value::none());
    emit_const(Value::none());
    emit(Op::CALL, 2);
    if (is_async) {
      emit(Op::GET_AWAITABLE, 2);
      await_loop();
    }
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP, end);

    place(handler);
    depth_ = base + 2; // [exit, exc]
    line_ = w->pos.line;
    push_handler(cleanup, base + 2);
    emit(Op::PUSH_EXC_INFO);
    emit(Op::WITH_EXCEPT_START);
    if (is_async) {
      emit(Op::GET_AWAITABLE, 2);
      await_loop();
    }
    emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
    emit(Op::RERAISE);
    pop_handler();
    place(suppress);
    depth_ = base + 3; // [exit, prev, exc]
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);
    emit_jump(Op::JUMP, end);

    place(cleanup);
    depth_ = base + 3; // [exit, prev, exc2]
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    place(end);
    depth_ = base;
  }

  void assert_stmt(Assert* a) {
    int end = new_label();
    jump_if(a->test, true, end);
    if (a->msg) {
      emit(Op::PUSH_NULL);
      emit(Op::LOAD_ASSERTION_ERROR);
      expr(a->msg);
      emit(Op::CALL, 1);
    } else {
      emit(Op::LOAD_ASSERTION_ERROR);
    }
    emit(Op::RAISE_VARARGS, 1);
    place(end);
  }

  void raise_stmt(Raise* r) {
    int n = 0;
    if (r->exc) {
      expr(r->exc);
      ++n;
      if (r->cause) {
        expr(r->cause);
        ++n;
      }
    }
    emit(Op::RAISE_VARARGS, n);
  }

  void try_stmt(Try* t) {
    if (!t->finalbody.empty()) try_finally(t);
    else try_except(t);
  }

  void try_finally(Try* t) {
    int handler = new_label(), cleanup = new_label(), end = new_label();
    int base = depth_;
    FBlock fb{BlockKind::TryFinally};
    fb.finalbody = &t->finalbody;
    fb.handler_level = handler_ids_.size();
    push_handler(handler, base);
    fblocks_.push_back(fb);
    if (!t->handlers.empty()) try_except(t);
    else body(t->body);
    fblocks_.pop_back();
    pop_handler();
    body(t->finalbody);
    emit_jump(Op::JUMP, end);
    // Exceptional path: [exc] -> run finally with the exception handled, re-raise.
    place(handler);
    depth_ = base + 1;
    push_handler(cleanup, base + 1);
    emit(Op::PUSH_EXC_INFO);
    fblocks_.push_back({BlockKind::FinallyEnd});
    body(t->finalbody);
    fblocks_.pop_back();
    pop_handler();
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    place(cleanup);
    depth_ = base + 2;
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    place(end);
    depth_ = base;
  }

  void try_except(Try* t) {
    if (t->star) {
      try_except_star(t);
      return;
    }
    int handler = new_label(), cleanup = new_label(), end = new_label();
    int base = depth_;
    push_handler(handler, base);
    body(t->body);
    pop_handler();
    body(t->orelse);
    emit_jump(Op::JUMP, end);

    place(handler);
    depth_ = base + 1;
    push_handler(cleanup, base + 1);
    emit(Op::PUSH_EXC_INFO); // [prev, exc]
    for (size_t i = 0; i < t->handlers.size(); ++i) {
      ExceptHandler* h = t->handlers[i];
      line_ = h->pos.line;
      if (!h->type && i + 1 < t->handlers.size()) syntax_error(h, "default 'except:' must be last");
      int next = new_label();
      if (h->type) {
        expr(h->type);
        emit(Op::CHECK_EXC_MATCH);
        emit_jump(Op::POP_JUMP_IF_FALSE, next);
      }
      if (!h->name.empty()) {
        name_op(h->name, Access::Store); // [prev]
        int name_cleanup = new_label();
        push_handler(name_cleanup, base + 1);
        FBlock fb{BlockKind::HandlerCleanup};
        fb.exc_name = h->name;
        fblocks_.push_back(fb);
        body(h->body);
        fblocks_.pop_back();
        pop_handler();
        emit_const(Value::none());
        name_op(h->name, Access::Store);
        name_op(h->name, Access::Del);
        emit(Op::POP_EXCEPT);
        emit_jump(Op::JUMP, end);
        // Exception inside the handler body: clear the name, re-raise to `cleanup`.
        place(name_cleanup);
        depth_ = base + 2;
        emit_const(Value::none());
        name_op(h->name, Access::Store);
        name_op(h->name, Access::Del);
        emit(Op::RERAISE);
      } else {
        emit(Op::POP_TOP); // [prev]
        fblocks_.push_back({BlockKind::HandlerCleanup});
        body(h->body);
        fblocks_.pop_back();
        emit(Op::POP_EXCEPT);
        emit_jump(Op::JUMP, end);
      }
      place(next);
      depth_ = base + 2;
    }
    emit(Op::RERAISE); // nothing matched
    pop_handler();
    place(cleanup);
    depth_ = base + 2;
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    place(end);
    depth_ = base;
  }

  // try/except* (PEP 654), as CPython 3.11 compiles it. The handlers see
  // [prev, orig, res, rest]: the original exception, the list of what the
  // handlers raised, and what is left to match; each except* clause splits
  // `rest` (CHECK_EG_MATCH) and runs its body on the matching part, catching
  // what the body raises into `res`; PREP_RERAISE_STAR then gives what leaves
  // the statement.
  void try_except_star(Try* t) {
    int handler = new_label(), cleanup = new_label(), end = new_label(), reraise = new_label();
    int base = depth_;
    push_handler(handler, base);
    body(t->body);
    pop_handler();
    body(t->orelse);
    emit_jump(Op::JUMP, end);

    place(handler);
    depth_ = base + 1;
    push_handler(cleanup, base + 1);
    emit(Op::PUSH_EXC_INFO); // [prev, orig]
    emit(Op::COPY, 1);       // [prev, orig, rest]
    emit(Op::BUILD_LIST, 0); // [prev, orig, rest, res]
    emit(Op::SWAP, 2);       // [prev, orig, res, rest]
    for (ExceptHandler* h : t->handlers) {
      line_ = h->pos.line;
      int next = new_label(), no_match = new_label(), raised = new_label();
      expr(h->type);
      emit(Op::CHECK_EG_MATCH); // [prev, orig, res, rest, match]
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NONE, no_match);
      if (!h->name.empty())
        name_op(h->name, Access::Store);
      else
        emit(Op::POP_TOP); // [prev, orig, res, rest]
      push_handler(raised, base + 4);
      FBlock fb{BlockKind::ExceptStarHandler};
      fblocks_.push_back(fb);
      body(h->body);
      fblocks_.pop_back();
      pop_handler();
      clear_name(h->name);
      emit_jump(Op::JUMP, next);
      // The body raised: [prev, orig, res, rest, exc] -> into res.
      place(raised);
      depth_ = base + 5;
      clear_name(h->name);
      emit(Op::LIST_APPEND, 2);
      emit_jump(Op::JUMP, next);
      place(no_match);
      depth_ = base + 5;
      emit(Op::POP_TOP);
      place(next);
      depth_ = base + 4;
    }
    emit(Op::LIST_APPEND, 1);    // [prev, orig, res + [rest]]
    emit(Op::PREP_RERAISE_STAR); // [prev, result]
    emit(Op::COPY, 1);
    emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
    emit(Op::POP_TOP);
    emit(Op::POP_EXCEPT);
    emit_jump(Op::JUMP, end);
    place(reraise);
    depth_ = base + 2;
    emit(Op::RERAISE); // (to cleanup: restores prev)
    pop_handler();
    place(cleanup);
    depth_ = base + 2;
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    place(end);
    depth_ = base;
  }

  // `name = None; del name` after an except handler bound `name` (nothing when empty).
  void clear_name(const std::string& name) {
    if (name.empty()) return;
    emit_const(Value::none());
    name_op(name, Access::Store);
    name_op(name, Access::Del);
  }

  void import_stmt(Import* s) {
    for (Alias* a : s->names) {
      emit_const(Value::small_int(0));
      emit_const(Value::none());
      emit(Op::IMPORT_NAME, add_name(a->name));
      if (a->asname.empty()) {
        name_op(a->name.substr(0, a->name.find('.')), Access::Store);
        continue;
      }
      // `import a.b.c as d` binds the innermost module.
      size_t pos = a->name.find('.');
      while (pos != std::string::npos) {
        size_t next = a->name.find('.', pos + 1);
        emit(Op::IMPORT_FROM, add_name(a->name.substr(pos + 1, next == std::string::npos ? next : next - pos - 1)));
        emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        pos = next;
      }
      name_op(a->asname, Access::Store);
    }
  }

  void import_from(ImportFrom* s) {
    emit_const(Value::small_int(s->level));
    GcVector<Value> names;
    for (Alias* a : s->names) names.push_back(Value::object(intern(a->name)));
    emit_const(Value::object(new_tuple(names)));
    emit(Op::IMPORT_NAME, add_name(s->module));
    if (s->names.size() == 1 && s->names[0]->name == "*") {
      emit(Op::IMPORT_STAR);
      return;
    }
    for (Alias* a : s->names) {
      emit(Op::IMPORT_FROM, add_name(a->name));
      name_op(a->asname.empty() ? a->name : a->asname, Access::Store);
    }
    emit(Op::POP_TOP);
  }

  // ---- targets -------------------------------------------------------------------

  void store_target(Expr* t) {
    switch (t->kind) {
    case ExprKind::Name: name_op(static_cast<Name*>(t)->id, Access::Store); break;
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(t);
      expr(a->value);
      emit(Op::STORE_ATTR, add_name(mangle(a->attr)));
      break;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<Subscript*>(t);
      expr(s->value);
      subscript_index(s->slice);
      emit(Op::STORE_SUBSCR);
      break;
    }
    case ExprKind::Tuple: unpack(t, static_cast<TupleExpr*>(t)->elts); break;
    case ExprKind::List: unpack(t, static_cast<ListExpr*>(t)->elts); break;
    case ExprKind::Starred: syntax_error(t, "starred assignment target must be in a list or tuple"); break;
    default: syntax_error(t, "cannot assign to " + expr_description(t));
    }
  }

  void unpack(Expr* t, const ExprList& elts) {
    int star = -1;
    for (size_t i = 0; i < elts.size(); ++i) {
      if (elts[i]->kind != ExprKind::Starred) continue;
      if (star >= 0) syntax_error(elts[i], "multiple starred expressions in assignment");
      star = static_cast<int>(i);
    }
    if (star < 0) {
      emit(Op::UNPACK_SEQUENCE, static_cast<int32_t>(elts.size()));
    } else {
      int after = static_cast<int>(elts.size()) - star - 1;
      emit(Op::UNPACK_EX, star | (after << 8));
    }
    for (Expr* e : elts) store_target(e->kind == ExprKind::Starred ? static_cast<Starred*>(e)->value : e);
  }

  void delete_target(Expr* t) {
    switch (t->kind) {
    case ExprKind::Name: name_op(static_cast<Name*>(t)->id, Access::Del); break;
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(t);
      expr(a->value);
      emit(Op::DELETE_ATTR, add_name(mangle(a->attr)));
      break;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<Subscript*>(t);
      expr(s->value);
      subscript_index(s->slice);
      emit(Op::DELETE_SUBSCR);
      break;
    }
    case ExprKind::Tuple:
      for (Expr* e : static_cast<TupleExpr*>(t)->elts) delete_target(e);
      break;
    case ExprKind::List:
      for (Expr* e : static_cast<ListExpr*>(t)->elts) delete_target(e);
      break;
    default: syntax_error(t, "cannot delete " + expr_description(t));
    }
  }

  static std::string expr_description(Expr* e) {
    switch (e->kind) {
    case ExprKind::Call: return "function call";
    case ExprKind::Constant: return "literal";
    case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::BoolOp: return "expression";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: return "f-string expression";
    default: return "expression";
    }
  }

  // ---- expressions ---------------------------------------------------------------

  static tributary::BinOp binop_of(BinOpKind k) {
    switch (k) {
    case BinOpKind::Add: return tributary::BinOp::Add;
    case BinOpKind::Sub: return tributary::BinOp::Sub;
    case BinOpKind::Mult: return tributary::BinOp::Mul;
    case BinOpKind::MatMult: return tributary::BinOp::MatMul;
    case BinOpKind::Div: return tributary::BinOp::TrueDiv;
    case BinOpKind::FloorDiv: return tributary::BinOp::FloorDiv;
    case BinOpKind::Mod: return tributary::BinOp::Mod;
    case BinOpKind::Pow: return tributary::BinOp::Pow;
    case BinOpKind::LShift: return tributary::BinOp::LShift;
    case BinOpKind::RShift: return tributary::BinOp::RShift;
    case BinOpKind::BitAnd: return tributary::BinOp::And;
    case BinOpKind::BitOr: return tributary::BinOp::Or;
    case BinOpKind::BitXor: return tributary::BinOp::Xor;
    }
    return tributary::BinOp::Add;
  }

  void compare_op(CmpOpKind k) {
    switch (k) {
    case CmpOpKind::Eq: emit(Op::COMPARE_OP, static_cast<int32_t>(CmpOp::Eq)); break;
    case CmpOpKind::NotEq: emit(Op::COMPARE_OP, static_cast<int32_t>(CmpOp::Ne)); break;
    case CmpOpKind::Lt: emit(Op::COMPARE_OP, static_cast<int32_t>(CmpOp::Lt)); break;
    case CmpOpKind::LtE: emit(Op::COMPARE_OP, static_cast<int32_t>(CmpOp::Le)); break;
    case CmpOpKind::Gt: emit(Op::COMPARE_OP, static_cast<int32_t>(CmpOp::Gt)); break;
    case CmpOpKind::GtE: emit(Op::COMPARE_OP, static_cast<int32_t>(CmpOp::Ge)); break;
    case CmpOpKind::Is: emit(Op::IS_OP, 0); break;
    case CmpOpKind::IsNot: emit(Op::IS_OP, 1); break;
    case CmpOpKind::In: emit(Op::CONTAINS_OP, 0); break;
    case CmpOpKind::NotIn: emit(Op::CONTAINS_OP, 1); break;
    }
  }

  static bool is_none_const(Expr* e) {
    return e->kind == ExprKind::Constant && static_cast<Constant*>(e)->ckind == ConstKind::None;
  }

  // Jumps to `label` when the truth of `e` equals `cond`; falls through otherwise.
  void jump_if(Expr* e, bool cond, int label) {
    switch (e->kind) {
    case ExprKind::UnaryOp: {
      auto* u = static_cast<UnaryOp*>(e);
      if (u->op == UnaryOpKind::Not) return jump_if(u->operand, !cond, label);
      break;
    }
    case ExprKind::BoolOp: {
      auto* b = static_cast<BoolOp*>(e);
      bool is_or = b->op == BoolOpKind::Or;
      if (is_or == cond) {
        for (Expr* v : b->values) jump_if(v, cond, label);
      } else {
        int skip = new_label();
        for (size_t i = 0; i + 1 < b->values.size(); ++i) jump_if(b->values[i], !cond, skip);
        jump_if(b->values.back(), cond, label);
        place(skip);
      }
      return;
    }
    case ExprKind::Compare: {
      auto* c = static_cast<Compare*>(e);
      if (c->ops.size() == 1 && (c->ops[0] == CmpOpKind::Is || c->ops[0] == CmpOpKind::IsNot) &&
          is_none_const(c->comparators[0])) {
        expr(c->left);
        bool jump_on_none = (c->ops[0] == CmpOpKind::Is) == cond;
        emit_jump(jump_on_none ? Op::POP_JUMP_IF_NONE : Op::POP_JUMP_IF_NOT_NONE, label);
        return;
      }
      break;
    }
    default: break;
    }
    expr(e);
    emit_jump(cond ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
  }

  void expr(Expr* e) {
    int saved_line = line_;
    line_ = e->pos.line;
    expr_inner(e);
    line_ = saved_line;
  }

  void expr_inner(Expr* e) {
    switch (e->kind) {
    case ExprKind::Constant: emit_const(constant(static_cast<Constant*>(e))); break;
    case ExprKind::Name: name_op(static_cast<Name*>(e)->id, Access::Load); break;
    case ExprKind::BinOp: {
      auto* b = static_cast<BinOp*>(e);
      expr(b->left);
      expr(b->right);
      line_ = e->pos.line;
      emit(Op::BINARY_OP, static_cast<int32_t>(binop_of(b->op)));
      break;
    }
    case ExprKind::UnaryOp: {
      auto* u = static_cast<UnaryOp*>(e);
      expr(u->operand);
      switch (u->op) {
      case UnaryOpKind::Not: emit(Op::UNARY_NOT); break;
      case UnaryOpKind::USub: emit(Op::UNARY_NEGATIVE); break;
      case UnaryOpKind::UAdd: emit(Op::UNARY_POSITIVE); break;
      case UnaryOpKind::Invert: emit(Op::UNARY_INVERT); break;
      }
      break;
    }
    case ExprKind::BoolOp: {
      auto* b = static_cast<BoolOp*>(e);
      int end = new_label();
      Op jump = b->op == BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
      for (size_t i = 0; i + 1 < b->values.size(); ++i) {
        expr(b->values[i]);
        emit_jump(jump, end);
      }
      expr(b->values.back());
      place(end);
      break;
    }
    case ExprKind::Compare: compare(static_cast<Compare*>(e)); break;
    case ExprKind::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      int orelse = new_label(), end = new_label();
      jump_if(i->test, false, orelse);
      expr(i->body);
      emit_jump(Op::JUMP, end);
      place(orelse);
      depth_ -= 1;
      expr(i->orelse);
      place(end);
      break;
    }
    case ExprKind::NamedExpr: {
      auto* n = static_cast<NamedExpr*>(e);
      expr(n->value);
      emit(Op::COPY, 1);
      store_target(n->target);
      break;
    }
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(e);
      expr(a->value);
      line_ = e->pos.line;
      emit(Op::LOAD_ATTR, add_name(mangle(a->attr)));
      break;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<Subscript*>(e);
      expr(s->value);
      subscript_index(s->slice);
      line_ = e->pos.line;
      emit(Op::BINARY_SUBSCR);
      break;
    }
    case ExprKind::Slice: {
      auto* s = static_cast<SliceExpr*>(e);
      slice_parts(s);
      break;
    }
    case ExprKind::Call: call(static_cast<Call*>(e)); break;
    case ExprKind::Tuple: sequence(static_cast<TupleExpr*>(e)->elts, Op::BUILD_TUPLE); break;
    case ExprKind::List: sequence(static_cast<ListExpr*>(e)->elts, Op::BUILD_LIST); break;
    case ExprKind::Set: sequence(static_cast<SetExpr*>(e)->elts, Op::BUILD_SET); break;
    case ExprKind::Dict: dict_display(static_cast<DictExpr*>(e)); break;
    case ExprKind::Lambda: {
      auto* l = static_cast<Lambda*>(e);
      make_function(l, "<lambda>", l->args, [&](CodeGen& g) { g.compile_lambda_body(l->body); });
      break;
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp: comprehension_call(e); break;
    case ExprKind::GeneratorExp: {
      auto* g = static_cast<GeneratorExp*>(e);
      emit(Op::PUSH_NULL);
      make_function(e, "<genexpr>", nullptr, [&](CodeGen& cg) { cg.compile_comprehension(e); });
      expr(g->generators[0]->iter);
      emit(g->generators[0]->is_async ? Op::GET_AITER : Op::GET_ITER);
      emit(Op::CALL, 1);
      break;
    }
    case ExprKind::JoinedStr: joined_str(static_cast<JoinedStr*>(e)); break;
    case ExprKind::FormattedValue: formatted_value(static_cast<FormattedValue*>(e)); break;
    case ExprKind::Starred: syntax_error(e, "can't use starred expression here"); break;
    case ExprKind::Yield: {
      check_yield_allowed(e);
      auto* y = static_cast<Yield*>(e);
      if (y->value) expr(y->value);
      else emit_const(Value::none());
      line_ = e->pos.line;
      emit_yield();
      break;
    }
    case ExprKind::YieldFrom: {
      check_yield_allowed(e);
      if (scope_->is_coroutine) syntax_error(e, "'yield from' inside async function");
      expr(static_cast<YieldFrom*>(e)->value);
      line_ = e->pos.line;
      emit(Op::GET_YIELD_FROM_ITER);
      await_loop();
      break;
    }
    case ExprKind::Await: {
      if (scope_->kind != ScopeKind::Function && scope_->kind != ScopeKind::Comprehension)
        syntax_error(e, "'await' outside function");
      if (scope_->kind == ScopeKind::Function && !scope_->is_coroutine)
        syntax_error(e, "'await' outside async function");
      expr(static_cast<Await*>(e)->value);
      line_ = e->pos.line;
      emit(Op::GET_AWAITABLE, 0);
      await_loop();
      break;
    }
    }
  }

  // Suspends yielding TOS. An async generator marks its own yields
  // (ASYNC_GEN_WRAP): the values its awaits pass through to the event loop
  // travel the same way, and its asend()/athrow() awaitables tell them apart.
  void emit_yield() {
    if (scope_->is_coroutine) emit(Op::ASYNC_GEN_WRAP);
    emit(Op::YIELD_VALUE);
  }

  void check_yield_allowed(Expr* e) {
    if (scope_->kind == ScopeKind::Function) return;
    if (scope_->kind == ScopeKind::Comprehension) {
      auto* n = static_cast<const Expr*>(scope_->node);
      const char* what = n->kind == ExprKind::ListComp  ? "list comprehension"
                         : n->kind == ExprKind::SetComp ? "set comprehension"
                         : n->kind == ExprKind::DictComp ? "dict comprehension"
                                                         : "generator expression";
      syntax_error(e, std::string("'yield' inside ") + what);
    }
    syntax_error(e, "'yield' outside function");
  }

  Value constant(Constant* c) {
    switch (c->ckind) {
    case ConstKind::None: return Value::none();
    case ConstKind::True: return Value::boolean(true);
    case ConstKind::False: return Value::boolean(false);
    case ConstKind::Ellipsis: return kEllipsis;
    case ConstKind::Int: return int_from_string(c->text, 10);
    case ConstKind::Float: return Value::from_double(c->number);
    case ConstKind::Str: return Value::object(c->text.size() <= 32 ? intern(c->text) : new_str(c->text));
    case ConstKind::Complex: return make_complex(0.0, c->number);
    case ConstKind::Bytes: return Value::object(new_bytes(c->text));
    }
    return Value::none();
  }

  void compare(Compare* c) {
    expr(c->left);
    if (c->ops.size() == 1) {
      expr(c->comparators[0]);
      line_ = c->pos.line;
      compare_op(c->ops[0]);
      return;
    }
    int cleanup = new_label(), end = new_label();
    for (size_t i = 0; i + 1 < c->ops.size(); ++i) {
      expr(c->comparators[i]);
      emit(Op::SWAP, 2);
      emit(Op::COPY, 2);
      compare_op(c->ops[i]);
      emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(c->comparators.back());
    compare_op(c->ops.back());
    emit_jump(Op::JUMP, end);
    place(cleanup);
    depth_ += 1; // [b, result] on this path
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    place(end);
  }

  void slice_parts(SliceExpr* s) {
    auto part = [&](Expr* x) {
      if (x) expr(x);
      else emit_const(Value::none());
    };
    part(s->lower);
    part(s->upper);
    if (s->step) {
      expr(s->step);
      emit(Op::BUILD_SLICE, 3);
    } else {
      emit(Op::BUILD_SLICE, 2);
    }
  }

  void subscript_index(Expr* e) { expr(e); }

  static bool has_starred(const ExprList& elts) {
    for (Expr* e : elts)
      if (e->kind == ExprKind::Starred) return true;
    return false;
  }

  void sequence(const ExprList& elts, Op build) {
    if (!has_starred(elts)) {
      for (Expr* e : elts) expr(e);
      emit(build, static_cast<int32_t>(elts.size()));
      return;
    }
    Op collect = build == Op::BUILD_SET ? Op::BUILD_SET : Op::BUILD_LIST;
    Op extend = build == Op::BUILD_SET ? Op::SET_UPDATE : Op::LIST_EXTEND;
    Op add = build == Op::BUILD_SET ? Op::SET_ADD : Op::LIST_APPEND;
    emit(collect, 0);
    for (Expr* e : elts) {
      if (e->kind == ExprKind::Starred) {
        expr(static_cast<Starred*>(e)->value);
        emit(extend, 1);
      } else {
        expr(e);
        emit(add, 1);
      }
    }
    if (build == Op::BUILD_TUPLE) emit(Op::LIST_TO_TUPLE);
  }

  void dict_display(DictExpr* d) {
    bool splat = false;
    for (Expr* k : d->keys)
      if (!k) splat = true;
    if (!splat) {
      for (size_t i = 0; i < d->keys.size(); ++i) {
        expr(d->keys[i]);
        expr(d->values[i]);
      }
      emit(Op::BUILD_MAP, static_cast<int32_t>(d->keys.size()));
      return;
    }
    emit(Op::BUILD_MAP, 0);
    for (size_t i = 0; i < d->keys.size(); ++i) {
      if (!d->keys[i]) {
        expr(d->values[i]);
        emit(Op::DICT_UPDATE, 1);
      } else {
        expr(d->keys[i]);
        expr(d->values[i]);
        emit(Op::MAP_ADD, 1);
      }
    }
  }

  // super() inside a method: super(__class__, <first argument>), as CPython's
  // super_init finds them in the calling frame.
  bool zero_arg_super(Call* c) {
    if (c->func->kind != ExprKind::Name || static_cast<Name*>(c->func)->id != "super") return false;
    if (!c->args.empty() || !c->keywords.empty() || scope_->kind != ScopeKind::Function) return false;
    if (scope_->lookup("__class__") != NameScope::Free || scope_->params.empty()) return false;
    emit(Op::PUSH_NULL);
    expr(c->func);
    name_op("__class__", Access::Load);
    name_op(scope_->params[0], Access::Load);
    line_ = c->pos.line;
    emit(Op::CALL, 2);
    return true;
  }

  void call(Call* c) {
    if (zero_arg_super(c)) return;
    bool dynamic = has_starred(c->args);
    for (Keyword* k : c->keywords)
      if (k->arg.empty()) dynamic = true;
    if (c->func->kind == ExprKind::Attribute) {
      auto* a = static_cast<Attribute*>(c->func);
      expr(a->value);
      line_ = c->pos.line;
      emit(Op::LOAD_METHOD, add_name(mangle(a->attr)));
    } else {
      emit(Op::PUSH_NULL);
      expr(c->func);
    }
    if (dynamic) {
      if (c->args.size() == 1 && c->args[0]->kind == ExprKind::Starred)
        expr(static_cast<Starred*>(c->args[0])->value); // CALL_EX accepts any iterable
      else
        sequence(c->args, Op::BUILD_TUPLE);
      if (!c->keywords.empty()) {
        emit(Op::BUILD_MAP, 0);
        for (Keyword* k : c->keywords) {
          if (k->arg.empty()) {
            expr(k->value);
            emit(Op::DICT_MERGE, 1);
          } else {
            emit_const(Value::object(intern(k->arg)));
            expr(k->value);
            emit(Op::MAP_ADD, 1);
          }
        }
      }
      line_ = c->pos.line;
      emit(Op::CALL_EX, c->keywords.empty() ? 0 : 1);
      return;
    }
    for (Expr* a : c->args) expr(a);
    if (c->keywords.empty()) {
      line_ = c->pos.line;
      emit(Op::CALL, static_cast<int32_t>(c->args.size()));
      return;
    }
    GcVector<Value> names;
    for (Keyword* k : c->keywords) {
      for (Value n : names)
        if (n.as<Str>()->view() == k->arg) syntax_error(k, "keyword argument repeated: " + k->arg);
      expr(k->value);
      names.push_back(Value::object(intern(k->arg)));
    }
    emit_const(Value::object(new_tuple(names)));
    line_ = c->pos.line;
    emit(Op::CALL_KW, static_cast<int32_t>(c->args.size() + c->keywords.size()));
  }

  void comprehension_call(Expr* e) {
    std::vector<Comprehension*>* gens = nullptr;
    if (e->kind == ExprKind::ListComp) gens = &static_cast<ListComp*>(e)->generators;
    else if (e->kind == ExprKind::SetComp) gens = &static_cast<SetComp*>(e)->generators;
    else gens = &static_cast<DictComp*>(e)->generators;
    const char* name = e->kind == ExprKind::ListComp ? "<listcomp>" : e->kind == ExprKind::SetComp ? "<setcomp>" : "<dictcomp>";
    // An async comprehension is a coroutine awaited right here, which only an
    // async function (or another comprehension, then async too) can do.
    bool awaited = symtab_.scope_of(e)->is_coroutine;
    if (awaited && !in_async_function() && scope_->kind != ScopeKind::Comprehension)
      syntax_error(e, "asynchronous comprehension outside of an asynchronous function");
    emit(Op::PUSH_NULL);
    make_function(e, name, nullptr, [&](CodeGen& g) { g.compile_comprehension(e); });
    expr((*gens)[0]->iter);
    emit((*gens)[0]->is_async ? Op::GET_AITER : Op::GET_ITER);
    emit(Op::CALL, 1);
    if (awaited) {
      emit(Op::GET_AWAITABLE, 0);
      await_loop();
    }
  }

  void comprehension_level(Expr* node, const std::vector<Comprehension*>& gens, size_t level) {
    Comprehension* g = gens[level];
    int top = new_label(), exhausted = new_label();
    if (level == 0) emit(Op::LOAD_FAST, local_index(".0"));
    else {
      expr(g->iter);
      emit(g->is_async ? Op::GET_AITER : Op::GET_ITER);
    }
    const int loop_depth = depth_;
    place(top);
    if (g->is_async)
      async_next(exhausted);
    else
      emit_jump(Op::FOR_ITER, exhausted);
    store_target(g->target);
    for (Expr* cond : g->ifs) jump_if(cond, false, top);
    if (level + 1 < gens.size()) {
      comprehension_level(node, gens, level + 1);
    } else {
      // The result container sits below one iterator per level.
      int32_t below = static_cast<int32_t>(gens.size()) + 1;
      switch (node->kind) {
      case ExprKind::ListComp:
        expr(static_cast<ListComp*>(node)->elt);
        emit(Op::LIST_APPEND, below);
        break;
      case ExprKind::SetComp:
        expr(static_cast<SetComp*>(node)->elt);
        emit(Op::SET_ADD, below);
        break;
      case ExprKind::GeneratorExp:
        expr(static_cast<GeneratorExp*>(node)->elt);
        emit_yield();
        emit(Op::POP_TOP);
        break;
      default: {
        auto* d = static_cast<DictComp*>(node);
        expr(d->key);
        expr(d->value);
        emit(Op::MAP_ADD, below);
        break;
      }
      }
    }
    emit_jump(Op::JUMP, top);
    place(exhausted);
    if (g->is_async) {
      depth_ = loop_depth + 1; // [aiter, exc]
      emit(Op::END_ASYNC_FOR);
    } else {
      depth_ -= 1; // FOR_ITER popped the iterator on this path
    }
  }

  void joined_str(JoinedStr* j) {
    if (j->values.size() == 1 && j->values[0]->kind == ExprKind::Constant) {
      expr(j->values[0]);
      return;
    }
    for (Expr* v : j->values) expr(v);
    emit(Op::BUILD_STRING, static_cast<int32_t>(j->values.size()));
  }

  void formatted_value(FormattedValue* f) {
    expr(f->value);
    int flags = 0;
    switch (f->conversion) {
    case 's': flags = 1; break;
    case 'r': flags = 2; break;
    case 'a': flags = 3; break;
    default: break;
    }
    if (f->format_spec) {
      expr(f->format_spec);
      flags |= 4;
    }
    emit(Op::FORMAT_VALUE, flags);
  }
};

} // namespace

vm::Code* compile_module(const ModuleAst& module, CompileMode mode) {
  SymbolTable st(module);
  vm::Code* code = vm::new_code();
  code->name = "<module>";
  code->qualname = "<module>";
  code->filename = module.filename;
  code->first_line = 1;
  code->flags = vm::kModule;
  CodeGen g(module, st, st.module_scope(), code, mode != CompileMode::Module, mode == CompileMode::Single);
  if (mode == CompileMode::Eval) g.compile_eval_body(module.body);
  else if (mode == CompileMode::Single) g.compile_single_body(module.body);
  else g.compile_module_body(module.body);
  return code;
}

} // namespace tributary::frontend
