// jit.cpp — hot counters, recording control, trace installation, running
// machine code, side exits and bridges; the VM's hooks (hooks.h). The
// statistics are in stats.cpp.
#include "jit/jit.h"
#include "jit/hooks.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "backends/backend.h"
#include "backends/disasm.h"
#include "jit/opt/pipeline.h"
#include "jit/recorder.h"
#include "regions/dot.h"
#include "regions/former.h"
#include "regions/lower.h"
#include "runtime/exceptions.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace tributary::jit {

namespace {

uint64_t key(const vm::Code* c, uint32_t pc) { return (reinterpret_cast<uint64_t>(c) << 16) ^ pc; }

// Bridge recordings that may stop at a loop without a trace before the exit counts them as failed.
constexpr uint8_t kInnerLoopWaits = 8;

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

void add_arm_counters(Trace& t, const std::vector<std::unique_ptr<ExitInfo>>& exits);

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

JitState::JitState() : backend(backends::make_backend("asmjit")) {}
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
  if (rec_ && rec_->enter_inline(f)) { // the recording follows an inlined call
    ++stats.inlined_calls;
    return nullptr;
  }
  vm::Code* co = f->code;
  if (co->jit_function) return static_cast<CompiledTrace*>(co->jit_function);
  if (rec_ || !hot_and_allowed(co->jit_calls, co, kFunctionEntry, static_cast<uint32_t>(params.function_threshold)))
    return nullptr;
  ++stats.recordings_started;
  rec_ = std::make_unique<Recorder>(*this, f, 0, TraceKind::Function, nullptr);
  return nullptr;
}

bool JitState::recording_in(const vm::Frame* f) const { return rec_ && rec_->frame() == f; }

