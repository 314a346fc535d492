// jit.cpp — hot counters, recording control, trace installation, running
// machine code, side exits and bridges, statistics.
#include "jit/jit.h"

#include <bit>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "backends/backend.h"
#include "jit/disasm.h"
#include "jit/opt/pipeline.h"
#include "jit/recorder.h"
#include "regions/dot.h"
#include "regions/former.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace tributary::jit {

namespace {

uint64_t key(const vm::Code* c, uint32_t pc) { return (reinterpret_cast<uint64_t>(c) << 16) ^ pc; }

// Abort bookkeeping for a function's entry, apart from a loop header at pc 0.
constexpr uint32_t kFunctionEntry = 0xFFFFFFFFu;

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

constexpr const char* kAbortNames[] = {
#define ABORT_REASON(name, msg) #name,
#include "jit/abort.def"
#undef ABORT_REASON
};
constexpr const char* kAbortMessages[] = {
#define ABORT_REASON(name, msg) msg,
#include "jit/abort.def"
#undef ABORT_REASON
};

backends::Backend& backend() {
  static std::unique_ptr<backends::Backend> b = backends::make_asmjit_backend();
  return *b;
}

} // namespace

const char* abort_name(AbortReason r) { return kAbortNames[static_cast<size_t>(r)]; }
const char* abort_message(AbortReason r) { return kAbortMessages[static_cast<size_t>(r)]; }

std::string parse_params(std::string_view spec, Params& p) {
  while (!spec.empty()) {
    size_t comma = spec.find(',');
    std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) return fmt::format("expected name=value, got '{}'", item);
    std::string name(item.substr(0, eq)), value(item.substr(eq + 1));
    char* end = nullptr;
    long v = std::strtol(value.c_str(), &end, 10);
    if (value.empty() || *end) return fmt::format("invalid value '{}' for {}", value, name);
    bool found = false;
#define JIT_PARAM(pname, type, dflt, help) \
  if (name == #pname) {                    \
    p.pname = static_cast<type>(v);        \
    found = true;                          \
  }
#include "jit/params.def"
#undef JIT_PARAM
    if (!found) return fmt::format("unknown JIT parameter '{}'", name);
  }
  return "";
}

std::string params_help() {
  std::string out;
#define JIT_PARAM(pname, type, dflt, help) out += fmt::format("  {:<20} {} (default {})\n", #pname, help, dflt);
#include "jit/params.def"
#undef JIT_PARAM
  return out;
}

JitState::JitState() = default;
JitState::~JitState() = default;

JitState& jit() {
  static JitState* state = new JitState(); // lives until exit (machine code may run in atexit paths)
  return *state;
}

bool JitState::hot_and_allowed(uint32_t& counter, const vm::Code* code, uint32_t pc, uint32_t threshold) {
  if (++counter < threshold) return false;
  // Back off after each failed attempt: the next try needs twice as many hits.
  auto ab = aborts_at_.find(key(code, pc));
  uint32_t aborted = ab == aborts_at_.end() ? 0 : ab->second;
  if (aborted >= static_cast<uint32_t>(params.max_retries)) { // blacklisted
    counter = 0;
    return false;
  }
  if (counter < (threshold << aborted)) return false;
  counter = 0;
  return true;
}

CompiledTrace* JitState::on_backedge(vm::Frame* f, uint32_t target) {
  vm::Code* co = f->code;
  if (void* t = co->jit_loops[target]) return static_cast<CompiledTrace*>(t);
  if (rec_ || !hot_and_allowed(co->jit_counters[target], co, target, static_cast<uint32_t>(params.threshold)))
    return nullptr;
  ++stats.recordings_started;
  rec_ = std::make_unique<Recorder>(*this, f, target, TraceKind::Loop, nullptr);
  return nullptr;
}

CompiledTrace* JitState::on_function_entry(vm::Frame* f) {
  vm::Code* co = f->code;
  if (co->jit_function) return static_cast<CompiledTrace*>(co->jit_function);
  if (rec_ || !hot_and_allowed(co->jit_calls, co, kFunctionEntry, static_cast<uint32_t>(params.function_threshold)))
    return nullptr;
  ++stats.recordings_started;
  rec_ = std::make_unique<Recorder>(*this, f, 0, TraceKind::Function, nullptr);
  return nullptr;
}

