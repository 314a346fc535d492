// recorder.cpp — bytecode to trace IR, one record_<op>() per opcode family.
#include "jit/recorder.h"
#include "jit/chunks.h"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>

#include <fmt/format.h>

#include "jit/helpers.h"
#include "jit/opt/pipeline.h"
#include "runtime/containers.h"
#include "runtime/user_class.h"
#include "runtime/exceptions.h"
#include "runtime/iter.h"
#include "runtime/match.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/frame.h"
#include "vm/interp.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"
#pragma GCC diagnostic error "-Wswitch"

namespace tributary::jit {

using vm::Op;

namespace {

[[noreturn]] void abort_with(AbortReason r, std::string detail = {}) { throw RecordAbort{r, std::move(detail)}; }

bool is_number(Value v) { return v.is_small_int() || v.is_double(); }

// Back-edges to loops without a trace that one path may record through.
constexpr uint8_t kMaxUnrolled = 2;
// Instructions of a bridge that may fall into another loop's trace.
constexpr size_t kMaxLoopEntryBridge = 200;

} // namespace

Recorder::Recorder(RecorderEnv env, vm::Frame* f, uint32_t start_pc, TraceKind kind, ExitInfo* parent)
    : env_(std::move(env)), frame_(f), start_pc_(start_pc), kind_(kind), parent_(parent) {
  const vm::Code* co = f->code;
  start_code_ = f->code;
  t_.kind = kind;
  t_.code = co;
  t_.start_pc = start_pc;
  stack_base_ = co->nlocals + co->ncells();
  slots_.resize(f->slot_count());
  root_ = parent ? parent->root() : nullptr;
  if (kind == TraceKind::Loop)
    for (uint32_t i = start_pc; i < co->code.size(); ++i)
      if (co->code[i].op == Op::JUMP && static_cast<uint32_t>(co->code[i].arg) == start_pc) loop_end_ = i;
  // The entry snapshot: everything is still in the frame's memory.
  t_.snaps.push_back({start_pc, 0, {}, {}});
  entry_snap_ = 0;
  if (parent && root_) {
    for (size_t i = 0; i < root_->raw.ins.size(); ++i)
      if (root_->raw.ins[i].exit_id == parent->index) parent_guard_raw_ = static_cast<Ref>(i);
  }
  // (A path that ended at a loop's header because it could unroll no more,
  // and whose loop got no trace, is unrolled further by the exit's bridge.)
  if (parent && !parent->loop_wait) unrolled_ = parent->trace->ir.snaps[parent->snap].unrolled;
  if (parent && !parent->frames.empty()) enter_exit_frames(parent);
  if (kind == TraceKind::Chunk) add_chunk_boundary(f->code, start_pc);
}

const vm::Code* Recorder::root_code() const { return callers_.empty() ? frame_->code : callers_.front().code; }

void Recorder::enter_exit_frames(const ExitInfo* e) {
  const Snapshot& s = e->trace->ir.snaps[e->snap];
  const vm::Code* rc = e->trace->code;
  const int32_t rslots = rc->nlocals + rc->ncells() + rc->max_stack;
  // Every value of the enclosing frames is the exit's (SLOADs of their slots
  // are the exit's values once the bridge is attached).
  callers_.push_back({nullptr, rc, nullptr, std::vector<SlotState>(rslots), std::vector<Ref>(s.stack_depth, kNoRef),
                      rc->nlocals + rc->ncells(), 0, s.pc});
  for (size_t k = 0; k + 1 < e->frames.size(); ++k) {
    const SnapFrame& f = e->frames[k];
    auto* fn = f.func.as<vm::Function>();
    const vm::Code* co = fn->code;
    callers_.push_back({nullptr, co, fn, std::vector<SlotState>(co->nlocals + co->max_stack),
                        std::vector<Ref>(f.stack_depth, kNoRef), co->nlocals, f.base, f.pc, f.entry});
  }
  base_ = e->frames.back().base;
  entry_ = e->frames.back().entry;
  t_.code = rc;
}

template <class F> void Recorder::for_each_slot(const std::vector<Ref>& stack, F f) const {
  auto frame = [&](const std::vector<SlotState>& slots, const std::vector<Ref>& st, int32_t sbase, int32_t base,
                   bool inlined) {
    for (int32_t i = 0; i < sbase; ++i) f(base + i, slots[i].ref, inlined, true);
    for (size_t i = 0; i < st.size(); ++i) f(base + sbase + static_cast<int32_t>(i), st[i], inlined, false);
  };
  for (size_t k = 0; k < callers_.size(); ++k)
    frame(callers_[k].slots, callers_[k].stack, callers_[k].stack_base, callers_[k].base, k > 0);
  frame(slots_, stack, stack_base_, base_, !callers_.empty());
}

std::vector<SnapFrame> Recorder::inline_frames(uint32_t pc, uint32_t depth) const {
  std::vector<SnapFrame> out;
  if (callers_.empty()) return out;
  for (size_t k = 1; k < callers_.size(); ++k) {
    const Caller& c = callers_[k];
    out.push_back({Value::object(c.func), c.base, c.resume_pc, static_cast<uint32_t>(c.stack.size()), c.entry});
  }
  out.push_back({Value::object(frame_->func), base_, pc, depth, entry_});
  return out;
}

// ---- abstract state --------------------------------------------------------------

Ref Recorder::emit(IrOp op, Ref a, Ref b, int64_t imm) {
  Ref r = t_.emit(op, a, b, imm);
  t_.ins[r].line = frame_->code->lines[pc_];
  // Integer ops on raw words (addresses, counters) produce raw words.
  if (a != kNoRef && t_.type(a) == IrType::Raw &&
      (op == IrOp::ADD || op == IrOp::SUB || op == IrOp::AND || op == IrOp::OR || op == IrOp::XOR))
    t_.ins[r].type = IrType::Raw;
  is_entry_.push_back(in_entry_);
  if (static_cast<int>(t_.ins.size()) > env_.params.trace_limit) abort_with(AbortReason::TraceTooLong);
  return r;
}

Ref Recorder::guard(IrOp op, Ref a, int64_t imm) {
  int32_t snap = in_entry_ ? entry_snap_ : snapshot();
  Ref r = emit(op, a, kNoRef, imm);
  t_.ins[r].snap = snap;
  return r;
}

int32_t Recorder::snapshot() {
  Snapshot s;
  // Guards resume at the instruction being recorded: its operands are back on
  // the stack. Inlined frames are rebuilt from scratch, so their unbound
  // locals are left out. (Not their stack's empty markers: a bridge's
  // snapshot completes what it omits with the exit's values.)
  for_each_slot(pre_stack_, [&](int32_t slot, Ref r, bool inlined, bool local) {
    if (r != kNoRef && !(inlined && local && is_const(r) && const_value(r).is_empty())) s.entries.push_back({slot, r});
  });
  if (callers_.empty()) {
    s.pc = pc_;
    s.stack_depth = static_cast<uint32_t>(pre_stack_.size());
  } else {
    s.pc = callers_[0].resume_pc;
    s.stack_depth = static_cast<uint32_t>(callers_[0].stack.size());
    s.frames = inline_frames(pc_, static_cast<uint32_t>(pre_stack_.size()));
  }
  s.unrolled = unrolled_;
  if (s.entries.size() > (1u << 14)) abort_with(AbortReason::TraceTooLong, "snapshot too large");
  // Consecutive guards in one state share a snapshot.
  if (t_.snaps.size() > 1) {
    const Snapshot& last = t_.snaps.back();
    if (last.pc == s.pc && last.stack_depth == s.stack_depth && last.frames == s.frames && last.unrolled == s.unrolled &&
        last.entries.size() == s.entries.size() &&
        std::equal(last.entries.begin(), last.entries.end(), s.entries.begin(),
                   [](const SnapEntry& x, const SnapEntry& y) { return x.slot == y.slot && x.ref == y.ref; }))
      return static_cast<int32_t>(t_.snaps.size()) - 1;
  }
  t_.snaps.push_back(std::move(s));
  return static_cast<int32_t>(t_.snaps.size()) - 1;
}

Ref Recorder::constant(Value v) {
  bool saved = in_entry_;
  in_entry_ = true; // constants live in the entry block
  Ref r;
  if (v.is_small_int()) r = emit(IrOp::KINT, kNoRef, kNoRef, v.as_small_int());
  else if (v.is_double()) r = emit(IrOp::KF64, kNoRef, kNoRef, static_cast<int64_t>(std::bit_cast<uint64_t>(v.as_double())));
  else {
    if (v.is_object()) t_.pool.push_back(v);
    r = emit(IrOp::KVAL, kNoRef, kNoRef, static_cast<int64_t>(v.bits()));
  }
  in_entry_ = saved;
  return r;
}

Ref Recorder::kint(int64_t v) { return constant(Value::small_int(v)); }

Ref Recorder::kval(Value v) {
  bool saved = in_entry_;
  in_entry_ = true;
  if (v.is_object()) t_.pool.push_back(v);
  Ref r = emit(IrOp::KVAL, kNoRef, kNoRef, static_cast<int64_t>(v.bits()));
  in_entry_ = saved;
  return r;
}

Ref Recorder::kraw(int64_t v) {
  bool saved = in_entry_;
  in_entry_ = true;
  Ref r = emit(IrOp::KRAW, kNoRef, kNoRef, v);
  in_entry_ = saved;
  return r;
}

bool Recorder::is_const(Ref r) const { return t_.ins[r].is_value_const(); }

Value Recorder::const_value(Ref r) const { return Value::from_bits(t_.ins[r].value_bits()); }

Ref Recorder::specialize(Ref r, Value v) {
  if (t_.type(r) != IrType::Val || is_const(r)) return r;
  if (v.is_small_int()) {
    guard(IrOp::GUARD_INT, r);
    return emit(IrOp::UNBOX_INT, r);
  }
  if (v.is_double()) {
    guard(IrOp::GUARD_F64, r);
    return emit(IrOp::UNBOX_F64, r);
  }
  if (v.is_none() || v.is_bool() || v.is_empty()) {
    guard(IrOp::GUARD_IS, r, static_cast<int64_t>(v.bits()));
    return constant(v);
  }
  return r; // objects stay boxed; their users guard what they need
}

Ref Recorder::read_slot(int32_t slot) {
  SlotState& s = slots_[slot];
  if (s.ref != kNoRef) return s.ref;
  bool saved = in_entry_;
  // Loops load every slot once, in the entry block, before the PHIs; other
  // traces load lazily where a slot is first used, so their type guards sit
  // where the path diverges (where a region can branch and join).
  in_entry_ = kind_ == TraceKind::Loop;
  Ref r = emit(IrOp::SLOAD, kNoRef, kNoRef, base_ + slot); // (inside inlined calls: a bridge reading the exit's value)
  r = specialize(r, frame_->slots[slot]);
  in_entry_ = saved;
  s.ref = s.entry = r;
  return r;
}

// The value in the cell at frame slot `slot`, which must be bound (an unbound
// cell leaves the trace: the interpreter raises NameError).
Ref Recorder::load_cell(int32_t slot) {
  const Value v = frame_->slots[slot].as<Cell>()->value;
  if (v.is_empty()) abort_with(AbortReason::ExceptionRaised, "unbound cell");
  Ref r = emit(IrOp::LOAD, read_slot(slot), kNoRef, offsetof(Cell, value));
  t_.ins[r].type = IrType::Val;
  guard(IrOp::GUARD_ISNT, r, static_cast<int64_t>(Value::empty().bits()));
  return specialize(r, v);
}

void Recorder::write_slot(int32_t slot, Ref r) {
  slots_[slot].ref = r;
  slots_[slot].written = true;
}

Ref Recorder::peek(int i) {
  size_t pos = stack_.size() - i;
  if (stack_[pos] == kNoRef) stack_[pos] = read_slot(stack_slot(static_cast<int32_t>(pos)));
  return stack_[pos];
}

Ref Recorder::pop() {
  Ref r = peek(1);
  stack_.pop_back();
  return r;
}

void Recorder::push(Ref r) { stack_.push_back(r); }

Ref Recorder::as_float(Ref r) {
  if (t_.type(r) == IrType::F64) return r;
  // (Constants too: the fold pass folds I2F of a constant, and a region join
  // that widens the constant must see the conversion depend on it.)
  return emit(IrOp::I2F, r);
}

Ref Recorder::box(Ref r) {
  switch (t_.type(r)) {
  case IrType::Val: return r;
  case IrType::Int:
  case IrType::F64:
    // Even a constant is boxed by an instruction (the fold pass folds it): a
    // region join may replace the constant with a PHI, and the box must follow.
    return emit(t_.type(r) == IrType::Int ? IrOp::BOX_INT : IrOp::BOX_F64, r);
  case IrType::Bool: return emit(IrOp::BOX_BOOL, r);
  default: abort_with(AbortReason::UnsupportedValue, "raw value escapes");
  }
}

Ref Recorder::call_helper(helpers::HelperId id, std::vector<Ref> args, bool may_raise) {
  if (args.size() > 16) abort_with(AbortReason::UnsupportedValue, "too many helper arguments");
  for (Ref& a : args) a = box(a);
  const helpers::HelperInfo& h = helpers::helper_info(id);
  t_.calls.push_back({reinterpret_cast<void*>(h.fn), h.name, std::move(args)});
  Ref r = emit(IrOp::CALL, kNoRef, kNoRef, static_cast<int64_t>(t_.calls.size()) - 1);
  if (may_raise) {
    helper_guard_ = guard(IrOp::GUARD_NOEXC, r);
    helper_pc_ = pc_;
    raise_keeps_tb_ = false;
  }
  if (h.effects == helpers::Effects::Any) runs_python_ = true;
  return r;
}

void Recorder::end_with_exit(ExitEnd why) {
  // A loop trace must loop: one whose recorded iteration raises is useless.
  // One in a generator that yields is not: the generator comes back to the
  // loop header after the yield, and its back-edge enters the trace again.
  if (kind_ == TraceKind::Loop && why == ExitEnd::Raise)
    abort_with(AbortReason::ExceptionRaised, "the recorded iteration raises");
  Ref r = emit(IrOp::EXIT, kNoRef, kNoRef, static_cast<int64_t>(why));
  t_.ins[r].snap = snapshot();
  ends_in_exit_ = true;
}

void Recorder::record_raise(const vm::Instr& in) {
  const vm::Code* co = frame_->code;
  if (in.op == Op::RERAISE) {
    call_helper(helpers::HelperId::reraise, {pop()});
  } else if (in.arg == 0) {
    call_helper(helpers::HelperId::reraise_handled, {kval(Value::object(const_cast<vm::Code*>(co))), kint(pc_)});
  } else {
    Ref cause = in.arg == 2 ? pop() : kval(Value::empty());
    call_helper(helpers::HelperId::raise_varargs, {pop(), cause});
    return;
  }
  raise_keeps_tb_ = true;
}

Ref Recorder::take_exception(const vm::Code* code, int64_t idx) {
  return call_helper(helpers::HelperId::take_exception, {kval(Value::object(const_cast<vm::Code*>(code))), kint(idx)},
                     false);
}

bool Recorder::caught(uint32_t idx, const vm::ExceptionEntry& h) {
  const Ref last = static_cast<Ref>(t_.ins.size()) - 1;
  if (idx != pc_ || helper_pc_ != static_cast<int64_t>(pc_) || helper_guard_ != last ||
      t_.ins[last].op != IrOp::GUARD_NOEXC || pending_next_.result != kNoRef || pending_send_.result != kNoRef ||
      skip_pc_ >= 0)
    return false;
  // The path where the helper returns: after this instruction, its result pushed.
  const std::vector<Ref> before = pre_stack_;
  pre_stack_ = stack_;
  pc_ = idx + 1;
  const int32_t snap = snapshot();
  pc_ = idx;
  pre_stack_ = before;
  t_.ins[last].op = IrOp::GUARD_EXC;
  t_.ins[last].snap = snap;
  // The interpreter's unwinding: the stack down to the handler's depth, then
  // the exception (the interpreter added the traceback entry unless re-raising).
  Ref exc = take_exception(frame_->code, raise_keeps_tb_ ? -1 : static_cast<int64_t>(idx));
  if (stack_.size() < h.depth) abort_with(AbortReason::UnsupportedValue, "handler deeper than the stack");
  stack_.resize(h.depth);
  push(exc);
  helper_guard_ = kNoRef;
  return true;
}

void Recorder::require_own_frame(const char* what) {
  if (!callers_.empty() || (parent_ && !parent_->frames.empty()))
    abort_with(AbortReason::UnsupportedValue, std::string(what) + " in an inlined frame");
}

// ---- the recorder proper ------------------------------------------------------------

bool Recorder::record(uint32_t pc, Value* sp) {
  const vm::Code* co = frame_->code;
  const vm::Instr in = co->code[pc];
  pc_ = pc;
  sp_ = sp;
  const bool continuing = started_;
  if (!started_) {
    started_ = true;
    // First instruction: the stack below is whatever the interpreter holds.
    entry_depth_ = static_cast<uint32_t>(sp - frame_->stack_base());
    stack_.assign(entry_depth_, kNoRef);
    t_.snaps[0].stack_depth = entry_depth_;
    if (parent_ && parent_->exception) {
      // A bridge from an exception exit starts in the handler the interpreter
      // unwound to: the exception on top of the stack is the one the helper
      // raised (parked by it), not a value in the frame.
      stack_.back() = take_exception(parent_->trace->code, parent_->pc);
    }
  }
  const bool tiered = env_.engine.tiered() && env_.params.tier_up > 0;
  if (!continuing && kind_ == TraceKind::Loop &&
      (env_.engine.profiles() || tiered || (env_.params.segmenting && t_.code->jit_huge))) {
    // Profiling policies: the loop counts its iterations (the region's arms are
    // counted after optimization, see regions/engine.cpp). So do loops of huge
    // code, whose trip counts decide whether they keep their trace
    // (JitState::run), and loops compiled by a tiered backend's quick tier:
    // at tier_up iterations they leave through their tier-up check, at the
    // loop's start (nothing of the iteration done yet), and their region is
    // promoted to the optimizing tier, whose code has no check.
    iterations_ = std::make_unique<uint64_t>(0);
    Ref counter = kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(iterations_.get())));
    Ref n = emit(IrOp::ADD, emit(IrOp::LOAD, counter, kNoRef, 0), kraw(1));
    emit(IrOp::STORE, counter, n, 0);
    if (tiered) tier_count_ = n; // (its check below, where the first instruction's snapshot is known)
  }
  if (pending_inline_) abort_with(AbortReason::UnsupportedValue, "an inlined call did not enter its function");
  if (continuing && skip_pc_ == static_cast<int64_t>(pc) && skip_frame_ == frame_) { // (record_iter.cpp)
    skip_pc_ = -1;
    return false;
  }
  skip_pc_ = -1;
  if (pending_next_.result != kNoRef) resolve_iter_next();
  if (pending_send_.result != kNoRef) resolve_send();
  // A loop trace is one iteration: the one recorded may be the loop's last
  // (a `while` whose condition fails, a `break`). The loop is recorded again
  // on a later iteration; its exit gets a bridge once the trace exists.
  if (kind_ == TraceKind::Loop && callers_.empty() && (pc < start_pc_ || pc > loop_end_)) {
    if (!may_leave_loop_) abort_with(AbortReason::LoopExit);
    if (!left_loop_at_) left_loop_at_ = t_.ins.size();
    if (t_.ins.size() - left_loop_at_ > kMaxLoopEntryBridge)
      abort_with(AbortReason::LoopExit, "no compiled loop after it");
  }
  // Falling into the header of another compiled loop, or the start of a
  // chunk: a trace continues in it (a bridge from one loop's exit runs the
  // code up to the next loop, as PyPy's bridges jump to any loop's label).
  // Not a long bridge: the straight code between two loops runs once per
  // pass, and a long bridge of it ends at the header of the next loop's
  // region, kept apart from its own (LoopEntry). In code that is not huge the
  // exit stays with the interpreter; in huge code (segmenting) the abort
  // marks the code huge, and the straight code becomes chunks of its own. (A
  // bridge from an exit at a loop's header or a chunk's start that now has a
  // trace is just that jump.)
  // (At its first instruction, a bridge jumps into the trace there unless
  // that trace is its own region: the exit's guard failed at that very
  // position, and the jump would take it again, forever.)
  const bool segmenting = env_.params.segmenting && t_.code->jit_huge;
  if ((continuing ||
       (parent_ && (parent_->loop_wait || (segmenting && pc < co->jit_loops.size() &&
                                           co->jit_loops[pc] != parent_->root() && co->jit_loops[pc] != parent_->trace)))) &&
      callers_.empty() && !(kind_ == TraceKind::Loop && pc == start_pc_) && pc < co->jit_loops.size() &&
      co->jit_loops[pc]) {
    if (kind_ == TraceKind::Bridge && t_.ins.size() > kMaxLoopEntryBridge && !segmenting)
      abort_with(AbortReason::LoopEntry, fmt::format("{} instructions", t_.ins.size()));
    to_loop(pc, static_cast<CompiledTrace*>(co->jit_loops[pc]));
    return true;
  }
  if (segmenting && continuing && at_chunk_start(pc)) {
    // A recording of huge code ends at the first statement outside its loops
    // once it is chunk_limit long, and a bridge out of a loop at the first
    // one after the loop: the next chunk starts there.
    // (Any recording ends at a boundary where a chunk starts or will: every
    // path through the code meets the same chunks.)
    const bool loop_bridge = kind_ == TraceKind::Bridge && root_ && root_->kind == TraceKind::Loop;
    if (loop_bridge || static_cast<int>(t_.ins.size()) >= env_.params.chunk_limit ||
        is_chunk_boundary(t_.code, pc)) {
      end_chunk(pc);
      return true;
    }
  }
  if (kind_ == TraceKind::Bridge && !t_.ins.empty() && try_join()) return true;
  if (kind_ == TraceKind::Bridge) pcs_.push_back(merge_key(pc, inline_frames(pc, static_cast<uint32_t>(stack_.size()))));
  if (vm::op_info(in.op).jit == vm::JitSupport::No) abort_with(AbortReason::UnsupportedOpcode, vm::op_info(in.op).name);
  pre_stack_ = stack_;
  if (!continuing && tier_count_ != kNoRef)
    tier_guard_ = guard(IrOp::GUARD_TRUE, emit(IrOp::LT, tier_count_, kraw(env_.params.tier_up)));
  if (kind_ != TraceKind::Bridge) {
    // Every instruction boundary is a candidate merge point, inside inlined calls too.
    const uint32_t depth = static_cast<uint32_t>(stack_.size());
    RawBoundary b{pc, static_cast<Ref>(t_.ins.size()), {}, depth, pc, depth, inline_frames(pc, depth)};
    if (!callers_.empty()) {
      b.resume_pc = callers_[0].resume_pc;
      b.resume_depth = static_cast<uint32_t>(callers_[0].stack.size());
    }
    for_each_slot(stack_, [&](int32_t slot, Ref r, bool, bool) {
      if (r != kNoRef) b.state.push_back({slot, r});
    });
    bounds_.push_back(std::move(b));
  }

  switch (in.op) {
  case Op::NOP: break;
  case Op::POP_TOP: pop(); break;
  case Op::PUSH_NULL: push(constant(Value::empty())); break;
  case Op::COPY: push(peek(in.arg)); break;
  case Op::SWAP: {
    Ref top = peek(1), other = peek(in.arg);
    stack_[stack_.size() - 1] = other;
    stack_[stack_.size() - in.arg] = top;
    break;
  }
  case Op::LOAD_CONST: push(constant(co->consts[in.arg])); break;
  case Op::LOAD_FAST:
    if (frame_->slots[in.arg].is_empty()) abort_with(AbortReason::ExceptionRaised, "unbound local");
    push(read_slot(in.arg));
    break;
  case Op::STORE_FAST: {
    // A value another local holds gets a copy of its own: a join may replace
    // one local's value below it (a PHI) and not the other's (`y = f`).
    Ref r = pop();
    for (int32_t s = 0; s < stack_base_; ++s)
      if (s != in.arg && slots_[s].ref == r && !is_const(r)) {
        const IrType type = t_.type(r);
        r = emit(IrOp::COPY, r, kNoRef, 0);
        t_.ins[r].type = type;
        break;
      }
    write_slot(in.arg, r);
    break;
  }
  case Op::DELETE_FAST:
    if (frame_->slots[in.arg].is_empty()) abort_with(AbortReason::ExceptionRaised, "unbound local");
    read_slot(in.arg); // (bound: checked as a load would be)
    write_slot(in.arg, constant(Value::empty()));
    break;
  // Cells and free variables: the frame's slots after its locals hold Cell
  // objects (functions with cells are never inlined, so these are the trace's
  // own frame's). Reads are loads, never merged across calls or stores.
  case Op::LOAD_CLOSURE: push(read_slot(co->nlocals + in.arg)); break;
  case Op::LOAD_DEREF: push(load_cell(co->nlocals + in.arg)); break;
  case Op::STORE_DEREF:
    emit(IrOp::STORE, read_slot(co->nlocals + in.arg), box(pop()), offsetof(Cell, value));
    break;
  case Op::DELETE_DEREF:
    load_cell(co->nlocals + in.arg);
    emit(IrOp::STORE, read_slot(co->nlocals + in.arg), kval(Value::empty()), offsetof(Cell, value));
    break;
  case Op::LOAD_ASSERTION_ERROR: push(kval(Value::object(&types::assertion_error))); break;
  case Op::DELETE_SUBSCR: {
    Ref key = pop(), obj = pop();
    call_helper(helpers::HelperId::del_item, {obj, key});
    break;
  }
  case Op::DELETE_ATTR: {
    Ref obj = pop();
    call_helper(helpers::HelperId::del_attr, {obj, kval(co->names[in.arg])});
    break;
  }
  case Op::SET_UPDATE: {
    Ref iterable = pop();
    call_helper(helpers::HelperId::set_update, {peek(in.arg), iterable});
    break;
  }
  case Op::LIST_TO_TUPLE: push(call_helper(helpers::HelperId::list_to_tuple, {pop()})); break;
  case Op::LIST_EXTEND: {
    Ref iterable = pop();
    call_helper(helpers::HelperId::list_extend, {peek(in.arg), iterable});
    break;
  }
  case Op::DICT_UPDATE: {
    Ref mapping = pop();
    call_helper(helpers::HelperId::dict_update, {peek(in.arg), mapping});
    break;
  }
  case Op::DICT_MERGE: {
    Ref mapping = pop(); // (the callable sits below the dict and the positional-args tuple)
    call_helper(helpers::HelperId::dict_merge, {peek(in.arg), mapping, peek(in.arg + 2)});
    break;
  }
  case Op::UNPACK_EX: {
    // The helper returns the values in the order they are pushed.
    Ref values = call_helper(helpers::HelperId::unpack_ex, {pop(), kint(in.arg)});
    const int32_t n = (in.arg & 0xFF) + 1 + (in.arg >> 8);
    for (int32_t k = 0; k < n; ++k) {
      Ref item = emit(IrOp::LOAD, values, kNoRef, static_cast<int64_t>(offsetof(Tuple, items) + sizeof(Value) * k));
      t_.ins[item].type = IrType::Val;
      push(item);
    }
    break;
  }
  case Op::MAKE_FUNCTION: {
    const Value empty = Value::empty();
    Ref code = pop();
    Ref closure = in.arg & 8 ? pop() : kval(empty);
    Ref kwdefaults = in.arg & 2 ? pop() : kval(empty);
    Ref defaults = in.arg & 1 ? pop() : kval(empty);
    push(call_helper(helpers::HelperId::make_function,
                     {code, kval(Value::object(frame_->globals)), defaults, kwdefaults, closure}));
    break;
  }
  // Class bodies, exec() code and imports: residual calls of the
  // interpreter's own bodies (vm/interp.h).
  case Op::LOAD_NAME:
    require_own_frame("LOAD_NAME");
    push(call_helper(helpers::HelperId::load_name, {kval(co->names[in.arg])}));
    break;
  case Op::STORE_NAME:
    require_own_frame("STORE_NAME");
    call_helper(helpers::HelperId::store_name, {kval(co->names[in.arg]), pop()});
    break;
  case Op::DELETE_NAME:
    require_own_frame("DELETE_NAME");
    call_helper(helpers::HelperId::delete_name, {kval(co->names[in.arg])});
    break;
  case Op::DELETE_GLOBAL:
    call_helper(helpers::HelperId::delete_global, {kval(Value::object(frame_->globals)), kval(co->names[in.arg])});
    break;
  case Op::IMPORT_NAME: {
    Ref fromlist = pop(), level = pop();
    push(call_helper(helpers::HelperId::import_name,
                     {kval(Value::object(frame_->globals)), kval(co->names[in.arg]), fromlist, level}));
    break;
  }
  case Op::IMPORT_FROM: push(call_helper(helpers::HelperId::import_from, {peek(1), kval(co->names[in.arg])})); break;
  case Op::IMPORT_STAR:
    require_own_frame("IMPORT_STAR");
    call_helper(helpers::HelperId::import_star, {pop()});
    break;
  case Op::LOAD_BUILD_CLASS:
    push(call_helper(helpers::HelperId::load_build_class, {kval(Value::object(frame_->builtins))}));
    break;
  case Op::SETUP_ANNOTATIONS:
    require_own_frame("SETUP_ANNOTATIONS");
    call_helper(helpers::HelperId::setup_annotations, {});
    break;
  case Op::PRINT_EXPR: call_helper(helpers::HelperId::print_expr, {pop()}); break;
  case Op::GET_YIELD_FROM_ITER: push(call_helper(helpers::HelperId::get_yield_from_iter, {pop()})); break;
  case Op::BEFORE_WITH: {
    // [mgr] -> [bound __exit__, __enter__()]: the helper returns both in a tuple.
    Ref pair = call_helper(helpers::HelperId::before_with, {pop()});
    for (int k = 0; k < 2; ++k) {
      Ref item = emit(IrOp::LOAD, pair, kNoRef, static_cast<int64_t>(offsetof(Tuple, items) + sizeof(Value) * k));
      t_.ins[item].type = IrType::Val;
      push(item);
    }
    break;
  }
  case Op::WITH_EXCEPT_START:
    push(call_helper(helpers::HelperId::with_except_start, {peek(3), peek(1)}));
    break;
  // Coroutines: the await protocol's steps are residual calls; the await
  // itself is the SEND/YIELD_VALUE loop of `yield from` (below).
  case Op::GET_AWAITABLE: push(call_helper(helpers::HelperId::get_awaitable, {pop(), kint(in.arg)})); break;
  case Op::GET_AITER: push(call_helper(helpers::HelperId::get_aiter, {pop()})); break;
  case Op::GET_ANEXT: push(call_helper(helpers::HelperId::get_anext, {peek(1)})); break;
  case Op::BEFORE_ASYNC_WITH: {
    // [mgr] -> [bound __aexit__, __aenter__()], as BEFORE_WITH.
    Ref pair = call_helper(helpers::HelperId::before_async_with, {pop()});
    for (int k = 0; k < 2; ++k) {
      Ref item = emit(IrOp::LOAD, pair, kNoRef, static_cast<int64_t>(offsetof(Tuple, items) + sizeof(Value) * k));
      t_.ins[item].type = IrType::Val;
      push(item);
    }
    break;
  }
  case Op::ASYNC_GEN_WRAP: push(call_helper(helpers::HelperId::async_gen_wrap, {pop()})); break;
  case Op::END_ASYNC_FOR: {
    // [aiter, exc]: the loop ends, or the helper re-raises exc with its traceback.
    Ref exc = pop();
    pop();
    call_helper(helpers::HelperId::end_async_for, {exc});
    raise_keeps_tb_ = true;
    break;
  }
  // Handlers (reached when a recording starts inside an `except` block): the
  // exception being handled is the interpreter's, set and restored by helpers.
  case Op::PUSH_EXC_INFO: {
    Ref exc = pop();
    push(call_helper(helpers::HelperId::push_exc_info, {exc}));
    push(exc);
    break;
  }
  case Op::POP_EXCEPT: call_helper(helpers::HelperId::pop_except, {pop()}); break;
  // The match statement's tests (record_match.cpp); MATCH_KEYS and MATCH_CLASS
  // are residual calls (runtime/match.h).
  case Op::GET_LEN: record_get_len(); break;
  case Op::MATCH_MAPPING: record_match_kind(true); break;
  case Op::MATCH_SEQUENCE: record_match_kind(false); break;
  case Op::MATCH_KEYS: push(call_helper(helpers::HelperId::match_keys, {peek(2), peek(1)})); break;
  case Op::MATCH_CLASS: {
    Ref names = pop(), cls = pop(), subject = pop();
    push(call_helper(helpers::HelperId::match_class, {subject, cls, kint(in.arg), names}));
    break;
  }
  case Op::CHECK_EXC_MATCH: {
    Ref cls = pop();
    push(emit(IrOp::UNBOX_BOOL, call_helper(helpers::HelperId::exc_match, {peek(1), cls})));
    break;
  }
  // except*: residual calls. CHECK_EG_MATCH's helper returns [rest, match]
  // in a tuple (and makes a match the handled exception).
  case Op::CHECK_EG_MATCH: {
    Ref type = pop(), exc = pop();
    Ref pair = call_helper(helpers::HelperId::check_eg_match,
                           {exc, type, kval(Value::object(const_cast<vm::Code*>(co))), kint(co->lines[pc])});
    for (int k = 0; k < 2; ++k) {
      Ref item = emit(IrOp::LOAD, pair, kNoRef, static_cast<int64_t>(offsetof(Tuple, items) + sizeof(Value) * k));
      t_.ins[item].type = IrType::Val;
      push(item);
    }
    break;
  }
  case Op::PREP_RERAISE_STAR: {
    Ref excs = pop();
    push(call_helper(helpers::HelperId::prep_reraise_star, {pop(), excs}));
    break;
  }
  // A raise ends the path: the interpreter raises and unwinds (bridges and
  // function traces; the exit is terminal, never bridged).
  case Op::RAISE_VARARGS:
  case Op::RERAISE:
    if (co->find_handler(pc)) { // followed into the handler (caught())
      record_raise(in);
      break;
    }
    end_with_exit(ExitEnd::Raise);
    return true;
  // A generator's suspension ends the path like a return: the exit resumes the
  // interpreter at the instruction, which suspends the frame (the yielded
  // value is on the restored stack). The generator's next resumption runs the
  // rest of the loop body in the interpreter up to the back-edge, which enters
  // this trace again. (Loop traces only with generator_loops=1; bridges
  // always.) A generator is never inlined, so the yield is the own frame's,
  // unless a bridge started inside an inlined call. The SEND of `yield from`
  // and `await` is a helper call whose outcome (the sub-iterator yielded, or
  // finished: an await of a coroutine that did not suspend) is guarded
  // (record_send.cpp).
  case Op::SEND:
    if (!callers_.empty()) abort_with(AbortReason::LeftFrame, "an inlined call suspends");
    record_send(in.arg);
    break;
  case Op::YIELD_VALUE:
    if (entry_ == kByGen) { // a generator resumed inline yields its item to the FOR_ITER
      record_generator_yield(pc);
      break;
    }
    if (!callers_.empty()) abort_with(AbortReason::LeftFrame, "an inlined call suspends");
    if (kind_ == TraceKind::Loop && !env_.params.generator_loops) abort_with(AbortReason::LoopYields);
    end_with_exit(ExitEnd::Suspend);
    return true;
  case Op::LOAD_GLOBAL: record_load_global(in.arg); break;
  case Op::STORE_GLOBAL: record_store_global(in.arg); break;
  case Op::BINARY_OP: record_binary_op(in.arg); break;
  case Op::COMPARE_OP: record_compare_op(in.arg); break;
  case Op::IS_OP: {
    Ref b = pop(), a = pop();
    Ref r;
    if (is_const(a) && is_const(b)) {
      mark_fold(a);
      mark_fold(b);
      r = constant(Value::boolean((const_value(a) == const_value(b)) != (in.arg != 0)));
    }
    else {
      r = emit(IrOp::VEQ, box(a), box(b));
      if (in.arg) r = emit(IrOp::NOT, r);
    }
    push(r);
    break;
  }
  case Op::UNARY_NEGATIVE: {
    Value v = concrete(1);
    Ref a = pop();
    if (is_number(v)) {
      a = specialize(a, v);
      if (t_.type(a) == IrType::Int) {
        if (v.as_small_int() == Value::kSmallMin) abort_with(AbortReason::UnsupportedValue, "negation overflows");
        push(guard(IrOp::NEG_OV, a));
      } else {
        push(emit(IrOp::FNEG, a));
      }
    } else {
      push(call_helper(helpers::HelperId::negate, {a}));
    }
    break;
  }
  case Op::UNARY_POSITIVE:
    if (!is_number(concrete(1))) abort_with(AbortReason::UnsupportedValue, "unary + on a non-number");
    push(specialize(pop(), concrete(1)));
    break;
  case Op::UNARY_INVERT: {
    if (!concrete(1).is_small_int()) abort_with(AbortReason::UnsupportedValue, "~ on a non-int");
    Ref a = specialize(pop(), concrete(1));
    push(emit(IrOp::XOR, a, kint(-1)));
    break;
  }
  case Op::UNARY_NOT: {
    Ref t = truth(peek(1), concrete(1));
    pop();
    push(is_const(t) ? constant(Value::boolean(!const_value(t).is_true())) : emit(IrOp::NOT, t));
    break;
  }
  case Op::BINARY_SUBSCR: record_subscr(); break;
  case Op::JUMP:
    if (in.arg > static_cast<int32_t>(pc)) break; // forward jumps need no IR
    if (callers_.empty() && ((kind_ == TraceKind::Loop && static_cast<uint32_t>(in.arg) == start_pc_) ||
                             (kind_ == TraceKind::Bridge && root_ && root_->kind == TraceKind::Loop &&
                              static_cast<uint32_t>(in.arg) == root_->start_pc))) {
      if (kind_ == TraceKind::Bridge) {
        // State at the root's loop header: written back, then the root runs.
        pc_ = static_cast<uint32_t>(in.arg);
        Ref r = emit(IrOp::TO_ROOT);
        t_.ins[r].snap = snapshot();
      }
      return true;
    }
    // A back-edge to another loop that has a trace: continue in that trace
    // (the interpreter enters it right after this jump).
    if (callers_.empty() && co->jit_loops[in.arg]) {
      to_loop(static_cast<uint32_t>(in.arg), static_cast<CompiledTrace*>(co->jit_loops[in.arg]));
      return true;
    }
    // A loop without a trace that mostly runs once or twice (skipping a
    // space, a search that ends early) may never get one: the iteration after
    // its back-edge is its last. A bridge or function trace goes on through
    // the back-edge, as PyPy unrolls such loops, at most kMaxUnrolled times
    // along a path from its root (a bridge from an exit of the unrolled code
    // counts those before it). A loop trace waits for the inner loop's trace
    // instead, a loop's bridge for the trace of a loop around it (which gets
    // hot in the interpreter meanwhile: unrolled, it never would), and so
    // does a loop inside an inlined call (unrolling those is not safe yet: a
    // wrong result in raytrace.py for a callee's loop inlined into a loop
    // trace, a crash in try_join for a bridge inside a callee).
    if (kind_ != TraceKind::Loop && callers_.empty() && unrolled_ < kMaxUnrolled && !encloses_root(in.arg)) {
      ++unrolled_;
      break;
    }
    // A bridge or function trace in its own frame ends here: the interpreter
    // runs the loop (the exit counts as its back-edge, so the loop gets its
    // trace), and the exit's next bridge continues into that trace.
    if (kind_ != TraceKind::Loop && callers_.empty() && (!parent_ || parent_->frames.empty())) {
      end_at_loop(static_cast<uint32_t>(in.arg));
      return true;
    }
    // A generator resumed inline runs from its yield to its next one: the
    // loop around its yield is passed once (its back-edge is a plain jump
    // here). A path that would go around it again (no yield in an
    // iteration) is not recorded.
    // (A loop with a trace of its own is entered by the interpreter at this
    // back-edge: the recording cannot follow it there.)
    if (entry_ == kByGen) {
      if (gen_looped_) abort_with(AbortReason::InnerLoop, "an inlined generator's loop runs an iteration without a yield");
      if (co->jit_loops[in.arg]) abort_with(AbortReason::InnerLoop, "an inlined generator's loop has a trace");
      gen_looped_ = true;
      break;
    }
    // A loop trace cannot end inside its iteration: it hands over to the
    // inner loop (recorded from its next back-edge) and is recorded again
    // once that loop has a trace.
    inner_loop_ = static_cast<uint32_t>(in.arg);
    abort_with(AbortReason::InnerLoop);
  case Op::POP_JUMP_IF_FALSE: record_branch(false, in.arg, true); break;
  case Op::POP_JUMP_IF_TRUE: record_branch(true, in.arg, true); break;
  case Op::JUMP_IF_FALSE_OR_POP: record_branch(false, in.arg, false); break;
  case Op::JUMP_IF_TRUE_OR_POP: record_branch(true, in.arg, false); break;
  case Op::POP_JUMP_IF_NONE: record_none_branch(true); break;
  case Op::POP_JUMP_IF_NOT_NONE: record_none_branch(false); break;
  case Op::GET_ITER: {
    Ref a = pop();
    push(call_helper(helpers::HelperId::get_iter, {a}));
    break;
  }
  case Op::FOR_ITER: record_for_iter(in.arg); break;
  case Op::BUILD_TUPLE:
  case Op::BUILD_LIST: {
    std::vector<Ref> args(in.arg + 1);
    for (int32_t i = in.arg; i >= 1; --i) args[i] = pop();
    args[0] = kint(in.arg);
    push(call_helper(in.op == Op::BUILD_TUPLE ? helpers::HelperId::build_tuple : helpers::HelperId::build_list,
                     std::move(args)));
    break;
  }
  case Op::UNPACK_SEQUENCE: record_unpack(in.arg); break;
  case Op::BUILD_SLICE:
  case Op::BUILD_MAP:
  case Op::BUILD_SET:
  case Op::BUILD_STRING:
  case Op::LIST_APPEND:
  case Op::SET_ADD:
  case Op::MAP_ADD:
  case Op::FORMAT_VALUE: record_build(in.op, in.arg); break;
  case Op::CALL: record_call(in.arg, kNoRef); break;
  case Op::CALL_KW: {
    Ref names = pop();
    record_call(in.arg, names);
    break;
  }
  case Op::CALL_EX: record_call_ex(in.arg); break;
  case Op::LOAD_ATTR: record_load_attr(in.arg); break;
  case Op::STORE_ATTR: record_store_attr(in.arg); break;
  case Op::LOAD_METHOD: record_load_method(in.arg); break;
  case Op::CONTAINS_OP: {
    Ref container = pop(), item = pop();
    Ref r = call_helper(helpers::HelperId::contains, {container, item});
    r = emit(IrOp::UNBOX_BOOL, r);
    push(in.arg ? emit(IrOp::NOT, r) : r);
    break;
  }
  case Op::STORE_SUBSCR: record_store_subscr(); break;
  case Op::RETURN_VALUE: {
    if (entry_ == kByGen) abort_with(AbortReason::LeftFrame, "a generator resumed inline finishes");
    if (!callers_.empty()) {
      // A bridge that started inside inlined calls goes on in the caller
      // when the call returns: the interpreter resumes the caller's frame
      // next (JitState::resume_inlined, run_compiled), which adopt() takes.
      if (entry_ >= 0) { // an operator's special method: NotImplemented makes the operator go on (exit)
        if (concrete(1) == kNotImplemented) abort_with(AbortReason::UnsupportedValue, "a special method returned NotImplemented");
        if (t_.type(peek(1)) == IrType::Val && !is_const(peek(1)))
          guard(IrOp::GUARD_ISNT, peek(1), static_cast<int64_t>(kNotImplemented.bits()));
      } else if (entry_ == kByInit) { // the class call's result is the instance (__init__ returns None)
        if (!concrete(1).is_none()) abort_with(AbortReason::UnsupportedValue, "__init__ returned a value");
        if (!is_const(peek(1))) guard(IrOp::GUARD_IS, box(peek(1)), static_cast<int64_t>(Value::none().bits()));
        Ref self = slots_[0].ref;
        pop();
        leave_inline(self);
        break;
      }
      leave_inline(pop());
      break;
    }
    // A function trace returns, and so does a bridge: one that leaves a loop
    // through a `return` finishes the frame in compiled code. (A loop trace
    // that returns recorded the loop's last iteration.)
    if (kind_ == TraceKind::Loop) abort_with(AbortReason::LoopExit);
    emit(IrOp::RET, box(pop()));
    return true;
  }
  // The opcodes opcodes.def marks unsupported (jit = No). With no default
  // case, -Werror=switch makes every opcode either recorded above or listed
  // here, and a listed one recorded above is a duplicate case.
#define OPCODE_JIT_No(name) case Op::name:
#define OPCODE_JIT_Yes(name)
#define OPCODE(name, operand, effect, jit, doc) OPCODE_JIT_##jit(name)
#include "vm/opcodes.def"
#undef OPCODE
#undef OPCODE_JIT_Yes
#undef OPCODE_JIT_No
    abort_with(AbortReason::UnsupportedOpcode, vm::op_info(in.op).name);
  case Op::kCount: abort_with(AbortReason::UnsupportedOpcode, "no such opcode");
  }
  return false;
}

