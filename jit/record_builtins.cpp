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

#include "jit/recorder.h"
#include "lib/lib.h"
#include "runtime/containers.h"
#include "runtime/str.h"
#include "vm/frame.h"

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

} // namespace tributary::jit