bool JitState::recording_in(const vm::Frame* f) const { return rec_ && rec_->frame() == f; }

void JitState::abort_recording(AbortReason r) {
  if (!rec_) return;
  ++stats.aborts[static_cast<size_t>(r)];
  if (rec_->parent()) {
    ExitInfo* e = rec_->parent();
    if (++e->bridge_attempts >= params.max_retries) e->blacklisted = true;
    e->count = 0;
  } else {
    uint32_t pc = rec_->kind() == TraceKind::Function ? kFunctionEntry : rec_->start_pc();
    uint32_t& n = aborts_at_[key(rec_->frame()->code, pc)];
    if (++n >= static_cast<uint32_t>(params.max_retries)) ++stats.blacklisted;
  }
  if (!log_spec.empty())
    log_trace(fmt::format("# abort {} at {}:{}: {}\n", abort_name(r), rec_->frame()->code->qualname,
                          rec_->start_pc(), abort_message(r)));
  rec_.reset();
}

bool JitState::record_instruction(vm::Frame* f, uint32_t pc, Value* sp) {
  if (!rec_ || rec_->frame() != f) return false;
  double t0 = now();
  bool done = false;
  try {
    done = rec_->record(pc, sp);
  } catch (RecordAbort& a) {
    stats.record_seconds += now() - t0;
    abort_recording(a.reason);
    return false;
  }
  stats.record_seconds += now() - t0;
  if (!done) return true;
  std::unique_ptr<CompiledTrace> t;
  try {
    t = rec_->finish();
  } catch (RecordAbort& a) {
    abort_recording(a.reason);
    return false;
  }
  ExitInfo* parent = rec_->parent();
  rec_.reset();
  stats.ops_recorded += t->raw.ins.size();
  for (const Ins& in : t->raw.ins)
    if (in.op == IrOp::CALL) {
      ++stats.calls;
      ++stats.calls_by_helper[t->raw.calls[in.imm].name];
    }
  if (parent && try_attach(parent, t.get())) return false;
  if (t->join_bound >= 0) {
    // A bridge that ends by joining cannot run on its own.
    if (parent && ++parent->bridge_attempts >= params.max_retries) parent->blacklisted = true;
    return false;
  }
  t->id = static_cast<int>(traces_.size()) + 1;
  if (!compile(t.get())) {
    ++stats.aborts[static_cast<size_t>(AbortReason::BackendFailure)];
    if (parent) parent->blacklisted = true;
    return false;
  }
  CompiledTrace* raw = t.get();
  switch (t->kind) {
  case TraceKind::Loop:
    ++stats.loops;
    t->code->jit_loops[t->start_pc] = raw;
    break;
  case TraceKind::Function:
    ++stats.functions;
    t->code->jit_function = raw;
    break;
  case TraceKind::Bridge: ++stats.bridges; parent->bridge = raw; break;
  }
  traces_.push_back(std::move(t));
  return false;
}