void Recorder::record_load_global(int32_t name_index) {
  const vm::Code* co = frame_->code;
  Str* name = co->names[name_index].as<Str>();
  Value* v = dict_find_str(frame_->globals, name);
  if (!v) v = dict_find_str(frame_->builtins, name);
  if (!v) abort_with(AbortReason::ExceptionRaised, "undefined global");
  // The value is a constant as long as neither dict adds or removes a key or
  // rebinds this name; finish() marks its entry watched so rebinding it bumps
  // the guarded version, while stores to other globals do not.
  // Globals this code rebinds are read from their entry (below), not folded.
  const bool stored = stores_global(name_index) && v == dict_find_str(frame_->globals, name);
  if (!stored) globals_used_.push_back({frame_->globals, name, *v});
  Ref g = kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(&frame_->globals->watched_version)));
  version_guards_.push_back(guard(IrOp::GUARD_WORD, g, static_cast<int64_t>(frame_->globals->watched_version)));
  Ref b = kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(&frame_->builtins->watched_version)));
  version_guards_.push_back(guard(IrOp::GUARD_WORD, b, static_cast<int64_t>(frame_->builtins->watched_version)));
  t_.pool.push_back(Value::object(frame_->globals));
  t_.pool.push_back(Value::object(frame_->builtins));
  if (stored) {
    // The entry stays at this address while the globals' watched version holds.
    Ref value = emit(IrOp::LOAD, kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(v))), kNoRef, 0);
    t_.ins[value].type = IrType::Val;
    push(value);
    return;
  }
  push(constant(*v));
}