void JitState::abort_recording(AbortReason r, const std::string& detail) {
  if (!rec_) return;
  ++stats.aborts[static_cast<size_t>(r)];
  const vm::Code* root_code = rec_->root_code();
  if (rec_->parent() && !rec_->parent()->frames.empty()) {
    // A bridge from inside inlined calls: after max_retries failures the exit
    // is blacklisted, and its next hot streak de-inlines the callee.
    ExitInfo* e = rec_->parent();
    if (++e->bridge_attempts >= params.max_retries) e->blacklisted = true;
    e->count = 0;
  } else if (rec_->in_inlined_call()) {
    // The callee is what cannot be traced: the next recording keeps the call
    // residual instead of counting this against the loop or function.
    rec_->frame()->code->jit_no_inline = true;
    ++stats.deinlined;
  } else if (rec_->parent()) {
    ExitInfo* e = rec_->parent();
    // A path into a loop that is not compiled yet is retried later (that loop
    // is getting hot in the interpreter meanwhile), a few times more than others.
    bool wait = r == AbortReason::InnerLoop && ++e->inner_loop_waits <= kInnerLoopWaits;
    if (!wait && ++e->bridge_attempts >= params.max_retries) e->blacklisted = true;
    if (r == AbortReason::LoopEntry) e->blacklisted = true; // the path will fall into that loop again
    e->count = 0;
  } else {
    uint32_t pc = rec_->kind() == TraceKind::Function ? kFunctionEntry : rec_->start_pc();
    uint32_t& n = aborts_at_[key(root_code, pc)];
    if (++n >= static_cast<uint32_t>(params.max_retries)) ++stats.blacklisted;
  }
  if (rec_->parent() && !rec_->join_note().empty())
    log_region(fmt::format("bridge from exit {}:{} aborted ({}); {}", root_code->qualname, rec_->parent()->index,
                           abort_name(r), rec_->join_note()));
  if (!log_spec.empty())
    log_trace(fmt::format("# abort {} at {}:{}{}: {}{}\n", abort_name(r), root_code->qualname, rec_->start_pc(),
                          rec_->in_inlined_call() ? fmt::format(" (inlined {})", rec_->frame()->code->qualname) : "",
                          abort_message(r), detail.empty() ? "" : " (" + detail + ")"));
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
    abort_recording(a.reason, a.detail);
    return false;
  }
  stats.record_seconds += now() - t0;
  if (!done) return true;
  std::unique_ptr<CompiledTrace> t;
  try {
    t = rec_->finish();
  } catch (RecordAbort& a) {
    abort_recording(a.reason, a.detail);
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
  if (parent && !parent->frames.empty()) {
    // A bridge from inside inlined calls runs only as part of its region.
    if (++parent->bridge_attempts >= params.max_retries) parent->blacklisted = true;
    parent->count = 0;
    return false;
  }
  if (parent && !t->join_note.empty())
    log_region(fmt::format("bridge from {}:{} {}", parent->trace->code->qualname, parent->pc, t->join_note));
  if (t->join_bound >= 0) {
    // A bridge that ends by joining cannot run on its own.
    if (parent && ++parent->bridge_attempts >= params.max_retries) parent->blacklisted = true;
    return false;
  }
  t->id = static_cast<int>(traces_.size()) + 1;
  const uint64_t internal_errors = stats.internal_errors;
  if (!compile(t.get())) {
    if (stats.internal_errors == internal_errors) ++stats.aborts[static_cast<size_t>(AbortReason::BackendFailure)];
    if (parent) parent->blacklisted = true;
    return false;
  }
  CompiledTrace* raw = t.get();
  if (t->kind != TraceKind::Bridge)
    for (const Boundary& b : t->bounds) t->versions[b.key] = 1;
  else note_bridge(parent, raw);
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
    e->pc = t->raw.snaps[in.snap].pc;
    e->exception = in.op == IrOp::GUARD_NOEXC;
    in.exit_id = e->index;
    t->exits.push_back(std::move(e));
  }
  double t1 = now();
  t->ir = t->raw;
  if (std::string err = optimize(t->ir, disabled_passes); !err.empty()) {
    // A bug of the JIT's, never the program's: the trace is not compiled and
    // the program goes on in the interpreter. Tests and the fuzzer set
    // TRIBUTARY_JIT_STRICT=1 to make it fatal.
    ++stats.internal_errors;
    const std::string text = fmt::format("# internal error in {}:{}: {}\n{}", t->code->qualname, t->start_pc, err,
                                          format_trace(t->ir));
    if (strict) {
      std::fprintf(stderr, "tributary: %s", text.c_str());
      std::abort();
    }
    if (!log_spec.empty()) log_trace(text);
    return false;
  }
  if (policy->profiles() && t->kind != TraceKind::Bridge) add_arm_counters(t->ir, t->exits);
  stats.optimize_seconds += now() - t1;
  t->compile_seconds += now() - t1;
  ++t->compiles;
  std::vector<void*> handles(t->ir.ins.size(), nullptr);
  for (size_t i = 0; i < t->ir.ins.size(); ++i) {
    Ins& in = t->ir.ins[i];
    if (in.exit_id < 0 || !in.is(Guard) || in.snap < 0 || in.target >= 0) continue; // (a pass may have proven it away)
    ExitInfo* e = t->exits[in.exit_id].get();
    e->snap = in.snap;
    const Snapshot& snap = t->ir.snaps[in.snap];
    // A separately compiled bridge starts from the state it was recorded at;
    // if re-optimizing moved the guard (LICM hoists it, or stops hoisting it
    // once the region has joins) the exit resumes elsewhere, and the bridge
    // no longer fits: drop it (the exit may get a new one).
    if (e->bridge && (e->bridge->start_pc != snap.pc || e->bridge->raw.snaps[0].stack_depth != snap.stack_depth ||
                      !snap.frames.empty())) {
      log_region(fmt::format("bridge {} dropped: its exit now resumes at pc {}", e->bridge->id, snap.pc));
      e->bridge = nullptr;
      e->count = 0;
    }
    e->restore.clear();
    e->frames = t->ir.snaps[in.snap].frames;
    e->frame_slots = static_cast<int32_t>(t->code->nlocals + t->code->ncells() + t->code->max_stack);
    for (const SnapEntry& se : t->ir.snaps[in.snap].entries) {
      const Ins& v = t->ir.ins[se.ref];
      ExitSlot x{se.slot, v.type, v.is_value_const(), v.is_value_const() ? v.value_bits() : 0};
      e->restore.push_back(x);
    }
    handles[i] = e;
    ++stats.guards;
  }
  const regions::ExitLayout layout{
      static_cast<int32_t>(offsetof(ExitFrame, exit)), static_cast<int32_t>(offsetof(ExitFrame, result)),
      static_cast<int32_t>(offsetof(ExitFrame, scratch)), static_cast<int32_t>(offsetof(ExitFrame, values)),
      static_cast<int32_t>(offsetof(ExitFrame, next))};
  double t0 = now();
  lir::Func low;
  if (std::string err = regions::lower(t->ir, handles, layout, low, strict); !err.empty()) {
    ++stats.internal_errors;
    const std::string text = fmt::format("# internal error in {}:{}: lowering: {}\n{}", t->code->qualname,
                                          t->start_pc, err, format_trace(t->ir));
    if (strict) {
      std::fprintf(stderr, "tributary: %s", text.c_str());
      std::abort();
    }
    if (!log_spec.empty()) log_trace(text);
    return false;
  }
  backends::CodeResult code = backend->compile(low);
  stats.backend_seconds += now() - t0;
  t->compile_seconds += now() - t0;
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
              "low-level IR:\n" + lir::format(low) + "machine code:\n" + backends::disassemble(code.entry, code.size) + "\n");
  return true;
}

