// generator.h — generator objects: suspended Python frames.
//
// Calling a function whose code has kGenerator creates a Generator holding a
// Frame whose slots live on the GC heap. Resuming runs run_frame on that
// frame from its saved pc and stack depth; YIELD_VALUE returns from run_frame
// with Frame::yielded set, so one C activation exists only while the
// generator runs (the interpreter stays C-recursive). `yield from` is the
// SEND/YIELD_VALUE/JUMP loop of CPython 3.11; a throw() while delegating is
// forwarded to the sub-iterator found on the suspended frame's stack.
//
// Invariants: state Running exactly while run_frame executes the frame
// ("generator already executing" otherwise); a finished generator drops its
// slots. Each generator keeps its own "exception being handled" (CPython's
// gi_exc_state), swapped with the caller's around every resume.
// Limit: unfinished generators are not closed when collected (no GeneratorExit
// on garbage collection, so their `finally` blocks do not run then).
#pragma once

#include "vm/frame.h"

namespace tributary::vm {

struct Generator : Object {
  enum class State : uint8_t { Created, Suspended, Running, Finished };
  Frame frame;
  State state;
  Str* name;
  Str* qualname;
  Value handled; // this generator's exception being handled while suspended
};

// Creates the generator for a call of `fn` (arguments bound now, as CPython does).
Value make_generator(Function* fn, const Args& args);

// Resumes with `sent` (or raises `exc` at the yield when not empty): true with
// the yielded value in `out`; false with the return value when it finished.
bool generator_resume(Generator* g, Value sent, Value exc, Value& out);

// generator_next (next(gen) for the iteration protocol) and generator_qualname
// are declared in runtime/interpreter.h, for the runtime's iter_next and repr.

// Registers the generator type's methods (send, throw, close, ...).
void init_generator_type();

} // namespace tributary::vm