void Recorder::record_binary_op(int32_t arg) {
  Value cb = concrete(1), ca = concrete(2);
  BinOp op = static_cast<BinOp>(arg & 0xFF);
  if (is_number(ca) && is_number(cb)) {
    Ref b = specialize(peek(1), cb);
    Ref a = specialize(peek(2), ca);
    Ref r = kNoRef;
    if (ca.is_small_int() && cb.is_small_int()) {
      int64_t x = ca.as_small_int(), y = cb.as_small_int(), z = 0;
      switch (op) {
      case BinOp::Add:
        if (Value::fits_small(x + y)) r = guard(IrOp::ADD_OV, a), t_.ins[r].b = b;
        break;
      case BinOp::Sub:
        if (Value::fits_small(x - y)) r = guard(IrOp::SUB_OV, a), t_.ins[r].b = b;
        break;
      case BinOp::Mul:
        if (!__builtin_mul_overflow(x, y, &z) && Value::fits_small(z)) r = guard(IrOp::MUL_OV, a), t_.ins[r].b = b;
        break;
      case BinOp::FloorDiv:
        if (y != 0) r = guard(IrOp::FLOORDIV, a), t_.ins[r].b = b;
        break;
      case BinOp::Mod:
        if (y != 0) r = guard(IrOp::FLOORMOD, a), t_.ins[r].b = b;
        break;
      case BinOp::And: r = emit(IrOp::AND, a, b); break;
      case BinOp::Or: r = emit(IrOp::OR, a, b); break;
      case BinOp::Xor: r = emit(IrOp::XOR, a, b); break;
      case BinOp::TrueDiv:
        if (y != 0 && std::abs(x) <= (int64_t(1) << 53) && std::abs(y) <= (int64_t(1) << 53)) {
          Ref fa = as_float(a), fb = as_float(b);
          r = guard(IrOp::FDIV, fa);
          t_.ins[r].b = fb;
        }
        break;
      default: break;
      }
    } else {
      Ref fa = as_float(a), fb = as_float(b);
      switch (op) {
      case BinOp::Add: r = emit(IrOp::FADD, fa, fb); break;
      case BinOp::Sub: r = emit(IrOp::FSUB, fa, fb); break;
      case BinOp::Mul: r = emit(IrOp::FMUL, fa, fb); break;
      case BinOp::TrueDiv:
        if ((cb.is_double() ? cb.as_double() : static_cast<double>(cb.as_small_int())) != 0.0) {
          r = guard(IrOp::FDIV, fa);
          t_.ins[r].b = fb;
        }
        break;
      default: break;
      }
    }
    if (r != kNoRef) {
      pop();
      pop();
      push(r);
      return;
    }
  }
  if (try_binary_dunder(arg, ca, cb)) return;
  Ref b = pop(), a = pop();
  // Big ints: an operand the previous residual BINARY_OP of this trace made,
  // and nothing else holds (Code::temp_operands: straight-line code from its
  // producer, as the interpreter's `fresh`), has its storage reused or freed
  // by the helper (int_binary_reusing). Only a helper result: a constant or
  // a value loaded from the frame may be held elsewhere.
  const auto fresh = [&](Ref r) {
    return t_.ins[r].op == IrOp::CALL &&
           t_.calls[t_.ins[r].imm].fn == reinterpret_cast<void*>(helpers::helper_info(helpers::HelperId::binary_op).fn);
  };
  const uint8_t temps = pc_ < frame_->code->temp_operands.size() ? frame_->code->temp_operands[pc_] : 0;
  int32_t reuse = 0;
  if ((temps & vm::kTempLeft) && fresh(a)) reuse |= helpers::kReuseLeft;
  if ((temps & vm::kTempRight) && fresh(b)) reuse |= helpers::kReuseRight;
  push(call_helper(helpers::HelperId::binary_op, {kint(arg | reuse), a, b}));
}

