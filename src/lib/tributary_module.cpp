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
  const jit::Stats& s = jit::jit().stats;
  Dict* d = new_dict();
  auto put = [&](const char* k, uint64_t v) { dict_set_str(d, k, make_int_u64(v)); };
  put("recordings_started", s.recordings_started);
  put("loops", s.loops);
  put("functions", s.functions);
  put("bridges", s.bridges);
  put("merges", s.merges);
  put("phis", s.phis);
  const jit::JitState::RegionCounters rc = jit::jit().region_counters();
  put("regions", rc.regions);
  put("region_blocks", rc.region_blocks);
  put("merge_points", rc.merge_points);
  put("versions_max", rc.versions_max);
  put("compiles_max", rc.compiles_max);
  put("bridges_unmerged", s.bridges - s.merges);
  put("widened", s.widened);
  put("widen_checks", s.widen_checks);
  put("reformations", s.reformations);
  put("cold_exits", s.cold_exits);
  List* top = new_list();
  for (const jit::JitState::TopExit& e : jit::jit().top_exits(5)) {
    Dict* x = new_dict();
    dict_set_str(x, "exit", str_value(e.where));
    dict_set_str(x, "taken", make_int_u64(e.taken));
    dict_set_str(x, "bridged", Value::boolean(e.bridged));
    list_append(top, Value::object(x));
  }
  dict_set_str(d, "top_exits", Value::object(top));
  dict_set_str(d, "policy", str_value(regions::spec_name(jit::jit().policy->spec())));
  uint64_t aborts = 0;
  Dict* reasons = new_dict();
  for (size_t i = 0; i < static_cast<size_t>(jit::AbortReason::kCount); ++i) {
    aborts += s.aborts[i];
    dict_set_str(reasons, jit::abort_name(static_cast<jit::AbortReason>(i)), make_int_u64(s.aborts[i]));
  }
  put("aborts_total", aborts);
  dict_set_str(d, "aborts", Value::object(reasons));
  put("blacklisted", s.blacklisted);
  put("frozen", s.frozen);
  put("internal_errors", s.internal_errors);
  put("guards", s.guards);
  put("ops_recorded", s.ops_recorded);
  put("ops_optimized", s.ops_optimized);
  put("code_bytes", s.code_bytes);
  put("trace_entries", s.trace_entries);
  put("side_exits", s.side_exits);
  put("inlined_calls", s.inlined_calls);
  put("inlined_exits", s.inlined_exits);
  put("deinlined", s.deinlined);
  put("invalidated", s.invalidated);
  dict_set_str(d, "record_seconds", Value::from_double(s.record_seconds));
  dict_set_str(d, "optimize_seconds", Value::from_double(s.optimize_seconds));
  dict_set_str(d, "backend_seconds", Value::from_double(s.backend_seconds));
  dict_set_str(d, "enabled", Value::boolean(jit::jit().enabled));
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
