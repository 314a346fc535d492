// record_iter.cpp — FOR_ITER: one step of an iterator, recorded inline.
//
// Range, list and tuple iterators, and enumerate and zip over them (nested
// to any depth), step by guarded loads and stores on the iterator objects
// (runtime/iter.h), exactly as iter_next() does. Invariants:
//  - every guard of a step is emitted before its first store, so a failing
//    guard resumes at FOR_ITER with the iterators untouched and the
//    interpreter re-runs the whole step (zip's sub-iterators included);
//  - the exhausted case (a bridge at the loop's exit) performs the same
//    stores as the interpreter: a list or tuple iterator forgets its
//    sequence, zip sets `done` after advancing the sub-iterators before the
//    exhausted one;
//  - enumerate's and zip's tuple is never built when the next instruction is
//    UNPACK_SEQUENCE of its size (`for i, x in enumerate(xs)`): the items go
//    straight to the stack and that UNPACK_SEQUENCE is not recorded (it cannot
//    fail, and no guard sits between the two). Otherwise build_tuple makes it.
// Any other iterator steps through the iter_next helper; its exits resume
// after FOR_ITER's outcome (its jump target, or the next instruction with
// the item pushed), since the helper already advanced the iterator.
#include <cstddef>

#include "jit/helpers.h"
#include "jit/recorder.h"
#include "runtime/containers.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/generator.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace tributary::jit {

namespace {

[[noreturn]] void abort_with(AbortReason r, std::string detail = {}) { throw RecordAbort{r, std::move(detail)}; }

int64_t type_imm(Type& t) { return static_cast<int64_t>(reinterpret_cast<uintptr_t>(&t)); }

// zip's `strict` and `done` flags, read and written as one word (its other
// bytes are padding at the end of the object).
constexpr size_t kZipFlags = offsetof(MultiIter, strict);
static_assert(offsetof(MultiIter, done) == kZipFlags + 1 && kZipFlags + 8 <= sizeof(MultiIter));
constexpr int64_t kZipDone = 0x100;

// A generator's fields that compiled code reads and writes when it runs the
// generator's frame inline. The state byte shares a word with the flavor and
// flags, which are kept (masked). resume_depth is written as a whole word:
// the bytes after it up to resume_exception are padding.
constexpr int64_t kGenSlots = offsetof(vm::Generator, frame) + offsetof(vm::Frame, slots);
constexpr int64_t kGenPc = offsetof(vm::Generator, frame) + offsetof(vm::Frame, pc);
constexpr int64_t kGenDepth = offsetof(vm::Generator, frame) + offsetof(vm::Frame, resume_depth);
constexpr int64_t kGenState = offsetof(vm::Generator, state);
constexpr int64_t kGenHandled = offsetof(vm::Generator, handled);
static_assert(offsetof(vm::Frame, resume_exception) == offsetof(vm::Frame, resume_depth) + 8);
static_assert(sizeof(vm::Generator::State) == 1 && offsetof(vm::Generator, flavor) == offsetof(vm::Generator, state) + 1);
// (Locals plus the suspended stack loaded on entry, and stored at the yield.)
constexpr int32_t kMaxGeneratorSlots = 24;

} // namespace

