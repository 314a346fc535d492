// tributary_module.cpp — the `tributary` module: hooks into the VM for scripts
// and benchmarks.
//   jit_stats()  the JIT statistics as a dict (same keys as --jit-stats=json)
//   opaque(f, *args)  calls f(*args) as a trace blocker: the JIT never looks
//                into it (the seeds' `pypyjit.residual_call`)
#include "vm/jit_hooks.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

Value tributary_jit_stats(Value, const Args& a) {
  check_none(a, "jit_stats");
  return jit::stats_object();
}

Value tributary_opaque(Value, const Args& a) {
  if (a.npos < 1) raise_type_error("opaque() expects a callable");
  Args rest{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  return call(a.pos[0], rest);
}

} // namespace

Module* make_tributary_module() {
  Module* m = new_module("tributary");
  add_function(m, "jit_stats", tributary_jit_stats);
  add_function(m, "opaque", tributary_opaque);
  return m;
}

} // namespace tributary::lib
