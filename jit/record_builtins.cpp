// record_builtins.cpp — calls of builtins with known effects, recorded as IR.
//
// record_call() asks here first when the callee is a constant. A builtin is
// recognized by identity (the int/float types, the builtin min/max native
// functions found in the frame's builtins dict, the math module's functions
// by implementation), never by a name the program could rebind; the callee
// constant itself is guarded by the global/module versions that folded it.
// Each case keeps the exact Python result, including its type: min/max of
// an int and a float return the original operand that wins (a guard on the
// comparison decides which), math.sqrt of a negative number or NaN leaves
// the trace for the interpreter's error or result, and so do abs() of the
// smallest small int and math.floor/ceil of NaN, infinities or huge floats.
#include <cmath>
#include <cstring>
#include <string_view>

#include "jit/helpers.h"
#include "jit/recorder.h"
#include "lib/lib.h"
#include "lib/struct_format.h"
#include "runtime/containers.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/frame.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace tributary::jit {

namespace {

bool is_number(Value v) { return v.is_small_int() || v.is_double(); }

double as_double(Value v) { return v.is_double() ? v.as_double() : static_cast<double>(v.as_small_int()); }

} // namespace

bool Recorder::record_builtin_call(uint32_t nargs) {
  Ref callee = peek(static_cast<int>(nargs) + 1);
  if (!is_const(callee)) return false;
  Value fn = const_value(callee);
  // The builtin a name refers to, checked by identity with the builtins dict.
  auto builtin = [&](const char* name) {
    Value* v = dict_find_str(frame_->builtins, intern(name));
    return v && *v == fn;
  };
  auto finish_call = [&](Ref result) {
    mark_fold(callee);
    for (uint32_t k = 0; k < nargs + 2; ++k)
      pop();
    push(result);
    return true;
  };

  if ((nargs == 2 || nargs == 3) && is_kind(fn, Kind::NativeFunction)) {
    const lib::structfmt::UnpackFn which = lib::structfmt::unpack_function(fn.as<NativeFunction>()->fn);
    const bool from = which == lib::structfmt::UnpackFn::UnpackFrom;
    if (which != lib::structfmt::UnpackFn::None) {
      Ref r = nargs == 2 || from ? record_struct_unpack(nargs, from) : kNoRef;
      return r != kNoRef && finish_call(r);
    }
  }

  if (nargs == 1 && is_number(concrete(1))) {
    Value x = concrete(1);
    if (fn == Value::object(&types::float_)) return finish_call(as_float(specialize(peek(1), x)));
    if (fn == Value::object(&types::int_)) {
      if (x.is_small_int()) return finish_call(specialize(peek(1), x));
      double d = x.as_double();
      if (!(d > -140737488355328.0 && d < 140737488355328.0)) return false; // NaN, inf, or a big int
      return finish_call(guard(IrOp::F2INT, specialize(peek(1), x)));
    }
    if (!is_kind(fn, Kind::NativeFunction)) return false;
    // abs(int) is max(x, -x); the negation leaves the trace when it
    // overflows (x == kSmallMin: the interpreter makes the big int).
    if (x.is_small_int() && builtin("abs")) {
      if (x.as_small_int() == Value::kSmallMin) return false;
      Ref a = specialize(peek(1), x);
      return finish_call(emit(IrOp::IMAX, a, guard(IrOp::NEG_OV, a)));
    }
    const char* math = lib::math_function_name(fn.as<NativeFunction>()->fn);
    if (!math) return false;
    if (std::strcmp(math, "sqrt") == 0 && as_double(x) >= 0.0) {
      Ref a = as_float(specialize(peek(1), x));
      guard(IrOp::GUARD_TRUE, emit(IrOp::FGE, a, constant(Value::from_double(0.0))));
      return finish_call(emit(IrOp::FSQRT, a));
    }
    if (std::strcmp(math, "fabs") == 0) return finish_call(emit(IrOp::FABS, as_float(specialize(peek(1), x))));
    // math.floor/ceil: an int is returned as it is; a double is rounded, then
    // converted by F2INT, which leaves the trace for NaN, infinities and
    // results beyond small ints (the interpreter raises or makes a big int).
    const bool floor = std::strcmp(math, "floor") == 0, ceil = std::strcmp(math, "ceil") == 0;
    if ((floor || ceil) && x.is_small_int()) return finish_call(specialize(peek(1), x));
    if ((floor || ceil) && __builtin_cpu_supports("sse4.1")) {
      double d = floor ? std::floor(x.as_double()) : std::ceil(x.as_double());
      if (!(d > -140737488355328.0 && d < 140737488355328.0)) return false;
      Ref r = emit(floor ? IrOp::FFLOOR : IrOp::FCEIL, specialize(peek(1), x));
      return finish_call(guard(IrOp::F2INT, r));
    }
    return false;
  }

  if (nargs == 2 && is_number(concrete(1)) && is_number(concrete(2)) && is_kind(fn, Kind::NativeFunction)) {
    const bool is_min = builtin("min");
    if (!is_min && !builtin("max")) return false;
    Value cb = concrete(1), ca = concrete(2);
    Ref b = specialize(peek(1), cb);
    Ref a = specialize(peek(2), ca);
    if (ca.is_small_int() && cb.is_small_int()) return finish_call(emit(is_min ? IrOp::IMIN : IrOp::IMAX, a, b));
    if (ca.is_double() && cb.is_double()) return finish_call(emit(is_min ? IrOp::FMIN : IrOp::FMAX, a, b));
    // An int and a float: the winner keeps its type, so the comparison is a
    // guard (exact: small ints convert to doubles exactly).
    double x = as_double(ca), y = as_double(cb);
    bool takes_b = is_min ? y < x : y > x;
    Ref cmp = emit(is_min ? IrOp::FLT : IrOp::FGT, as_float(b), as_float(a));
    guard(takes_b ? IrOp::GUARD_TRUE : IrOp::GUARD_FALSE, cmp);
    return finish_call(takes_b ? b : a);
  }
  return false;
}