// `a OP b` where a is an instance of a user class whose special method for OP
// is a plain Python function: the method is inlined like a call. Guarded so
// that nothing else could run first: a's class (and no class changed, so no
// __iop__ appeared and __op__ is the same function), b's exact type (a
// subclass of a's class on the right would have its __rop__ tried first).
// If the method returns NotImplemented, the operator goes on with b's
// reflected method: a guard at the method's return exits, and exits inside
// the method finish the operator in JitState::resume_inlined (from the
// method's first two locals, which it must not rebind).
bool Recorder::try_binary_dunder(int32_t arg, Value a, Value b) {
  if (!is_kind(a, Kind::Instance)) return false;
  if (!(is_kind(b, Kind::Instance) || b.is_small_int() || b.is_double())) return false;
  const BinOp op = static_cast<BinOp>(arg & 0xFF);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if ((arg & vm::kInplace) && !type_lookup(ta, intern(binary_dunder_name(op, DunderKind::Inplace))).is_empty())
    return false;
  if (tb != ta && is_subtype(tb, ta)) return false;
  Value f = type_lookup(ta, intern(binary_dunder_name(op, DunderKind::Plain)));
  if (!is_kind(f, Kind::Function)) return false;
  auto* fn = f.as<vm::Function>();
  if (!can_inline(fn, 2, 2)) return false;
  Ref rb = peek(1), ra = peek(2);
  if (!is_const(ra)) guard(IrOp::GUARD_TYPE, ra, static_cast<int64_t>(reinterpret_cast<uintptr_t>(ta)));
  if (!is_const(rb) && t_.type(rb) == IrType::Val) {
    if (b.is_small_int()) guard(IrOp::GUARD_INT, rb);
    else if (b.is_double()) guard(IrOp::GUARD_F64, rb);
    else guard(IrOp::GUARD_TYPE, rb, static_cast<int64_t>(reinterpret_cast<uintptr_t>(tb)));
  }
  if (is_const(ra)) mark_fold(ra);
  if (is_const(rb)) mark_fold(rb);
  guard_class_epoch();
  t_.pool.push_back(f);
  t_.pool.push_back(Value::object(ta));
  pop();
  pop();
  expect_call(fn, {ra, rb}, arg);
  return true;
}

