// symtable.cpp — builds scopes from the AST and resolves every name.
#include "frontend/symtable.h"

#include <algorithm>

#include "frontend/parser.h"

namespace tributary::frontend {

NameScope Scope::lookup(const std::string& n) const {
  auto it = resolved.find(n);
  if (it != resolved.end()) return it->second;
  return (kind == ScopeKind::Function || kind == ScopeKind::Comprehension) ? NameScope::Global : NameScope::Name;
}

class ScopeBuilder {
public:
  ScopeBuilder(SymbolTable& t, const ModuleAst& m)
      : table_(t), module_(m), future_annotations_(future_annotations(m.body)) {}

  void build() {
    table_.root_ = std::make_unique<Scope>();
    Scope* root = table_.root_.get();
    root->kind = ScopeKind::Module;
    root->name = "<module>";
    cur_ = root;
    for (Stmt* s : module_.body) visit(s);
    resolve(root);
  }

private:
  // CPython's symtable allows 3 levels per Python frame of the recursion limit
  // (COMPILER_STACK_FRAME_SCALE): a `+` chain of 3000 terms is too deep.
  static constexpr int kMaxNesting = 3000;

  SymbolTable& table_;
  const ModuleAst& module_;
  bool future_annotations_; // annotations are strings, their names not used
  Scope* cur_ = nullptr;
  int bind_flags_ = 0; // extra flags for the names bind() binds (Scope::kCompIter)
  int depth_ = 0; // statements and expressions being visited, nested

  // One level of statement/expression nesting; RecursionError past kMaxNesting
  // (the parser builds operator chains without recursion, so only this bounds
  // the recursion of this pass and the code generator's on them).
  struct Nesting {
    explicit Nesting(ScopeBuilder& builder) : b(builder) {
      if (++b.depth_ > kMaxNesting) {
        SyntaxErrorInfo info;
        info.kind = "RecursionError";
        info.msg = "maximum recursion depth exceeded during compilation";
        info.filename = b.module_.filename;
        throw SyntaxErrorException(info);
      }
    }
    ~Nesting() { --b.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    ScopeBuilder& b;
  };

  [[noreturn]] void error(const Node* n, const std::string& msg) {
    SyntaxErrorInfo info;
    info.msg = msg;
    info.filename = module_.filename;
    info.line = n->pos.line;
    info.col = n->pos.col + 1;
    if (n->pos.line >= 1 && n->pos.line <= static_cast<int>(module_.source_lines.size()))
      info.text = module_.source_lines[n->pos.line - 1];
    throw SyntaxErrorException(info);
  }

