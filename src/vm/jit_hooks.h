// jit_hooks.h — the one header through which the VM talks to a JIT.
//
// The VM declares the hooks it calls and jit/jit.cpp defines them, so the VM
// includes nothing of jit/ (the driver, src/main.cpp, installs the JIT).
//
// The interpreter counts loop back-edges and calls, hands each instruction to
// a recording in progress, and runs compiled code; it never reads the JIT's
// traces, snapshots or exits. Compiled code comes back as a Resume: the value
// it returned, or where the interpreter continues.
#pragma once

#include <cstdint>

#include "runtime/value.h"

namespace tributary::vm {
struct Frame;
struct ExceptionEntry;
} // namespace tributary::vm

namespace tributary::jit {

struct CompiledTrace; // compiled code the VM may enter (opaque here)

// Where the interpreter goes on after compiled code.
struct Resume {
  bool returned = false; // the code returned `result` from the frame (a function trace, or a loop's bridge)
  Value result;
  uint32_t pc = 0;    // else: continue at instruction pc of the frame...
  uint32_t depth = 0; // ...with `depth` values on its stack,
  Value push;         // then this value pushed (what finished inlined calls returned), if not empty,
  Value exception;    // or, if not empty, raise it as raised by instruction pc - 1.
};

namespace detail {
extern bool enabled;
extern bool recording; // a recording is in progress (in some frame)
extern const vm::Frame* watched; // a frame of huge code the interpreter resumed after an exit
} // namespace detail
// Whether the JIT runs (checked on every back-edge and call: a plain flag).
inline bool enabled() { return detail::enabled; }
// The driver turns the JIT on once its region engine is installed.
void set_enabled(bool on);
// A backward jump to `target` is about to run in frame f: the loop's code to
// enter, or null (a recording may start: recording_in(f) becomes true).
CompiledTrace* on_backedge(vm::Frame* f, uint32_t target);
// Frame f of a function is about to run from its start: its code, or null.
CompiledTrace* on_function_entry(vm::Frame* f);
// Runs `t` on f's slots until it returns or leaves for the interpreter.
Resume run_compiled(CompiledTrace* t, vm::Frame* f);
// f resumes in the interpreter after inlined frames were rebuilt.
void on_resume(vm::Frame* f);
// A generator's frame f is resumed by a send (next() or a FOR_ITER) while a
// recording is in progress: the recording may follow it inline.
void on_generator_resume(vm::Frame* f);

bool recording_in_frame(const vm::Frame* f);
// Whether a recording is in progress in f (a plain flag when none is).
inline bool recording_in(const vm::Frame* f) { return detail::recording && recording_in_frame(f); }
// Whether f's instructions go through record_instruction: it is recorded, or
// it is watched (huge code resumed after an exit, until it reaches a chunk).
inline bool hooked(const vm::Frame* f) { return recording_in(f) || detail::watched == f; }
// The instruction at pc is about to run in f; false ends the hooks for f.
// *enter: compiled code starting at pc (a chunk), to run before it.
bool record_instruction(vm::Frame* f, uint32_t pc, Value* sp, CompiledTrace** enter);
// The recording in f cannot go on: f returned, or an exception was raised.
void recording_left_frame();
// The instruction at idx of f raised and f handles it at h (null: it leaves
// f). True when the recording follows the exception into the handler; false
// when it was aborted.
bool recording_caught(vm::Frame* f, uint32_t idx, const vm::ExceptionEntry* h);

// The statistics as a dict (tributary.jit_stats(); the keys of --jit-stats=json).
Value stats_object();

} // namespace tributary::jit
