// record_match.cpp — the match statement's opcodes (runtime/match.h).
//
// Whether a subject is a sequence or a mapping to patterns depends only on
// its type (the flags of a type never change once it exists), so a type
// guard turns MATCH_SEQUENCE and MATCH_MAPPING into constants and the branch
// after them folds away. GET_LEN of an exact list or tuple reads the length
// as the interpreter would. Other subjects, MATCH_KEYS and MATCH_CLASS (user
// code may run: get(), properties) are residual calls.
#include <cstddef>

#include "jit/helpers.h"
#include "jit/recorder.h"
#include "runtime/match.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace tributary::jit {

void Recorder::record_match_kind(bool mapping) {
  const Ref subject = peek(1);
  const Value v = concrete(1);
  auto answer = [&] { return Value::boolean(mapping ? match_is_mapping(v) : match_is_sequence(v)); };
  if (is_const(subject)) {
    mark_fold(subject);
    push(constant(answer()));
    return;
  }
  switch (t_.type(subject)) {
  case IrType::Int:
  case IrType::F64:
  case IrType::Bool: push(constant(Value::boolean(false))); return; // int, float, bool: neither
  default: break;
  }
  if (v.is_object()) {
    guard(IrOp::GUARD_TYPE, subject, static_cast<int64_t>(reinterpret_cast<uintptr_t>(type_of(v))));
    push(constant(answer()));
    return;
  }
  const auto helper = mapping ? helpers::HelperId::match_mapping : helpers::HelperId::match_sequence;
  push(emit(IrOp::UNBOX_BOOL, call_helper(helper, {subject})));
}

void Recorder::record_get_len() {
  const Ref subject = peek(1);
  const Value v = concrete(1);
  const Type* t = type_of(v);
  if (t == &types::list) {
    guard(IrOp::GUARD_TYPE, subject, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::list)));
    Ref begin = emit(IrOp::LOAD, subject, kNoRef, offsetof(List, items));
    Ref end = emit(IrOp::LOAD, subject, kNoRef, offsetof(List, items) + sizeof(void*));
    push(guard(IrOp::RAW2INT, emit(IrOp::RSAR, emit(IrOp::SUB, end, begin), kNoRef, 3)));
    return;
  }
  if (t == &types::tuple) {
    guard(IrOp::GUARD_TYPE, subject, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::tuple)));
    push(guard(IrOp::RAW2INT, emit(IrOp::LOAD, subject, kNoRef, offsetof(Tuple, size))));
    return;
  }
  push(call_helper(helpers::HelperId::get_len, {subject}));
}

} // namespace tributary::jit
