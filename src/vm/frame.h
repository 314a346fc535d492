// frame.h — an executing Python frame.
//
// Slots are one contiguous array: `nlocals` fast locals (parameters first),
// then the cells (owned cells, then free cells received through the closure),
// then the value stack. Ordinary calls keep that array on the C stack (the
// conservative GC scans it); it is what the JIT's snapshots will restore.
#pragma once

#include "runtime/containers.h"
#include "runtime/interpreter.h"
#include "vm/code.h"

namespace tributary::vm {

struct Frame {
  Code* code = nullptr;
  Function* func = nullptr;   // null for module code
  Dict* globals = nullptr;
  Dict* builtins = nullptr;
  Dict* locals_dict = nullptr; // class bodies and exec(); null for functions
  Value* slots = nullptr;
  const Instr* pc = nullptr;  // next instruction (kept current at calls, for tracebacks)
  Frame* back = nullptr;      // the caller while this frame executes (set by run_frame)
  uint32_t resume_depth = 0;  // value-stack depth when (re)entering at `pc`
  Value resume_exception;     // raised at `pc` on entry (a JIT helper raised it)
  bool yielded = false;       // generator frames: run_frame returned from YIELD_VALUE

  Value* locals() { return slots; }
  Value* cells() { return slots + code->nlocals; }
  Value* stack_base() { return slots + code->nlocals + code->ncells(); }
  size_t slot_count() const { return code->nlocals + code->ncells() + code->max_stack; }
};

// Runs a frame to completion and returns its result (exceptions propagate).
Value run_frame(Frame* f);

// Runs fn from the middle of its code (the JIT rebuilding a frame it had
// inlined): the frame's slots start as a copy of `slots`, execution resumes
// at instruction pc with `depth` values on the stack, raising `exc` there
// first when it is not empty.
Value resume_function(Function* fn, const Value* slots, uint32_t pc, uint32_t depth, Value exc);

// Binds call arguments into the frame's parameter slots (TypeError on mismatch).
void bind_arguments(Function* fn, const Args& args, Value* locals);

// Creates the frame's cells (parameters captured by inner functions start
// with the argument) and copies the closure's free cells after them.
void setup_cells(Frame& f, Function* fn);

// Recursion-depth accounting (enter_call, leave_call, CallDepth) is declared in
// runtime/interpreter.h: repr and == count their nesting against the same limit.

// A frame for code with these globals over `slots`, starting at its first
// instruction (fn may be null: module code).
Frame make_frame(Code* co, Function* fn, Dict* globals, Value* slots);

} // namespace tributary::vm