// lst.append(x) on an exact list (LOAD_METHOD guarded its type, and builtin
// types' methods cannot change): the list_append helper, which runs no
// Python code (helpers.def), instead of a generic call. So is a call of a
// bound `lst.append` held in a variable (`w = out.append; w(x)`, as
// generated code does), guarded to be a bound builtin whose function is
// list.append and whose self is an exact list.
bool Recorder::record_list_append(bool method) {
  static const Value append = type_lookup(&types::list, intern("append")); // (builtin types are immutable)
  const Ref slot0 = peek(3), slot1 = peek(2);
  Ref list;
  if (method) {
    if (!is_const(slot0) || const_value(slot0) != append || !is_exact(concrete(2), types::list)) return false;
    mark_fold(slot0);
    list = slot1;
  } else {
    const Value callee = concrete(2);
    if (is_const(slot1) || type_of(callee) != &types::native_function) return false;
    const auto* bound = callee.as<NativeFunction>();
    if (bound->fn != append.as<NativeFunction>()->fn || !is_exact(bound->self, types::list)) return false;
    guard(IrOp::GUARD_TYPE, slot1, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::native_function)));
    Ref fn = emit(IrOp::LOAD, slot1, kNoRef, offsetof(NativeFunction, fn));
    guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, fn, kraw(static_cast<int64_t>(reinterpret_cast<uintptr_t>(bound->fn)))));
    list = emit(IrOp::LOAD, slot1, kNoRef, offsetof(NativeFunction, self));
    t_.ins[list].type = IrType::Val;
    guard(IrOp::GUARD_TYPE, list, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::list)));
  }
  Ref item = pop();
  pop();
  pop();
  push(call_helper(helpers::HelperId::list_append, {list, item}));
  return true;
}

