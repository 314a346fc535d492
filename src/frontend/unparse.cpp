// unparse.cpp — an expression back to source text, as CPython's ast_unparse.c
// writes it: the strings that annotations become under
// `from __future__ import annotations`.
//
// Precedence levels and their parenthesization follow ast_unparse.c: an
// expression is wrapped in parentheses when the context's level is above its
// own. Constants print as their repr (an infinite float as 1e309).
#include "frontend/unparse.h"

#include <cmath>

#include "runtime/format.h"
#include "runtime/str.h"

using tributary::fmtlib::float_repr;

namespace tributary::frontend {

namespace {

enum Prec {
  kTuple,
  kTest,
  kOr,
  kAnd,
  kNot,
  kCmp,
  kExpr,
  kBor = kExpr,
  kBxor,
  kBand,
  kShift,
  kArith,
  kTerm,
  kFactor,
  kPower,
  kAwait,
  kAtom,
};

struct Unparser {
  std::string out;

  void open(bool paren) {
    if (paren) out += '(';
  }
  void close(bool paren) {
    if (paren) out += ')';
  }

  void seq(const ExprList& items, int level) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      expr(items[i], level);
    }
  }

  void constant(const Constant* c) {
    switch (c->ckind) {
    case ConstKind::None: out += "None"; break;
    case ConstKind::True: out += "True"; break;
    case ConstKind::False: out += "False"; break;
    case ConstKind::Ellipsis: out += "..."; break;
    case ConstKind::Int: out += c->text; break;
    case ConstKind::Float: out += std::isinf(c->number) ? "1e309" : float_repr(c->number); break;
    case ConstKind::Complex:
      out += std::isinf(c->number) ? "1e309" : float_repr(c->number);
      out += 'j';
      break;
    case ConstKind::Str: out += str_repr(c->text); break;
    case ConstKind::Bytes:
      out += 'b';
      out += str_repr(c->text);
      break;
    }
  }

  void comprehensions(const std::vector<Comprehension*>& gens) {
    for (Comprehension* g : gens) {
      out += g->is_async ? " async for " : " for ";
      expr(g->target, kTuple);
      out += " in ";
      expr(g->iter, kTest + 1);
      for (Expr* c : g->ifs) {
        out += " if ";
        expr(c, kTest + 1);
      }
    }
  }

  void arg(const Arg* a) {
    out += a->name;
    if (a->annotation) {
      out += ": ";
      expr(a->annotation, kTest);
    }
  }

  void arguments(const Arguments* a) {
    bool first = true;
    auto sep = [&] {
      if (!first) out += ", ";
      first = false;
    };
    size_t npos = a->posonlyargs.size() + a->args.size();
    size_t first_default = npos - a->defaults.size();
    for (size_t i = 0; i < npos; ++i) {
      sep();
      const Arg* p = i < a->posonlyargs.size() ? a->posonlyargs[i] : a->args[i - a->posonlyargs.size()];
      arg(p);
      if (i >= first_default) {
        out += '=';
        expr(a->defaults[i - first_default], kTest);
      }
      if (i + 1 == a->posonlyargs.size()) out += ", /";
    }
    if (a->vararg || !a->kwonlyargs.empty()) {
      sep();
      out += '*';
      if (a->vararg) arg(a->vararg);
    }
    for (size_t i = 0; i < a->kwonlyargs.size(); ++i) {
      sep();
      arg(a->kwonlyargs[i]);
      if (a->kw_defaults[i]) {
        out += '=';
        expr(a->kw_defaults[i], kTest);
      }
    }
    if (a->kwarg) {
      sep();
      out += "**";
      arg(a->kwarg);
    }
  }

  void fstring_body(const JoinedStr* j, std::string& body) {
    for (Expr* v : j->values) {
      if (v->kind == ExprKind::Constant) {
        for (char ch : static_cast<Constant*>(v)->text) {
          if (ch == '{' || ch == '}') body += ch;
          body += ch;
        }
        continue;
      }
      auto* f = static_cast<FormattedValue*>(v);
      Unparser inner;
      inner.expr(f->value, kTest + 1);
      body += '{';
      if (!inner.out.empty() && inner.out[0] == '{') body += ' ';
      body += inner.out;
      if (f->conversion >= 0) {
        body += '!';
        body += static_cast<char>(f->conversion);
      }
      if (f->format_spec) {
        body += ':';
        fstring_body(static_cast<JoinedStr*>(f->format_spec), body);
      }
      body += '}';
    }
  }