bool JitState::compile(CompiledTrace* t) {
  // One exit per guard of the raw region; existing exits keep their counters.
  for (Ins& in : t->raw.ins) {
    if (!in.is(Guard) || in.snap < 0 || in.exit_id >= 0) continue;
    auto e = std::make_unique<ExitInfo>();
    e->trace = t;
    e->index = static_cast<int32_t>(t->exits.size());
    e->snap = in.snap;
    e->exception = in.op == IrOp::GUARD_NOEXC;
    in.exit_id = e->index;
    t->exits.push_back(std::move(e));
  }
  double t1 = now();
  t->ir = t->raw;
  optimize(t->ir, disabled_passes);
  stats.optimize_seconds += now() - t1;
  std::vector<void*> handles(t->ir.ins.size(), nullptr);
  for (size_t i = 0; i < t->ir.ins.size(); ++i) {
    Ins& in = t->ir.ins[i];
    if (in.exit_id < 0 || !in.is(Guard) || in.snap < 0 || in.target >= 0) continue; // (a pass may have proven it away)
    ExitInfo* e = t->exits[in.exit_id].get();
    e->snap = in.snap;
    e->restore.clear();
    for (const SnapEntry& se : t->ir.snaps[in.snap].entries) {
      const Ins& v = t->ir.ins[se.ref];
      ExitSlot x{se.slot, v.type, false, 0};
      switch (v.op) {
      case IrOp::KINT: x.is_const = true, x.bits = Value::small_int(v.imm).bits(); break;
      case IrOp::KF64: x.is_const = true, x.bits = Value::from_double(std::bit_cast<double>(v.imm)).bits(); break;
      case IrOp::KVAL: x.is_const = true, x.bits = static_cast<uint64_t>(v.imm); break;
      default: break;
      }
      e->restore.push_back(x);
    }
    handles[i] = e;
    ++stats.guards;
  }
  backends::Abi abi{static_cast<int32_t>(offsetof(ExitFrame, exit)), static_cast<int32_t>(offsetof(ExitFrame, result)),
                    static_cast<int32_t>(offsetof(ExitFrame, scratch)), static_cast<int32_t>(offsetof(ExitFrame, values))};
  double t0 = now();
  backends::CodeResult code = backend().compile(t->ir, handles, abi);
  stats.backend_seconds += now() - t0;
  if (!code.error.empty()) {
    if (!log_spec.empty()) log_trace(fmt::format("# backend failure: {}\n", code.error));
    return false;
  }
  if (t->entry) retire_code(reinterpret_cast<void*>(t->entry));
  stats.code_bytes += code.size;
  t->entry = reinterpret_cast<MachineCode>(code.entry);
  t->code_bytes = code.size;
  stats.ops_optimized += t->ir.ins.size();
  if (!log_spec.empty())
    log_trace(fmt::format("# trace {} ({}) {}:{} — {} ops, {} blocks, {} bytes\n{}\n", t->id,
                          t->kind == TraceKind::Loop ? "loop" : t->kind == TraceKind::Function ? "function" : "bridge",
                          t->code->qualname, t->start_pc, t->ir.ins.size(), t->ir.blocks.size(), code.size,
                          format_trace(t->ir)) +
              "machine code:\n" + disassemble(code.entry, code.size) + "\n");
  return true;
}

bool JitState::try_attach(ExitInfo* parent, CompiledTrace* bridge) {
  CompiledTrace* root = parent->trace;
  // Loop bridges always become paths of the loop's region (they end at its
  // header, as in PyPy). A function's bridge joins its region only when the
  // merge policy let it join; otherwise it stays separate, as PyPy's do (and
  // the region is not recompiled for a path that adds no join).
  if (root->kind == TraceKind::Function && (!policy->merges() || bridge->join_bound < 0)) return false;
  if (!params.attach_bridges || root->kind == TraceKind::Bridge ||
      root->raw.ins.size() + bridge->raw.ins.size() > static_cast<size_t>(params.trace_limit))
    return false;
  Ref guard = kNoRef;
  for (size_t i = 0; i < root->raw.ins.size(); ++i)
    if (root->raw.ins[i].exit_id == parent->index) guard = static_cast<Ref>(i);
  if (guard == kNoRef) return false;
  // A guard the optimizer moved (LICM hoists invariant checks to the loop
  // entry, with the entry snapshot) exits elsewhere than its raw position.
  if (root->raw.ins[guard].snap != parent->snap) return false;
  Trace saved_raw = root->raw;
  std::vector<Boundary> saved_bounds = root->bounds;
  std::vector<uint8_t> saved_fold = root->fold_used;
  regions::AttachResult r = regions::attach_bridge(*root, guard, *bridge);
  if (!r.error.empty()) {
    root->raw = std::move(saved_raw);
    root->bounds = std::move(saved_bounds);
    root->fold_used = std::move(saved_fold);
    log_region(fmt::format("bridge kept separate at {}:{}: {}", root->code->qualname, parent->snap, r.error));
    return false;
  }
  if (!compile(root)) {
    root->raw = std::move(saved_raw);
    root->bounds = std::move(saved_bounds);
    root->fold_used = std::move(saved_fold);
    compile(root);
    return false;
  }
  ++stats.bridges;
  if (r.joined) {
    ++stats.merges;
    stats.phis += static_cast<uint64_t>(r.phis);
  }
  log_region(fmt::format("{} bridge into region {}:{} ({} blocks{})", r.joined ? "merged" : "attached",
                         root->code->qualname, root->start_pc, root->raw.blocks.size(),
                         r.joined ? fmt::format(", {} phis", r.phis) : ""));
  parent->attached = true;
  return true;
}