Ref Recorder::iter_step(Ref it, Value itv, IterItem& out, std::vector<IterStore>& stores) {
  if (!itv.is_object()) abort_with(AbortReason::UnsupportedValue, "FOR_ITER on a non-iterator");
  Object* o = itv.as_object();
  auto field = [&](Ref obj, size_t offset, IrType type) {
    Ref r = emit(IrOp::LOAD, obj, kNoRef, static_cast<int64_t>(offset));
    t_.ins[r].type = type;
    return r;
  };
  auto store = [&](Ref obj, size_t offset, Ref value) { stores.push_back({obj, static_cast<int32_t>(offset), value}); };
  auto check = [&](Ref cond, bool holds) { guard(holds ? IrOp::GUARD_TRUE : IrOp::GUARD_FALSE, cond); };

  if (o->type == &types::range_iterator) {
    auto* ri = static_cast<RangeIter*>(o);
    guard(IrOp::GUARD_TYPE, it, type_imm(types::range_iterator));
    Ref rem = field(it, offsetof(RangeIter, remaining), IrType::Raw);
    check(emit(IrOp::GT, rem, kraw(0)), ri->remaining > 0);
    if (ri->remaining <= 0) return out.done = true, kNoRef;
    Ref next = field(it, offsetof(RangeIter, next), IrType::Raw);
    out.value = guard(IrOp::RAW2INT, next);
    Ref step = field(it, offsetof(RangeIter, step), IrType::Raw);
    store(it, offsetof(RangeIter, remaining), emit(IrOp::SUB, rem, kraw(1)));
    store(it, offsetof(RangeIter, next), emit(IrOp::ADD, next, step));
    return out.value;
  }
  if (o->type == &types::list_iterator || o->type == &types::tuple_iterator) {
    const bool list = o->type == &types::list_iterator;
    auto* si = static_cast<SeqIter*>(o);
    guard(IrOp::GUARD_TYPE, it, type_imm(*o->type));
    Ref seq = field(it, offsetof(SeqIter, seq), IrType::Val);
    if (si->seq.is_empty()) { // already exhausted
      guard(IrOp::GUARD_IS, seq, static_cast<int64_t>(Value::empty().bits()));
      return out.done = true, kNoRef;
    }
    guard(IrOp::GUARD_ISNT, seq, static_cast<int64_t>(Value::empty().bits()));
    Ref idx = field(it, offsetof(SeqIter, index), IrType::Raw);
    Ref base, len;
    size_t n;
    if (list) { // std::vector keeps [begin, end) pointers at the start of the object
      base = field(seq, offsetof(List, items), IrType::Raw);
      Ref end = field(seq, offsetof(List, items) + sizeof(void*), IrType::Raw);
      len = emit(IrOp::RSAR, emit(IrOp::SUB, end, base), kNoRef, 3);
      n = si->seq.as<List>()->items.size();
    } else {
      base = emit(IrOp::ADD, kraw(offsetof(Tuple, items)), seq);
      len = field(seq, offsetof(Tuple, size), IrType::Raw);
      n = si->seq.as<Tuple>()->size;
    }
    const bool has = static_cast<size_t>(si->index) < n;
    check(emit(IrOp::LT, idx, len), has);
    if (!has) {
      store(it, offsetof(SeqIter, seq), kval(Value::empty()));
      return out.done = true, kNoRef;
    }
    out.value = emit(IrOp::LOAD_ELEM, base, idx);
    store(it, offsetof(SeqIter, index), emit(IrOp::ADD, idx, kraw(1)));
    return out.value;
  }
  if (o->type == &types::enumerate) {
    auto* e = static_cast<EnumerateIter*>(o);
    if (!e->count.is_small_int() || e->count.as_small_int() == Value::kSmallMax)
      abort_with(AbortReason::UnsupportedValue, "enumerate count beyond small ints");
    guard(IrOp::GUARD_TYPE, it, type_imm(types::enumerate));
    Ref count = field(it, offsetof(EnumerateIter, count), IrType::Val);
    guard(IrOp::GUARD_INT, count);
    Ref c = emit(IrOp::UNBOX_INT, count);
    IterItem inner;
    iter_step(field(it, offsetof(EnumerateIter, it), IrType::Val), e->it, inner, stores);
    if (inner.done) return out.done = true, kNoRef;
    Ref next = guard(IrOp::ADD_OV, c);
    t_.ins[next].b = kint(1);
    store(it, offsetof(EnumerateIter, count), emit(IrOp::BOX_INT, next));
    out.tuple = {c, item_value(inner)};
    return kNoRef;
  }
  if (o->type == &types::zip) {
    auto* z = static_cast<MultiIter*>(o);
    const size_t n = z->its.size();
    if (z->strict || n == 0) abort_with(AbortReason::UnsupportedValue, "zip(strict=True) or zip()");
    guard(IrOp::GUARD_TYPE, it, type_imm(types::zip));
    Ref flags = emit(IrOp::AND, field(it, kZipFlags, IrType::Raw), kraw(0xFFFF));
    check(emit(IrOp::EQ, flags, kraw(z->done ? kZipDone : 0)), true);
    if (z->done) return out.done = true, kNoRef;
    Ref begin = field(it, offsetof(MultiIter, its), IrType::Raw);
    Ref end = field(it, offsetof(MultiIter, its) + sizeof(void*), IrType::Raw);
    check(emit(IrOp::EQ, emit(IrOp::SUB, end, begin), kraw(static_cast<int64_t>(8 * n))), true);
    for (size_t i = 0; i < n; ++i) {
      IterItem item;
      iter_step(field(begin, 8 * i, IrType::Val), z->its[i], item, stores);
      if (item.done) {
        store(it, kZipFlags, kraw(kZipDone));
        return out.done = true, kNoRef;
      }
      out.tuple.push_back(item_value(item));
    }
    return kNoRef;
  }
  abort_with(AbortReason::UnsupportedValue, std::string("FOR_ITER over ") + o->type->name);
}

