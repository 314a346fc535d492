// record_send.cpp — SEND, the delegation step of `yield from` and `await`.
//
// The send_value helper advances the sub-iterator (a coroutine's frame runs
// in the interpreter meanwhile) and send_suspended tells whether it yielded
// or finished. The trace follows the outcome seen while recording: an await
// of a coroutine that returns without suspending continues in the trace (a
// coroutine's loop that awaits such calls compiles like any loop); one that
// yields reaches YIELD_VALUE, which ends the path (recorder.cpp). The guard on
// the other outcome resumes after SEND's effect, since the helper already
// advanced the sub-iterator: at YIELD_VALUE with [iter, value], or at SEND's
// target with the result.
#include "jit/helpers.h"
#include "jit/recorder.h"
#include "vm/code.h"
#include "vm/frame.h"

namespace tributary::jit {

void Recorder::record_send(uint32_t target) {
  Ref v = pop();
  Ref it = peek(1);
  Ref r = call_helper(helpers::HelperId::send_value, {it, v});
  Ref suspended = call_helper(helpers::HelperId::send_suspended, {}, false);
  push(r); // [.., it, r] until the next instruction shows the outcome
  pending_send_ = {it, r, suspended, pc_ + 1, target, frame_};
}

// The instruction after a SEND: guard the outcome seen; the guard's snapshot
// is the state after the other outcome.
void Recorder::resolve_send() {
  PendingSend p = pending_send_;
  pending_send_ = {};
  if (p.frame != frame_ || (pc_ != p.next_pc && pc_ != p.target))
    throw RecordAbort{AbortReason::UnsupportedValue, "SEND did not continue as expected"};
  const bool finished = pc_ == p.target;
  const uint32_t pc = pc_;
  // The stack holds [.., it, r]: the yielding outcome keeps both, the
  // finished one drops the iterator below the result.
  std::vector<Ref> other = stack_;
  if (finished)
    stack_.erase(stack_.end() - 2);
  else
    other.erase(other.end() - 2);
  pc_ = finished ? p.next_pc : p.target;
  pre_stack_ = std::move(other);
  guard(finished ? IrOp::GUARD_FALSE : IrOp::GUARD_TRUE, emit(IrOp::UNBOX_BOOL, p.suspended));
  pc_ = pc;
  pre_stack_ = stack_;
  // The result as the value seen (an int stays an int across a loop that
  // awaits `acc = await step(acc)`), guarded here with the boxed one restored.
  if (finished) stack_.back() = specialize(stack_.back(), concrete(1));
}

} // namespace tributary::jit