void JitState::retire_code(void* entry) {
  retired_.push_back(entry);
  if (running_ == 0) {
    for (void* p : retired_) backend().release(p);
    retired_.clear();
  }
}

namespace {

// Boxes the raw values an exit stub left in the buffer into the frame's slots.
void restore_slots(const ExitInfo* e, const uint64_t* raw, Value* slots) {
  for (size_t k = 0; k < e->restore.size(); ++k) {
    const ExitSlot& x = e->restore[k];
    Value v;
    if (x.is_const) {
      v = Value::from_bits(x.bits);
    } else {
      switch (x.type) {
      case IrType::Int: v = Value::small_int(static_cast<int64_t>(raw[k]) >> 16); break;
      case IrType::F64: v = Value::from_double(std::bit_cast<double>(raw[k])); break;
      case IrType::Bool: v = Value::boolean(raw[k] & 1); break;
      default: v = Value::from_bits(raw[k]); break;
      }
    }
    slots[x.slot] = v;
  }
}

thread_local uint64_t g_exit_values[1 << 14];

} // namespace

ExitInfo* JitState::run(CompiledTrace* t, Value* slots, Value* result) {
  ExitFrame out;
  out.values = g_exit_values;
  ++stats.trace_entries;
  struct Running {
    int& n;
    explicit Running(int& c) : n(c) { ++n; }
    ~Running() { --n; }
  } running(running_);
  for (;;) {
    int64_t r = t->entry(slots, &out);
    if (r == kReturned) {
      *result = out.result;
      return nullptr;
    }
    if (r == kToLoop) {
      t = t->root;
      continue;
    }
    ExitInfo* e = out.exit;
    restore_slots(e, g_exit_values, slots);
    if (e->bridge) {
      t = e->bridge;
      continue;
    }
    ++stats.side_exits;
    return e;
  }
}

void JitState::after_exit(ExitInfo* e, vm::Frame* f) {
  if (rec_ || e->blacklisted || e->exception) return;
  if (++e->count < static_cast<uint32_t>(params.trace_eagerness)) return;
  CompiledTrace* root = e->trace->root ? e->trace->root : e->trace;
  if (root->kind == TraceKind::Loop && stats.bridges >= static_cast<uint64_t>(params.max_bridges)) return;
  ++stats.recordings_started;
  const Snapshot& s = e->trace->ir.snaps[e->snap];
  rec_ = std::make_unique<Recorder>(*this, f, s.pc, TraceKind::Bridge, e);
}

void JitState::log_region(const std::string& text) {
  if (log_spec.find("region") == std::string::npos) return;
  region_log_ += "[region] " + text + "\n";
}

void JitState::log_trace(const std::string& text) {
  // jit-trace to stderr is written as it happens (useful when a run never ends).
  if (log_spec.find("jit-trace:-") != std::string::npos) std::fputs(text.c_str(), stderr);
  else trace_log_ += text;
}

std::string JitState::summary() const {
  std::string out = "[jit-summary]\n";
  out += fmt::format("recordings started:   {}\n", stats.recordings_started);
  out += fmt::format("loops:                {}\n", stats.loops);
  out += fmt::format("function traces:      {}\n", stats.functions);
  out += fmt::format("bridges:              {}\n", stats.bridges);
  out += fmt::format("merge policy:         {}\n", regions::policy_name(policy->kind()));
  out += fmt::format("merged bridges:       {}\n", stats.merges);
  out += fmt::format("join phis:            {}\n", stats.phis);
  uint64_t aborted = 0;
  for (uint64_t a : stats.aborts) aborted += a;
  out += fmt::format("aborted:              {}\n", aborted);
  for (size_t i = 0; i < static_cast<size_t>(AbortReason::kCount); ++i)
    if (stats.aborts[i]) out += fmt::format("  {:<20} {}\n", kAbortNames[i], stats.aborts[i]);
  out += fmt::format("blacklisted:          {}\n", stats.blacklisted);
  out += fmt::format("guards:               {}\n", stats.guards);
  out += fmt::format("ops recorded:         {}\n", stats.ops_recorded);
  out += fmt::format("ops after opt:        {}\n", stats.ops_optimized);
  out += fmt::format("residual calls:       {}\n", stats.calls);
  for (const auto& [name, n] : stats.calls_by_helper)
    out += fmt::format("  {:<20} {}\n", name, n);
  out += fmt::format("machine code bytes:   {}\n", stats.code_bytes);
  out += fmt::format("trace entries:        {}\n", stats.trace_entries);
  out += fmt::format("side exits taken:     {}\n", stats.side_exits);
  out += fmt::format("recording time:       {:.6f} s\n", stats.record_seconds);
  out += fmt::format("optimizer time:       {:.6f} s\n", stats.optimize_seconds);
  out += fmt::format("backend time:         {:.6f} s\n", stats.backend_seconds);
  return out;
}