// `C(args)` for a user class whose instances come from object's __new__ and
// whose __init__ is a plain Python function: the instance is allocated by a
// helper and __init__ is inlined like a call; the call's result is the
// instance (kByInit; an exit inside __init__ finishes it in
// JitState::resume_inlined and yields its first local, never rebound).
bool Recorder::try_inline_init(Value cls, Ref rcls, const std::vector<Ref>& given) {
  Value init = plain_instance_init(cls);
  if (!is_kind(init, Kind::Function)) return false;
  auto* fn = init.as<vm::Function>();
  if (!can_inline(fn, static_cast<uint32_t>(given.size()) + 1, 1)) return false;
  if (is_const(rcls)) mark_fold(rcls);
  else guard(IrOp::GUARD_TRUE, emit(IrOp::VEQ, box(rcls), kval(cls)));
  guard_class_epoch(); // (no class changed: the same __new__ and __init__)
  t_.pool.push_back(cls);
  t_.pool.push_back(init);
  std::vector<Ref> args{call_helper(helpers::HelperId::new_instance, {kval(cls)}, false)};
  args.insert(args.end(), given.begin(), given.end());
  expect_call(fn, std::move(args), kByInit);
  return true;
}

void Recorder::record_compare_op(int32_t arg) {
  Value cb = concrete(1), ca = concrete(2);
  CmpOp op = static_cast<CmpOp>(arg);
  if (is_number(ca) && is_number(cb)) {
    Ref b = specialize(pop(), cb);
    Ref a = specialize(pop(), ca);
    bool ints = ca.is_small_int() && cb.is_small_int();
    if (!ints) {
      a = as_float(a);
      b = as_float(b);
    }
    static constexpr IrOp kInt[] = {IrOp::LT, IrOp::LE, IrOp::EQ, IrOp::NE, IrOp::GT, IrOp::GE};
    static constexpr IrOp kFloat[] = {IrOp::FLT, IrOp::FLE, IrOp::FEQ, IrOp::FNE, IrOp::FGT, IrOp::FGE};
    push(emit((ints ? kInt : kFloat)[static_cast<int>(op)], a, b));
    return;
  }
  Ref b = pop(), a = pop();
  push(call_helper(helpers::HelperId::compare, {kint(arg), a, b}));
}

