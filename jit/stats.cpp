// stats.cpp — the JIT's statistics as people and programs read them:
// jit-summary, the --jit-stats JSON and tributary.jit_stats(), all from the
// one list in stats.def plus the region counters computed here.
#include <algorithm>

#include <fmt/format.h>

#include "vm/jit_hooks.h"
#include "jit/jit.h"
#include "jit/region_engine.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "vm/code.h"

namespace tributary::jit {

std::string JitState::policy_name() const { return engine ? engine->policy_name() : ""; }

std::vector<const CompiledTrace*> JitState::costliest_regions(size_t n) const {
  std::vector<const CompiledTrace*> all;
  for (const auto& t : traces)
    if (t->kind != TraceKind::Bridge) all.push_back(t.get());
  std::stable_sort(all.begin(), all.end(),
                   [](const CompiledTrace* a, const CompiledTrace* b) { return a->compile_seconds > b->compile_seconds; });
  if (all.size() > n) all.resize(n);
  return all;
}

std::vector<JitState::TopExit> JitState::top_exits(size_t n) const {
  std::vector<const ExitInfo*> all;
  for (const auto& t : traces)
    for (const auto& e : t->exits)
      if (e->taken) all.push_back(e.get());
  std::stable_sort(all.begin(), all.end(), [](const ExitInfo* a, const ExitInfo* b) { return a->taken > b->taken; });
  std::vector<TopExit> out;
  for (size_t k = 0; k < all.size() && k < n; ++k) {
    const ExitInfo* e = all[k];
    out.push_back({fmt::format("{}:{}", e->trace->code->qualname, e->pc), e->taken,
                   e->bridge != nullptr || e->attached, ""});
  }
  return out;
}

std::string JitState::why_unbridged(const ExitInfo& e) const {
  const CompiledTrace* root = e.root();
  if (e.exception && !e.frames.empty()) return "exception raised inside an inlined call";
  if (e.exception && !e.trace->code->find_handler(e.pc)) return "the exception leaves the frame";
  if (e.blacklisted) return "blacklisted, " + (e.no_bridge.empty() ? std::string("no bridge possible") : e.no_bridge);
  if (root->kind == TraceKind::Loop && stats.bridges >= static_cast<uint64_t>(params.max_bridges))
    return "bridge budget spent (max_bridges)";
  if (e.deferred) return "kept a side exit by the merge policy";
  if (!e.no_bridge.empty()) return "retrying, " + e.no_bridge;
  return "not yet hot in a row (trace_eagerness)";
}

std::vector<JitState::TopExit> JitState::unbridged_exits() const {
  std::vector<const ExitInfo*> hot;
  for (const auto& t : traces)
    if (t->entry)
      for (const auto& e : t->exits)
        if (e->taken > static_cast<uint64_t>(params.hot_exit_report) && !e->bridge && !e->attached && !e->terminal)
          hot.push_back(e.get());
  std::stable_sort(hot.begin(), hot.end(), [](const ExitInfo* a, const ExitInfo* b) { return a->taken > b->taken; });
  std::vector<TopExit> out;
  for (const ExitInfo* e : hot)
    out.push_back({fmt::format("{}:{}", e->trace->code->qualname, e->pc), e->taken, false, why_unbridged(*e)});
  return out;
}

std::vector<StatValue> JitState::stat_values() const {
  const RegionCounters rc = engine ? engine->region_counters() : RegionCounters{};
  uint64_t aborted = 0;
  for (uint64_t n : stats.aborts) aborted += n;
  std::vector<StatValue> v = {
      {"regions", "regions", static_cast<double>(rc.regions), false},
      {"region_blocks", "region blocks", static_cast<double>(rc.region_blocks), false},
      {"merge_points", "merge points joined", static_cast<double>(rc.merge_points), false},
      {"versions_max", "versions per point (max)", static_cast<double>(rc.versions_max), false},
      {"compiles_max", "compilations of one region (max)", static_cast<double>(rc.compiles_max), false},
      {"bridges_unmerged", "bridges not merged", static_cast<double>(stats.bridges - stats.merges), false},
      {"aborts_total", "aborted recordings", static_cast<double>(aborted), false},
      {"hot_exits_unbridged", "hot exits without a bridge (hot_exit_report)", static_cast<double>(unbridged_exits().size()), false},
  };
#define JIT_COUNT(name, label) v.push_back({#name, label, static_cast<double>(stats.name), false});
#define JIT_TIME(name, label) v.push_back({#name, label, stats.name, true});
#include "jit/stats.def"
#undef JIT_COUNT
#undef JIT_TIME
  return v;
}

// How many of each IR op the machine code in use was compiled from (every
// live trace's optimized IR): shape tests say "no CALL in the loop" with it,
// as PyPy's check_resops does.
std::map<std::string, uint64_t> JitState::op_counts() const {
  std::map<std::string, uint64_t> n;
  for (const auto& t : traces)
    if (t->entry)
      for (const Ins& i : t->ir.ins) ++n[ir_info(i.op).name];
  return n;
}

std::string JitState::summary() const {
  std::string out = "[jit-summary]\n";
  out += fmt::format("{:<46} {}\n", "merge policy", policy_name());
  for (const StatValue& s : stat_values())
    out += s.seconds ? fmt::format("{:<46} {:.6f} s\n", s.label, s.value)
                     : fmt::format("{:<46} {}\n", s.label, static_cast<uint64_t>(s.value));
  out += "costliest regions:\n";
  for (const CompiledTrace* t : costliest_regions(5))
    out += fmt::format("  {:<30} {} blocks, {} bytes, {} compilations, {:.6f} s\n",
                       fmt::format("{}:{}", t->code->qualname, t->start_pc), t->raw.blocks.size(), t->code_bytes,
                       t->compiles, t->compile_seconds);
  out += "aborts by reason:\n";
  for (size_t i = 0; i < static_cast<size_t>(AbortReason::kCount); ++i)
    if (stats.aborts[i]) out += fmt::format("  {:<30} {}\n", abort_name(static_cast<AbortReason>(i)), stats.aborts[i]);
  out += "residual calls by helper:\n";
  for (const auto& [name, n] : stats.calls_by_helper)
    out += fmt::format("  {:<30} {}\n", name, n);
  out += "most taken side exits:\n";
  for (const TopExit& e : top_exits(5))
    out += fmt::format("  {:<30} {}{}\n", e.where, e.taken, e.bridged ? " (bridged)" : "");
  const std::vector<TopExit> unbridged = unbridged_exits();
  if (!unbridged.empty()) {
    out += fmt::format("hot exits without a bridge (taken >{} times):\n", params.hot_exit_report);
    for (size_t k = 0; k < unbridged.size() && k < 10; ++k)
      out += fmt::format("  {:<30} {} ({})\n", unbridged[k].where, unbridged[k].taken, unbridged[k].why);
  }
  if (!demotions.empty()) {
    out += "roots demoted to the interpreter:\n";
    for (const Demotion& d : demotions)
      out += fmt::format("  {:<30} {} of {} entries left for good; {} of {} samples exit-bound\n", d.where,
                         d.dead_exits, d.entries, d.exit_bound, d.samples);
  }
  return out;
}

std::string JitState::stats_json() const {
  // One "key": value pair per statistic, in a fixed order.
  std::string out = "{";
  auto put = [&](std::string_view key, const std::string& json) {
    out += fmt::format("{}\"{}\": {}", out.size() > 1 ? ", " : "", key, json);
  };
  put("policy", fmt::format("\"{}\"", policy_name()));
  for (const StatValue& s : stat_values())
    put(s.key, s.seconds ? fmt::format("{:.6f}", s.value) : fmt::format("{}", static_cast<uint64_t>(s.value)));
  std::string aborts;
  for (size_t i = 0; i < static_cast<size_t>(AbortReason::kCount); ++i)
    aborts += fmt::format("{}\"{}\": {}", i ? ", " : "", abort_name(static_cast<AbortReason>(i)), stats.aborts[i]);
  put("aborts", "{" + aborts + "}");
  std::string costly;
  for (const CompiledTrace* t : costliest_regions(5))
    costly += fmt::format("{}{{\"region\": \"{}:{}\", \"blocks\": {}, \"code_bytes\": {}, \"compilations\": {}, "
                          "\"compile_seconds\": {:.6f}}}",
                          costly.empty() ? "" : ", ", t->code->qualname, t->start_pc, t->raw.blocks.size(), t->code_bytes,
                          t->compiles, t->compile_seconds);
  put("costliest_regions", "[" + costly + "]");
  std::string top;
  for (const TopExit& e : top_exits(5))
    top += fmt::format("{}{{\"exit\": \"{}\", \"taken\": {}, \"bridged\": {}}}", top.empty() ? "" : ", ", e.where,
                       e.taken, e.bridged ? "true" : "false");
  put("top_exits", "[" + top + "]");
  std::string unbridged;
  for (const TopExit& e : unbridged_exits())
    unbridged += fmt::format("{}{{\"exit\": \"{}\", \"taken\": {}, \"why\": \"{}\"}}", unbridged.empty() ? "" : ", ",
                             e.where, e.taken, e.why);
  put("unbridged_exits", "[" + unbridged + "]");
  std::string demoted;
  for (const Demotion& d : demotions)
    demoted += fmt::format("{}{{\"root\": \"{}\", \"entries\": {}, \"dead_exits\": {}, \"samples\": {}, "
                           "\"exit_bound\": {}}}",
                           demoted.empty() ? "" : ", ", d.where, d.entries, d.dead_exits, d.samples, d.exit_bound);
  put("demoted_roots", "[" + demoted + "]");
  std::string calls;
  for (const auto& [name, n] : stats.calls_by_helper)
    calls += fmt::format("{}\"{}\": {}", calls.empty() ? "" : ", ", name, n);
  put("calls_by_helper", "{" + calls + "}");
  std::string ops;
  for (const auto& [name, n] : op_counts()) ops += fmt::format("{}\"{}\": {}", ops.empty() ? "" : ", ", name, n);
  put("ops", "{" + ops + "}");
  std::string comp;
  for (const Stats::Compilation& c : stats.compilations)
    comp += fmt::format("{}[{}, {}, {:.1f}, \"{}\"]", comp.empty() ? "" : ", ", c.lir_ins, c.blocks, c.seconds * 1e6,
                        c.backend);
  put("compilations", "[" + comp + "]"); // [LIR instructions, blocks, microseconds, code generator]
  return out + "}\n";
}

Value stats_object() {
  const JitState& j = jit();
  Dict* d = new_dict();
  dict_set_str(d, "enabled", Value::boolean(enabled()));
  dict_set_str(d, "policy", str_value(j.policy_name()));
  for (const StatValue& s : j.stat_values())
    dict_set_str(d, s.key, s.seconds ? Value::from_double(s.value) : make_int_u64(static_cast<uint64_t>(s.value)));
  Dict* reasons = new_dict();
  for (size_t i = 0; i < static_cast<size_t>(AbortReason::kCount); ++i)
    dict_set_str(reasons, abort_name(static_cast<AbortReason>(i)), make_int_u64(j.stats.aborts[i]));
  dict_set_str(d, "aborts", Value::object(reasons));
  List* top = new_list();
  for (const JitState::TopExit& e : j.top_exits(5)) {
    Dict* x = new_dict();
    dict_set_str(x, "exit", str_value(e.where));
    dict_set_str(x, "taken", make_int_u64(e.taken));
    dict_set_str(x, "bridged", Value::boolean(e.bridged));
    list_append(top, Value::object(x));
  }
  dict_set_str(d, "top_exits", Value::object(top));
  List* unbridged = new_list();
  for (const JitState::TopExit& e : j.unbridged_exits()) {
    Dict* x = new_dict();
    dict_set_str(x, "exit", str_value(e.where));
    dict_set_str(x, "taken", make_int_u64(e.taken));
    dict_set_str(x, "why", str_value(e.why));
    list_append(unbridged, Value::object(x));
  }
  dict_set_str(d, "unbridged_exits", Value::object(unbridged));
  List* demoted = new_list();
  for (const JitState::Demotion& dm : j.demotions) {
    Dict* x = new_dict();
    dict_set_str(x, "root", str_value(dm.where));
    dict_set_str(x, "entries", make_int_u64(dm.entries));
    dict_set_str(x, "dead_exits", make_int_u64(dm.dead_exits));
    list_append(demoted, Value::object(x));
  }
  dict_set_str(d, "demoted_roots", Value::object(demoted));
  Dict* calls = new_dict();
  for (const auto& [name, n] : j.stats.calls_by_helper) dict_set_str(calls, name.c_str(), make_int_u64(n));
  dict_set_str(d, "calls_by_helper", Value::object(calls));
  Dict* ops = new_dict();
  for (const auto& [name, n] : j.op_counts()) dict_set_str(ops, name.c_str(), make_int_u64(n));
  dict_set_str(d, "ops", Value::object(ops));
  return Value::object(d);
}

} // namespace tributary::jit