bool JitState::try_attach(ExitInfo* parent, CompiledTrace* bridge) {
  CompiledTrace* root = parent->trace;
  // Loop bridges always become paths of the loop's region (they end at its
  // header, as in PyPy). A function's bridge joins its region only when the
  // merge policy let it join; otherwise it stays separate, as PyPy's do (and
  // the region is not recompiled for a path that adds no join).
  if (root->kind == TraceKind::Function && (!policy->merges() || bridge->join_bound < 0)) return false;
  if (!params.attach_bridges || root->kind == TraceKind::Bridge || root->frozen ||
      root->raw.ins.size() + bridge->raw.ins.size() > static_cast<size_t>(params.trace_limit))
    return false;
  Ref guard = kNoRef;
  for (size_t i = 0; i < root->raw.ins.size(); ++i)
    if (root->raw.ins[i].exit_id == parent->index) guard = static_cast<Ref>(i);
  if (guard == kNoRef) return false;
  // A guard the optimizer moved (LICM hoists invariant checks to the loop
  // entry, with the entry snapshot) exits elsewhere than its raw position.
  if (root->raw.ins[guard].snap != parent->snap) return false;
  regions::AttachResult r = regions::attach_bridge(*root, guard, *bridge);
  if (!r.error.empty()) {
    log_region(fmt::format("bridge kept separate at {}:{}: {}", root->code->qualname, parent->snap, r.error));
    return false;
  }
  if (!compile(root)) {
    r.before->restore(*root);
    compile(root);
    return false;
  }
  ++stats.bridges;
  const uint32_t exit_pc = parent->pc;
  if (r.joined) {
    ++stats.merges;
    stats.phis += static_cast<uint64_t>(r.phis);
    stats.widened += static_cast<uint64_t>(r.widened);
    stats.widen_checks += static_cast<uint64_t>(r.checks);
    ++root->joins[root->bounds[bridge->join_bound].key];
  }
  parent->attached = true;
  note_bridge(parent, bridge);
  freeze_if_over_budget(root);
  log_region(fmt::format("{} bridge from exit {}:{} (taken {}) into region {}:{}: {}; {} blocks, {} bridges{}",
                         r.joined ? "merged" : "attached", root->code->qualname, exit_pc, parent->taken,
                         root->code->qualname, root->start_pc,
                         r.joined ? bridge->join_note : "ends at the loop header", root->raw.blocks.size(),
                         root->bridge_count,
                         r.joined ? fmt::format(", {} phis ({} widened, {} checks)", r.phis, r.widened, r.checks) : ""));
  return true;
}

// A region recompiled whole for every bridge it takes in costs time quadratic
// in its growth (issue 12's compile storms: one region recompiled hundreds of
// times). Past its budget it is frozen: its code stays, later hot exits get
// bridges compiled on their own.
void JitState::freeze_if_over_budget(CompiledTrace* root) {
  if (root->frozen) return;
  const char* why = nullptr;
  if (root->compiles >= static_cast<uint32_t>(params.region_compiles)) why = "compilations";
  else if (root->compile_seconds * 1000.0 >= params.region_compile_ms) why = "compile time";
  if (!why) return;
  root->frozen = true;
  ++stats.frozen;
  log_region(fmt::format("freeze region {}:{}: {} over budget ({} compilations, {:.1f} ms, {} blocks)",
                         root->code->qualname, root->start_pc, why, root->compiles, root->compile_seconds * 1000.0,
                         root->raw.blocks.size()));
}

