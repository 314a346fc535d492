// compile_match.cpp — the match statement, compiled as CPython 3.11 does
// (Python/compile.c: compiler_match and the compiler_pattern_* family).
//
// A pattern consumes its subject from the top of the stack. While it runs:
//  * `on_top` counts the items above the subject's place that a failure must
//    pop (the subject of a sequence check, unpacked items not matched yet);
//  * captured values stay on the stack, below those items, until the whole
//    case has matched, so a failed case binds nothing (as in CPython); the
//    newest capture lies deepest and `stores` lists their names in order;
//  * a failure jumps to fail_pop[n], which pops the n items above the
//    context's base depth (`on_top` plus the captures) and then fails: to
//    the next case, or the next alternative of an or-pattern.
// Irrefutable patterns, alternatives binding different names and duplicate
// captures are SyntaxErrors here, with CPython's messages.
#include "frontend/compile_match.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::frontend {

namespace {

using vm::Op;

struct PatternContext {
  std::vector<std::string> stores; // captured names; stores.back() is deepest on the stack
  bool allow_irrefutable = false;  // may this pattern match everything?
  std::vector<int> fail_pop;       // fail_pop[n]: pop n items, then fail
  int on_top = 0;                  // items above the captures that a failure pops
  int base = 0;                    // stack depth once this context's subject is consumed
};

class MatchCompiler {
public:
  explicit MatchCompiler(MatchEmitter& g) : g_(g) {}

  void match(Match* m);

private:
  MatchEmitter& g_;

  void pattern(Pattern* p, PatternContext& pc);
  void subpattern(Pattern* p, PatternContext& pc);
  void as_pattern(MatchAs* p, PatternContext& pc);
  void value_pattern(MatchValue* p, PatternContext& pc);
  void singleton_pattern(MatchSingleton* p, PatternContext& pc);
  void sequence_pattern(MatchSequence* p, PatternContext& pc);
  void sequence_unpack(MatchSequence* p, int star, PatternContext& pc);
  void sequence_subscr(MatchSequence* p, int star, PatternContext& pc);
  void mapping_pattern(MatchMapping* p, PatternContext& pc);
  void check_mapping_keys(MatchMapping* p);
  void class_pattern(MatchClass* p, PatternContext& pc);
  void or_pattern(MatchOr* p, PatternContext& pc);

