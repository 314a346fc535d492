// recorder.h — records one path through the bytecode as typed SSA trace IR.
//
// The recorder runs alongside the interpreter: before each instruction of the
// recorded frame executes, record() sees it together with the concrete values
// on the stack and in the slots, and emits IR specialized to those values
// (types are guarded once, then arithmetic runs unboxed). Slot reads that
// reach back to the trace's start become entry loads; at the end, finish()
// builds the CFG: an entry block with those loads and their guards, then (for
// loops) a loop block whose PHIs carry every slot the body changes.
//
// Every unsupported case throws RecordAbort with a reason from abort.def.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "jit/compiled.h"
#include "jit/helpers.h"
#include "jit/ir.h"
#include "jit/params.h"
#include "jit/region_engine.h"

namespace tributary::vm {
struct Frame;
struct Function;
struct Instr;
struct ExceptionEntry;
enum class Op : uint8_t;
} // namespace tributary::vm

namespace tributary::jit {

// What a recording needs of the JIT around it.
struct RecorderEnv {
  const Params& params;
  const RegionEngine& engine; // where a bridge may join its region
  std::function<void(const std::string&)> log_region; // TRIBUTARY_LOG=region
};

class Recorder {
public:
  // kind Loop: from loop header start_pc until the back-edge to it.
  // kind Function: from the function's entry until its RETURN_VALUE.
  // kind Bridge: from a side exit of `parent` until the root loop's header
  //   (loop roots) or RETURN_VALUE (function roots).
  // kind Chunk: from a statement of huge code until RETURN_VALUE, another
  //   trace's start, or the next chunk's (recordings of huge code are cut).
  Recorder(RecorderEnv env, vm::Frame* f, uint32_t start_pc, TraceKind kind, ExitInfo* parent);

  // Records the instruction at `pc` with value-stack top `sp`; true when the
  // trace is complete (then call finish()). Throws RecordAbort.
  bool record(uint32_t pc, Value* sp);
  // The instruction just recorded raised and this frame handles it at h: the
  // helper's guard becomes GUARD_EXC (its exit: the path where the helper did
  // not raise) and recording goes on in the handler. False: cannot follow.
  bool caught(uint32_t idx, const vm::ExceptionEntry& h);
  std::unique_ptr<CompiledTrace> finish();
  // A loop whose recorded iterations kept being its last (it mostly runs once
  // or twice): this recording may follow the iteration out of the loop, as
  // far as the header of a compiled loop it continues in (an outer loop's,
  // usually). The loop's other path gets a bridge back to this trace.
  void allow_leaving_loop() { may_leave_loop_ = true; }
  // The header of the loop without a trace an InnerLoop abort met (kNoInnerLoop: none).
  static constexpr uint32_t kNoInnerLoop = 0xFFFFFFFFu;
  uint32_t inner_loop() const { return inner_loop_; }

  // A call recorded as inlined is entering frame f: true when f is that call
  // (the recording follows it into f), false when it is some other call.
  bool enter_inline(vm::Frame* f);
  // A bridge that started inside inlined calls returned from the innermost
  // one: it goes on in the caller, whose frame the interpreter rebuilds.
  bool awaiting_frame() const { return awaiting_ != nullptr; }
  // f resumes the caller awaited: the recording goes on in it (false: not that frame).
  bool adopt(vm::Frame* f);

  vm::Frame* frame() const { return frame_; }
  // The frame the trace belongs to (frame() is an inlined callee's inside a call).
  const vm::Code* root_code() const;
  bool in_inlined_call() const { return !callers_.empty(); }
  // In an inlined call this recording entered (not one rebuilt from its exit).
  bool in_entered_call() const { return !callers_.empty() && callers_.back().frame && frame_; }
  const std::string& join_note() const { return join_note_; } // why the bridge could not join, so far
  ExitInfo* parent() const { return parent_; }
  uint32_t start_pc() const { return start_pc_; }
  TraceKind kind() const { return kind_; }

private:
  struct SlotState {
    Ref ref = kNoRef;      // current value, or kNoRef: still the value in memory
    Ref entry = kNoRef;    // the value loaded at trace entry (typed), if loaded
    bool written = false;
  };

  // --- abstract state -------------------------------------------------------------
  Ref read_slot(int32_t slot);
  Ref load_cell(int32_t slot);
  void write_slot(int32_t slot, Ref r);
  Ref peek(int i);                 // i = 1: top of stack
  Ref pop();
  void push(Ref r);
  Value concrete(int i) const { return sp_[-i]; }
  int32_t stack_slot(int32_t depth) const { return stack_base_ + depth; }