void JitState::note_bridge(ExitInfo* parent, const CompiledTrace* bridge) {
  CompiledTrace* root = parent->trace->root ? parent->trace->root : parent->trace;
  for (uint64_t key : bridge->pcs) ++root->versions[key];
  ++root->bridge_count;
  const uint32_t exit_pc = parent->pc;
  if (std::find(root->bridged_pcs.begin(), root->bridged_pcs.end(), exit_pc) == root->bridged_pcs.end())
    root->bridged_pcs.push_back(exit_pc);
  const uint32_t guard_pcs = static_cast<uint32_t>(root->bridged_pcs.size());
  if (!root->reformed && policy->wants_reform(root->bridge_count, guard_pcs)) {
    // Exponential bridging (seed 000): the bridges are copies of one
    // another's paths. From now on this root's merge points join generically.
    root->reformed = true;
    ++stats.reformations;
    log_region(fmt::format("re-form region {}:{}: {} bridges behind {} distinct guard positions (ratio > {}); "
                           "its merge points now join generically",
                           root->code->qualname, root->start_pc, root->bridge_count, guard_pcs,
                           params.reform_ratio));
  }
}

void JitState::retire_code(void* entry) {
  retired_.push_back(entry);
  if (running_ == 0) {
    for (void* p : retired_) backend->release(p);
    retired_.clear();
  }
}

namespace {

// Profiling policies: every arm that still branches (a guard with a target
// block: an attached bridge) counts its runs in its exit's arm_taken, at the
// start of its first block.
void add_arm_counters(Trace& t, const std::vector<std::unique_ptr<ExitInfo>>& exits) {
  std::vector<Ref> counted_block_exit(t.blocks.size(), kNoRef);
  bool any = false;
  for (const Ins& i : t.ins)
    if (i.is(Guard) && i.target >= 0 && i.exit_id >= 0 && counted_block_exit[i.target] == kNoRef) {
      counted_block_exit[i.target] = i.exit_id;
      any = true;
    }
  if (!any) return;
  std::vector<int32_t> block_of = block_index(t);
  std::vector<Ref> order;
  for (size_t b = 0; b < t.blocks.size(); ++b) {
    const Block& blk = t.blocks[b];
    Ref r = blk.begin;
    for (; r < blk.end && t.ins[r].op == IrOp::PHI; ++r) order.push_back(r);
    if (counted_block_exit[b] != kNoRef) {
      auto add = [&](Ins i) {
        t.ins.push_back(i);
        block_of.push_back(static_cast<int32_t>(b));
        order.push_back(static_cast<Ref>(t.ins.size()) - 1);
        return order.back();
      };
      uint64_t* counter = &exits[counted_block_exit[b]]->arm_taken;
      Ref addr = add({IrOp::KRAW, IrType::Raw, kNoRef, kNoRef, static_cast<int64_t>(reinterpret_cast<uintptr_t>(counter))});
      Ref one = add({IrOp::KRAW, IrType::Raw, kNoRef, kNoRef, 1});
      Ref n = add({IrOp::LOAD, IrType::Raw, addr, kNoRef, 0});
      Ref n1 = add({IrOp::ADD, IrType::Raw, n, one, 0});
      add({IrOp::STORE, IrType::None, addr, n1, 0});
    }
    for (; r < blk.end; ++r) order.push_back(r);
  }
  reorder(t, order, block_of);
}

// Boxes the raw values an exit stub left in the buffer into the frame's slots
// (and the slots of inlined frames into `inlined`).
void restore_slots(const ExitInfo* e, const uint64_t* raw, Value* slots, Value* inlined) {
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
    if (x.slot < e->frame_slots) slots[x.slot] = v;
    else inlined[x.slot - e->frame_slots] = v;
  }
}

thread_local uint64_t g_exit_values[1 << 14];

} // namespace

ExitInfo* JitState::run(CompiledTrace* t, Value* slots, Value* result) {
  ExitFrame out;
  out.values = g_exit_values;
  ++stats.trace_entries;
  ++t->entries;
  if (policy->profiles() && t->kind != TraceKind::Bridge) check_profile(t);
  struct Running {
    int& n;
    explicit Running(int& c) : n(c) { ++n; }
    ~Running() { --n; }
  } running(running_);
  for (;;) {
    if (!t->entry) { // invalidated: the interpreter continues at its start
      ++stats.side_exits;
      return t->entry_exit.get();
    }
    int64_t r = t->entry(slots, &out);
    if (r == kReturned) {
      *result = out.result;
      return nullptr;
    }
    if (r == kToLoop) {
      t = out.next ? out.next : t->root;
      continue;
    }
    ExitInfo* e = out.exit;
    if (!e->frames.empty()) {
      const SnapFrame& last = e->frames.back();
      size_t n = static_cast<size_t>(last.base - e->frame_slots) + last.func.as<vm::Function>()->code->nlocals +
                 last.func.as<vm::Function>()->code->max_stack;
      inline_values_.assign(n, Value::empty());
    }
    restore_slots(e, g_exit_values, slots, inline_values_.data());
    if (e->bridge) {
      t = e->bridge;
      continue;
    }
    ++stats.side_exits;
    return e;
  }
}

