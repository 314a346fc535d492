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
// gi_exc_state), swapped with the caller's around every resume; while it
// handles none, it runs under the caller's, as CPython's stacked states do.
// Limit: unfinished generators are not closed when collected (no GeneratorExit
// on garbage collection, so their `finally` blocks do not run then).
//
// Coroutines and async generators (vm/coroutine.cpp) are Generators too, of
// another flavor and type: the same resumption, their own error messages.
#pragma once

#include "vm/frame.h"

namespace tributary::vm {

struct Generator : Object {
  enum class State : uint8_t { Created, Suspended, Running, Finished };
  enum class Flavor : uint8_t { Generator, Coroutine, AsyncGenerator };
  Frame frame;
  State state;
  Flavor flavor;
  // Async generators: an asend()/athrow() awaitable is being iterated
  // (CPython's ag_running_async), and aclose() or the end was reached (ag_closed).
  bool running_async;
  bool closed;
  Str* name;
  Str* qualname;
  Value handled;    // this generator's exception being handled while suspended
  Value frame_view; // gi_frame/cr_frame/ag_frame's object once asked for (empty before)
};

// Creates the generator, coroutine or async generator (by the code's flags)
// for a call of `fn` (arguments bound now, as CPython does).
Value make_generator(Function* fn, const Args& args);

// The types of the other flavors (their methods: vm/coroutine.cpp).
extern Type coroutine_type, async_generator_type;

// Whether v is a Generator that send/throw may resume directly: a generator or
// a coroutine (an async generator is driven through its awaitables only).
inline bool is_resumable(Value v) {
  return is_kind(v, Kind::Generator) || (v.is_object() && v.as_object()->type == &coroutine_type);
}

// The sub-iterator a generator suspended in `yield from` / `await` delegates
// to, or empty.
Value generator_delegate(Generator* g);

// "generator", "coroutine" or "async generator", for error messages.
const char* flavor_name(const Generator* g);

// Resumes with `sent` (or raises `exc` at the yield when not empty): true with
// the yielded value in `out`; false with the return value when it finished.
bool generator_resume(Generator* g, Value sent, Value exc, Value& out);

// Runs a suspended generator whose frame the JIT rebuilt in place (its pc,
// stack depth, slots and any exception to raise there, set by the caller) on
// to its next yield (true, the value in `out`) or its end (false).
bool generator_continue(Generator* g, Value& out);

// Raises StopIteration carrying `value` (none: no args, as CPython).
[[noreturn]] void raise_stop_iteration(Value value);

// throw(typ[, val[, tb]])'s arguments as given (val, tb empty when absent).
struct ThrowArgs {
  Value typ, val, tb;
};
// Checks throw()'s argument count (`name` for its error: "throw", "athrow").
ThrowArgs throw_args(const Args& a, const char* name);
// The exception throw() raises, from its arguments; TypeError if they name none.
Value thrown_exception(const ThrowArgs& t);
Value thrown_exception(const Args& a, const char* name = "throw");

// gen.throw(typ[, val[, tb]]): as generator_resume, the arguments forwarded
// down a `yield from` chain and checked where they are raised (as CPython).
bool generator_throw(Generator* g, const Args& a, Value& out);

// close(): GeneratorExit raised at the suspension point, which must not yield.
void generator_close(Generator* g);

// generator_next (next(gen) for the iteration protocol) and generator_qualname
// are declared in runtime/interpreter.h, for the runtime's iter_next and repr.

// Registers the generator type's methods (send, throw, close, ...).
void init_generator_type();

} // namespace tributary::vm