Ref Recorder::item_value(IterItem& item) {
  if (item.tuple.empty()) return item.value;
  std::vector<Ref> args{kint(static_cast<int64_t>(item.tuple.size()))};
  args.insert(args.end(), item.tuple.begin(), item.tuple.end());
  item.value = call_helper(helpers::HelperId::build_tuple, std::move(args));
  item.tuple.clear();
  return item.value;
}

void Recorder::record_for_iter(uint32_t target) {
  Value itv = concrete(1);
  Ref it = peek(1);
  if (!itv.is_object()) abort_with(AbortReason::UnsupportedValue, "FOR_ITER on a non-iterator");
  Type* t = itv.as_object()->type;
  const bool inline_step = t == &types::range_iterator || t == &types::list_iterator || t == &types::tuple_iterator ||
                           t == &types::enumerate || t == &types::zip;
  if (!inline_step) {
    if (try_inline_next(it, itv) || try_inline_generator(it, itv)) return;
    return record_for_iter_helper(target);
  }
  IterItem item;
  std::vector<IterStore> stores;
  iter_step(it, itv, item, stores);
  // A tuple unpacked right away is never built.
  const vm::Instr next = frame_->code->code[pc_ + 1];
  const bool fused = !item.done && !item.tuple.empty() && next.op == vm::Op::UNPACK_SEQUENCE &&
                     static_cast<size_t>(next.arg) == item.tuple.size();
  if (!item.done && !fused) item_value(item); // (a helper call: before any store)
  for (const IterStore& s : stores)
    emit(IrOp::STORE, s.obj, s.value, s.offset);
  if (item.done) {
    pop();
    return;
  }
  if (!fused) {
    push(item.value);
    return;
  }
  for (size_t i = item.tuple.size(); i-- > 0;)
    push(item.tuple[i]);
  skip_pc_ = static_cast<int64_t>(pc_) + 1;
  skip_frame_ = frame_;
}

// A user iterator's __next__, a plain Python function, is inlined like a call
// (kByIter): the iterator stays on the stack and the item is what it returns.
// Its StopIteration leaves the trace (a raise ends the path), and an exit
// inside it that ends in StopIteration ends the loop (resume_inlined).
bool Recorder::try_inline_next(Ref it, Value itv) {
  if (!is_kind(itv, Kind::Instance)) return false;
  Type* t = type_of(itv);
  Value f = type_lookup(t, intern("__next__"));
  if (!is_kind(f, Kind::Function)) return false;
  auto* fn = f.as<vm::Function>();
  if (!can_inline(fn, 1, 0)) return false;
  if (!is_const(it)) guard(IrOp::GUARD_TYPE, it, type_imm(*t));
  guard_class_epoch(); // (no class changed: the same __next__)
  t_.pool.push_back(f);
  t_.pool.push_back(Value::object(t));
  expect_call(fn, {it}, kByIter);
  return true;
}