void JitState::check_profile(CompiledTrace* t) {
  const uint64_t window = policy->profile_window();
  const uint64_t total = t->kind == TraceKind::Loop ? (t->iterations ? *t->iterations : 0) : t->entries;
  if (window == 0 || total - t->window_start < window) return;
  const double span = static_cast<double>(total - t->window_start);
  t->window_arm.resize(t->exits.size(), 0);
  t->arm_share.resize(t->exits.size(), -1.0);
  std::string shift;
  for (size_t k = 0; k < t->exits.size(); ++k) {
    const ExitInfo* e = t->exits[k].get();
    if (!e->attached) continue; // only merged arms run inside the region
    const double share = static_cast<double>(e->arm_taken - t->window_arm[k]) / span;
    if (shift.empty() && t->arm_share[k] >= 0 && policy->profile_shifted(t->arm_share[k], share))
      shift = fmt::format("arm of exit {} (pc {}) went from {:.0f}% to {:.0f}% of {} {}", k, e->pc,
                          100 * t->arm_share[k], 100 * share, t->kind == TraceKind::Loop ? "iterations" : "calls",
                          total - t->window_start);
    t->arm_share[k] = share;
    t->window_arm[k] = e->arm_taken;
  }
  t->window_start = total;
  if (shift.empty()) return;
  // Re-form: the region is dropped and recorded again around today's hot path.
  ++stats.reformations;
  log_region(fmt::format("re-form region {}:{}: the profile shifted ({})", t->code->qualname, t->start_pc, shift));
  invalidate(t);
}

void JitState::invalidate(CompiledTrace* t) {
  if (t->kind == TraceKind::Loop && t->code->jit_loops[t->start_pc] == t) t->code->jit_loops[t->start_pc] = nullptr;
  if (t->kind == TraceKind::Function && t->code->jit_function == t) t->code->jit_function = nullptr;
  if (!t->entry) return;
  // The machine code is freed as soon as no activation runs machine code
  // (frames further up the C stack may be inside it now).
  retire_code(reinterpret_cast<void*>(t->entry));
  t->entry = nullptr;
  ++stats.invalidated;
  stats.code_bytes_freed += t->code_bytes;
  t->entry_exit = std::make_unique<ExitInfo>();
  t->entry_exit->trace = t;
  t->entry_exit->index = -1;
  t->entry_exit->snap = 0; // the trace's entry snapshot: its start, nothing to restore
  t->entry_exit->blacklisted = true;
}

Value JitState::resume_inlined(ExitInfo* e) {
  ++stats.inlined_exits;
  // A hot exit inside an inlined call gets a bridge that must join its region
  // inside the same call (merging policies): it records in the rebuilt
  // innermost frame. Without one, the callee is no longer inlined, and the
  // root is re-recorded with a residual call (the callee's own trace then
  // grows bridges or merges for its paths).
  if (!e->deinlined && ++e->count >= static_cast<uint32_t>(params.trace_eagerness)) {
    if (policy->merges() && !e->exception && !e->blacklisted) {
      if (!rec_) {
        ++stats.recordings_started;
        resume_bridge_ = e;
      }
    } else {
      e->deinlined = true;
      auto* callee = e->frames.back().func.as<vm::Function>();
      if (!callee->code->jit_no_inline) {
        callee->code->jit_no_inline = true;
        ++stats.deinlined;
        log_region(fmt::format("de-inline {}: exit {} taken {} times", callee->code->qualname, e->index, e->count));
      }
      invalidate(e->trace->root ? e->trace->root : e->trace);
    }
  }
  // Copy the rebuilt slots out: running the frames may take other exits.
  const size_t n = inline_values_.size();
  auto* values = static_cast<Value*>(alloca(n * sizeof(Value)));
  std::copy(inline_values_.begin(), inline_values_.end(), values);
  const std::vector<SnapFrame> frames = e->frames;
  const int32_t first = e->frame_slots;
  Value exc;
  if (e->exception) {
    exc = pending_exception;
    pending_exception = Value::empty();
  }
  Value result;
  for (size_t k = frames.size(); k-- > 0;) {
    const SnapFrame& sf = frames[k];
    auto* fn = sf.func.as<vm::Function>();
    Value* slots = values + (sf.base - first);
    uint32_t pc = sf.pc, depth = sf.stack_depth;
    if (k + 1 < frames.size()) {
      if (exc.is_empty()) slots[fn->code->nlocals + fn->code->ncells() + depth++] = result; // the inner call's result
      else --pc; // the inner call raised: raise it at this frame's call instruction
    }
    try {
      result = vm::resume_function(fn, slots, pc, depth, exc);
      exc = Value::empty();
    } catch (PyException& ex) {
      resume_bridge_ = nullptr;
      if (k == 0) throw;
      exc = ex.exc;
    }
  }
  return result;
}

