// coroutine.h — coroutines, async generators and the await protocol.
//
// A coroutine (`async def`) and an async generator (`async def` with `yield`)
// are Generators (vm/generator.h) of another flavor: the same frame
// suspension, the same SEND/YIELD_VALUE/JUMP delegation loop, which `await`
// uses after GET_AWAITABLE has turned its operand into an iterator.
//
// An async generator's frame yields two kinds of values: its own `yield`s,
// which ASYNC_GEN_WRAP boxes in an internal wrapper, and the values its
// `await`s pass through to whoever drives it (the event loop). Its asend() /
// athrow() / aclose() awaitables run the frame and tell the two apart, as
// CPython's async_generator_asend and async_generator_athrow do: a wrapped
// value ends the awaitable (StopIteration carrying it), any other value is
// yielded up. The end of the generator is StopAsyncIteration.
//
// Invariants: an async generator's `running_async` is set exactly while one
// of its awaitables is being iterated (a second one raises RuntimeError);
// each awaitable runs once (Init -> Iter -> Closed).
#pragma once

#include "vm/generator.h"

namespace tributary::vm {

// GET_AWAITABLE: the iterator that `await v` delegates to. `where` is the
// opcode's argument (1: __aenter__'s result, 2: __aexit__'s), for the message
// of the TypeError when v is not awaitable.
Value get_awaitable(Value v, int where);

// GET_AITER: aiter.__aiter__(), checked to have __anext__.
Value get_aiter(Value v);

// GET_ANEXT: the awaitable iterator of aiter.__anext__().
Value get_anext(Value aiter);

// BEFORE_ASYNC_WITH: returns the bound __aexit__ and sets `enter_result` to
// __aenter__()'s (not yet awaited) result.
Value before_async_with(Value mgr, Value& enter_result);

// ASYNC_GEN_WRAP: marks an async generator's own yield.
Value async_gen_wrap(Value v);

// END_ASYNC_FOR's test: whether `exc` ends an `async for` (StopAsyncIteration).
bool ends_async_for(Value exc);

// SEND to one of the runtime's own awaitable iterators (coroutine_wrapper,
// asend, athrow) without a StopIteration on completion: true with the value
// to yield, false with the result; `handled` is false when `it` is none of them.
bool send_native_awaitable(Value it, Value v, Value& out, bool& handled);

// Registers the coroutine and async generator types and their awaitables,
// and the builtins aiter() and anext().
void init_coroutine_types(Module* builtins);

} // namespace tributary::vm