  // --- emission helpers ------------------------------------------------------------
  Ref emit(IrOp op, Ref a = kNoRef, Ref b = kNoRef, int64_t imm = 0);
  Ref guard(IrOp op, Ref a, int64_t imm = 0);
  Ref constant(Value v);
  Ref kint(int64_t v);
  Ref kraw(int64_t v);
  Ref kval(Value v); // a boxed constant, whatever its type
  int32_t snapshot();
  // Ends the trace here with an exit that always leaves (EXIT): the interpreter
  // runs this instruction (a raise) and whatever follows.
  void end_with_exit(ExitEnd why);
  // A bridge's or function trace's path reached the header of a loop without
  // a trace (after unrolling what it may): an EXIT to the interpreter there
  // (ExitEnd::Loop).
  void end_at_loop(uint32_t header);
  // Ends the trace with an EXIT at pc (after the instruction before it): the
  // state there is the stack as it is now.
  void exit_at(uint32_t pc, ExitEnd why);
  // Huge code: whether the recording may end at pc as a chunk's end (own
  // frame, empty stack, nothing pending, a chunk start), and ending it there
  // with an exit where the next chunk starts (ExitEnd::Chunk).
  bool at_chunk_start(uint32_t pc) const;
  void end_chunk(uint32_t pc);
  // RAISE_VARARGS / RERAISE in a frame that handles them: a helper raises.
  void record_raise(const vm::Instr& in);
  // The exception a helper raised at instruction idx of `code` (parked by it),
  // with that line's traceback entry unless idx < 0.
  Ref take_exception(const vm::Code* code, int64_t idx);
  // Name opcodes act on the executing frame: only the trace's own.
  void require_own_frame(const char* what);
  // Gives `r` (holding concrete value v) a machine type: Int, F64, or a constant.
  Ref specialize(Ref r, Value v);
  Ref as_float(Ref r);
  Ref box(Ref r);
  Ref call_helper(helpers::HelperId id, std::vector<Ref> args, bool may_raise = true);
  bool is_const(Ref r) const;
  Value const_value(Ref r) const;

  // --- one helper per recorded opcode family ---------------------------------------
  void record_binary_op(int32_t arg);
  void guard_index(Ref idx, Ref len);
  bool can_inline(const vm::Function* fn, uint32_t argc, int32_t kept_locals) const;
  void expect_call(vm::Function* fn, std::vector<Ref> args, int32_t entry);
  bool try_binary_dunder(int32_t arg, Value a, Value b);
  bool try_inline_init(Value cls, Ref rcls, const std::vector<Ref>& given);
  bool try_inline_next(Ref it, Value itv);
  bool try_inline_generator(Ref it, Value itv);
  void record_generator_yield(uint32_t pc);
  void record_compare_op(int32_t arg);
  void record_branch(bool jump_if_true, uint32_t target, bool pop_always);
  void record_none_branch(bool jump_if_none);
  void record_for_iter(uint32_t target);
  void record_call(uint32_t nargs, Ref kwnames);
  void record_call_ex(int32_t flags);
  void record_subscr();
  void record_unpack(int32_t n);
  void record_load_global(int32_t name_index);
  // Inlines a call of a plain Python function (the interpreter then runs the
  // callee's frame with the recording following it); false to keep it residual.
  // c0, c1: the two values below the arguments (interpreter), r0, r1: their refs.
  bool try_inline(Value c0, Value c1, Ref r0, Ref r1, const std::vector<Ref>& given, bool method);
  void leave_inline(Ref result);
  // The inlined frames around the current position, innermost last (pc and
  // depth of the innermost: the current instruction); empty outside calls.
  std::vector<SnapFrame> inline_frames(uint32_t pc, uint32_t depth) const;
  // Calls f(slot, ref, inlined, local) for every slot of every frame, outermost first
  // (snapshot slot numbers; ref kNoRef: still in memory); the current frame's
  // value stack is `stack` (the stack before or after the instruction).
  template <class F> void for_each_slot(const std::vector<Ref>& stack, F f) const;
  // A bridge from an exit inside inlined calls starts in the innermost frame:
  // the frames around it are rebuilt from the exit's snapshot.
  void enter_exit_frames(const ExitInfo* e);
  Ref truth(Ref r, Value v);
  Ref length_of(Ref obj, Value v); // an exact str, bytes, tuple or list: its length (raw), type guarded