// The length of obj (concretely v, an exact str, bytes, tuple or list) as a
// raw word, its type guarded: the object's length field, or a list's items span.
Ref Recorder::length_of(Ref obj, Value v) {
  guard(IrOp::GUARD_TYPE, obj, static_cast<int64_t>(reinterpret_cast<uintptr_t>(type_of(v))));
  if (is_list(v)) {
    Ref begin = emit(IrOp::LOAD, obj, kNoRef, offsetof(List, items));
    Ref end = emit(IrOp::LOAD, obj, kNoRef, offsetof(List, items) + sizeof(void*));
    return emit(IrOp::RSAR, emit(IrOp::SUB, end, begin), kNoRef, 3);
  }
  const size_t at = is_str(v) ? offsetof(Str, length) : is_tuple(v) ? offsetof(Tuple, size) : offsetof(Bytes, size);
  return emit(IrOp::LOAD, obj, kNoRef, static_cast<int64_t>(at));
}

Ref Recorder::truth(Ref r, Value v) {
  switch (t_.type(r)) {
  case IrType::Bool: return r;
  case IrType::Int:
    if (is_const(r)) return mark_fold(r), constant(Value::boolean(t_.ins[r].imm != 0));
    return emit(IrOp::NE, r, kint(0));
  case IrType::F64:
    if (is_const(r)) return mark_fold(r), constant(Value::boolean(const_value(r).as_double() != 0.0));
    return emit(IrOp::FNE, r, constant(Value::from_double(0.0)));
  default: break;
  }
  // Only immutable constants have a constant truth value (a list can empty out).
  if (is_const(r) && (!const_value(r).is_object() || is_str(const_value(r)) || is_tuple(const_value(r))))
    return mark_fold(r), constant(Value::boolean(truthy(const_value(r))));
  if (v.is_none() || v.is_bool() || is_number(v)) return truth(specialize(r, v), v);
  // A str, bytes, tuple or list of its exact type is true when not empty: its
  // length field (a list: its items' span), guarded by the type.
  if (!is_const(r) && (is_exact(v, types::str) || is_exact(v, types::bytes) || is_exact(v, types::tuple) ||
                       is_exact(v, types::list)))
    return emit(IrOp::NE, length_of(r, v), kraw(0));
  Ref t = call_helper(helpers::HelperId::truthy, {r});
  return emit(IrOp::UNBOX_BOOL, t);
}

void Recorder::record_branch(bool jump_if_true, uint32_t target, bool pop_always) {
  (void)target;
  Value v = concrete(1);
  Ref t = truth(peek(1), v);
  bool taken_truth = truthy(v);
  if (!is_const(t)) guard(taken_truth ? IrOp::GUARD_TRUE : IrOp::GUARD_FALSE, t);
  bool jumps = taken_truth == jump_if_true;
  if (pop_always || !jumps) pop();
}

void Recorder::record_none_branch(bool jump_if_none) {
  (void)jump_if_none;
  Value v = concrete(1);
  Ref r = peek(1);
  if (is_const(r)) mark_fold(r);
  if (t_.type(r) == IrType::Val && !is_const(r)) {
    if (v.is_none()) guard(IrOp::GUARD_IS, r, static_cast<int64_t>(v.bits()));
    else guard(IrOp::GUARD_ISNT, r, static_cast<int64_t>(Value::none().bits()));
  }
  pop();
}

// 0 <= idx < len (Raw values), guarded.
void Recorder::guard_index(Ref idx, Ref len) {
  guard(IrOp::GUARD_TRUE, emit(IrOp::GE, idx, kraw(0)));
  guard(IrOp::GUARD_TRUE, emit(IrOp::LT, idx, len));
}

void Recorder::record_subscr() {
  Value key = concrete(1), obj = concrete(2);
  if (is_exact(obj, types::list) && key.is_small_int() && key.as_small_int() >= 0 &&
      key.as_small_int() < static_cast<int64_t>(obj.as<List>()->items.size())) {
    Ref k = specialize(pop(), key);
    Ref l = pop();
    guard(IrOp::GUARD_TYPE, l, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::list)));
    Ref idx = emit(IrOp::INT2RAW, k);
    Ref begin = emit(IrOp::LOAD, l, kNoRef, offsetof(List, items));
    Ref end = emit(IrOp::LOAD, l, kNoRef, offsetof(List, items) + sizeof(void*));
    Ref len = emit(IrOp::RSAR, emit(IrOp::SUB, end, begin), kNoRef, 3);
    guard_index(idx, len);
    push(emit(IrOp::LOAD_ELEM, begin, idx));
    return;
  }
  if (is_tuple(obj) && type_of(obj) == &types::tuple && key.is_small_int() && key.as_small_int() >= 0 &&
      key.as_small_int() < static_cast<int64_t>(obj.as<Tuple>()->size)) {
    Ref k = specialize(pop(), key);
    Ref tup = pop();
    guard(IrOp::GUARD_TYPE, tup, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::tuple)));
    Ref idx = emit(IrOp::INT2RAW, k);
    Ref size = emit(IrOp::LOAD, tup, kNoRef, offsetof(Tuple, size));
    guard_index(idx, size);
    // A constant index reads its field (which the virtuals pass forwards).
    Ref item = is_const(k) ? emit(IrOp::LOAD, tup, kNoRef, offsetof(Tuple, items) + sizeof(Value) * key.as_small_int())
                           : emit(IrOp::LOAD, emit(IrOp::ELEM_ADDR, tup, idx), kNoRef, offsetof(Tuple, items));
    t_.ins[item].type = IrType::Val;
    push(item);
    return;
  }
  Ref k = pop(), o = pop();
  push(call_helper(helpers::HelperId::get_item, {o, k}));
}

void Recorder::record_unpack(int32_t n) {
  Value seq = concrete(1);
  if (is_exact(seq, types::tuple) && static_cast<int64_t>(seq.as<Tuple>()->size) == n) {
    Ref t = pop();
    guard(IrOp::GUARD_TYPE, t, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::tuple)));
    Ref size = emit(IrOp::LOAD, t, kNoRef, offsetof(Tuple, size));
    guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, size, kraw(n)));
    for (int32_t i = n - 1; i >= 0; --i) {
      Ref item = emit(IrOp::LOAD, t, kNoRef, offsetof(Tuple, items) + sizeof(Value) * i);
      t_.ins[item].type = IrType::Val;
      push(item);
    }
    return;
  }
  if (is_exact(seq, types::list) && static_cast<int64_t>(seq.as<List>()->items.size()) == n) {
    Ref l = pop();
    guard(IrOp::GUARD_TYPE, l, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::list)));
    Ref begin = emit(IrOp::LOAD, l, kNoRef, offsetof(List, items));
    Ref end = emit(IrOp::LOAD, l, kNoRef, offsetof(List, items) + sizeof(void*));
    guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, emit(IrOp::SUB, end, begin), kraw(8 * n)));
    for (int32_t i = n - 1; i >= 0; --i) push(emit(IrOp::LOAD_ELEM, begin, kraw(i)));
    return;
  }
  // Other sequences (a range, a deque: sequence patterns unpack them) are a
  // residual call returning the items in push order. Other iterables still
  // abort, as before (jit_shape/demote_dead_exits.py relies on a set's).
  if (!match_is_sequence(seq)) abort_with(AbortReason::UnsupportedValue, "UNPACK_SEQUENCE of this value");
  Ref values = call_helper(helpers::HelperId::unpack_sequence, {pop(), kint(n)});
  for (int32_t k = 0; k < n; ++k) {
    Ref item = emit(IrOp::LOAD, values, kNoRef, static_cast<int64_t>(offsetof(Tuple, items) + sizeof(Value) * k));
    t_.ins[item].type = IrType::Val;
    push(item);
  }
}

void Recorder::record_call(uint32_t nargs, Ref kwnames) {
  // The abstract stack decides the call form: LOAD_METHOD is recorded as
  // [empty, bound method], which the interpreter may hold as [method, self].
  Ref slot0_ref = peek(static_cast<int>(nargs) + 2);
  Ref slot1_ref = peek(static_cast<int>(nargs) + 1);
  bool method = !(is_const(slot0_ref) && const_value(slot0_ref).is_empty());
  // Builtins with known effects become IR (record_builtins.cpp), and abs() of a float.
  if (kwnames == kNoRef && !method && record_builtin_call(nargs)) return;
  if (kwnames == kNoRef && nargs == 1 && record_list_append(method)) return;
  if (kwnames == kNoRef && !method && nargs == 1 && is_const(slot1_ref)) {
    mark_fold(slot1_ref);
    Value callable = const_value(slot1_ref);
    Value arg = concrete(1);
    bool builtin = is_kind(callable, Kind::NativeFunction) && callable.as<NativeFunction>()->self.is_empty() &&
                   callable.as<NativeFunction>()->owner == nullptr;
    std::string_view name = builtin ? callable.as<NativeFunction>()->name : "";
    if (name == "abs" && arg.is_double()) {
      Ref a = specialize(pop(), arg);
      pop();
      pop();
      push(emit(IrOp::FABS, a));
      return;
    }
    // len() of a list, tuple or str reads the length field (no call).
    if (name == "len" && (is_exact(arg, types::list) || is_exact(arg, types::tuple) || is_exact(arg, types::str))) {
      Ref value = guard(IrOp::RAW2INT, length_of(peek(1), arg));
      pop();
      pop();
      pop();
      push(value);
      return;
    }
  }
  if (kwnames == kNoRef) {
    const int n = static_cast<int>(nargs);
    std::vector<Ref> given;
    for (int i = n; i >= 1; --i) given.push_back(peek(i));
    if (try_inline(concrete(n + 2), concrete(n + 1), peek(n + 2), peek(n + 1), given, method) ||
        (!method && is_const(peek(n + 2)) && const_value(peek(n + 2)).is_empty() &&
         try_inline_init(concrete(n + 1), peek(n + 1), given))) {
      for (int i = 0; i < n + 2; ++i) pop();
      return;
    }
  }
  std::vector<Ref> args;
  size_t total = nargs + 2;
  std::vector<Ref> items(total);
  for (size_t i = 0; i < total; ++i) items[total - 1 - i] = pop();
  // items: [slot0, slot1, args...]
  uint32_t n = nargs + (method ? 1 : 0);
  if (kwnames == kNoRef) {
    args.push_back(kint(n));
  } else {
    args.push_back(kint(n));
    args.push_back(kwnames);
  }
  args.push_back(method ? items[0] : items[1]);
  if (method) args.push_back(items[1]);
  for (size_t i = 2; i < total; ++i) args.push_back(items[i]);
  push(call_helper(kwnames == kNoRef ? helpers::HelperId::call : helpers::HelperId::call_kw, std::move(args)));
}

bool Recorder::encloses_root(int32_t header) const {
  return root_ && root_->kind == TraceKind::Loop && static_cast<uint32_t>(header) <= root_->start_pc;
}

void Recorder::exit_at(uint32_t pc, ExitEnd why) {
  pc_ = pc;
  pre_stack_ = stack_;
  Ref r = emit(IrOp::EXIT, kNoRef, kNoRef, static_cast<int64_t>(why));
  t_.ins[r].snap = snapshot();
  ends_in_exit_ = true;
}

void Recorder::end_at_loop(uint32_t header) {
  exit_at(header, ExitEnd::Loop);
  env_.log_region(fmt::format("bridge ends at the loop at {}:{}, which has no trace yet", frame_->code->qualname, header));
}

bool Recorder::at_chunk_start(uint32_t pc) const {
  return callers_.empty() && stack_.empty() && !awaiting_ && pending_next_.result == kNoRef &&
         pending_send_.result == kNoRef && skip_pc_ < 0 && frame_->code == t_.code && is_chunk_start(t_.code, pc);
}