// `for x in gen` where gen is a plain generator suspended at a yield (seed
// 000/001, "Problem 3: generators"): the resumption is recorded inline, from
// that yield to the next one, as a frame entered kByGen. The generator's
// frame lives in the generator: on entry its locals and suspended stack are
// loaded from there (guarded: the generator is suspended at this yield and
// handles no exception of its own) and it is marked running; at the yield
// (record_generator_yield) everything is written back, with the new resume
// point, and the yielded value is the FOR_ITER's item. An exit inside writes
// the exit's state into the generator and runs it on (resume_inlined).
// Generators with cells, with more than kMaxGeneratorSlots slots to carry, or
// marked not to inline (an exit inside was hot without a bridge) step
// through the iter_next helper.
bool Recorder::try_inline_generator(Ref it, Value itv) {
  if (!is_kind(itv, Kind::Generator) || type_of(itv) != &types::generator) return false;
  auto* g = itv.as<vm::Generator>();
  const vm::Frame& gf = g->frame;
  const vm::Code* co = gf.code;
  if (g->state != vm::Generator::State::Suspended || !g->handled.is_none() || !gf.func || co->ncells() ||
      co->jit_no_inline || co->nlocals + static_cast<int32_t>(gf.resume_depth) > kMaxGeneratorSlots ||
      static_cast<int>(callers_.size()) >= env_.params.inlining || gf.code == frame_->code)
    return false;
  for (const Caller& c : callers_)
    if (c.code == co) return false;
  const uint32_t resume_pc = static_cast<uint32_t>(gf.pc - co->code.data());
  if (resume_pc == 0 || co->code[resume_pc - 1].op != vm::Op::YIELD_VALUE) return false;

  if (!is_const(it)) guard(IrOp::GUARD_TYPE, it, type_imm(types::generator));
  Ref state = emit(IrOp::LOAD, it, kNoRef, kGenState);
  guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, emit(IrOp::AND, state, kraw(0xFF)),
                               kraw(static_cast<int64_t>(vm::Generator::State::Suspended))));
  Ref at = emit(IrOp::LOAD, it, kNoRef, kGenPc);
  guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, at, kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(gf.pc)))));
  Ref handled = emit(IrOp::LOAD, it, kNoRef, kGenHandled);
  guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, handled, kraw(static_cast<int64_t>(Value::none().bits()))));
  Ref slots = emit(IrOp::LOAD, it, kNoRef, kGenSlots);
  std::vector<Ref> locals, stack;
  for (int32_t i = 0; i < co->nlocals; ++i) {
    Ref v = emit(IrOp::LOAD, slots, kNoRef, static_cast<int64_t>(sizeof(Value)) * i);
    t_.ins[v].type = IrType::Val;
    locals.push_back(v);
  }
  for (uint32_t k = 0; k < gf.resume_depth; ++k) {
    Ref v = emit(IrOp::LOAD, slots, kNoRef, static_cast<int64_t>(sizeof(Value) * (co->nlocals + k)));
    t_.ins[v].type = IrType::Val;
    stack.push_back(v);
  }
  stack.push_back(constant(Value::none())); // the value sent: FOR_ITER resumes with None
  const int64_t running = static_cast<int64_t>(vm::Generator::State::Running);
  emit(IrOp::STORE, it, emit(IrOp::OR, emit(IrOp::AND, state, kraw(~int64_t{0xFF})), kraw(running)), kGenState);
  t_.pool.push_back(Value::object(gf.func));
  expect_call(gf.func, std::move(locals), kByGen);
  pending_stack_ = std::move(stack);
  pending_frame_ = &gf;
  return true;
}