  // --- attributes, global stores and known builtins (record_attr.cpp, record_builtins.cpp)
  void record_load_attr(int32_t name_index, bool may_inline = true);
  void record_store_attr(int32_t name_index);
  void record_load_method(int32_t name_index);
  void record_store_global(int32_t name_index);
  bool record_builtin_call(uint32_t nargs);            // true when the call was recorded as IR
  Ref record_struct_unpack(uint32_t nargs, bool from); // its result tuple, or kNoRef
  bool record_list_append(bool method);                // a call of list.append, recorded as its helper
  bool guard_instance(Ref obj, Value v);    // false: no attribute store at a fixed offset
  Ref load_slots(Ref obj, int64_t off);     // the slot array of obj's attribute store at `off`
  void guard_class_epoch();
  Ref fold_dict_entry(Dict* d, Str* name, Value v); // constant, guarded by d's watched version
  bool stores_global(int32_t name_index);

  // --- BUILD_SLICE/MAP/SET/STRING, LIST_APPEND, SET_ADD, MAP_ADD, FORMAT_VALUE (record_build.cpp)
  void record_build(vm::Op op, int32_t arg);
  void record_store_subscr(); // (record_subscr.cpp)

  // --- MATCH_SEQUENCE, MATCH_MAPPING (mapping: true), GET_LEN (record_match.cpp)
  void record_match_kind(bool mapping);
  void record_get_len();

  // --- FOR_ITER (record_iter.cpp)
  struct IterItem {
    bool done = false;       // the iterator is exhausted
    Ref value = kNoRef;      // the item, or
    std::vector<Ref> tuple;  // enumerate's and zip's items, the tuple not built yet
  };
  struct IterStore {
    Ref obj;
    int32_t offset;
    Ref value;
  };
  // Guards one inline step of the iterator `it` (concretely itv); the stores
  // that advance it are appended to `stores`, to be emitted after every guard.
  Ref iter_step(Ref it, Value itv, IterItem& out, std::vector<IterStore>& stores);
  Ref item_value(IterItem& item); // builds a pending tuple
  void record_for_iter_helper(uint32_t target);
  void resolve_iter_next();
  struct PendingNext {
    Ref iter = kNoRef;
    Ref result = kNoRef;     // the iter_next helper's result
    uint32_t next_pc = 0, target = 0;
    vm::Frame* frame = nullptr;
  };
  PendingNext pending_next_;       // a FOR_ITER whose outcome the next instruction shows
  void record_send(uint32_t target);
  void resolve_send();
  struct PendingSend {
    Ref iter = kNoRef;
    Ref result = kNoRef;    // send_value's result: what the iterator yielded or returned
    Ref suspended = kNoRef; // send_suspended's: which of the two
    uint32_t next_pc = 0, target = 0;
    vm::Frame* frame = nullptr;
  };
  PendingSend pending_send_;       // a SEND whose outcome the next instruction shows
  int64_t skip_pc_ = -1;           // an UNPACK_SEQUENCE done by the FOR_ITER before it
  vm::Frame* skip_frame_ = nullptr;
  void watch_folded_entries(); // called by finish()
  struct FoldedEntry {
    Dict* dict;
    Str* name;
    Value value;
  };
  std::vector<FoldedEntry> entries_used_; // module attributes folded to constants
  std::vector<bool> stored_globals_;      // per name index: the code stores that global