void Recorder::end_chunk(uint32_t pc) {
  exit_at(pc, ExitEnd::Chunk);
  add_chunk_boundary(const_cast<vm::Code*>(t_.code), pc); // (the JIT's state in the code)
  env_.log_region(fmt::format("{} from {}:{} cut at pc {} (line {}) after {} instructions: the next chunk starts there",
                              kind_name(kind_), t_.code->qualname, start_pc_, pc, t_.code->lines[pc], t_.ins.size()));
}

void Recorder::to_loop(uint32_t pc, CompiledTrace* t) {
  pc_ = pc;
  pre_stack_ = stack_;
  if (env_.engine.profiles()) {
    // Profiling policies: a jump into the loop's code is one more run of it,
    // as an entry from the interpreter is (an exit taken on most runs of a
    // loop only ever entered this way would look cold).
    Ref counter = kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(&t->entries)));
    emit(IrOp::STORE, counter, emit(IrOp::ADD, emit(IrOp::LOAD, counter, kNoRef, 0), kraw(1)), 0);
  }
  Ref r = emit(IrOp::TO_ROOT, kNoRef, kNoRef, static_cast<int64_t>(reinterpret_cast<uintptr_t>(t)));
  t_.ins[r].snap = snapshot();
  ends_in_other_loop_ = true;
}

// Whether fn can be inlined here, called with argc positional arguments:
// within the inlining depth, a plain positional signature, no cells, not a
// generator, not marked residual, and no recursion (it would inline itself up
// to the depth limit). Its first `kept_locals` locals must never be rebound:
// an exit inside it reads them to finish the instruction that entered it
// (JitState::resume_inlined).
bool Recorder::can_inline(const vm::Function* fn, uint32_t argc, int32_t kept_locals) const {
  if (static_cast<int>(callers_.size()) >= env_.params.inlining) return false;
  const vm::Code* co = fn->code;
  if ((co->flags & (vm::kGenerator | vm::kVarargs | vm::kVarkeywords)) || co->kwonlycount || co->ncells() ||
      static_cast<uint32_t>(co->argcount) != argc || co->jit_no_inline || co == frame_->code)
    return false;
  for (const Caller& c : callers_)
    if (c.code == co) return false;
  for (const vm::Instr& in : co->code)
    if ((in.op == Op::STORE_FAST || in.op == Op::DELETE_FAST) && in.arg < kept_locals) return false;
  return true;
}

// The interpreter is about to enter fn with `args` (its first locals): the
// recording follows it there (enter_inline), the frame marked `entry`.
void Recorder::expect_call(vm::Function* fn, std::vector<Ref> args, int32_t entry) {
  pending_inline_ = fn;
  pending_args_ = std::move(args);
  pending_pc_ = pc_ + 1;
  pending_entry_ = entry;
}

bool Recorder::try_inline(Value c0, Value c1, Ref r0, Ref r1, const std::vector<Ref>& given, bool method) {
  if (static_cast<int>(callers_.size()) >= env_.params.inlining) return false;
  const uint32_t nargs = static_cast<uint32_t>(given.size());
  Value callee;
  enum { Plain, Bound, Method } form;
  if (method) form = Method, callee = c0;
  else if (!c0.is_empty()) form = Bound, callee = c0; // the interpreter holds [function, self]
  else if (is_kind(c1, Kind::BoundMethod)) form = Bound, callee = c1.as<BoundMethod>()->func;
  else form = Plain, callee = c1;
  if (!is_kind(callee, Kind::Function)) return false;
  auto* fn = callee.as<vm::Function>();
  if (!can_inline(fn, nargs + (form == Plain ? 0 : 1), 0)) return false;

  std::vector<Ref> args;
  auto guard_is = [&](Ref r, Value v) {
    if (is_const(r)) return mark_fold(r); // (a join must not widen the callee)
    guard(IrOp::GUARD_TRUE, emit(IrOp::VEQ, box(r), kval(v)));
  };
  switch (form) {
  case Plain: guard_is(r1, callee); break;
  case Method:
    guard_is(r0, callee);
    args.push_back(r1);
    break;
  case Bound: {
    // The recorded bound method (a helper's result) must wrap this function.
    guard(IrOp::GUARD_TYPE, r1, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::bound_method)));
    Ref f = emit(IrOp::LOAD, r1, kNoRef, offsetof(BoundMethod, func));
    t_.ins[f].type = IrType::Val;
    guard_is(f, callee);
    Ref self = emit(IrOp::LOAD, r1, kNoRef, offsetof(BoundMethod, self));
    t_.ins[self].type = IrType::Val;
    args.push_back(self);
    break;
  }
  }
  args.insert(args.end(), given.begin(), given.end());
  t_.pool.push_back(callee);
  expect_call(fn, std::move(args), kByCall);
  return true;
}

bool Recorder::adopt(vm::Frame* f) {
  if (!awaiting_ || f->code != awaiting_) return false;
  frame_ = f;
  awaiting_ = nullptr;
  return true;
}

bool Recorder::enter_inline(vm::Frame* f) {
  if (!pending_inline_ || f->func != pending_inline_ || (pending_frame_ && f != pending_frame_)) return false;
  // (Before frame_ changes: emit() reads the line of pc_, still the caller's
  // position; in the callee's line table it could lie past the end.)
  const Ref unbound = constant(Value::empty());
  callers_.push_back(
      {frame_, frame_->code, frame_->func, std::move(slots_), std::move(stack_), stack_base_, base_, pending_pc_, entry_});
  entry_ = pending_entry_;
  pending_entry_ = kByCall;
  base_ += static_cast<int32_t>(frame_->slot_count());
  frame_ = f;
  const vm::Code* co = f->code;
  stack_base_ = co->nlocals + co->ncells();
  slots_.assign(f->slot_count(), SlotState{});
  for (int32_t i = 0; i < co->nlocals; ++i)
    slots_[i].ref = i < static_cast<int32_t>(pending_args_.size()) ? pending_args_[i] : unbound;
  stack_ = std::move(pending_stack_);
  pending_stack_.clear();
  pre_stack_.clear();
  pending_inline_ = nullptr;
  pending_frame_ = nullptr;
  pending_args_.clear();
  gen_looped_ = false;
  return true;
}

void Recorder::leave_inline(Ref result) {
  Caller c = std::move(callers_.back());
  callers_.pop_back();
  frame_ = c.frame;
  awaiting_ = frame_ ? nullptr : c.code; // (a frame rebuilt from an exit: adopt() finds it)
  slots_ = std::move(c.slots);
  stack_ = std::move(c.stack);
  stack_base_ = c.stack_base;
  base_ = c.base;
  entry_ = c.entry;
  push(result);
}

void Recorder::record_call_ex(int32_t flags) {
  // f(*seq) with a list or tuple: its items become the call's arguments (a
  // length guard), so the call can be inlined or made without the sequence.
  Value seqv = concrete(1);
  const bool unpack = !(flags & 1) && (is_exact(seqv, types::list) || is_exact(seqv, types::tuple)) && is_const(peek(3)) &&
                      const_value(peek(3)).is_empty();
  const size_t n = !unpack ? 0 : is_list(seqv) ? seqv.as<List>()->items.size() : seqv.as<Tuple>()->size;
  if (unpack && n <= 14) {
    Ref seq = peek(1);
    std::vector<Ref> items;
    if (is_list(seqv)) {
      guard(IrOp::GUARD_TYPE, seq, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::list)));
      Ref begin = emit(IrOp::LOAD, seq, kNoRef, offsetof(List, items));
      Ref end = emit(IrOp::LOAD, seq, kNoRef, offsetof(List, items) + sizeof(void*));
      guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, emit(IrOp::SUB, end, begin), kraw(static_cast<int64_t>(8 * n))));
      for (size_t i = 0; i < n; ++i) items.push_back(emit(IrOp::LOAD_ELEM, begin, kraw(static_cast<int64_t>(i))));
    } else {
      guard(IrOp::GUARD_TYPE, seq, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::tuple)));
      Ref size = emit(IrOp::LOAD, seq, kNoRef, offsetof(Tuple, size));
      guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, size, kraw(static_cast<int64_t>(n))));
      for (size_t i = 0; i < n; ++i) {
        Ref item = emit(IrOp::LOAD, seq, kNoRef, static_cast<int32_t>(offsetof(Tuple, items) + sizeof(Value) * i));
        t_.ins[item].type = IrType::Val;
        items.push_back(item);
      }
    }
    if (try_inline(concrete(3), concrete(2), peek(3), peek(2), items, false)) {
      pop();
      pop();
      pop();
      return;
    }
    pop();
    Ref callable = pop();
    pop();
    std::vector<Ref> args{kint(static_cast<int64_t>(n)), callable};
    args.insert(args.end(), items.begin(), items.end());
    push(call_helper(helpers::HelperId::call, std::move(args)));
    return;
  }
  Ref kwargs = (flags & 1) ? pop() : constant(Value::empty());
  Ref seq = pop();
  Ref slot1 = pop();
  Ref slot0 = pop();
  push(call_helper(helpers::HelperId::call_ex, {slot0, slot1, seq, kwargs}));
}

// ---- joining a region ----------------------------------------------------------------

// At an instruction boundary of a bridge: can the bridge stop here and join its
// region at the same bytecode position? The region engine decides (regions::plan_join:
// slot by slot, with the merge policy).
bool Recorder::try_join() {
  // (A bridge of a separately compiled bridge cannot join: only a region's
  // own exits take paths into it. It runs on as under pure tracing.)
  if (!env_.engine.merges() || !root_ || root_->frozen || parent_guard_raw_ == kNoRef || root_->bounds.empty() ||
      parent_->no_join || parent_->trace->kind == TraceKind::Bridge)
    return false;
  if (region_blocks_.empty()) {
    region_blocks_ = block_index(root_->raw);
    region_dom_ = dominators(root_->raw);
  }
  const uint32_t depth = static_cast<uint32_t>(stack_.size());
  Ref unbound = kNoRef; // an inlined frame's local that no path has bound
  JoinQuery q{*root_, parent_guard_raw_, t_, pc_, depth, inline_frames(pc_, depth),
                       callers_.empty() ? pc_ : callers_[0].resume_pc,
                       callers_.empty() ? depth : static_cast<uint32_t>(callers_[0].stack.size()),
                       callers_.empty() ? stack_base_ : callers_[0].stack_base, {}, region_blocks_, region_dom_,
                       [&](Ref r) { return std::find(fold_used_.begin(), fold_used_.end(), r) != fold_used_.end(); },
                       [&] { return unbound == kNoRef ? (unbound = constant(Value::empty())) : unbound; }};
  for_each_slot(stack_, [&](int32_t slot, Ref r, bool inlined, bool) { q.live.push_back({slot, r, inlined}); });
  JoinChoice c = env_.engine.plan_join(q);
  if (c.bound < 0) {
    if (join_note_.empty()) join_note_ = std::move(c.note);
    return false;
  }
  join_bound_ = c.bound;
  join_plan_ = std::move(c.plan);
  join_widened_ = c.widened;
  join_note_ = std::move(c.note);
  for (const std::string& w : c.widen_why)
    env_.log_region(fmt::format("widen at {}:{}: {}", frame_->code->qualname, pc_, w));
  pre_stack_ = stack_;
  Ref j = emit(IrOp::JOIN, kNoRef, kNoRef, static_cast<int64_t>(c.bound));
  t_.ins[j].snap = snapshot();
  return true;
}