  Scope* push(ScopeKind kind, const std::string& name, const Node* node) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = name;
    s->parent = cur_;
    s->node = node;
    s->comp_iter_expr = cur_->comp_iter_expr; // (as CPython: a lambda in an iterable is inside it too)
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    table_.by_node_[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

  void bind(const std::string& n) {
    int& f = cur_->flags[n];
    if (!(f & Scope::kBound) && !(f & (Scope::kGlobal | Scope::kNonlocal)))
      cur_->local_order.push_back(n);
    f |= Scope::kBound | bind_flags_;
  }
  void use(const std::string& n) { cur_->flags[n] |= Scope::kUsed; }

  // __debug__ is a constant: no binding, deletion or keyword may name it (CPython's forbidden_name).
  void forbid_debug(const Node* at, const std::string& n, bool del = false) {
    if (n == "__debug__") error(at, del ? "cannot delete __debug__" : "cannot assign to __debug__");
  }

  void declare(const Stmt* s, const std::vector<std::string>& names, bool global) {
    for (const auto& n : names) {
      int& f = cur_->flags[n];
      if (global && (f & Scope::kParam)) error(s, "name '" + n + "' is parameter and global");
      if (!global && (f & Scope::kParam)) error(s, "name '" + n + "' is parameter and nonlocal");
      if (f & (Scope::kBound | Scope::kUsed)) {
        std::string what = (f & Scope::kBound) ? "assigned to" : "used";
        error(s, "name '" + n + "' is " + what + " before " + (global ? "global" : "nonlocal") + " declaration");
      }
      if (!global && cur_->kind == ScopeKind::Module) error(s, "nonlocal declaration not allowed at module level");
      f |= global ? Scope::kGlobal : Scope::kNonlocal;
    }
  }

  void visit_args(Arguments* a) {
    auto param = [&](Arg* arg) {
      if (!arg) return;
      forbid_debug(arg, arg->name);
      if (cur_->flags[arg->name] & Scope::kParam) error(arg, "duplicate argument '" + arg->name + "' in function definition");
      cur_->params.push_back(arg->name);
      bind(arg->name);
      cur_->flags[arg->name] |= Scope::kParam;
    };
    for (Arg* x : a->posonlyargs) param(x);
    for (Arg* x : a->args) param(x);
    for (Arg* x : a->kwonlyargs) param(x);
    param(a->vararg);
    param(a->kwarg);
  }

  // An annotation is evaluated in the scope that holds the annotated name.
  void visit_annotation(Expr* e) {
    if (e && !future_annotations_) visit(e);
  }

  void visit_arg_annotations(FunctionDef* f) {
    Arguments* a = f->args;
    for (Arg* x : a->posonlyargs) visit_annotation(x->annotation);
    for (Arg* x : a->args) visit_annotation(x->annotation);
    if (a->vararg) visit_annotation(a->vararg->annotation);
    for (Arg* x : a->kwonlyargs) visit_annotation(x->annotation);
    if (a->kwarg) visit_annotation(a->kwarg->annotation);
    visit_annotation(f->returns);
  }

  void visit_defaults(Arguments* a) {
    for (Expr* e : a->defaults) visit(e);
    for (Expr* e : a->kw_defaults)
      if (e) visit(e);
  }

  void visit_body(const StmtList& body) {
    for (Stmt* s : body) visit(s);
  }

  void visit(Stmt* s) {
    Nesting nesting(*this);
    switch (s->kind) {
    case StmtKind::FunctionDef:
    case StmtKind::AsyncFunctionDef: {
      auto* f = static_cast<FunctionDef*>(s);
      for (Expr* d : f->decorator_list) visit(d);
      visit_defaults(f->args);
      visit_arg_annotations(f);
      forbid_debug(f, f->name);
      bind(f->name);
      push(ScopeKind::Function, f->name, f);
      cur_->is_coroutine = s->kind == StmtKind::AsyncFunctionDef;
      visit_args(f->args);
      visit_body(f->body);
      pop();
      break;
    }
    case StmtKind::ClassDef: {
      auto* c = static_cast<ClassDef*>(s);
      for (Expr* d : c->decorator_list) visit(d);
      for (Expr* b : c->bases) visit(b);
      for (Keyword* k : c->keywords) {
        forbid_debug(k, k->arg);
        visit(k->value);
      }
      forbid_debug(c, c->name);
      bind(c->name);
      push(ScopeKind::Class, c->name, c);
      visit_body(c->body);
      pop();
      break;
    }
    case StmtKind::Return: {
      auto* r = static_cast<Return*>(s);
      if (r->value) visit(r->value);
      break;
    }
    case StmtKind::Delete:
      for (Expr* t : static_cast<Delete*>(s)->targets) visit_target(t);
      break;
    case StmtKind::Assign: {
      auto* a = static_cast<Assign*>(s);
      visit(a->value);
      for (Expr* t : a->targets) visit_target(t);
      break;
    }
    case StmtKind::AugAssign: {
      auto* a = static_cast<AugAssign*>(s);
      visit(a->value);
      if (a->target->kind == ExprKind::Name) use(static_cast<Name*>(a->target)->id);
      visit_target(a->target);
      break;
    }
    case StmtKind::AnnAssign: {
      auto* a = static_cast<AnnAssign*>(s);
      if (a->value) visit(a->value);
      visit_target(a->target);
      // Only a module's or a class's annotations are evaluated.
      if (cur_->kind == ScopeKind::Module || cur_->kind == ScopeKind::Class) visit_annotation(a->annotation);
      break;
    }
    case StmtKind::For:
    case StmtKind::AsyncFor: {
      auto* f = static_cast<For*>(s);
      visit(f->iter);
      visit_target(f->target);
      visit_body(f->body);
      visit_body(f->orelse);
      break;
    }
    case StmtKind::While: {
      auto* w = static_cast<While*>(s);
      visit(w->test);
      visit_body(w->body);
      visit_body(w->orelse);
      break;
    }
    case StmtKind::If: {
      auto* i = static_cast<If*>(s);
      visit(i->test);
      visit_body(i->body);
      visit_body(i->orelse);
      break;
    }
    case StmtKind::With:
    case StmtKind::AsyncWith: {
      auto* w = static_cast<With*>(s);
      for (WithItem* it : w->items) {
        visit(it->context_expr);
        if (it->optional_vars) visit_target(it->optional_vars);
      }
      visit_body(w->body);
      break;
    }
    case StmtKind::Raise: {
      auto* r = static_cast<Raise*>(s);
      if (r->exc) visit(r->exc);
      if (r->cause) visit(r->cause);
      break;
    }
    case StmtKind::Try: {
      auto* t = static_cast<Try*>(s);
      visit_body(t->body);
      for (ExceptHandler* h : t->handlers) {
        if (h->type) visit(h->type);
        if (!h->name.empty()) {
          forbid_debug(h, h->name);
          bind(h->name);
        }
        visit_body(h->body);
      }
      visit_body(t->orelse);
      visit_body(t->finalbody);
      break;
    }
    case StmtKind::Assert: {
      auto* a = static_cast<Assert*>(s);
      visit(a->test);
      if (a->msg) visit(a->msg);
      break;
    }
    case StmtKind::Import:
      for (Alias* a : static_cast<Import*>(s)->names) {
        std::string n = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
        forbid_debug(s, n);
        bind(n);
      }
      break;
    case StmtKind::ImportFrom:
      for (Alias* a : static_cast<ImportFrom*>(s)->names) {
        if (a->name == "*") {
          if (cur_->kind != ScopeKind::Module) error(s, "import * only allowed at module level");
          continue;
        }
        forbid_debug(s, a->asname.empty() ? a->name : a->asname);
        bind(a->asname.empty() ? a->name : a->asname);
      }
      break;
    case StmtKind::Global:
      declare(s, static_cast<Global*>(s)->names, true);
      break;
    case StmtKind::Nonlocal:
      declare(s, static_cast<Nonlocal*>(s)->names, false);
      break;
    case StmtKind::Expr:
      visit(static_cast<ExprStmt*>(s)->value);
      break;
    case StmtKind::Match: {
      auto* m = static_cast<Match*>(s);
      visit(m->subject);
      for (MatchCase* c : m->cases) {
        visit_pattern(c->pattern);
        if (c->guard) visit(c->guard);
        visit_body(c->body);
      }
      break;
    }
    default:
      break;
    }
  }

  // Captures bind names in the enclosing scope; value patterns, class names
  // and mapping keys are loads.
  void visit_pattern(Pattern* p) {
    Nesting nesting(*this);
    switch (p->kind) {
    case PatternKind::MatchValue: visit(static_cast<MatchValue*>(p)->value); break;
    case PatternKind::MatchSingleton: break;
    case PatternKind::MatchSequence:
      for (Pattern* sub : static_cast<MatchSequence*>(p)->patterns)
        visit_pattern(sub);
      break;
    case PatternKind::MatchMapping: {
      auto* m = static_cast<MatchMapping*>(p);
      for (Expr* k : m->keys)
        visit(k);
      for (Pattern* sub : m->patterns)
        visit_pattern(sub);
      if (!m->rest.empty()) bind(m->rest);
      break;
    }
    case PatternKind::MatchClass: {
      auto* c = static_cast<MatchClass*>(p);
      visit(c->cls);
      for (Pattern* sub : c->patterns)
        visit_pattern(sub);
      for (Pattern* sub : c->kwd_patterns)
        visit_pattern(sub);
      break;
    }
    case PatternKind::MatchStar: {
      auto* star = static_cast<MatchStar*>(p);
      if (!star->name.empty()) bind(star->name);
      break;
    }
    case PatternKind::MatchAs: {
      auto* as = static_cast<MatchAs*>(p);
      if (as->pattern) visit_pattern(as->pattern);
      if (!as->name.empty()) bind(as->name);
      break;
    }
    case PatternKind::MatchOr:
      for (Pattern* sub : static_cast<MatchOr*>(p)->patterns)
        visit_pattern(sub);
      break;
    }
  }

  void visit_target(Expr* e) {
    Nesting nesting(*this);
    switch (e->kind) {
    case ExprKind::Name: {
      auto* n = static_cast<Name*>(e);
      forbid_debug(n, n->id, n->ctx == ExprContext::Del);
      bind(n->id);
      break;
    }
    case ExprKind::Tuple:
      for (Expr* x : static_cast<TupleExpr*>(e)->elts) visit_target(x);
      break;
    case ExprKind::List:
      for (Expr* x : static_cast<ListExpr*>(e)->elts) visit_target(x);
      break;
    case ExprKind::Starred:
      visit_target(static_cast<Starred*>(e)->value);
      break;
    default:
      visit(e); // attribute / subscript targets evaluate their parts
      break;
    }
  }

  // A comprehension's iterable (no assignment expression in it).
  void visit_comp_iter(Expr* iter) {
    ++cur_->comp_iter_expr;
    visit(iter);
    --cur_->comp_iter_expr;
  }

  void visit_comprehension(Expr* node, const std::vector<Comprehension*>& gens, Expr* a, Expr* b) {
    // The first iterable is evaluated in the enclosing scope.
    visit_comp_iter(gens[0]->iter);
    push(ScopeKind::Comprehension, "<comp>", node);
    cur_->params.push_back(".0");
    bind(".0");
    cur_->flags[".0"] |= Scope::kParam;
    for (size_t i = 0; i < gens.size(); ++i) {
      if (gens[i]->is_async) cur_->is_coroutine = true;
      if (i > 0) visit_comp_iter(gens[i]->iter);
      bind_flags_ = Scope::kCompIter;
      visit_target(gens[i]->target);
      bind_flags_ = 0;
      for (Expr* c : gens[i]->ifs) visit(c);
    }
    if (a) visit(a);
    if (b) visit(b);
    Scope* comp = cur_;
    pop();
    // A list/set/dict comprehension that awaits is awaited where it is called:
    // an enclosing comprehension then awaits too (a generator expression is
    // an async generator instead, iterated with `async for` by its user).
    if (comp->is_coroutine && node->kind != ExprKind::GeneratorExp && cur_->kind == ScopeKind::Comprehension)
      cur_->is_coroutine = true;
  }

  void visit(Expr* e) {
    if (!e) return;
    Nesting nesting(*this);
    switch (e->kind) {
    case ExprKind::BoolOp:
      for (Expr* x : static_cast<BoolOp*>(e)->values) visit(x);
      break;
    case ExprKind::NamedExpr: {
      auto* n = static_cast<NamedExpr*>(e);
      if (cur_->comp_iter_expr > 0)
        error(n, "assignment expression cannot be used in a comprehension iterable expression");
      visit(n->value);
      // PEP 572: the target binds in the nearest enclosing non-comprehension scope.
      Scope* saved = cur_;
      const std::string& target = static_cast<Name*>(n->target)->id;
      for (; cur_->kind == ScopeKind::Comprehension; cur_ = cur_->parent) {
        auto f = cur_->flags.find(target);
        if (f != cur_->flags.end() && (f->second & Scope::kCompIter))
          error(n, "assignment expression cannot rebind comprehension iteration variable '" + target + "'");
      }
      if (cur_ != saved && cur_->kind == ScopeKind::Class)
        error(n, "assignment expression within a comprehension cannot be used in a class body");
      bool moved = cur_ != saved;
      visit_target(n->target);
      cur_ = saved;
      if (moved) cur_->flags[static_cast<Name*>(n->target)->id] |= Scope::kUsed;
      break;
    }
    case ExprKind::BinOp:
      visit(static_cast<BinOp*>(e)->left);
      visit(static_cast<BinOp*>(e)->right);
      break;
    case ExprKind::UnaryOp:
      visit(static_cast<UnaryOp*>(e)->operand);
      break;
    case ExprKind::Lambda: {
      auto* l = static_cast<Lambda*>(e);
      visit_defaults(l->args);
      push(ScopeKind::Function, "<lambda>", l);
      visit_args(l->args);
      visit(l->body);
      pop();
      break;
    }
    case ExprKind::IfExp: {
      auto* i = static_cast<IfExp*>(e);
      visit(i->test);
      visit(i->body);
      visit(i->orelse);
      break;
    }
    case ExprKind::Dict: {
      auto* d = static_cast<DictExpr*>(e);
      for (Expr* k : d->keys) visit(k);
      for (Expr* v : d->values) visit(v);
      break;
    }
    case ExprKind::Set:
      for (Expr* x : static_cast<SetExpr*>(e)->elts) visit(x);
      break;
    case ExprKind::ListComp: {
      auto* c = static_cast<ListComp*>(e);
      visit_comprehension(e, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::SetComp: {
      auto* c = static_cast<SetComp*>(e);
      visit_comprehension(e, c->generators, c->elt, nullptr);
      break;
    }
    case ExprKind::DictComp: {
      auto* c = static_cast<DictComp*>(e);
      visit_comprehension(e, c->generators, c->key, c->value);
      break;
    }
    case ExprKind::GeneratorExp: {
      auto* c = static_cast<GeneratorExp*>(e);
      visit_comprehension(e, c->generators, c->elt, nullptr);
      table_.by_node_[e]->has_yield = true;
      break;
    }
    case ExprKind::Await:
      // In a comprehension, makes it an async comprehension (the compiler
      // rejects `await` in other non-async scopes).
      if (cur_->kind == ScopeKind::Comprehension) cur_->is_coroutine = true;
      visit(static_cast<Await*>(e)->value);
      break;
    case ExprKind::Yield:
      cur_->has_yield = true;
      visit(static_cast<Yield*>(e)->value);
      break;
    case ExprKind::YieldFrom:
      cur_->has_yield = true;
      visit(static_cast<YieldFrom*>(e)->value);
      break;
    case ExprKind::Compare: {
      auto* c = static_cast<Compare*>(e);
      visit(c->left);
      for (Expr* x : c->comparators) visit(x);
      break;
    }
    case ExprKind::Call: {
      auto* c = static_cast<Call*>(e);
      visit(c->func);
      for (Expr* a : c->args) visit(a);
      for (Keyword* k : c->keywords) {
        forbid_debug(k, k->arg);
        visit(k->value);
      }
      break;
    }
    case ExprKind::FormattedValue: {
      auto* f = static_cast<FormattedValue*>(e);
      visit(f->value);
      visit(f->format_spec);
      break;
    }
    case ExprKind::JoinedStr:
      for (Expr* x : static_cast<JoinedStr*>(e)->values) visit(x);
      break;
    case ExprKind::Attribute: {
      auto* a = static_cast<Attribute*>(e);
      if (a->ctx == ExprContext::Store) forbid_debug(a, a->attr); // (`del x.__debug__` compiles)
      visit(a->value);
      break;
    }
    case ExprKind::Subscript:
      visit(static_cast<Subscript*>(e)->value);
      visit(static_cast<Subscript*>(e)->slice);
      break;
    case ExprKind::Starred:
      visit(static_cast<Starred*>(e)->value);
      break;
    case ExprKind::Name: {
      auto* n = static_cast<Name*>(e);
      if (n->ctx == ExprContext::Load) {
        use(n->id);
      } else {
        forbid_debug(n, n->id, n->ctx == ExprContext::Del);
        bind(n->id);
      }
      // Zero-argument super() reads the implicit `__class__` cell of the class.
      if (n->ctx == ExprContext::Load && n->id == "super" && cur_->kind == ScopeKind::Function) use("__class__");
      break;
    }
    case ExprKind::List:
      for (Expr* x : static_cast<ListExpr*>(e)->elts) visit(x);
      break;
    case ExprKind::Tuple:
      for (Expr* x : static_cast<TupleExpr*>(e)->elts) visit(x);
      break;
    case ExprKind::Slice: {
      auto* s = static_cast<SliceExpr*>(e);
      visit(s->lower);
      visit(s->upper);
      visit(s->step);
      break;
    }
    case ExprKind::Constant:
      break;
    }
  }

  static bool is_function_like(const Scope* s) {
    return s->kind == ScopeKind::Function || s->kind == ScopeKind::Comprehension;
  }

  // Finds the function scope above `s` that binds `n` locally; marks the path free.
  bool capture(Scope* s, const std::string& n) {
    for (Scope* p = s->parent; p; p = p->parent) {
      if (p->kind == ScopeKind::Class && n == "__class__") {
        // The class body owns the implicit `__class__` cell (set by __build_class__).
        if (std::find(p->cells.begin(), p->cells.end(), n) == p->cells.end()) p->cells.push_back(n);
        p->resolved[n] = NameScope::Cell;
        for (Scope* q = s; q != p; q = q->parent) {
          if (q->kind == ScopeKind::Class) continue;
          if (std::find(q->frees.begin(), q->frees.end(), n) == q->frees.end()) q->frees.push_back(n);
          if (q->resolved[n] != NameScope::Cell) q->resolved[n] = NameScope::Free;
        }
        return true;
      }
      if (p->kind == ScopeKind::Class) continue;
      if (p->kind == ScopeKind::Module) return false;
      int f = p->flags.count(n) ? p->flags[n] : 0;
      if (f & Scope::kGlobal) return false;
      if ((f & Scope::kBound) && !(f & Scope::kNonlocal)) {
        if (std::find(p->cells.begin(), p->cells.end(), n) == p->cells.end()) p->cells.push_back(n);
        p->resolved[n] = NameScope::Cell;
        // Every scope between p and s passes the cell through as free: a class
        // body too (its methods' closures are built from its cells), though
        // the class's own binding of the name, if any, stays a namespace name.
        for (Scope* q = s; q != p; q = q->parent) {
          if (std::find(q->frees.begin(), q->frees.end(), n) == q->frees.end()) q->frees.push_back(n);
          if (q->kind == ScopeKind::Class && q != s && q->resolved.count(n)) continue;
          if (q->resolved[n] != NameScope::Cell) q->resolved[n] = NameScope::Free;
        }
        return true;
      }
    }
    return false;
  }

  void resolve(Scope* s) {
    // Locals of this scope first, so children can find them.
    for (auto& [n, f] : s->flags) {
      if (f & Scope::kGlobal) s->resolved[n] = NameScope::Global;
      else if (s->kind == ScopeKind::Module) s->resolved[n] = NameScope::Name;
      else if (s->kind == ScopeKind::Class && (f & Scope::kBound) && !(f & Scope::kNonlocal)) s->resolved[n] = NameScope::Name;
      else if ((f & Scope::kBound) && !(f & Scope::kNonlocal)) {
        if (!s->resolved.count(n)) s->resolved[n] = NameScope::Local;
      }
    }
    for (auto& [n, f] : s->flags) {
      if (f & Scope::kNonlocal) {
        if (!capture(s, n)) error(s->node, "no binding for nonlocal '" + n + "' found");
      }
    }
    for (auto& c : s->children) resolve(c.get());
    // Names used here but bound nowhere locally: free if an enclosing function binds them.
    for (auto& [n, f] : s->flags) {
      if (s->resolved.count(n)) continue;
      if (s->kind == ScopeKind::Module) continue;
      if (!capture(s, n) && is_function_like(s)) s->resolved[n] = NameScope::Global;
    }
  }
};

SymbolTable::SymbolTable(const ModuleAst& module) { ScopeBuilder(*this, module).build(); }

Scope* SymbolTable::scope_of(const Node* n) const {
  auto it = by_node_.find(n);
  return it == by_node_.end() ? nullptr : it->second;
}

} // namespace tributary::frontend