  RecorderEnv env_;
  vm::Frame* frame_;                // the frame being recorded (an inlined callee's, inside a call)
  uint32_t start_pc_;
  uint32_t loop_end_ = 0;          // loop traces: the loop's last back-edge (its body is start_pc_..loop_end_)
  TraceKind kind_;
  ExitInfo* parent_;
  CompiledTrace* root_ = nullptr;
  Trace t_;
  std::vector<bool> is_entry_;     // per instruction: belongs to the entry block
  std::vector<SlotState> slots_;   // locals + cells + stack
  std::vector<Ref> stack_;         // abstract value stack (refs; kNoRef = in memory)
  std::vector<Ref> pre_stack_;     // the stack before the instruction being recorded
  int32_t stack_base_ = 0;
  uint32_t entry_depth_ = 0;       // stack depth when recording started
  uint32_t pc_ = 0;                // instruction being recorded
  Value* sp_ = nullptr;
  bool runs_python_ = false; // a helper that may run Python code is called (helpers.def effects: Any)
  uint8_t unrolled_ = 0;           // back-edges to loops without a trace recorded through (this path's, from its root)
  bool started_ = false;
  bool in_entry_ = false;          // emitting entry loads (their guards resume at the start)
  int32_t entry_snap_ = -1;
  std::vector<Ref> version_guards_; // global/builtin version guards (hoisted when no calls)
  struct GlobalUse {
    Dict* globals;
    Str* name;
    Value value;
  };
  std::vector<GlobalUse> globals_used_; // globals folded to constants
  // Inlining: the frames around the current one (outermost first), each with
  // its abstract state as it was at the call; base_ numbers the current
  // frame's slots in snapshots (after every enclosing frame's slots).
  struct Caller {
    vm::Frame* frame;       // null when rebuilt from an exit (a bridge starting inside an inlined call)
    const vm::Code* code;
    vm::Function* func;     // null for the trace's own frame
    std::vector<SlotState> slots;
    std::vector<Ref> stack; // without the call's operands
    int32_t stack_base;
    int32_t base;
    uint32_t resume_pc;     // after the call
    int32_t entry = kByCall; // how this frame was entered (SnapFrame::entry)
  };
  std::vector<Caller> callers_;
  int32_t base_ = 0;
  vm::Function* pending_inline_ = nullptr; // the call being entered
  std::vector<Ref> pending_args_;
  uint32_t pending_pc_ = 0;
  int32_t pending_entry_ = kByCall; // how the call being entered is made (SnapFrame::entry)
  std::vector<Ref> pending_stack_;        // a generator's frame: its value stack at the resumption
  const vm::Frame* pending_frame_ = nullptr; // a generator's frame: the frame resumed (null: a call's new frame)
  bool gen_looped_ = false; // the generator frame's path passed a back-edge (once per resumption)
  int32_t entry_ = kByCall;         // how the current frame was entered
  const vm::Code* awaiting_ = nullptr; // returned into a rebuilt caller running this code, not yet resumed
  // Region support: the state at each instruction boundary (roots), constants
  // control flow was decided on, and (bridges) the join found, if any.
  struct RawBoundary {
    uint32_t pc;
    Ref first_ins;
    std::vector<SnapEntry> state;
    uint32_t depth;
    uint32_t resume_pc, resume_depth; // the trace's own frame (after the call, inside inlined calls)
    std::vector<SnapFrame> frames;    // inlined frames, as in snapshots
  };
  std::vector<RawBoundary> bounds_;
  std::vector<Ref> fold_used_;
  int32_t join_bound_ = -1;
  std::vector<JoinSlot> join_plan_;
  Ref parent_guard_raw_ = kNoRef; // bridges: the region's guard (raw index) they start from
  std::unique_ptr<uint64_t> iterations_; // profiling policies: the loop's iteration counter
  Ref tier_count_ = kNoRef;              // tiered backends: the loop's iteration count...
  Ref tier_guard_ = kNoRef;              // ...and its tier-up check
  // Bridges: the region's blocks and dominators (it does not change while the
  // bridge records), computed on the first join attempt.
  std::vector<int32_t> region_blocks_;
  std::vector<std::vector<bool>> region_dom_;
  vm::Code* start_code_;            // the code of the frame the recording started in
  bool ends_in_exit_ = false;       // the trace ends with EXIT (a raise or a yield the interpreter runs)
  Ref helper_guard_ = kNoRef;       // the last helper call's GUARD_NOEXC...
  int64_t helper_pc_ = -1;          // ...and the instruction it was recorded for
  bool raise_keeps_tb_ = false;     // that helper re-raises (no new traceback entry)
  bool may_leave_loop_ = false;     // allow_leaving_loop()
  uint32_t inner_loop_ = kNoInnerLoop; // inner_loop()
  size_t left_loop_at_ = 0;         // the IR's size when a loop recording left its loop (0: inside it)
  bool ends_in_other_loop_ = false; // a loop trace that continues in an inner (or outer) loop's trace
  // Ends the trace at loop header `pc`, which has compiled trace `t`: state written back, then t runs.
  bool encloses_root(int32_t header) const; // the loop at header is around the root loop
  void to_loop(uint32_t pc, CompiledTrace* t);
  std::vector<uint64_t> pcs_;     // bridges: positions recorded (versions of the region's merge points)
  int join_widened_ = 0;
  std::string join_note_;         // why the bridge joined, or the first reason it could not
  void mark_fold(Ref r) { fold_used_.push_back(r); }
  bool try_join();
};

} // namespace tributary::jit
