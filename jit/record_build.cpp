// record_build.cpp — building containers and strings: BUILD_SLICE, BUILD_MAP,
// BUILD_SET, LIST_APPEND, SET_ADD, MAP_ADD, BUILD_STRING and FORMAT_VALUE.
//
// Each is one residual call to the helper doing what the interpreter's case
// does (jit/helpers.cpp), so errors (an unhashable key, a failing __format__)
// leave through the call's exception guard and are raised at the
// instruction. The one inline case: FORMAT_VALUE of a str without conversion
// or spec is the str itself (guarded by its type), as format_for_fstring
// returns it.
#include "jit/helpers.h"
#include "jit/recorder.h"
#include "runtime/str.h"
#include "vm/code.h"

namespace tributary::jit {


void Recorder::record_build(vm::Op op, int32_t arg) {
  // The n items on top of the stack, deepest first.
  auto pop_items = [&](int32_t n) {
    std::vector<Ref> items(static_cast<size_t>(n));
    for (int32_t i = n - 1; i >= 0; --i) items[static_cast<size_t>(i)] = pop();
    return items;
  };
  auto counted = [&](int32_t n, std::vector<Ref> items) {
    items.insert(items.begin(), kint(n));
    return items;
  };
  switch (op) {
  case vm::Op::BUILD_SLICE: {
    Ref step = arg == 3 ? pop() : constant(Value::none());
    Ref stop = pop(), start = pop();
    push(call_helper(helpers::HelperId::build_slice, {start, stop, step}));
    return;
  }
  case vm::Op::BUILD_MAP:
    push(call_helper(helpers::HelperId::build_map, counted(arg, pop_items(2 * arg))));
    return;
  case vm::Op::BUILD_SET:
    push(call_helper(helpers::HelperId::build_set, counted(arg, pop_items(arg))));
    return;
  case vm::Op::BUILD_STRING:
    push(call_helper(helpers::HelperId::build_string, counted(arg, pop_items(arg))));
    return;
  case vm::Op::LIST_APPEND:
  case vm::Op::SET_ADD: {
    Ref item = pop();
    Ref target = peek(arg);
    if (op == vm::Op::LIST_APPEND) call_helper(helpers::HelperId::list_append, {target, item});
    else call_helper(helpers::HelperId::set_add, {target, item});
    return;
  }
  case vm::Op::MAP_ADD: {
    Ref value = pop(), key = pop();
    call_helper(helpers::HelperId::map_add, {peek(arg), key, value});
    return;
  }
  case vm::Op::FORMAT_VALUE: {
    Ref spec = (arg & 4) ? pop() : constant(Value::empty());
    Value v = concrete(1);
    if ((arg & 7) == 0 && is_str(v) && type_of(v) == &types::str && !is_const(peek(1))) {
      guard(IrOp::GUARD_TYPE, peek(1), static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::str)));
      return; // the str stays on the stack
    }
    if ((arg & 7) == 0 && is_const(peek(1)) && is_str(v)) return mark_fold(peek(1)); // a constant str
    Ref value = pop();
    push(call_helper(helpers::HelperId::format_value, {kint(arg & 3), value, spec}));
    return;
  }
  default: break;
  }
  throw RecordAbort{AbortReason::UnsupportedOpcode, vm::op_info(op).name};
}

} // namespace tributary::jit