// struct.unpack(fmt, buf) and struct.unpack_from(fmt, buf[, offset]) with a
// constant little-endian format of doubles and integers, on a bytes object:
// the length guarded, each item loaded from the bytes (integers of fewer than
// 8 bytes as the last 8 bytes of a word that ends with them, shifted down:
// never past the object), the tuple built by build_tuple, which the virtuals
// pass removes when the caller only reads the items. Anything else (a
// negative offset, a short buffer: the call raises; other item kinds) is the
// generic call. Null when the call is not specialized.
Ref Recorder::record_struct_unpack(uint32_t nargs, bool from) {
  const int fmt_at = static_cast<int>(nargs), buf_at = fmt_at - 1;
  if (!is_const(peek(fmt_at))) return kNoRef;
  const lib::structfmt::Layout* layout = lib::structfmt::parsed_layout(const_value(peek(fmt_at)));
  if (!layout || layout->order == lib::structfmt::Order::Big || layout->items.size() > 15) return kNoRef;
  for (const lib::structfmt::Item& it : layout->items) {
    const bool known = it.code == 'd' || (std::strchr("bBhHiIlL", it.code) && it.size <= 4) ||
                       ((it.code == 'q' || it.code == 'l' || it.code == 'n') && it.size == 8);
    if (!known) return kNoRef;
  }
  Value bufv = concrete(buf_at);
  if (!is_kind(bufv, Kind::Bytes) || type_of(bufv) != &types::bytes || is_const(peek(buf_at))) return kNoRef;
  const int64_t length = static_cast<int64_t>(bufv.as<Bytes>()->size), need = static_cast<int64_t>(layout->size);
  Value offv = nargs == 3 ? concrete(1) : Value::small_int(0);
  if (!offv.is_small_int() || offv.as_small_int() < 0) return kNoRef;
  if (from ? offv.as_small_int() + need > length : length != need) return kNoRef;

  Ref buf = peek(buf_at);
  guard(IrOp::GUARD_TYPE, buf, static_cast<int64_t>(reinterpret_cast<uintptr_t>(&types::bytes)));
  Ref size = emit(IrOp::LOAD, buf, kNoRef, offsetof(Bytes, size));
  Ref base = buf;
  if (!from) {
    guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, size, kraw(need)));
  } else if (nargs == 2) {
    guard(IrOp::GUARD_TRUE, emit(IrOp::GE, size, kraw(need)));
  } else {
    Ref off = emit(IrOp::INT2RAW, specialize(peek(1), offv));
    guard(IrOp::GUARD_TRUE, emit(IrOp::GE, off, kraw(0)));
    guard(IrOp::GUARD_TRUE, emit(IrOp::GE, size, emit(IrOp::ADD, off, kraw(need))));
    base = emit(IrOp::ADD, off, buf);
  }
  std::vector<Ref> args{kint(static_cast<int64_t>(layout->items.size()))};
  for (const lib::structfmt::Item& it : layout->items) {
    const int64_t at = static_cast<int64_t>(offsetof(Bytes, data) + it.offset);
    if (it.code == 'd') {
      Ref d = emit(IrOp::LOAD, base, kNoRef, at);
      t_.ins[d].type = IrType::F64;
      args.push_back(d);
      continue;
    }
    const int64_t bits = 8 * static_cast<int64_t>(it.size);
    Ref word = emit(IrOp::LOAD, base, kNoRef, at + static_cast<int64_t>(it.size) - 8);
    if (bits < 64) {
      word = emit(IrOp::RSAR, word, kNoRef, 64 - bits);
      if (it.code >= 'A' && it.code <= 'Z') word = emit(IrOp::AND, word, kraw((int64_t{1} << bits) - 1));
    }
    args.push_back(guard(IrOp::RAW2INT, word));
  }
  return call_helper(helpers::HelperId::build_tuple, std::move(args), false);
}

} // namespace tributary::jit
