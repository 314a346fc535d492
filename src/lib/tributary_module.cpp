// tributary_module.cpp — the `tributary` module: hooks into the VM for scripts
// and benchmarks.
//   jit_stats()  the JIT statistics as a dict (same keys as --jit-stats=json)
//   opaque(f, *args)  calls f(*args) as a trace blocker: the JIT never looks
//                into it (the seeds' `pypyjit.residual_call`)
#include "jit/jit.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

Value tributary_jit_stats(Value, const Args& a) {
  check_none(a, "jit_stats");
  const jit::JitState& jit = jit::jit();
  Dict* d = new_dict();
  dict_set_str(d, "enabled", Value::boolean(jit.enabled));
  dict_set_str(d, "policy", str_value(regions::spec_name(jit.policy->spec())));
  for (const jit::StatValue& s : jit.stat_values())
    dict_set_str(d, s.key, s.seconds ? Value::from_double(s.value) : make_int_u64(static_cast<uint64_t>(s.value)));
  Dict* reasons = new_dict();
  for (size_t i = 0; i < static_cast<size_t>(jit::AbortReason::kCount); ++i)
    dict_set_str(reasons, jit::abort_name(static_cast<jit::AbortReason>(i)), make_int_u64(jit.stats.aborts[i]));
  dict_set_str(d, "aborts", Value::object(reasons));
  List* top = new_list();
  for (const jit::JitState::TopExit& e : jit.top_exits(5)) {
    Dict* x = new_dict();
    dict_set_str(x, "exit", str_value(e.where));
    dict_set_str(x, "taken", make_int_u64(e.taken));
    dict_set_str(x, "bridged", Value::boolean(e.bridged));
    list_append(top, Value::object(x));
  }
  dict_set_str(d, "top_exits", Value::object(top));
  Dict* calls = new_dict();
  for (const auto& [name, n] : jit.stats.calls_by_helper) dict_set_str(calls, name.c_str(), make_int_u64(n));
  dict_set_str(d, "calls_by_helper", Value::object(calls));
  Dict* ops = new_dict();
  for (const auto& [name, n] : jit.op_counts()) dict_set_str(ops, name.c_str(), make_int_u64(n));
  dict_set_str(d, "ops", Value::object(ops));
  return Value::object(d);
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