void JitState::on_resume(vm::Frame* f) {
  if (!resume_bridge_) return;
  ExitInfo* e = resume_bridge_;
  resume_bridge_ = nullptr;
  if (rec_) return;
  rec_ = std::make_unique<Recorder>(*this, f, static_cast<uint32_t>(f->pc - f->code->code.data()), TraceKind::Bridge, e);
}

void JitState::after_exit(ExitInfo* e, vm::Frame* f) {
  ++e->taken;
  if (rec_ || e->blacklisted || e->exception) return;
  if (++e->count < static_cast<uint32_t>(params.trace_eagerness)) return;
  CompiledTrace* root = e->trace->root ? e->trace->root : e->trace;
  if (root->kind == TraceKind::Loop && stats.bridges >= static_cast<uint64_t>(params.max_bridges)) return;
  const Snapshot& s = e->trace->ir.snaps[e->snap];
  const bool counted = root->kind == TraceKind::Loop && root->iterations;
  regions::ExitProfile prof{e->count, counted ? *root->iterations : root->entries, root->kind == TraceKind::Loop,
                            params.trace_eagerness, counted};
  if (!policy->bridge_now(prof)) {
    if (!e->deferred) {
      e->deferred = true;
      ++stats.cold_exits;
      log_region(fmt::format("exit {}:{} stays a side exit: taken {} ({} since its last recording) on {} entries "
                             "of region {}:{}",
                             e->trace->code->qualname, s.pc, e->taken, e->count, root->entries,
                             root->code->qualname, root->start_pc));
    }
    return;
  }
  log_region(fmt::format("record bridge from exit {}:{}: taken {} ({} since its last recording, eagerness {}), "
                         "{} entries of region {}:{}{}",
                         e->trace->code->qualname, s.pc, e->taken, e->count, params.trace_eagerness, root->entries,
                         root->code->qualname, root->start_pc, e->deferred ? ", after deferral" : ""));
  ++stats.recordings_started;
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

// ---- the VM's hooks (hooks.h) -------------------------------------------------------

bool enabled() { return jit().enabled; }
CompiledTrace* on_backedge(vm::Frame* f, uint32_t target) { return jit().on_backedge(f, target); }
CompiledTrace* on_function_entry(vm::Frame* f) { return jit().on_function_entry(f); }
void on_resume(vm::Frame* f) { jit().on_resume(f); }
bool recording_in(const vm::Frame* f) { return jit().recording_in(f); }
bool record_instruction(vm::Frame* f, uint32_t pc, Value* sp) { return jit().record_instruction(f, pc, sp); }
void recording_left_frame() { jit().abort_recording(AbortReason::LeftFrame); }
void recording_saw_exception() { jit().abort_recording(AbortReason::ExceptionRaised); }

Resume run_compiled(CompiledTrace* t, vm::Frame* f) {
  JitState& j = jit();
  Resume r;
  ExitInfo* e = j.run(t, f->slots, &r.result);
  if (!e) {
    r.returned = true;
    return r;
  }
  const Snapshot& snap = e->trace->ir.snaps[e->snap];
  r.pc = snap.pc;
  r.depth = snap.stack_depth;
  if (!e->frames.empty()) {
    // The exit left inlined calls: finish them; an exception they raise is
    // raised by the outermost call, the instruction before the resume point.
    try {
      r.push = j.resume_inlined(e);
    } catch (PyException& ex) {
      r.exception = ex.exc;
    }
  } else if (e->exception) {
    r.exception = j.pending_exception; // raised by the instruction at the exit
    j.pending_exception = Value::empty();
    ++r.pc;
  } else {
    j.after_exit(e, f);
  }
  return r;
}

} // namespace tributary::jit
