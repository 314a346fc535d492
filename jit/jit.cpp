// jit.cpp — hot counters, recording control, running machine code, side
// exits and the decision to record bridges; the VM's hooks (vm/jit_hooks.h). What a
// finished recording becomes is the region engine's (region_engine.h); the
// statistics are in stats.cpp.
#include "jit/jit.h"
#include "vm/jit_hooks.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>
#if defined(__x86_64__)
#include <unistd.h>
#include <x86intrin.h>
#endif

#include "jit/chunks.h"
#include "jit/recorder.h"
#include "jit/region_engine.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/ops.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/interp.h"

namespace tributary::jit {

namespace {


// Loop recordings that ended on the loop's last iteration (LoopExit) retried
// without backing off; after kLoopExitsBeforeLeaving of them, a recording may
// follow the iteration out of the loop to the next compiled loop header.
constexpr uint32_t kLoopExitRetries = 16;
constexpr uint32_t kLoopExitsBeforeLeaving = 2;

// Abort bookkeeping for a function's entry, apart from a loop header at pc 0.
constexpr uint32_t kFunctionEntry = 0xFFFFFFFFu;

// Time stamps for the safety net's samples: cycles where the CPU counts them cheaply.
uint64_t ticks() {
#if defined(__x86_64__)
  return __rdtsc();
#else
  return static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
#endif
}

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

// Hot counters count as signed: after a failed attempt abort_recording sets
// the location's counter below zero by what backing off adds (the next try
// needs twice as many hits), so a hit costs one compare until it is due.
bool JitState::hot_and_allowed(uint32_t& counter, const vm::Code* code, uint32_t pc, uint32_t threshold,
                               uint32_t weight) {
  if (static_cast<int32_t>(counter += weight) < static_cast<int32_t>(threshold)) return false;
  auto ab = aborts_at_.find(location_key(code, pc));
  if (ab != aborts_at_.end() && ab->second >= static_cast<uint32_t>(params.max_retries)) { // blacklisted
    counter = 1u << 31; // (looked up again after 2^31 hits)
    return false;
  }
  counter = 0;
  return true;
}

void JitState::start_recording(vm::Frame* f, uint32_t start_pc, TraceKind kind, ExitInfo* parent) {
  RecorderEnv env{params, *engine, [this](const std::string& text) { log_region(text); }};
  rec_ = std::make_unique<Recorder>(std::move(env), f, start_pc, kind, parent);
  detail::recording = true;
}

void JitState::end_recording() {
  rec_.reset();
  detail::recording = false;
}

CompiledTrace* JitState::on_backedge(vm::Frame* f, uint32_t target) {
  vm::Code* co = f->code;
  if (void* t = co->jit_loops[target]) return static_cast<CompiledTrace*>(t);
  if (rec_ || !hot_and_allowed(co->jit_counters[target], co, target, static_cast<uint32_t>(params.threshold)))
    return nullptr;
  if (co->jit_huge && params.segmenting) {
    const bool long_enough = loop_runs_long(co, target, static_cast<uint32_t>(params.threshold));
    restart_loop_count(co, target, 0);
    if (note_short_loop(co, target, !long_enough)) {
      ++stats.short_loops;
      log_region(fmt::format("loop {}:{} left to the interpreter: under {} back-edges per call of huge code",
                             co->qualname, target, kShortLoopTrips));
    }
    if (!long_enough) return nullptr;
  }
  ++stats.recordings_started;
  start_recording(f, target, TraceKind::Loop, nullptr);
  if (auto it = loop_exits_at_.find(location_key(co, target)); it != loop_exits_at_.end() && it->second >= kLoopExitsBeforeLeaving)
    rec_->allow_leaving_loop();
  return nullptr;
}

CompiledTrace* JitState::on_function_entry(vm::Frame* f) {
  if (rec_ && rec_->enter_inline(f)) { // the recording follows an inlined call
    ++stats.inlined_calls;
    return nullptr;
  }
  vm::Code* co = f->code;
  if (co->jit_function) return static_cast<CompiledTrace*>(co->jit_function);
  // A call counts as much work as its code's length (call_weight): a huge
  // generated function run a few dozen times is as hot as a small one run
  // function_threshold times.
  const uint32_t weight = params.call_weight > 0 && params.segmenting
                              ? std::max<uint32_t>(1, static_cast<uint32_t>(co->code.size() / params.call_weight))
                              : 1;
  if (rec_ || !hot_and_allowed(co->jit_calls, co, kFunctionEntry, static_cast<uint32_t>(params.function_threshold),
                               weight))
    return nullptr;
  ++stats.recordings_started;
  start_recording(f, 0, TraceKind::Function, nullptr);
  return nullptr;
}

bool JitState::recording_in(const vm::Frame* f) const { return rec_ && rec_->frame() == f; }

void JitState::abort_recording(AbortReason r, const std::string& detail) {
  if (!rec_) return;
  ++stats.aborts[static_cast<size_t>(r)];
  const vm::Code* root_code = rec_->root_code();
  if (ExitInfo* e = rec_->parent()) e->no_bridge = fmt::format("recording aborted: {}", abort_name(r));
  // Too long in its own frame, with nothing inlined to blame (or a long
  // bridge that fell into another loop's header): the code is huge, and
  // its next recordings are cut into chunks (seed 003). This abort does not
  // count against the location.
  const bool huge_now = (r == AbortReason::TraceTooLong || r == AbortReason::LoopEntry) && params.segmenting &&
                        !rec_->in_inlined_call() && (!rec_->parent() || rec_->parent()->frames.empty()) &&
                        !root_code->jit_huge &&
                        !(root_code->flags & (vm::kGenerator | vm::kCoroutine | vm::kAsyncGenerator));
  if (huge_now) {
    mark_huge(const_cast<vm::Code*>(root_code)); // (the JIT's state in the code)
    ++stats.huge_codes;
    log_region(fmt::format("{} is huge ({} of a {} at pc {}): its recordings are cut into chunks of about {} "
                           "instructions", root_code->qualname, abort_name(r), kind_name(rec_->kind()),
                           rec_->start_pc(), params.chunk_limit));
    if (ExitInfo* e = rec_->parent()) e->count = 0;
    // Its loops are re-recorded with iteration counters (see short_loop).
    for (void* p : root_code->jit_loops)
      if (auto* t = static_cast<CompiledTrace*>(p); t && t->kind == TraceKind::Loop && !t->iterations && t->entry)
        engine->invalidate(t);
  } else if (rec_->parent() && !rec_->parent()->frames.empty()) {
    // A bridge from inside inlined calls: after max_retries failures the exit
    // is blacklisted, and its next hot streak de-inlines the callee. When the
    // bridge failed inside a call it entered itself (after returning from the
    // exit's calls), that callee is what cannot be traced: the next attempt
    // keeps it residual (de-inlining the exit's callee would drop the region).
    ExitInfo* e = rec_->parent();
    if (rec_->in_entered_call() && !rec_->frame()->code->jit_no_inline) {
      rec_->frame()->code->jit_no_inline = true;
      ++stats.deinlined;
    } else if (++e->bridge_attempts >= params.max_retries) {
      e->blacklisted = true;
    }
    e->count = 0;
  } else if (rec_->in_inlined_call()) {
    // The callee is what cannot be traced: the next recording keeps the call
    // residual instead of counting this against the loop or function.
    rec_->frame()->code->jit_no_inline = true;
    ++stats.deinlined;
  } else if (rec_->parent()) {
    ExitInfo* e = rec_->parent();
    if (++e->bridge_attempts >= params.max_retries) e->blacklisted = true;
    if (r == AbortReason::LoopEntry) e->blacklisted = true; // the path will fall into that loop again
    e->count = 0;
  } else {
    uint32_t pc = rec_->kind() == TraceKind::Function ? kFunctionEntry : rec_->start_pc();
    // A loop recorded on its last iteration is retried without backing off,
    // a few times more than other failures (a loop that mostly runs one or
    // two iterations ends on most of them).
    bool retry = r == AbortReason::LoopExit && ++loop_exits_at_[location_key(root_code, pc)] <= kLoopExitRetries;
    // A loop whose iteration met an inner loop without a trace hands over:
    // the inner loop is recorded from its next back-edge (the one the
    // interpreter runs now), and this loop again after it, without backing off.
    if (uint32_t inner = rec_->inner_loop(); r == AbortReason::InnerLoop && inner != Recorder::kNoInnerLoop &&
                                             loop_may_get_trace(rec_->frame()->code, inner)) {
      auto* code = const_cast<vm::Code*>(rec_->frame()->code);
      if (code->jit_counters[inner] < static_cast<uint32_t>(params.threshold))
        code->jit_counters[inner] = static_cast<uint32_t>(params.threshold) - 1;
      retry = ++inner_handovers_[location_key(root_code, pc)] <= kLoopExitRetries;
    }
    uint32_t& n = aborts_at_[location_key(root_code, pc)];
    // (A chunk of calls would be one again: its start is no longer a boundary
    // the interpreter watches for.)
    if (r == AbortReason::CallBound) {
      ++const_cast<vm::Code*>(root_code)->jit_chunks_refused;
      n = static_cast<uint32_t>(params.max_retries) - 1;
      auto& pcs = const_cast<vm::Code*>(root_code)->jit_chunk_pcs;
      pcs.erase(std::remove(pcs.begin(), pcs.end(), pc), pcs.end());
    }
    if (!retry && ++n >= static_cast<uint32_t>(params.max_retries)) ++stats.blacklisted;
    // Back off (hot_and_allowed): the next try after threshold << n hits.
    auto* code = const_cast<vm::Code*>(root_code); // (its counters are the JIT's)
    const bool fn = pc == kFunctionEntry;
    uint32_t& counter = fn ? code->jit_calls : code->jit_counters[pc];
    const uint32_t threshold = static_cast<uint32_t>(fn ? params.function_threshold : params.threshold);
    if (!retry && n > 0) counter = threshold - (threshold << std::min<uint32_t>(n, 16));
    if (!fn && root_code->jit_huge) restart_loop_count(code, pc, counter);
  }
  if (rec_->parent() && !rec_->join_note().empty())
    log_region(fmt::format("bridge from exit {}:{} aborted ({}); {}", root_code->qualname, rec_->parent()->index,
                           abort_name(r), rec_->join_note()));
  if (!log_spec.empty())
    log_trace(fmt::format("# abort {} of a {} at {}:{}{}: {}{}\n", abort_name(r), kind_name(rec_->kind()),
                          root_code->qualname, rec_->start_pc(),
                          rec_->in_inlined_call() ? fmt::format(" (inlined {})", rec_->frame()->code->qualname) : "",
                          abort_message(r), detail.empty() ? "" : " (" + detail + ")"));
  end_recording();
}

bool JitState::recording_caught(vm::Frame* f, uint32_t idx, const vm::ExceptionEntry* h) {
  if (!rec_) return false;
  if (rec_->frame() != f && detail::watched == f) return false; // (hooked as watched, not recorded)
  bool followed = false;
  try {
    followed = h && rec_->frame() == f && rec_->caught(idx, *h);
  } catch (RecordAbort& a) {
    abort_recording(a.reason, a.detail);
    return false;
  }
  if (!followed) abort_recording(AbortReason::ExceptionRaised);
  return followed;
}

bool JitState::record_instruction(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter) {
  if (detail::watched == f && (!rec_ || rec_->frame() != f)) return watch_step(f, pc, sp, enter);
  if (!rec_ || rec_->frame() != f) return false;
  double t0 = now();
  bool done = false;
  try {
    done = rec_->record(pc, sp);
  } catch (RecordAbort& a) {
    stats.record_seconds += now() - t0;
    abort_recording(a.reason, a.detail);
    return after_recording(f, pc, sp, enter);
  }
  stats.record_seconds += now() - t0;
  if (!done) return true;
  std::unique_ptr<CompiledTrace> t;
  try {
    t = rec_->finish();
  } catch (RecordAbort& a) {
    abort_recording(a.reason, a.detail);
    return after_recording(f, pc, sp, enter);
  }
  ExitInfo* parent = rec_->parent();
  end_recording();
  stats.ops_recorded += t->raw.ins.size();
  for (const Ins& in : t->raw.ins)
    if (in.op == IrOp::CALL) {
      ++stats.calls;
      ++stats.calls_by_helper[t->raw.calls[in.imm].name];
    }
  engine->install(std::move(t), parent);
  return after_recording(f, pc, sp, enter);
}

namespace {

Value exit_value(const ExitSlot& x, const uint64_t* raw) {
  if (x.is_const) return Value::from_bits(x.bits);
  const uint64_t w = raw[x.value];
  switch (x.type) {
  case IrType::Int: return Value::small_int(static_cast<int64_t>(w) >> 16);
  case IrType::F64: return Value::from_double(std::bit_cast<double>(w));
  case IrType::Bool: return Value::boolean(w & 1);
  default: return Value::from_bits(w);
  }
}

// Boxes the raw values an exit stub left in the buffer into the frame's slots
// (and the slots of inlined frames into `inlined`). The exit's virtual
// objects (opt/virtuals.cpp) are built first: their descriptions follow the
// frame slots in the snapshot, class, shape, then attributes.
void restore_slots(const ExitInfo* e, const uint64_t* raw, Value* slots, Value* inlined, uint64_t& built) {
  std::vector<Value> made(e->virtuals);
  for (size_t k = 0; e->virtuals && k < e->restore.size(); ++k) {
    const ExitSlot& x = e->restore[k];
    if (!is_virtual_slot(x.slot)) continue;
    const int32_t part = virtual_part(x.slot);
    Value& o = made[x.virt];
    if (part == 0) { // (a tuple is made at its length, part 1)
      auto* cls = reinterpret_cast<Type*>(x.bits);
      if (cls != &types::tuple) o = Value::object(tributary::new_instance(cls)), ++built;
    } else if (part == 1) {
      if (o.is_object()) o.as<Instance>()->shape = reinterpret_cast<Shape*>(x.bits);
      else o = Value::object(new_tuple(static_cast<size_t>(x.bits))), ++built;
    } else if (part < kVirtualStride - 1) {
      if (o.as_object()->type == &types::tuple) o.as<Tuple>()->items[part - 2] = exit_value(x, raw);
      else o.as<Instance>()->slots[part - 2] = exit_value(x, raw);
    } else if (const Value held = exit_value(x, raw); held.bits() != virtual_marker_bits()) {
      o = held; // a carried object's PHI holds the real object the loop began with: none is built
      --built;
    }
  }
  for (const ExitSlot& x : e->restore) {
    if (is_virtual_slot(x.slot)) continue;
    const Value v = x.virt >= 0 ? made[x.virt] : exit_value(x, raw);
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
  if ((t->entries & 255) == 0 && t->kind == TraceKind::Loop && t->iterations && t->code->jit_huge &&
      params.segmenting && short_loop(t))
    return t->entry_exit.get();
  if (engine->profiling) engine->entering(t);
  struct Running {
    int& n;
    explicit Running(int& c) : n(c) { ++n; }
    ~Running() { --n; }
  } running(running_);
  // The safety net samples one entry in 16: ticks in machine code against
  // ticks restoring frames at its exits (separate bridges included);
  // run_compiled adds the rest of the exit's handling (end_sample).
  CompiledTrace* const entered = t;
  const bool sampled = (t->entries & 15) == 0 && params.demote_window > 0;
  uint64_t mark = sampled ? ticks() : 0, in_code = 0, exiting = 0;
  auto lap = [&](uint64_t& into) {
    if (!sampled) return;
    const uint64_t now = ticks();
    into += now - mark;
    mark = now;
  };
  sample_mark_ = 0;
  for (;;) {
    if (!t->entry) { // invalidated: the interpreter continues at its start
      ++stats.side_exits;
      return t->entry_exit.get();
    }
    // Tiered backends: code entered tier_up times is recompiled by the
    // optimizing tier (loops also count iterations: their tier-up check).
    if (tier_up_entries && t->tier == kTierQuick && ++t->heat == tier_up_entries) engine->promote(t);
    ++t->active;
    int64_t r = t->entry(slots, &out);
    --t->active;
    lap(in_code);
    if (r == kReturned) {
      *result = out.result;
      if (sampled) entered->sample(in_code, exiting, params.demote_exit_ratio);
      return nullptr;
    }
    if (r == kToLoop) {
      t = out.next ? out.next : t->root;
      // (A loop entered from another trace's code, a function's say, has its
      // profile windows closed here: it may never be entered from the interpreter.)
      if (engine->profiling) engine->entering(t);
      continue;
    }
    ExitInfo* e = out.exit;
    if (r == kSuspended) { // a generator yields: the path's end, sampled like a return
      ++stats.side_exits;
      ++e->taken;
      if (sampled) entered->sample(in_code, 0, params.demote_exit_ratio);
      return e;
    }
    if (!e->frames.empty()) {
      const SnapFrame& last = e->frames.back();
      size_t n = static_cast<size_t>(last.base - e->frame_slots) + last.func.as<vm::Function>()->code->nlocals +
                 last.func.as<vm::Function>()->code->max_stack;
      inline_values_.assign(n, Value::empty());
    }
    restore_slots(e, g_exit_values, slots, inline_values_.data(), stats.materialized);
    lap(exiting);
    if (e->tier_up && engine->promote(e->root())) { // the loop goes on in its new code
      t = e->root();
      continue;
    }
    if (e->bridge) {
      t = e->bridge;
      continue;
    }
    ++stats.side_exits;
    ++e->taken;
    if (sampled) {
      sample_mark_ = mark;
      sample_in_code_ = in_code;
      sample_exiting_ = exiting;
      sampled_root_ = entered;
    }
    return e;
  }
}

void CompiledTrace::sample(uint64_t in_code, uint64_t exiting, int ratio) {
  ++samples;
  run_ticks += in_code;
  exit_ticks += exiting;
  if (exiting >= in_code * static_cast<uint64_t>(ratio)) ++exit_bound;
}

void JitState::end_sample() {
  if (!sample_mark_) return;
  sampled_root_->sample(sample_in_code_, sample_exiting_ + (ticks() - sample_mark_), params.demote_exit_ratio);
  sample_mark_ = 0;
}

void JitState::left_for_good(ExitInfo* e) {
  CompiledTrace* root = e->root();
  ++root->dead_exits;
  const uint64_t window = root->entries - root->window_entries;
  if (params.demote_window <= 0 || window < static_cast<uint64_t>(params.demote_window) || !root->entry) return;
  if (root->dead_exits * 100 >= window * static_cast<uint64_t>(params.demote_percent) &&
      root->exit_bound * 2 > root->samples) {
    const std::string where = fmt::format("{}:{}", root->code->qualname, root->start_pc);
    demotions.push_back({where, window, root->dead_exits, root->samples, root->exit_bound});
    ++stats.demoted;
    log_region(fmt::format("demote {} to the interpreter: {} of its last {} entries left through exits that get "
                           "no bridge (last: {}:{}, {}); {} of {} sampled entries spent {}x the ticks in machine "
                           "code exiting (in all: {} exiting, {} in machine code)",
                           where, root->dead_exits, window, e->trace->code->qualname, e->pc, why_unbridged(*e),
                           root->exit_bound, root->samples, params.demote_exit_ratio, root->exit_ticks,
                           root->run_ticks));
    aborts_at_[location_key(root->code, root->kind == TraceKind::Function ? kFunctionEntry : root->start_pc)] =
        static_cast<uint32_t>(params.max_retries);
    engine->invalidate(root);
    return;
  }
  root->window_entries = root->entries;
  root->dead_exits = root->samples = root->exit_bound = 0;
  root->run_ticks = root->exit_ticks = 0;
}

Value JitState::resume_inlined(ExitInfo* e, Value* root_slots, bool& exhausted) {
  ++stats.inlined_exits;
  // A hot exit inside an inlined call gets a bridge that must join its region
  // inside the same call (merging policies): it records in the rebuilt
  // innermost frame. Without one, the callee is no longer inlined, and the
  // root is re-recorded with a residual call (the callee's own trace then
  // grows bridges or merges for its paths).
  // (A stale root is re-recorded; the frames below are finished by the interpreter.)
  // (A raise in a FOR_ITER's __next__ is its StopIteration, the loop's end:
  // not a reason to stop inlining it.)
  const bool loop_end = e->terminal && e->frames.back().entry == kByIter;
  if (!loop_end && !flush_if_due(e) && !invalidate_if_stale(e) && !e->deinlined &&
      ++e->count >= static_cast<uint32_t>(params.trace_eagerness)) {
    if (engine->merges() && !e->exception && !e->blacklisted) {
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
      engine->invalidate(e->root());
    }
  }
  // Copy the rebuilt slots out: running the frames may take other exits.
  const size_t n = inline_values_.size();
  auto* values = static_cast<Value*>(alloca(n * sizeof(Value)));
  std::copy(inline_values_.begin(), inline_values_.end(), values);
  const std::vector<SnapFrame> frames = e->frames;
  const int32_t first = e->frame_slots;
  Value exc = e->exception ? helpers::take_pending_exception() : Value();
  Value result;
  exhausted = false; // a FOR_ITER's __next__ (kByIter) raised StopIteration: its loop ends
  for (size_t k = frames.size(); k-- > 0;) {
    const SnapFrame& sf = frames[k];
    auto* fn = sf.func.as<vm::Function>();
    Value* slots = values + (sf.base - first);
    uint32_t pc = sf.pc, depth = sf.stack_depth;
    if (k + 1 < frames.size()) {
      if (exhausted) { // continue at the FOR_ITER's target, the iterator popped
        pc = static_cast<uint32_t>(fn->code->code[pc - 1].arg);
        --depth;
        exhausted = false;
      } else if (exc.is_empty()) {
        slots[fn->code->nlocals + fn->code->ncells() + depth++] = result; // the inner call's result
      } else {
        --pc; // the inner call raised: raise it at this frame's call instruction
      }
    }
    // An operator's special method (SnapFrame::entry >= 0) that returns
    // NotImplemented hands the operator on (its operands are its first two
    // locals, never rebound).
    // A class call's __init__ (kByInit) makes the call's result its instance.
    const Value lhs = sf.entry >= 0 || sf.entry == kByInit ? slots[0] : Value();
    const Value rhs = sf.entry >= 0 ? slots[1] : Value();
    try {
      if (sf.entry == kByGen) {
        // The FOR_ITER's iterator, on top of the caller's stack.
        const vm::Code* cc = k > 0 ? frames[k - 1].func.as<vm::Function>()->code : e->trace->code;
        const Value* caller = k > 0 ? values + (frames[k - 1].base - first) : root_slots;
        const uint32_t caller_depth = k > 0 ? frames[k - 1].stack_depth : e->trace->ir.snaps[e->snap].stack_depth;
        auto* g = caller[cc->nlocals + cc->ncells() + caller_depth - 1].as<vm::Generator>();
        if (!resume_generator(g, slots, pc, depth, exc, result)) {
          exhausted = true;
          result = Value::empty();
        }
        exc = Value::empty();
        continue;
      }
      result = vm::resume_function(fn, slots, pc, depth, exc);
      exc = Value::empty();
      if (sf.entry >= 0 && result == kNotImplemented) {
        result = binary_op_after_plain(static_cast<BinOp>(sf.entry & 0xFF), lhs, rhs, (sf.entry & vm::kInplace) != 0);
      } else if (sf.entry == kByInit) {
        if (!result.is_none())
          raise_fmt(types::type_error, "__init__() should return None, not '{}'", type_of(result)->name);
        result = lhs;
      }
    } catch (PyException& ex) {
      if (sf.entry == kByIter && exception_matches(ex.exc, Value::object(&types::stop_iteration))) {
        exhausted = true;
        result = Value::empty();
        exc = Value::empty();
        continue;
      }
      resume_bridge_ = nullptr;
      if (rec_ && rec_->awaiting_frame()) abort_recording(AbortReason::LeftFrame, "the caller raises");
      if (k == 0) throw;
      exc = ex.exc;
    }
  }
  return result;
}

bool JitState::resume_generator(vm::Generator* g, const Value* slots, uint32_t pc, uint32_t depth, Value exc,
                                Value& out) {
  // Compiled code marked it running when it entered its frame; the frame's
  // memory still holds its state at that resumption: the exit's values replace it.
  vm::Frame& f = g->frame;
  const vm::Code* co = f.code;
  std::copy(slots, slots + co->nlocals, f.slots);
  std::copy(slots + co->nlocals, slots + co->nlocals + depth, f.stack_base());
  f.pc = co->code.data() + pc;
  f.resume_depth = depth;
  f.resume_exception = exc;
  g->state = vm::Generator::State::Suspended;
  if (exc.is_empty()) on_resume(&f); // (a bridge for the exit may start recording here)
  return vm::generator_continue(g, out);
}

void JitState::on_generator_resume(vm::Frame* f) {
  if (rec_ && rec_->enter_inline(f)) ++stats.inlined_calls;
}

bool JitState::resume_caller(vm::Frame* f) {
  if (!rec_ || !rec_->awaiting_frame()) return false;
  if (!rec_->adopt(f)) abort_recording(AbortReason::LeftFrame, "the caller did not resume");
  return true;
}

void JitState::on_resume(vm::Frame* f) {
  if (resume_caller(f)) return; // a bridge returning from an inlined call goes on in its caller
  if (!resume_bridge_) return;
  ExitInfo* e = resume_bridge_;
  resume_bridge_ = nullptr;
  if (rec_) return;
  start_recording(f, static_cast<uint32_t>(f->pc - f->code->code.data()), TraceKind::Bridge, e);
}

bool JitState::invalidate_if_stale(ExitInfo* e) {
  if (!e->stale || rec_ || e->count + 1 < static_cast<uint32_t>(params.trace_eagerness)) return false;
  CompiledTrace* root = e->root();
  uint32_t& n = stale_at_[location_key(root->code, root->kind == TraceKind::Function ? kFunctionEntry : root->start_pc)];
  if (n >= static_cast<uint32_t>(params.max_retries) || !root->entry) return false;
  ++n;
  e->count = 0;
  ++stats.stale_invalidations;
  log_region(fmt::format("region {}:{} invalidated: version guard at {}:{} failed {} times", root->code->qualname,
                         root->start_pc, e->trace->code->qualname, e->pc, params.trace_eagerness));
  engine->invalidate(root);
  return true;
}

bool JitState::flush_if_due(ExitInfo* e) {
  if (!e->pending) return false;
  if (!rec_ && ++e->count >= batch_due()) engine->flush(e);
  return true;
}

// Whether a loop without a trace may still get one soon: none of its
// recordings failed yet, other than on the last iteration before it was
// allowed to leave the loop (a loop that mostly ends in a `return` or runs
// once never gets a trace; the path into it is bridged through it instead).
bool JitState::loop_may_get_trace(const vm::Code* code, uint32_t header) const {
  auto exits = loop_exits_at_.find(location_key(code, header));
  if (exits != loop_exits_at_.end() && exits->second > kLoopExitsBeforeLeaving) return false;
  auto aborts = aborts_at_.find(location_key(code, header));
  return aborts == aborts_at_.end() || aborts->second == 0;
}

void JitState::after_exit(ExitInfo* e, vm::Frame* f, uint32_t start_pc) {
  if (rec_ || invalidate_if_stale(e) || e->blacklisted) return;
  // The next chunk of huge code is recorded when the path reaches its start:
  // at once after a chunk's end (the chunk before it is hot), after
  // trace_eagerness exits from a loop. Once it exists the exit's bridge is
  // a jump into it, recorded at once.
  if (starts_chunk(e, f->code, start_pc)) {
    if (!f->code->jit_loops[start_pc]) {
      auto ab = aborts_at_.find(location_key(f->code, start_pc));
      if ((ab != aborts_at_.end() && ab->second >= static_cast<uint32_t>(params.max_retries)) ||
          !chunks_pay(f->code)) {
        e->blacklisted = true;
        e->no_bridge = "the chunk after it is left to the interpreter (its recordings failed, or it is mostly calls)";
        return;
      }
      if (!e->chunk_end && ++e->count < static_cast<uint32_t>(params.trace_eagerness)) return;
      e->count = 0;
      ++stats.recordings_started;
      start_recording(f, start_pc, TraceKind::Chunk, nullptr);
      return;
    }
    e->count = std::max<uint32_t>(e->count, params.trace_eagerness);
  }
  // Huge code: a path's end where a chunk or a loop's trace now starts
  // becomes a jump into it, in the trace's own code (no bridge, no exit).
  if (e->loop_wait && f->code->jit_huge && params.segmenting && f->code->jit_loops[start_pc] &&
      engine->link_exit(e, static_cast<CompiledTrace*>(f->code->jit_loops[start_pc])))
    return;
  // The path ended at the header of a loop without a trace, having taken a
  // back-edge into it (or fallen into it): that counts toward the loop's own
  // trace, recorded from here when it is hot. Once the loop has a trace the
  // exit's bridge continues into it.
  if (e->loop_wait && !f->code->jit_loops[start_pc] && loop_may_get_trace(f->code, start_pc)) {
    on_backedge(f, start_pc);
    return;
  }
  if (flush_if_due(e)) return;
  // (Once that loop has a trace, the path into it is known to be hot: its
  // bridge, a jump into the loop's trace, is recorded at once.)
  if (e->loop_wait && f->code->jit_loops[start_pc]) e->count = std::max<uint32_t>(e->count, params.trace_eagerness);
  if (++e->count < static_cast<uint32_t>(params.trace_eagerness)) return;
  CompiledTrace* root = e->root();
  if (root->kind == TraceKind::Loop && stats.bridges >= static_cast<uint64_t>(params.max_bridges)) return;
  if (!engine->bridge_now(e)) return;
  ++stats.recordings_started;
  start_recording(f, start_pc, TraceKind::Bridge, e);
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
  if (!dump_regions.empty() && engine) engine->dump_regions(dump_regions);
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

// ---- the VM's hooks (vm/jit_hooks.h) -------------------------------------------------------

namespace detail {
bool enabled = false;
bool recording = false;
const vm::Frame* watched = nullptr;
} // namespace detail
namespace {
int32_t g_loop_threshold = 0;     // params.threshold once the JIT is on (0: every hit takes the slow path)
int32_t g_function_threshold = 0; // params.function_threshold, likewise
size_t g_light_code = 0;          // calls of code shorter than this count 1 (call_weight, when segmenting)
JitState* g_state = nullptr;      // jit() once the JIT runs, for the hooks on every entry
} // namespace

void set_enabled(bool on) {
  detail::enabled = on && jit().engine;
  const Params& p = jit().params;
  g_loop_threshold = p.threshold;
  g_function_threshold = p.function_threshold;
  g_light_code = p.segmenting && p.call_weight > 0 ? 2 * static_cast<size_t>(p.call_weight) : SIZE_MAX;
  g_state = &jit();
}
CompiledTrace* on_backedge(vm::Frame* f, uint32_t target) {
  vm::Code* co = f->code;
  if (void* t = co->jit_loops[target]) return static_cast<CompiledTrace*>(t);
  // Not hot yet, or backing off (hot_and_allowed's first test, without the call).
  uint32_t& counter = co->jit_counters[target];
  if (!detail::recording && static_cast<int32_t>(counter + 1) < g_loop_threshold) {
    ++counter;
    return nullptr;
  }
  return jit().on_backedge(f, target);
}
CompiledTrace* on_function_entry(vm::Frame* f) {
  // (Compiled already and no recording to follow the call: the common case, without the call.)
  vm::Code* co = f->code;
  if (co->jit_huge) ++co->jit_huge_calls;
  if (!detail::recording) {
    if (void* t = co->jit_function) return static_cast<CompiledTrace*>(t);
    // Not hot yet, or backing off (hot_and_allowed's first test, without
    // the call), for code whose calls count 1 (JitState::on_function_entry).
    if (co->code.size() < g_light_code && static_cast<int32_t>(co->jit_calls + 1) < g_function_threshold) {
      ++co->jit_calls;
      return nullptr;
    }
  }
  return jit().on_function_entry(f);
}
void on_resume(vm::Frame* f) { jit().on_resume(f); }
void on_generator_resume(vm::Frame* f) { jit().on_generator_resume(f); }
bool recording_in_frame(const vm::Frame* f) { return jit().recording_in(f); }
bool record_instruction(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter) {
  return jit().record_instruction(f, pc, sp, enter);
}
void recording_left_frame() { jit().abort_recording(AbortReason::LeftFrame); }
bool recording_caught(vm::Frame* f, uint32_t idx, const vm::ExceptionEntry* h) { return jit().recording_caught(f, idx, h); }

Resume run_compiled(CompiledTrace* t, vm::Frame* f) {
  JitState& j = *g_state; // (compiled code exists only once the JIT is enabled)
  Resume r;
  ExitInfo* e = j.run(t, f->slots, &r.result);
  if (!e) {
    r.returned = true;
    return r;
  }
  const Snapshot& snap = e->trace->ir.snaps[e->snap];
  r.pc = snap.pc;
  r.depth = snap.stack_depth;
  if (e->suspends) return r; // the interpreter runs the yield (the frame is written)
  bool for_good = false; // the interpreter runs the rest, and will whenever this exit is taken
  if (!e->frames.empty()) {
    // The exit left inlined calls: finish them; an exception they raise is
    // raised by the outermost call, the instruction before the resume point.
    for_good = e->blacklisted;
    j.end_sample(); // (the frames' rest is interpreting, not exiting)
    try {
      bool exhausted = false;
      r.push = j.resume_inlined(e, f->slots, exhausted);
      if (exhausted) { // the loop's iterator (a user __next__) is exhausted: leave the loop
        r.pc = static_cast<uint32_t>(f->code->code[r.pc - 1].arg);
        --r.depth;
      }
      // A bridge recording that returned from the inlined calls goes on here.
      j.resume_caller(f);
    } catch (PyException& ex) {
      r.exception = ex.exc;
    }
  } else if (e->exception) {
    // Raised by the instruction at the exit. When this frame handles it, the
    // interpreter's unwinding is done here, so that the exit can get a bridge
    // that starts in the handler (the recorder follows the interpreter there).
    Value exc = helpers::take_pending_exception();
    if (const vm::ExceptionEntry* h = f->code->find_handler(snap.pc)) {
      vm::add_traceback(exc, f->code, f->code->lines[snap.pc]);
      r.pc = h->target;
      r.depth = h->depth;
      r.push = exc;
      j.after_exit(e, f, h->target);
      for_good = e->blacklisted;
    } else {
      r.exception = exc;
      ++r.pc;
      for_good = true;
    }
  } else {
    j.after_exit(e, f, snap.pc);
    for_good = e->blacklisted || (e->root()->kind == TraceKind::Loop &&
                                  j.stats.bridges >= static_cast<uint64_t>(j.params.max_bridges));
  }
  j.end_sample();
  if (for_good) j.left_for_good(e);
  // Huge code: the interpreter goes on to the next compiled chunk, if any.
  if (r.exception.is_empty() && f->code->jit_huge) j.watch(f, r.pc, e->loop_wait);
  return r;
}

void JitState::open_perf_map() {
  if (perf_map) return;
  const std::string path = fmt::format("/tmp/perf-{}.map", static_cast<long>(getpid()));
  perf_map = std::fopen(path.c_str(), "w");
  if (!perf_map) std::fprintf(stderr, "tributary: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
}

void JitState::announce_code(const void* entry, size_t size, const std::string& name) {
  if (!perf_map) return;
  std::fprintf(perf_map, "%lx %zx %s\n", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(entry)), size,
               name.c_str());
  std::fflush(perf_map); // (perf reads it while the process runs, or after a crash)
}

} // namespace tributary::jit