// YIELD_VALUE in a generator frame entered kByGen: its locals and stack go
// back to the generator's slots, with the new resume point, it is marked
// suspended, and the yielded value is the item of the caller's FOR_ITER,
// whose iterator (the generator) is on top of the caller's stack. Every slot
// is written: a region may join this path with values the recording never
// saw change.
void Recorder::record_generator_yield(uint32_t pc) {
  const vm::Code* co = frame_->code;
  Ref value = box(pop());
  Caller& caller = callers_.back();
  Ref& top = caller.stack.back();
  if (top == kNoRef) { // (a bridge that started inside the generator: the exit's value)
    top = emit(IrOp::SLOAD, kNoRef, kNoRef,
               caller.base + caller.stack_base + static_cast<int32_t>(caller.stack.size()) - 1);
  }
  Ref gen = top;
  Ref slots = emit(IrOp::LOAD, gen, kNoRef, kGenSlots);
  auto slot_value = [&](int32_t slot) {
    Ref r = slots_[slot].ref;
    if (r == kNoRef) r = emit(IrOp::SLOAD, kNoRef, kNoRef, base_ + slot); // (unchanged since the bridge's exit)
    return box(r);
  };
  for (int32_t i = 0; i < co->nlocals; ++i)
    emit(IrOp::STORE, slots, slot_value(i), static_cast<int64_t>(sizeof(Value)) * i);
  for (size_t k = 0; k < stack_.size(); ++k) {
    Ref r = stack_[k] != kNoRef ? box(stack_[k]) : slot_value(stack_slot(static_cast<int32_t>(k)));
    emit(IrOp::STORE, slots, r, static_cast<int64_t>(sizeof(Value) * (co->nlocals + k)));
  }
  emit(IrOp::STORE, gen, kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(co->code.data() + pc + 1))), kGenPc);
  emit(IrOp::STORE, gen, kraw(static_cast<int64_t>(stack_.size())), kGenDepth);
  Ref state = emit(IrOp::LOAD, gen, kNoRef, kGenState);
  const int64_t suspended = static_cast<int64_t>(vm::Generator::State::Suspended);
  emit(IrOp::STORE, gen, emit(IrOp::OR, emit(IrOp::AND, state, kraw(~int64_t{0xFF})), kraw(suspended)), kGenState);
  leave_inline(value);
}

void Recorder::record_for_iter_helper(uint32_t target) {
  Ref it = peek(1);
  Ref r = call_helper(helpers::HelperId::iter_next, {it});
  push(r); // until the next instruction shows whether the iterator was exhausted
  pending_next_ = {it, r, pc_ + 1, target, frame_};
}

// The instruction after a FOR_ITER stepped by the helper: guard the outcome
// seen. The guard fails on the other outcome, so its snapshot is the state
// after that one (the iterator has moved on: FOR_ITER must not run again).
void Recorder::resolve_iter_next() {
  PendingNext p = pending_next_;
  pending_next_ = {};
  if (p.frame != frame_ || (pc_ != p.next_pc && pc_ != p.target))
    abort_with(AbortReason::UnsupportedValue, "FOR_ITER did not continue as expected");
  const int64_t sentinel = static_cast<int64_t>(helpers::exhausted().bits());
  const bool done = pc_ == p.target;
  const uint32_t pc = pc_;
  // The stack still holds [.., it, result] from FOR_ITER: the outcome that
  // went on keeps both (the item pushed), the exhausted one keeps neither.
  std::vector<Ref> other = stack_;
  if (done) {
    stack_.pop_back(); // the sentinel
    stack_.pop_back(); // the iterator
  } else {
    other.resize(other.size() - 2);
  }
  pc_ = done ? p.next_pc : p.target;
  pre_stack_ = std::move(other);
  guard(done ? IrOp::GUARD_IS : IrOp::GUARD_ISNT, p.result, sentinel);
  pc_ = pc;
  pre_stack_ = stack_;
}

} // namespace tributary::jit