  void expr(const Expr* e, int level) {
    switch (e->kind) {
    case ExprKind::BoolOp: {
      auto* b = static_cast<const BoolOp*>(e);
      int pr = b->op == BoolOpKind::And ? kAnd : kOr;
      open(level > pr);
      for (size_t i = 0; i < b->values.size(); ++i) {
        if (i) out += b->op == BoolOpKind::And ? " and " : " or ";
        expr(b->values[i], pr + 1);
      }
      close(level > pr);
      break;
    }
    case ExprKind::NamedExpr: {
      auto* n = static_cast<const NamedExpr*>(e);
      open(level > kTuple);
      expr(n->target, kAtom);
      out += " := ";
      expr(n->value, kAtom);
      close(level > kTuple);
      break;
    }
    case ExprKind::BinOp: {
      auto* b = static_cast<const BinOp*>(e);
      static constexpr struct {
        const char* text;
        int prec;
      } kOps[] = {
          {" + ", kArith}, {" - ", kArith},  {" * ", kTerm},   {" @ ", kTerm},   {" / ", kTerm},
          {" % ", kTerm},  {" ** ", kPower}, {" << ", kShift}, {" >> ", kShift}, {" | ", kBor},
          {" ^ ", kBxor},  {" & ", kBand},   {" // ", kTerm},
      };
      auto op = kOps[static_cast<int>(b->op)];
      int rassoc = b->op == BinOpKind::Pow;
      open(level > op.prec);
      expr(b->left, op.prec + rassoc);
      out += op.text;
      expr(b->right, op.prec + !rassoc);
      close(level > op.prec);
      break;
    }
    case ExprKind::UnaryOp: {
      auto* u = static_cast<const UnaryOp*>(e);
      static constexpr const char* kText[] = {"~", "not ", "+", "-"};
      int pr = u->op == UnaryOpKind::Not ? kNot : kFactor;
      open(level > pr);
      out += kText[static_cast<int>(u->op)];
      expr(u->operand, pr);
      close(level > pr);
      break;
    }
    case ExprKind::Lambda: {
      auto* l = static_cast<const Lambda*>(e);
      open(level > kTest);
      bool has_args = !l->args->posonlyargs.empty() || !l->args->args.empty() || l->args->vararg ||
                      !l->args->kwonlyargs.empty() || l->args->kwarg;
      out += has_args ? "lambda " : "lambda";
      arguments(l->args);
      out += ": ";
      expr(l->body, kTest);
      close(level > kTest);
      break;
    }
    case ExprKind::IfExp: {
      auto* i = static_cast<const IfExp*>(e);
      open(level > kTest);
      expr(i->body, kTest + 1);
      out += " if ";
      expr(i->test, kTest + 1);
      out += " else ";
      expr(i->orelse, kTest);
      close(level > kTest);
      break;
    }
    case ExprKind::Dict: {
      auto* d = static_cast<const DictExpr*>(e);
      out += '{';
      for (size_t i = 0; i < d->keys.size(); ++i) {
        if (i) out += ", ";
        if (d->keys[i]) {
          expr(d->keys[i], kTest);
          out += ": ";
          expr(d->values[i], kTest);
        } else {
          out += "**";
          expr(d->values[i], kExpr);
        }
      }
      out += '}';
      break;
    }
    case ExprKind::Set: {
      auto* s = static_cast<const SetExpr*>(e);
      if (s->elts.empty()) {
        out += "{*()}";
        break;
      }
      out += '{';
      seq(s->elts, kTest);
      out += '}';
      break;
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp: {
      const Expr* elt;
      const std::vector<Comprehension*>* gens;
      const char* brackets;
      if (e->kind == ExprKind::ListComp) {
        elt = static_cast<const ListComp*>(e)->elt, gens = &static_cast<const ListComp*>(e)->generators,
        brackets = "[]";
      } else if (e->kind == ExprKind::SetComp) {
        elt = static_cast<const SetComp*>(e)->elt, gens = &static_cast<const SetComp*>(e)->generators, brackets = "{}";
      } else {
        elt = static_cast<const GeneratorExp*>(e)->elt, gens = &static_cast<const GeneratorExp*>(e)->generators;
        brackets = "()";
      }
      out += brackets[0];
      expr(elt, kTest);
      comprehensions(*gens);
      out += brackets[1];
      break;
    }
    case ExprKind::DictComp: {
      auto* d = static_cast<const DictComp*>(e);
      out += '{';
      expr(d->key, kTest);
      out += ": ";
      expr(d->value, kTest);
      comprehensions(d->generators);
      out += '}';
      break;
    }
    case ExprKind::Await: {
      open(level > kAwait);
      out += "await ";
      expr(static_cast<const Await*>(e)->value, kAtom);
      close(level > kAwait);
      break;
    }
    case ExprKind::Yield: {
      auto* y = static_cast<const Yield*>(e);
      out += y->value ? "(yield " : "(yield";
      if (y->value) expr(y->value, kTest);
      out += ')';
      break;
    }
    case ExprKind::YieldFrom: {
      out += "(yield from ";
      expr(static_cast<const YieldFrom*>(e)->value, kTest);
      out += ')';
      break;
    }
    case ExprKind::Compare: {
      auto* c = static_cast<const Compare*>(e);
      static constexpr const char* kText[] = {" == ", " != ", " < ",      " <= ", " > ",
                                              " >= ", " is ", " is not ", " in ", " not in "};
      open(level > kCmp);
      expr(c->left, kCmp + 1);
      for (size_t i = 0; i < c->ops.size(); ++i) {
        out += kText[static_cast<int>(c->ops[i])];
        expr(c->comparators[i], kCmp + 1);
      }
      close(level > kCmp);
      break;
    }
    case ExprKind::Call: {
      auto* c = static_cast<const Call*>(e);
      expr(c->func, kAtom);
      if (c->args.size() == 1 && c->keywords.empty() && c->args[0]->kind == ExprKind::GeneratorExp) {
        expr(c->args[0], kTest);
        break;
      }
      out += '(';
      bool first = true;
      for (Expr* a : c->args) {
        if (!first) out += ", ";
        first = false;
        expr(a, kTest);
      }
      for (Keyword* k : c->keywords) {
        if (!first) out += ", ";
        first = false;
        out += k->arg.empty() ? "**" : k->arg + "=";
        expr(k->value, kTest);
      }
      out += ')';
      break;
    }
    case ExprKind::FormattedValue:
    case ExprKind::JoinedStr: {
      std::string body;
      if (e->kind == ExprKind::JoinedStr) {
        fstring_body(static_cast<const JoinedStr*>(e), body);
      } else {
        JoinedStr j;
        j.values.push_back(const_cast<Expr*>(e));
        fstring_body(&j, body);
      }
      out += 'f';
      out += str_repr(body);
      break;
    }
    case ExprKind::Constant: constant(static_cast<const Constant*>(e)); break;
    case ExprKind::Attribute: {
      auto* a = static_cast<const Attribute*>(e);
      expr(a->value, kAtom);
      // `1 .real`: a period after an int literal would start a float.
      if (a->value->kind == ExprKind::Constant && static_cast<const Constant*>(a->value)->ckind == ConstKind::Int)
        out += ' ';
      out += '.';
      out += a->attr;
      break;
    }
    case ExprKind::Subscript: {
      auto* s = static_cast<const Subscript*>(e);
      expr(s->value, kAtom);
      out += '[';
      expr(s->slice, kTuple);
      out += ']';
      break;
    }
    case ExprKind::Starred: {
      out += '*';
      expr(static_cast<const Starred*>(e)->value, kExpr);
      break;
    }
    case ExprKind::Name: out += static_cast<const Name*>(e)->id; break;
    case ExprKind::List: {
      out += '[';
      seq(static_cast<const ListExpr*>(e)->elts, kTest);
      out += ']';
      break;
    }
    case ExprKind::Tuple: {
      auto* t = static_cast<const TupleExpr*>(e);
      if (t->elts.empty()) {
        out += "()";
        break;
      }
      open(level > kTuple);
      seq(t->elts, kTest);
      if (t->elts.size() == 1) out += ',';
      close(level > kTuple);
      break;
    }
    case ExprKind::Slice: {
      auto* s = static_cast<const SliceExpr*>(e);
      if (s->lower) expr(s->lower, kTest);
      out += ':';
      if (s->upper) expr(s->upper, kTest);
      if (s->step) {
        out += ':';
        expr(s->step, kTest);
      }
      break;
    }
    }
  }
};

} // namespace

std::string unparse(const Expr* e) {
  Unparser u;
  u.expr(e, kTest);
  return u.out;
}

} // namespace tributary::frontend
