// record_subscr.cpp — STORE_SUBSCR into a list at a small-int index, as a
// guarded store (the interpreter's fast path in vm/interp.cpp).
//
// The list's exact type, 0 <= index and index < len are guarded before the
// store, so a failing guard re-runs the instruction in the interpreter
// (negative indices, IndexError, other containers stay there). Values are
// stored boxed; lists need no write barrier (the GC scans conservatively).
#include <cstddef>

#include "jit/helpers.h"
#include "jit/recorder.h"
#include "runtime/containers.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace tributary::jit {

void Recorder::record_store_subscr() {
  Value key = concrete(1), obj = concrete(2);
  if (is_list(obj) && type_of(obj) == &types::list && key.is_small_int() && key.as_small_int() >= 0 &&
      key.as_small_int() < static_cast<int64_t>(obj.as<List>()->items.size())) {
    Ref idx = emit(IrOp::INT2RAW, specialize(pop(), key));
    Ref l = pop();
    Ref value = box(pop());
    guard(IrOp::GUARD_TYPE, l, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::list)));
    Ref begin = emit(IrOp::LOAD, l, kNoRef, offsetof(List, items));
    Ref end = emit(IrOp::LOAD, l, kNoRef, offsetof(List, items) + sizeof(void*));
    Ref len = emit(IrOp::RSAR, emit(IrOp::SUB, end, begin), kNoRef, 3);
    guard_index(idx, len);
    emit(IrOp::STORE, emit(IrOp::ELEM_ADDR, begin, idx), value, 0);
    return;
  }
  Ref k = pop(), o = pop(), v = pop();
  call_helper(helpers::HelperId::set_item, {o, k, v});
}

} // namespace tributary::jit