// ---- building the CFG ---------------------------------------------------------------

std::unique_ptr<CompiledTrace> Recorder::finish() {
  if (kind_ == TraceKind::Chunk) {
    // Straight code run once per call gains from compiling only what the
    // interpreter spends on dispatch and boxing; a chunk that is mostly
    // calls of the runtime (appends, str(), `in`) spends what the
    // interpreter does, in 50-200 bytes of machine code per statement
    // (bench/template.py: 1.6 MB of it per render, 1.7x slower than the
    // interpreter; an arithmetic chunk: 1.45x faster).
    const size_t calls = std::count_if(t_.ins.begin(), t_.ins.end(), [](const Ins& i) { return i.op == IrOp::CALL; });
    if (calls * 100 > t_.ins.size() * static_cast<size_t>(env_.params.chunk_call_percent))
      abort_with(AbortReason::CallBound, fmt::format("{} of {} instructions are calls", calls, t_.ins.size()));
  }
  if (!callers_.empty() && join_bound_ < 0 && !ends_in_exit_)
    abort_with(AbortReason::LeftFrame, "trace ended inside an inlined call");
  const bool loop = kind_ == TraceKind::Loop && !ends_in_other_loop_ && !ends_in_exit_;
  // Watch the globals this trace folded to constants; if one was rebound since
  // it was recorded, the trace is already stale.
  for (auto& [globals, name, value] : globals_used_) {
    if (!dict_watch(globals, name)) dict_watch(frame_->builtins, name);
    Value* now = dict_find_str(globals, name);
    if (!now) now = dict_find_str(frame_->builtins, name);
    if (!now || *now != value) abort_with(AbortReason::GlobalStore, "a global changed while recording");
  }
  watch_folded_entries();
  const size_t n = t_.ins.size();

  // Global-version guards leave the loop when nothing in it can rebind
  // globals: no helper it calls runs Python code (helpers.def's effects).
  if (loop && !runs_python_) {
    for (Ref g : version_guards_) {
      is_entry_[g] = true;
      t_.ins[g].snap = entry_snap_;
    }
  }

  // Loop-carried slots: the body's view of a slot's entry value becomes a PHI.
  struct Carried {
    int32_t slot;
    Ref entry;  // old ref (entry block) or kNoRef for written-only slots
    Ref end;    // old ref at the back edge
    IrType type;
  };
  std::vector<Carried> carried;
  std::vector<Ref> phi_for(n, kNoRef); // old entry ref -> index into carried
  if (loop) {
    for (size_t i = 0; i < entry_depth_; ++i)
      if (stack_[i] != kNoRef) slots_[stack_slot(static_cast<int32_t>(i))].ref = stack_[i];
    for (int32_t s = 0; s < static_cast<int32_t>(slots_.size()); ++s) {
      SlotState& st = slots_[s];
      if (st.ref == kNoRef || st.ref == st.entry) continue;
      if (st.entry != kNoRef) {
        if (is_const(st.entry) || is_const(st.ref) || t_.type(st.entry) != t_.type(st.ref)) {
          if (!(is_const(st.entry) && is_const(st.ref) && const_value(st.entry) == const_value(st.ref)))
            abort_with(AbortReason::TypeUnstable, frame_->code->local_names.size() > static_cast<size_t>(s)
                                                      ? frame_->code->local_names[s]
                                                      : std::string("stack slot"));
          continue;
        }
        phi_for[st.entry] = static_cast<Ref>(carried.size());
        carried.push_back({s, st.entry, st.ref, t_.type(st.entry)});
      } else {
        carried.push_back({s, kNoRef, box(st.ref), IrType::Val});
      }
    }
  }

  phi_for.resize(t_.ins.size(), kNoRef); // box() above may have appended instructions
  // New order: entry block, then PHIs, then the body.
  Trace out;
  out.kind = t_.kind;
  out.code = t_.code;
  out.start_pc = t_.start_pc;
  out.calls = t_.calls;
  out.pool = t_.pool;
  std::vector<Ref> remap(t_.ins.size(), kNoRef);
  auto copy = [&](Ref old) {
    out.ins.push_back(t_.ins[old]);
    remap[old] = static_cast<Ref>(out.ins.size()) - 1;
  };
  for (size_t i = 0; i < t_.ins.size(); ++i)
    if (is_entry_[i]) copy(static_cast<Ref>(i));
  std::vector<Ref> written_only_load(carried.size(), kNoRef);
  for (size_t c = 0; c < carried.size(); ++c) {
    if (carried[c].entry != kNoRef) continue;
    out.ins.push_back({IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, carried[c].slot});
    written_only_load[c] = static_cast<Ref>(out.ins.size()) - 1;
  }
  const int32_t entry_end = static_cast<int32_t>(out.ins.size());
  std::vector<Ref> phis(carried.size());
  for (size_t c = 0; c < carried.size(); ++c) {
    out.ins.push_back({IrOp::PHI, carried[c].type});
    phis[c] = static_cast<Ref>(out.ins.size()) - 1;
  }
  // Body references to a carried slot's entry value read the PHI instead.
  auto body_ref = [&](Ref old) -> Ref {
    if (old == kNoRef) return kNoRef;
    if (loop && phi_for[old] != kNoRef) return phis[phi_for[old]];
    return remap[old];
  };
  for (size_t i = 0; i < t_.ins.size(); ++i) {
    if (is_entry_[i]) continue;
    Ins x = t_.ins[i];
    x.a = body_ref(x.a);
    x.b = body_ref(x.b);
    out.ins.push_back(x);
    remap[i] = static_cast<Ref>(out.ins.size()) - 1;
  }
  for (CallSite& cs : out.calls)
    for (Ref& a : cs.args) a = body_ref(a); // calls are always in the body
  // Entry-block instructions keep referring to entry values.
  for (int32_t i = 0; i < entry_end; ++i) {
    Ins& x = out.ins[i];
    if (x.a != kNoRef && x.op != IrOp::SLOAD) x.a = remap[x.a];
    if (x.b != kNoRef) x.b = remap[x.b];
  }
  std::vector<Ref> entry_args, loop_args;
  for (size_t c = 0; c < carried.size(); ++c) {
    out.ins[phis[c]].imm = carried[c].slot;
    entry_args.push_back(carried[c].entry != kNoRef ? remap[carried[c].entry] : written_only_load[c]);
    loop_args.push_back(body_ref(carried[c].end));
  }
  // Snapshots: body refs remapped; entries equal to a slot's untouched entry value dropped.
  std::vector<Ref> slot_entry_new(slots_.size(), kNoRef);
  for (size_t s = 0; s < slots_.size(); ++s)
    if (slots_[s].entry != kNoRef && (!loop || phi_for[slots_[s].entry] == kNoRef))
      slot_entry_new[s] = remap[slots_[s].entry];
  for (Snapshot& snap : t_.snaps) {
    std::vector<SnapEntry> kept;
    for (SnapEntry e : snap.entries) {
      Ref r = body_ref(e.ref);
      if (e.slot < static_cast<int32_t>(slots_.size()) && r == slot_entry_new[e.slot] && !is_const(e.ref)) continue;
      kept.push_back({e.slot, r});
    }
    snap.entries = std::move(kept);
  }
  // A slot the loop changes is stale in memory on every iteration but the
  // first: body snapshots taken before the slot was touched name its PHI.
  if (loop) {
    for (size_t k = 1; k < t_.snaps.size(); ++k) {
      Snapshot& snap = t_.snaps[k];
      for (size_t c = 0; c < carried.size(); ++c) {
        bool present = false;
        for (const SnapEntry& e : snap.entries) present |= e.slot == carried[c].slot;
        if (!present && (carried[c].slot < stack_base_ || carried[c].slot < stack_slot(static_cast<int32_t>(snap.stack_depth))))
          snap.entries.push_back({carried[c].slot, phis[c]});
      }
    }
  }
  out.snaps = std::move(t_.snaps);

  if (loop) {
    out.blocks.push_back({0, entry_end, 1, std::move(entry_args)});
    out.blocks.push_back({entry_end, static_cast<int32_t>(out.ins.size()), 1, std::move(loop_args)});
  } else {
    out.blocks.push_back({0, static_cast<int32_t>(out.ins.size()), -1, {}});
  }

  auto ct = std::make_unique<CompiledTrace>();
  // Region bookkeeping, renumbered like the instructions.
  auto next_body = [&](Ref old) -> Ref {
    for (Ref j = old; j < static_cast<Ref>(is_entry_.size()); ++j)
      if (!is_entry_[j]) return remap[j];
    return static_cast<Ref>(out.ins.size());
  };
  auto any_ref = [&](Ref old) { return is_entry_[old] ? remap[old] : body_ref(old); };
  for (const RawBoundary& rb : bounds_) {
    Boundary b{rb.pc, next_body(rb.first_ins), rb.depth, {}, rb.resume_pc, rb.resume_depth, rb.frames,
               merge_key(rb.pc, rb.frames)};
    // The values the region's code holds there (in a loop's body, a carried
    // slot's entry value is its PHI), even where memory is also right: code
    // below a join uses these refs, so a join must replace them.
    for (const SnapEntry& e : rb.state) b.state.push_back({e.slot, body_ref(e.ref)});
    // In a loop, a slot the loop changes lives in its PHI, not in memory, even
    // where this iteration has not touched it yet.
    for (size_t c = 0; c < carried.size(); ++c) {
      int32_t slot = carried[c].slot;
      if (slot >= stack_base_ && slot - stack_base_ >= static_cast<int32_t>(rb.resume_depth)) continue;
      const bool known = std::any_of(b.state.begin(), b.state.end(), [&](const SnapEntry& e) { return e.slot == slot; });
      if (!known) b.state.push_back({slot, phis[c]});
    }
    // A position with no code of its own after it (the end of a loop's body)
    // would share its index with the first block a bridge appends: a bridge
    // that joined there would enter that block. Bridges reach the loop's end
    // through its header instead.
    if (b.ins >= static_cast<Ref>(out.ins.size())) b.ins = kNoRef;
    ct->bounds.push_back(std::move(b));
  }
  ct->fold_used.assign(out.ins.size(), 0);
  for (Ref r : fold_used_) ct->fold_used[any_ref(r)] = 1;
  ct->join_bound = join_bound_;
  ct->join_plan = join_plan_;
  ct->pcs = pcs_;
  ct->join_widened = join_widened_;
  ct->join_note = join_note_;
  for (JoinSlot& j : ct->join_plan)
    if (!j.bridge_from_region && j.bridge_ref != kNoRef) j.bridge_ref = any_ref(j.bridge_ref);
  ct->raw = out;
  ct->ir = std::move(out);
  ct->kind = kind_;
  ct->code = start_code_; // (an EXIT may end the trace inside an inlined call)
  ct->start_pc = start_pc_;
  ct->root = root_;
  ct->iterations = std::move(iterations_);
  ct->tier_guard = tier_guard_ == kNoRef ? kNoRef : any_ref(tier_guard_);
  return ct;
}

} // namespace tributary::jit