  void store_capture(const Node* at, const std::string& name, PatternContext& pc);
  void rotate(int count);
  void length_check(size_t n, CmpOp op, PatternContext& pc);
  int fail_label(PatternContext& pc, size_t n);
  void jump_to_fail_pop(PatternContext& pc, Op op);
  void emit_fail_pops(PatternContext& pc);
};

// ---- the statement ----------------------------------------------------------------

void MatchCompiler::match(Match* m) {
  g_.expr(m->subject);
  const int end = g_.new_label();
  const int end_depth = g_.depth() - 1;
  const size_t ncases = m->cases.size();
  // A trailing `case _:` needs no pattern code: the last case before it
  // consumes the subject instead of a copy.
  const bool has_default = ncases > 1 && is_wildcard(m->cases.back()->pattern);
  const size_t nmatched = ncases - (has_default ? 1 : 0);
  for (size_t i = 0; i < nmatched; ++i) {
    MatchCase* c = m->cases[i];
    g_.set_line(c->pattern->pos.line);
    const bool keep_subject = i + 1 != nmatched;
    if (keep_subject) g_.emit(Op::COPY, 1);
    PatternContext pc;
    // Irrefutable cases must be guarded, last, or both.
    pc.allow_irrefutable = c->guard != nullptr || i + 1 == ncases;
    pc.base = g_.depth() - 1;
    pattern(c->pattern, pc);
    assert(pc.on_top == 0);
    // A match: bind the captures (the first one is on top).
    for (const std::string& name : pc.stores)
      g_.store_name(name);
    if (c->guard) g_.jump_if(c->guard, false, fail_label(pc, 0));
    if (keep_subject) g_.emit(Op::POP_TOP);
    g_.body(c->body);
    g_.emit_jump(Op::JUMP, end);
    g_.set_line(c->pattern->pos.line);
    emit_fail_pops(pc);
  }
  if (has_default) {
    MatchCase* c = m->cases.back();
    g_.set_line(c->pattern->pos.line);
    g_.emit(Op::NOP); // the line of `case _:` is reached
    if (c->guard) g_.jump_if(c->guard, false, end);
    g_.body(c->body);
  }
  g_.place(end);
  g_.set_depth(end_depth);
}

// ---- failure paths -----------------------------------------------------------------

int MatchCompiler::fail_label(PatternContext& pc, size_t n) {
  while (pc.fail_pop.size() <= n)
    pc.fail_pop.push_back(g_.new_label());
  return pc.fail_pop[n];
}

// Fails (with `op`, a conditional jump or JUMP) popping everything this
// context has pushed.
void MatchCompiler::jump_to_fail_pop(PatternContext& pc, Op op) {
  const size_t pops = static_cast<size_t>(pc.on_top) + pc.stores.size();
  g_.emit_jump(op, fail_label(pc, pops));
  // (After the jump: a conditional jump has popped its condition.)
  assert(g_.depth() == pc.base + static_cast<int>(pops));
}

// Places the failure labels: each pops one item and falls into the next.
void MatchCompiler::emit_fail_pops(PatternContext& pc) {
  if (pc.fail_pop.empty()) return;
  for (size_t n = pc.fail_pop.size() - 1; n > 0; --n) {
    g_.place(pc.fail_pop[n]);
    g_.set_depth(pc.base + static_cast<int>(n));
    g_.emit(Op::POP_TOP);
  }
  g_.place(pc.fail_pop[0]);
  g_.set_depth(pc.base);
  pc.fail_pop.clear();
}

// ---- helpers -------------------------------------------------------------------------

// Moves TOS down to the count-th place, keeping the order of the others.
void MatchCompiler::rotate(int count) {
  while (count > 1)
    g_.emit(Op::SWAP, count--);
}

// Keeps the value on top as a capture of `name` (empty: discards it).
void MatchCompiler::store_capture(const Node* at, const std::string& name, PatternContext& pc) {
  if (name.empty()) {
    g_.emit(Op::POP_TOP);
    return;
  }
  if (name == "__debug__") g_.syntax_error(at, "cannot assign to __debug__");
  if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
    g_.syntax_error(at, "multiple assignments to name '" + name + "' in pattern");
  rotate(pc.on_top + static_cast<int>(pc.stores.size()) + 1);
  pc.stores.push_back(name);
}

// Fails unless len(TOS) op n; TOS stays.
void MatchCompiler::length_check(size_t n, CmpOp op, PatternContext& pc) {
  g_.emit(Op::GET_LEN);
  g_.emit_const(make_int(static_cast<int64_t>(n)));
  g_.emit(Op::COMPARE_OP, static_cast<int32_t>(op));
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
}

// ---- patterns ------------------------------------------------------------------------

void MatchCompiler::pattern(Pattern* p, PatternContext& pc) {
  g_.set_line(p->pos.line);
  switch (p->kind) {
  case PatternKind::MatchValue: value_pattern(static_cast<MatchValue*>(p), pc); break;
  case PatternKind::MatchSingleton: singleton_pattern(static_cast<MatchSingleton*>(p), pc); break;
  case PatternKind::MatchSequence: sequence_pattern(static_cast<MatchSequence*>(p), pc); break;
  case PatternKind::MatchMapping: mapping_pattern(static_cast<MatchMapping*>(p), pc); break;
  case PatternKind::MatchClass: class_pattern(static_cast<MatchClass*>(p), pc); break;
  case PatternKind::MatchStar: store_capture(p, static_cast<MatchStar*>(p)->name, pc); break;
  case PatternKind::MatchAs: as_pattern(static_cast<MatchAs*>(p), pc); break;
  case PatternKind::MatchOr: or_pattern(static_cast<MatchOr*>(p), pc); break;
  }
}

// A pattern inside another: it may be irrefutable whatever the enclosing case.
void MatchCompiler::subpattern(Pattern* p, PatternContext& pc) {
  const bool saved = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  pattern(p, pc);
  pc.allow_irrefutable = saved;
}

void MatchCompiler::as_pattern(MatchAs* p, PatternContext& pc) {
  if (!p->pattern) {
    if (!pc.allow_irrefutable) {
      if (!p->name.empty()) g_.syntax_error(p, "name capture '" + p->name + "' makes remaining patterns unreachable");
      g_.syntax_error(p, "wildcard makes remaining patterns unreachable");
    }
    store_capture(p, p->name, pc);
    return;
  }
  // Keep a copy to capture once the inner pattern has matched.
  pc.on_top++;
  g_.emit(Op::COPY, 1);
  pattern(p->pattern, pc);
  pc.on_top--;
  store_capture(p, p->name, pc);
}

void MatchCompiler::value_pattern(MatchValue* p, PatternContext& pc) {
  g_.expr(p->value);
  g_.emit(Op::COMPARE_OP, static_cast<int32_t>(CmpOp::Eq));
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
}

void MatchCompiler::singleton_pattern(MatchSingleton* p, PatternContext& pc) {
  g_.emit_const(p->value == ConstKind::None ? Value::none() : Value::boolean(p->value == ConstKind::True));
  g_.emit(Op::IS_OP, 0);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
}

void MatchCompiler::sequence_pattern(MatchSequence* p, PatternContext& pc) {
  const size_t size = p->patterns.size();
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (size_t i = 0; i < size; ++i) {
    Pattern* sub = p->patterns[i];
    if (sub->kind == PatternKind::MatchStar) {
      if (star >= 0) g_.syntax_error(sub, "multiple starred names in sequence pattern");
      star_wildcard = is_star_wildcard(sub);
      only_wildcard &= star_wildcard;
      star = static_cast<int>(i);
      continue;
    }
    only_wildcard &= is_wildcard(sub);
  }
  // The subject stays on top during the type and length checks.
  pc.on_top++;
  g_.emit(Op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (star < 0)
    length_check(size, CmpOp::Eq, pc);
  else if (size > 1)
    length_check(size - 1, CmpOp::Ge, pc);
  pc.on_top--;
  if (only_wildcard)
    g_.emit(Op::POP_TOP); // [], [_, _], [_, *_], ...
  else if (star_wildcard)
    sequence_subscr(p, star, pc);
  else
    sequence_unpack(p, star, pc);
}

// Unpacks the subject and matches each item in turn.
void MatchCompiler::sequence_unpack(MatchSequence* p, int star, PatternContext& pc) {
  const int size = static_cast<int>(p->patterns.size());
  if (star < 0) {
    g_.emit(Op::UNPACK_SEQUENCE, size);
  } else {
    const int after = size - star - 1;
    if (star >= 256 || after >= (1 << 23))
      g_.syntax_error(p, "too many expressions in star-unpacking sequence pattern");
    g_.emit(Op::UNPACK_EX, star | (after << 8));
  }
  pc.on_top += size;
  for (Pattern* sub : p->patterns) {
    pc.on_top--;
    subpattern(sub, pc);
  }
}

// With `*_`, indexes the items the sub-patterns need instead of unpacking all.
void MatchCompiler::sequence_subscr(MatchSequence* p, int star, PatternContext& pc) {
  const size_t size = p->patterns.size();
  pc.on_top++; // the subject stays for the subscripts
  for (size_t i = 0; i < size; ++i) {
    Pattern* sub = p->patterns[i];
    if (is_wildcard(sub) || static_cast<int>(i) == star) continue;
    g_.emit(Op::COPY, 1);
    if (static_cast<int>(i) < star) {
      g_.emit_const(make_int(static_cast<int64_t>(i)));
    } else {
      // The subject may not support negative indexes: len(subject) - k.
      g_.emit(Op::GET_LEN);
      g_.emit_const(make_int(static_cast<int64_t>(size - i)));
      g_.emit(Op::BINARY_OP, static_cast<int32_t>(tributary::BinOp::Sub));
    }
    g_.emit(Op::BINARY_SUBSCR);
    subpattern(sub, pc);
  }
  pc.on_top--;
  g_.emit(Op::POP_TOP);
}

// Duplicate literal keys are a SyntaxError (dotted names are checked at run time).
void MatchCompiler::check_mapping_keys(MatchMapping* p) {
  std::vector<Value> seen;
  for (Expr* key : p->keys) {
    Value v = Value::empty();
    if (key->kind == ExprKind::Constant) {
      v = g_.literal(static_cast<Constant*>(key));
    } else if (key->kind == ExprKind::UnaryOp && static_cast<UnaryOp*>(key)->operand->kind == ExprKind::Constant) {
      v = negate(g_.literal(static_cast<Constant*>(static_cast<UnaryOp*>(key)->operand)));
    } else if (key->kind != ExprKind::Attribute && key->kind != ExprKind::BinOp) {
      g_.syntax_error(key, "mapping pattern keys may only match literals and attribute lookups");
    }
    if (v.is_empty()) continue;
    for (Value s : seen)
      if (equals(s, v)) g_.syntax_error(key, "mapping pattern checks duplicate key (" + repr_string(v) + ")");
    seen.push_back(v);
  }
}

void MatchCompiler::mapping_pattern(MatchMapping* p, PatternContext& pc) {
  const size_t size = p->keys.size();
  // The subject stays on top during the type and length checks.
  pc.on_top++;
  g_.emit(Op::MATCH_MAPPING);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (size == 0 && p->rest.empty()) { // `{}` matches any mapping
    pc.on_top--;
    g_.emit(Op::POP_TOP);
    return;
  }
  if (size > 0) length_check(size, CmpOp::Ge, pc);
  check_mapping_keys(p);
  for (Expr* key : p->keys)
    g_.expr(key);
  g_.emit(Op::BUILD_TUPLE, static_cast<int32_t>(size));
  g_.emit(Op::MATCH_KEYS);
  // [subject, keys, values-or-None]
  pc.on_top += 2;
  g_.emit(Op::COPY, 1);
  g_.emit_const(Value::none());
  g_.emit(Op::IS_OP, 1);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  g_.emit(Op::UNPACK_SEQUENCE, static_cast<int32_t>(size));
  pc.on_top += static_cast<int>(size) - 1;
  for (Pattern* sub : p->patterns) {
    pc.on_top--;
    subpattern(sub, pc);
  }
  // Matched: what follows consumes the keys and the subject.
  pc.on_top -= 2;
  if (p->rest.empty()) {
    g_.emit(Op::POP_TOP); // keys
    g_.emit(Op::POP_TOP); // subject
    return;
  }
  // rest = dict(subject); del rest[key] for each key.
  g_.emit(Op::BUILD_MAP, 0);                                // [subject, keys, {}]
  g_.emit(Op::SWAP, 3);                                     // [{}, keys, subject]
  g_.emit(Op::DICT_UPDATE, 2);                              // [rest, keys]
  g_.emit(Op::UNPACK_SEQUENCE, static_cast<int32_t>(size)); // [rest, keys...]
  for (size_t left = size; left > 0; --left) {
    g_.emit(Op::COPY, static_cast<int32_t>(1 + left)); // [rest, keys..., rest]
    g_.emit(Op::SWAP, 2);                              // [rest, keys..., rest, key]
    g_.emit(Op::DELETE_SUBSCR);                        // [rest, keys...]
  }
  store_capture(p, p->rest, pc);
}

void MatchCompiler::class_pattern(MatchClass* p, PatternContext& pc) {
  const size_t nargs = p->patterns.size(), nattrs = p->kwd_attrs.size();
  for (size_t i = 0; i < nattrs; ++i) {
    const std::string& name = p->kwd_attrs[i];
    if (name == "__debug__") g_.syntax_error(p->kwd_patterns[i], "cannot assign to __debug__");
    for (size_t j = i + 1; j < nattrs; ++j)
      if (p->kwd_attrs[j] == name)
        g_.syntax_error(p->kwd_patterns[j], "attribute name repeated in class pattern: " + name);
  }
  g_.expr(p->cls);
  Tuple* names = new_tuple(nattrs);
  for (size_t i = 0; i < nattrs; ++i)
    names->items[i] = Value::object(intern(p->kwd_attrs[i]));
  g_.emit_const(Value::object(names));
  g_.emit(Op::MATCH_CLASS, static_cast<int32_t>(nargs));
  // [subject] became [attributes-or-None]
  g_.emit(Op::COPY, 1);
  g_.emit_const(Value::none());
  g_.emit(Op::IS_OP, 1);
  pc.on_top++;
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  g_.emit(Op::UNPACK_SEQUENCE, static_cast<int32_t>(nargs + nattrs));
  pc.on_top += static_cast<int>(nargs + nattrs) - 1;
  for (size_t i = 0; i < nargs + nattrs; ++i) {
    pc.on_top--;
    Pattern* sub = i < nargs ? p->patterns[i] : p->kwd_patterns[i - nargs];
    if (is_wildcard(sub)) {
      g_.emit(Op::POP_TOP);
      continue;
    }
    subpattern(sub, pc);
  }
}

// Each alternative runs on a copy of the subject with a context of its own;
// its captures are then put in the first alternative's order and moved under
// the enclosing context's items.
void MatchCompiler::or_pattern(MatchOr* p, PatternContext& pc) {
  const int end = g_.new_label();
  int end_depth = -1;
  std::vector<std::string> control; // the names every alternative must bind, in the first's order
  const size_t nalts = p->patterns.size();
  for (size_t i = 0; i < nalts; ++i) {
    Pattern* alt = p->patterns[i];
    g_.set_line(alt->pos.line);
    PatternContext sub;
    // An irrefutable alternative must be last, if allowed at all.
    sub.allow_irrefutable = i + 1 == nalts && pc.allow_irrefutable;
    g_.emit(Op::COPY, 1);
    sub.base = g_.depth() - 1;
    pattern(alt, sub);
    if (i == 0) {
      control = sub.stores;
    } else {
      if (sub.stores.size() != control.size()) g_.syntax_error(alt, "alternative patterns bind different names");
      for (const std::string& name : control)
        if (std::find(sub.stores.begin(), sub.stores.end(), name) == sub.stores.end())
          g_.syntax_error(alt, "alternative patterns bind different names");
      // Reorder the captures on the stack (stores[k] is k items below the
      // top) to the control order, with swaps through the top.
      std::vector<std::string>& cur = sub.stores;
      for (size_t k = cur.size(); k-- > 1;) {
        if (cur[k] == control[k]) continue;
        size_t j = static_cast<size_t>(std::find(cur.begin(), cur.end(), control[k]) - cur.begin());
        if (j != 0) {
          g_.emit(Op::SWAP, static_cast<int32_t>(j + 1));
          std::swap(cur[0], cur[j]);
        }
        g_.emit(Op::SWAP, static_cast<int32_t>(k + 1));
        std::swap(cur[0], cur[k]);
      }
    }
    end_depth = g_.depth();
    g_.emit_jump(Op::JUMP, end);
    emit_fail_pops(sub);
  }
  // No alternative matched: pop the subject and fail.
  g_.emit(Op::POP_TOP);
  jump_to_fail_pop(pc, Op::JUMP);
  g_.place(end);
  g_.set_depth(end_depth);
  // [..., enclosing captures, on_top items, subject, control captures]: move
  // each capture below everything the enclosing context has pushed.
  const int nrots = static_cast<int>(control.size()) + 1 + pc.on_top + static_cast<int>(pc.stores.size());
  for (const std::string& name : control) {
    rotate(nrots);
    if (std::find(pc.stores.begin(), pc.stores.end(), name) != pc.stores.end())
      g_.syntax_error(p, "multiple assignments to name '" + name + "' in pattern");
    pc.stores.push_back(name);
  }
  g_.emit(Op::POP_TOP); // the subject
}

} // namespace

void compile_match(Match* m, MatchEmitter& g) { MatchCompiler(g).match(m); }

} // namespace tributary::frontend