std::string JitState::stats_json() const {
  std::string aborts;
  for (size_t i = 0; i < static_cast<size_t>(AbortReason::kCount); ++i)
    aborts += fmt::format("{}\"{}\": {}", i ? ", " : "", kAbortNames[i], stats.aborts[i]);
  std::string calls;
  for (const auto& [name, n] : stats.calls_by_helper)
    calls += fmt::format("{}\"{}\": {}", calls.empty() ? "" : ", ", name, n);
  return fmt::format(
      "{{\"policy\": \"{}\", \"merges\": {}, \"phis\": {}, "
      "\"recordings_started\": {}, \"loops\": {}, \"functions\": {}, \"bridges\": {}, \"aborts\": {{{}}}, "
      "\"blacklisted\": {}, \"guards\": {}, \"ops_recorded\": {}, \"ops_optimized\": {}, \"code_bytes\": {}, "
      "\"trace_entries\": {}, \"side_exits\": {}, \"record_seconds\": {:.6f}, \"optimize_seconds\": {:.6f}, "
      "\"backend_seconds\": {:.6f}, \"calls\": {}, \"calls_by_helper\": {{{}}}}}\n",
      regions::policy_name(policy->kind()), stats.merges, stats.phis, stats.recordings_started, stats.loops,
      stats.functions, stats.bridges, aborts, stats.blacklisted, stats.guards, stats.ops_recorded, stats.ops_optimized,
      stats.code_bytes, stats.trace_entries, stats.side_exits, stats.record_seconds, stats.optimize_seconds,
      stats.backend_seconds, stats.calls, calls);
}

void JitState::dump_region_files() {
  if (dump_regions.empty()) return;
  std::string mkdir = "mkdir -p '" + dump_regions + "'";
  if (std::system(mkdir.c_str()) != 0) return;
  bool have_dot = std::system("command -v dot >/dev/null 2>&1") == 0;
  for (const auto& t : traces_) {
    if (!t->entry) continue;
    std::string name = fmt::format("{}/region-{:03}-{}-{}", dump_regions, t->id, t->code->name, t->start_pc);
    for (char& c : name)
      if (c == '<' || c == '>') c = '_';
    if (FILE* fp = std::fopen((name + ".dot").c_str(), "w")) {
      std::fputs(regions::region_dot(*t).c_str(), fp);
      std::fclose(fp);
      if (have_dot) std::system(("dot -Tsvg '" + name + ".dot' -o '" + name + ".svg'").c_str());
    }
  }
}

void JitState::write_logs() {
  // TRIBUTARY_LOG=channel:dest[,channel:dest]; channels jit-summary, jit-trace; dest '-' is stderr.
  std::string_view spec = log_spec;
  while (!spec.empty()) {
    size_t comma = spec.find(',');
    std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    size_t colon = item.find(':');
    std::string channel(item.substr(0, colon));
    std::string dest = colon == std::string_view::npos ? "-" : std::string(item.substr(colon + 1));
    std::string text = channel == "jit-summary" ? summary()
                       : channel == "jit-trace" ? trace_log_
                       : channel == "region"    ? region_log_
                                                : "";
    if (dest == "-" && channel == "jit-trace") continue; // already written
    if (dest == "-") {
      std::fputs(text.c_str(), stderr);
    } else if (FILE* fp = std::fopen(dest.c_str(), "w")) {
      std::fputs(text.c_str(), fp);
      std::fclose(fp);
    }
  }
}

} // namespace tributary::jit
