// coroutine.cpp — coroutines, async generators and the await protocol; see coroutine.h.
#include "vm/coroutine.h"

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::vm {

Type coroutine_type, async_generator_type;

namespace {

Type coroutine_wrapper_type, asend_type, athrow_type, wrapped_value_type, anext_awaitable_type, frame_type;

// The one-shot life of an asend()/athrow() awaitable (CPython's AWAITABLE_STATE_*).
enum class AwaitState : uint8_t { Init, Iter, Closed };

// What coro.__await__() returns: an iterator resuming the coroutine.
struct CoroWrapper : Object {
  Generator* coro;
};

// An async generator's own yield (ASYNC_GEN_WRAP), as its frame hands it out.
struct WrappedValue : Object {
  Value value;
};

// agen.asend(v) / agen.__anext__() (sendval None).
struct ASend : Object {
  Generator* gen;
  Value sendval;
  AwaitState state;
};

// agen.athrow(...) (args: throw()'s arguments) / agen.aclose() (args null).
struct AThrow : Object {
  Generator* gen;
  Tuple* args;
  AwaitState state;
};

// anext(aiter, default): awaits aiter.__anext__(), with `default` as the
// result when it raises StopAsyncIteration.
struct ANextAwaitable : Object {
  Value awaitable; // __anext__()'s result
  Value iter;      // its awaitable iterator, taken at the first step (empty until then)
  Value default_value;
};

// cr_frame / ag_frame: a read-only view of a suspended frame for
// introspection (f_code, f_lineno, f_locals), without the rest of CPython's
// frame objects (the VM has none).
struct FrameView : Object {
  Generator* gen;
};

bool is_exc(Value e, Type& t) { return is_exception_instance(e) && is_subtype(type_of(e), &t); }
bool has_type(Value v, const Type& t) { return v.is_object() && v.as_object()->type == &t; }

template <class T> T* self_as(Value self, Type& t) {
  if (!has_type(self, t)) raise_fmt(types::type_error, "descriptor requires a '{}' object", t.name);
  return self.as<T>();
}

Value no_value_exception(Type& t) { return Value::object(new_exception(&t, std::span<const Value>())); }


// ---- the await protocol -------------------------------------------------------

// Whether v can be a SEND target (has __next__).
bool is_iterator(Value v) {
  Type* t = type_of(v);
  return t->kind == Kind::Iterator || t->kind == Kind::Generator || !type_lookup(t, intern("__next__")).is_empty();
}

// CPython's _PyCoro_GetAwaitableIter: a coroutine is its own iterator; other
// objects give theirs through __await__. Empty when v has no __await__.
Value awaitable_iter(Value v) {
  if (has_type(v, coroutine_type)) return v;
  if (is_kind(v, Kind::Generator) && v.as<Generator>()->flavor == Generator::Flavor::Generator &&
      (v.as<Generator>()->frame.code->flags & kIterableCoroutine))
    return v; // a types.coroutine generator
  static Str* const kAwait = intern("__await__");
  Value m = type_lookup(type_of(v), kAwait);
  if (m.is_empty()) return Value::empty();
  Value it = call1(m, v);
  if (has_type(it, coroutine_type)) raise(types::type_error, "__await__() returned a coroutine");
  if (!is_iterator(it))
    raise_fmt(types::type_error, "__await__() returned non-iterator of type '{}'", type_of(it)->name);
  return it;
}

// ---- coroutines -----------------------------------------------------------------

Generator* self_coro(Value self) { return self_as<Generator>(self, coroutine_type); }

Value coro_send_m(Value self, const Args& a) {
  if (a.npos != 1 || a.nkw)
    raise_fmt(types::type_error, "coroutine.send() takes exactly one argument ({} given)", a.npos);
  Value out;
  if (generator_resume(self_coro(self), a[0], Value::empty(), out)) return out;
  raise_stop_iteration(out);
}

Value coro_throw_m(Value self, const Args& a) {
  Generator* g = self_coro(self);
  Value out;
  if (generator_throw(g, a, out)) return out;
  raise_stop_iteration(out);
}

Value coro_close_m(Value self, const Args&) {
  generator_close(self_coro(self));
  return Value::none();
}

Value coro_await_m(Value self, const Args&) {
  auto* w = gc::make<CoroWrapper>();
  w->type = &coroutine_wrapper_type;
  w->coro = self_coro(self);
  return Value::object(w);
}

Value coro_repr_m(Value self, const Args&) { return Value::object(repr(Value::object(self_coro(self)))); }

// Getters shared by coroutines (cr_*), async generators (ag_*) and
// generators (gi_*): the receiver is a Generator of any flavor.
Generator* self_frame_object(Value v) {
  if (!has_type(v, coroutine_type) && !has_type(v, async_generator_type) && !is_kind(v, Kind::Generator))
    raise(types::type_error, "descriptor requires a 'generator', 'coroutine' or 'async_generator' object");
  return v.as<Generator>();
}
Value get_name(Value, const Args& a) { return Value::object(self_frame_object(a[0])->name); }
Value get_qualname(Value, const Args& a) { return Value::object(self_frame_object(a[0])->qualname); }
Value get_code(Value, const Args& a) { return Value::object(self_frame_object(a[0])->frame.code); }
Value get_await(Value, const Args& a) {
  Value d = generator_delegate(self_frame_object(a[0]));
  return d.is_empty() ? Value::none() : d;
}
Value get_suspended(Value, const Args& a) {
  return Value::boolean(self_frame_object(a[0])->state == Generator::State::Suspended);
}
Value coro_running(Value, const Args& a) {
  return Value::boolean(self_frame_object(a[0])->state == Generator::State::Running);
}
// ag_running is CPython's ag_running_async: an awaitable of it is being iterated.
Value agen_running(Value, const Args& a) { return Value::boolean(self_frame_object(a[0])->running_async); }
Value get_none(Value, const Args&) { return Value::none(); }

// None once the frame has finished, as in CPython.
Value get_frame(Value, const Args& a) {
  Generator* g = self_frame_object(a[0]);
  if (g->state == Generator::State::Finished) return Value::none();
  if (g->frame_view.is_empty()) {
    auto* v = gc::make<FrameView>();
    v->type = &frame_type;
    v->gen = g;
    g->frame_view = Value::object(v);
  }
  return g->frame_view;
}

Generator* frame_gen(Value v) { return self_as<FrameView>(v, frame_type)->gen; }

Value frame_code(Value, const Args& a) { return Value::object(frame_gen(a[0])->frame.code); }

// The line of the instruction the frame is suspended at (its definition's
// line before it first runs).
Value frame_lineno(Value, const Args& a) {
  Generator* g = frame_gen(a[0]);
  if (g->state == Generator::State::Finished) return Value::none();
  const Frame& f = g->frame;
  size_t idx = static_cast<size_t>(f.pc - f.code->code.data());
  if (g->state == Generator::State::Created || idx == 0) return Value::small_int(f.code->first_line);
  return Value::small_int(f.code->lines[idx - 1]);
}

// The bound fast locals and cells, by name.
Value frame_locals(Value, const Args& a) {
  Generator* g = frame_gen(a[0]);
  Dict* d = new_dict();
  Frame& f = g->frame;
  if (!f.slots) return Value::object(d);
  const Code* co = f.code;
  for (int i = 0; i < co->nlocals; ++i)
    if (!f.locals()[i].is_empty()) dict_set(d, Value::object(intern(co->local_names[i])), f.locals()[i]);
  for (size_t i = 0; i < static_cast<size_t>(co->ncells()); ++i) {
    Value c = f.cells()[i];
    if (!c.is_object() || c.as_object()->type != &types::cell || c.as<Cell>()->value.is_empty()) continue;
    const std::string& name = i < co->cell_names.size() ? co->cell_names[i] : co->free_names[i - co->cell_names.size()];
    dict_set(d, Value::object(intern(name)), c.as<Cell>()->value);
  }
  return Value::object(d);
}

// ---- coroutine_wrapper ------------------------------------------------------------

CoroWrapper* self_wrapper(Value self) { return self_as<CoroWrapper>(self, coroutine_wrapper_type); }

Value wrapper_next_m(Value self, const Args&) {
  Value out;
  if (generator_resume(self_wrapper(self)->coro, Value::none(), Value::empty(), out)) return out;
  raise_stop_iteration(out);
}

Value wrapper_send_m(Value self, const Args& a) {
  if (a.npos != 1)
    raise_fmt(types::type_error, "coroutine_wrapper.send() takes exactly one argument ({} given)", a.npos);
  Value out;
  if (generator_resume(self_wrapper(self)->coro, a[0], Value::empty(), out)) return out;
  raise_stop_iteration(out);
}

Value wrapper_throw_m(Value self, const Args& a) {
  Generator* g = self_wrapper(self)->coro;
  Value out;
  if (generator_throw(g, a, out)) return out;
  raise_stop_iteration(out);
}

Value wrapper_close_m(Value self, const Args&) {
  generator_close(self_wrapper(self)->coro);
  return Value::none();
}

Value self_m(Value self, const Args&) { return self; }

// ---- async generators ---------------------------------------------------------------

Generator* self_agen(Value self) { return self_as<Generator>(self, async_generator_type); }

Value new_asend(Generator* g, Value sendval) {
  auto* o = gc::make<ASend>();
  o->type = &asend_type;
  o->gen = g;
  o->sendval = sendval;
  o->state = AwaitState::Init;
  return Value::object(o);
}

Value new_athrow(Generator* g, Tuple* args) {
  auto* o = gc::make<AThrow>();
  o->type = &athrow_type;
  o->gen = g;
  o->args = args;
  o->state = AwaitState::Init;
  return Value::object(o);
}

Value agen_anext_m(Value self, const Args&) { return new_asend(self_agen(self), Value::none()); }

Value agen_asend_m(Value self, const Args& a) {
  if (a.npos != 1)
    raise_fmt(types::type_error, "async_generator.asend() takes exactly one argument ({} given)", a.npos);
  return new_asend(self_agen(self), a[0]);
}

// Its arguments are checked when the awaitable first runs, as in CPython.
Value agen_athrow_m(Value self, const Args& a) { return new_athrow(self_agen(self), new_tuple(a.positional())); }

Value agen_aclose_m(Value self, const Args&) { return new_athrow(self_agen(self), nullptr); }

Value agen_repr_m(Value self, const Args&) { return Value::object(repr(Value::object(self_agen(self)))); }

// One resumption of an async generator's frame (`exc` empty: send `v`), mapped
// as CPython's async_gen_unwrap_value: true with a value an await passes
// through; false with the value of the generator's own yield (the awaitable's
// result). The end of the generator raises StopAsyncIteration; both it and
// an escaping GeneratorExit mark the generator closed.
bool agen_step(Generator* g, Value v, Value exc, Value& out) {
  bool yielded;
  try {
    yielded = generator_resume(g, v, exc, out);
  } catch (PyException& e) {
    if (is_exc(e.exc, types::stop_async_iteration) || is_exc(e.exc, types::generator_exit)) g->closed = true;
    g->running_async = false;
    throw;
  }
  if (!yielded) {
    g->closed = true;
    g->running_async = false;
    raise(no_value_exception(types::stop_async_iteration));
  }
  if (has_type(out, wrapped_value_type)) {
    out = out.as<WrappedValue>()->value;
    g->running_async = false;
    return false;
  }
  return true;
}

// asend's send(v) / __next__ (v None) / throw (exc set).
bool asend_step(ASend* o, Value v, Value exc, Value& out) {
  if (o->state == AwaitState::Closed) raise(types::runtime_error, "cannot reuse already awaited __anext__()/asend()");
  if (exc.is_empty() && o->state == AwaitState::Init) {
    if (o->gen->running_async) raise(types::runtime_error, "anext(): asynchronous generator is already running");
    if (v.is_none()) v = o->sendval;
    o->state = AwaitState::Iter;
  }
  o->gen->running_async = true;
  bool yielded;
  try {
    yielded = agen_step(o->gen, v, exc, out);
  } catch (PyException&) {
    o->state = AwaitState::Closed;
    throw;
  }
  if (!yielded) o->state = AwaitState::Closed;
  return yielded;
}

// The end of an athrow()/aclose() awaitable that raised (CPython's check_error):
// aclose() ends quietly when the generator ended or let GeneratorExit through.
[[noreturn]] void athrow_fail(AThrow* o, const PyException& e) {
  o->gen->running_async = false;
  o->state = AwaitState::Closed;
  if (!o->args && (is_exc(e.exc, types::stop_async_iteration) || is_exc(e.exc, types::generator_exit)))
    raise(no_value_exception(types::stop_iteration));
  throw e;
}

// aclose() found the generator yielding a value instead of finishing.
[[noreturn]] void athrow_yield_close(AThrow* o) {
  o->gen->running_async = false;
  o->state = AwaitState::Closed;
  raise(types::runtime_error, "async generator ignored GeneratorExit");
}

// athrow's/aclose's send(v) (CPython's async_gen_athrow_send).
bool athrow_send(AThrow* o, Value v, Value& out) {
  Generator* g = o->gen;
  if (o->state == AwaitState::Closed) raise(types::runtime_error, "cannot reuse already awaited aclose()/athrow()");
  if (g->state == Generator::State::Finished) {
    o->state = AwaitState::Closed;
    raise(no_value_exception(types::stop_iteration));
  }
  if (o->state == AwaitState::Init) {
    if (g->running_async) {
      o->state = AwaitState::Closed;
      raise_fmt(types::runtime_error, "{}(): asynchronous generator is already running", o->args ? "athrow" : "aclose");
    }
    if (g->closed) {
      o->state = AwaitState::Closed;
      raise(no_value_exception(types::stop_async_iteration));
    }
    if (!v.is_none()) raise(types::runtime_error, "can't send non-None value to a just-started coroutine");
    o->state = AwaitState::Iter;
    g->running_async = true;
    try {
      if (!o->args) {
        g->closed = true;
        if (!generator_resume(g, Value::none(), no_value_exception(types::generator_exit), out)) {
          g->running_async = false; // the generator returned: as if it raised StopAsyncIteration
          o->state = AwaitState::Closed;
          raise(no_value_exception(types::stop_iteration));
        }
        if (has_type(out, wrapped_value_type)) athrow_yield_close(o);
        return true;
      }
      Args a{o->args->items, static_cast<uint32_t>(o->args->size)};
      return agen_step(g, Value::none(), thrown_exception(a, "athrow"), out);
    } catch (PyException& e) {
      if (o->state == AwaitState::Closed) throw;
      athrow_fail(o, e);
    }
  }
  if (o->args) return agen_step(g, v, Value::empty(), out);
  try {
    if (!generator_resume(g, v, Value::empty(), out)) raise(no_value_exception(types::stop_async_iteration));
  } catch (PyException& e) {
    athrow_fail(o, e);
  }
  if (has_type(out, wrapped_value_type)) athrow_yield_close(o);
  return true;
}

// athrow's/aclose's throw(...) (CPython's async_gen_athrow_throw).
bool athrow_throw(AThrow* o, Value exc, Value& out) {
  if (o->state == AwaitState::Closed) raise(types::runtime_error, "cannot reuse already awaited aclose()/athrow()");
  if (o->args) return agen_step(o->gen, Value::none(), exc, out);
  try {
    if (!generator_resume(o->gen, Value::none(), exc, out)) raise(no_value_exception(types::stop_async_iteration));
  } catch (PyException& e) {
    if (is_exc(e.exc, types::stop_async_iteration) || is_exc(e.exc, types::generator_exit))
      raise(no_value_exception(types::stop_iteration));
    throw;
  }
  if (has_type(out, wrapped_value_type)) athrow_yield_close(o);
  return true;
}

// The Python-visible send/__next__/throw/close of asend and athrow.
Value finish_step(bool yielded, Value out) {
  if (yielded) return out;
  raise_stop_iteration(out);
}

Value asend_send_m(Value self, const Args& a) {
  if (a.npos != 1)
    raise_fmt(types::type_error, "async_generator_asend.send() takes exactly one argument ({} given)", a.npos);
  Value out;
  return finish_step(asend_step(self_as<ASend>(self, asend_type), a[0], Value::empty(), out), out);
}
Value asend_next_m(Value self, const Args&) {
  Value out;
  return finish_step(asend_step(self_as<ASend>(self, asend_type), Value::none(), Value::empty(), out), out);
}
Value asend_throw_m(Value self, const Args& a) {
  ASend* o = self_as<ASend>(self, asend_type);
  Value out;
  return finish_step(asend_step(o, Value::none(), thrown_exception(a), out), out);
}
Value asend_close_m(Value self, const Args&) {
  self_as<ASend>(self, asend_type)->state = AwaitState::Closed;
  return Value::none();
}

Value athrow_send_m(Value self, const Args& a) {
  if (a.npos != 1)
    raise_fmt(types::type_error, "async_generator_athrow.send() takes exactly one argument ({} given)", a.npos);
  Value out;
  return finish_step(athrow_send(self_as<AThrow>(self, athrow_type), a[0], out), out);
}
Value athrow_next_m(Value self, const Args&) {
  Value out;
  return finish_step(athrow_send(self_as<AThrow>(self, athrow_type), Value::none(), out), out);
}
Value athrow_throw_m(Value self, const Args& a) {
  AThrow* o = self_as<AThrow>(self, athrow_type);
  Value out;
  return finish_step(athrow_throw(o, thrown_exception(a), out), out);
}
Value athrow_close_m(Value self, const Args&) {
  self_as<AThrow>(self, athrow_type)->state = AwaitState::Closed;
  return Value::none();
}

// ---- aiter() and anext() --------------------------------------------------------------

Value builtin_aiter(Value, const Args& a) {
  if (a.npos != 1 || a.nkw) raise_fmt(types::type_error, "aiter() takes exactly one argument ({} given)", a.npos);
  static Str* const kAiter = intern("__aiter__");
  static Str* const kAnext = intern("__anext__");
  Type* t = type_of(a[0]);
  Value m = type_lookup(t, kAiter);
  if (m.is_empty()) raise_fmt(types::type_error, "'{}' object is not an async iterable", t->name);
  Value it = call1(m, a[0]);
  if (type_lookup(type_of(it), kAnext).is_empty())
    raise_fmt(types::type_error, "aiter() returned not an async iterator of type '{}'", type_of(it)->name);
  return it;
}

// anext(aiter) is aiter.__anext__(); with a default, an anext_awaitable.
Value builtin_anext(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "anext() takes no keyword arguments");
  if (a.npos < 1) raise_fmt(types::type_error, "anext expected at least 1 argument, got {}", a.npos);
  if (a.npos > 2) raise_fmt(types::type_error, "anext expected at most 2 arguments, got {}", a.npos);
  static Str* const kAnext = intern("__anext__");
  Type* t = type_of(a[0]);
  Value m = type_lookup(t, kAnext);
  if (m.is_empty()) raise_fmt(types::type_error, "'{}' object is not an async iterator", t->name);
  Value awaitable = call1(m, a[0]);
  if (a.npos == 1) return awaitable;
  auto* o = gc::make<ANextAwaitable>();
  o->type = &anext_awaitable_type;
  o->awaitable = awaitable;
  o->iter = Value::empty();
  o->default_value = a[1];
  return Value::object(o);
}

// One step of an anext_awaitable: `step` advances the awaited iterator.
template <class F> Value anext_step(Value self, F&& step) {
  auto* o = self_as<ANextAwaitable>(self, anext_awaitable_type);
  if (o->iter.is_empty()) {
    o->iter = awaitable_iter(o->awaitable);
    if (o->iter.is_empty()) raise_fmt(types::type_error, "'{}' object can't be awaited", type_of(o->awaitable)->name);
  }
  try {
    return step(o->iter);
  } catch (PyException& e) {
    if (!is_exc(e.exc, types::stop_async_iteration)) throw;
    raise_stop_iteration(o->default_value);
  }
}

Value anext_send_m(Value self, const Args& a) {
  if (a.npos != 1) raise_fmt(types::type_error, "anext_awaitable.send() takes exactly one argument ({} given)", a.npos);
  return anext_step(self, [&](Value it) { return call1(get_attr(it, intern("send")), a[0]); });
}
Value anext_next_m(Value self, const Args&) {
  return anext_step(self, [&](Value it) { return call1(get_attr(it, intern("send")), Value::none()); });
}
Value anext_throw_m(Value self, const Args& a) {
  return anext_step(self, [&](Value it) { return call(get_attr(it, intern("throw")), a); });
}
Value anext_close_m(Value self, const Args&) {
  auto* o = self_as<ANextAwaitable>(self, anext_awaitable_type);
  if (o->iter.is_empty()) return Value::none();
  Value m = get_attr_or_empty(o->iter, intern("close"));
  if (!m.is_empty()) call0(m);
  return Value::none();
}

void add_methods(Type& t, std::initializer_list<std::pair<const char*, NativeFn>> methods) {
  for (const auto& [name, fn] : methods)
    add_method(t, name, fn);
}

} // namespace

Str* coroutine_qualname(Value v) {
  if (!has_type(v, coroutine_type) && !has_type(v, async_generator_type)) return nullptr;
  return v.as<Generator>()->qualname;
}

Value get_awaitable(Value v, int where) {
  if (has_type(v, coroutine_type)) {
    if (!generator_delegate(v.as<Generator>()).is_empty())
      raise(types::runtime_error, "coroutine is being awaited already");
    return v;
  }
  Value it = awaitable_iter(v);
  if (!it.is_empty()) return it;
  if (where == 1 || where == 2)
    raise_fmt(types::type_error, "'async with' received an object from {} that does not implement __await__: {}",
              where == 1 ? "__aenter__" : "__aexit__", type_of(v)->name);
  raise_fmt(types::type_error, "object {} can't be used in 'await' expression", type_of(v)->name);
}

Value get_aiter(Value v) {
  static Str* const kAiter = intern("__aiter__");
  static Str* const kAnext = intern("__anext__");
  Type* t = type_of(v);
  Value m = type_lookup(t, kAiter);
  if (m.is_empty())
    raise_fmt(types::type_error, "'async for' requires an object with __aiter__ method, got {}", t->name);
  Value it = call1(m, v);
  if (type_lookup(type_of(it), kAnext).is_empty())
    raise_fmt(types::type_error, "'async for' received an object from __aiter__ that does not implement __anext__: {}",
              type_of(it)->name);
  return it;
}

Value get_anext(Value aiter) {
  // An async generator's __anext__() is an asend awaitable, its own iterator.
  if (has_type(aiter, async_generator_type)) return new_asend(aiter.as<Generator>(), Value::none());
  static Str* const kAnext = intern("__anext__");
  Type* t = type_of(aiter);
  Value m = type_lookup(t, kAnext);
  if (m.is_empty())
    raise_fmt(types::type_error, "'async for' requires an iterator with __anext__ method, got {}", t->name);
  Value awaitable = call1(m, aiter);
  Value it = awaitable_iter(awaitable);
  if (it.is_empty())
    raise_fmt(types::type_error, "'async for' received an invalid object from __anext__: {}", type_of(awaitable)->name);
  return it;
}

Value before_async_with(Value mgr, Value& enter_result) {
  static Str* const kAenter = intern("__aenter__");
  static Str* const kAexit = intern("__aexit__");
  Type* t = type_of(mgr);
  Value enter = type_lookup(t, kAenter);
  if (enter.is_empty())
    raise_fmt(types::type_error, "'{}' object does not support the asynchronous context manager protocol", t->name);
  if (type_lookup(t, kAexit).is_empty())
    raise_fmt(types::type_error,
              "'{}' object does not support the asynchronous context manager protocol (missed __aexit__ method)",
              t->name);
  Value bound_exit = get_attr(mgr, kAexit);
  enter_result = call0(get_attr(mgr, kAenter));
  return bound_exit;
}

Value async_gen_wrap(Value v) {
  auto* w = gc::make<WrappedValue>();
  w->type = &wrapped_value_type;
  w->value = v;
  return Value::object(w);
}

bool ends_async_for(Value exc) { return is_exc(exc, types::stop_async_iteration); }

bool send_native_awaitable(Value it, Value v, Value& out, bool& handled) {
  handled = true;
  if (has_type(it, asend_type)) return asend_step(it.as<ASend>(), v, Value::empty(), out);
  if (has_type(it, athrow_type)) {
    // athrow_send ends an aclose() with StopIteration, as CPython's does.
    try {
      return athrow_send(it.as<AThrow>(), v, out);
    } catch (PyException& e) {
      if (!is_exc(e.exc, types::stop_iteration)) throw;
      Tuple* args = e.exc.as<ExceptionObj>()->args;
      out = args->size ? args->items[0] : Value::none();
      return false;
    }
  }
  if (has_type(it, coroutine_wrapper_type)) return generator_resume(it.as<CoroWrapper>()->coro, v, Value::empty(), out);
  handled = false;
  return false;
}

void init_coroutine_types(Module* builtins) {
  init_type(coroutine_type, "coroutine", Kind::Object, &types::object);
  add_methods(coroutine_type, {{"send", self_or_first<coro_send_m>},
                               {"throw", self_or_first<coro_throw_m>},
                               {"close", self_or_first<coro_close_m>},
                               {"__await__", self_or_first<coro_await_m>},
                               {"__repr__", self_or_first<coro_repr_m>}});
  add_getter(coroutine_type, "__name__", get_name);
  add_getter(coroutine_type, "__qualname__", get_qualname);
  add_getter(coroutine_type, "cr_code", get_code);
  add_getter(coroutine_type, "cr_await", get_await);
  add_getter(coroutine_type, "cr_running", coro_running);
  add_getter(coroutine_type, "cr_suspended", get_suspended);
  add_getter(coroutine_type, "cr_origin", get_none);
  add_getter(coroutine_type, "cr_frame", get_frame);

  init_type(coroutine_wrapper_type, "coroutine_wrapper", Kind::Object, &types::object);
  add_methods(coroutine_wrapper_type, {{"__next__", self_or_first<wrapper_next_m>},
                                       {"send", self_or_first<wrapper_send_m>},
                                       {"throw", self_or_first<wrapper_throw_m>},
                                       {"close", self_or_first<wrapper_close_m>},
                                       {"__iter__", self_or_first<self_m>}});

  init_type(async_generator_type, "async_generator", Kind::Object, &types::object);
  add_methods(async_generator_type, {{"__aiter__", self_or_first<self_m>},
                                     {"__anext__", self_or_first<agen_anext_m>},
                                     {"asend", self_or_first<agen_asend_m>},
                                     {"athrow", self_or_first<agen_athrow_m>},
                                     {"aclose", self_or_first<agen_aclose_m>},
                                     {"__repr__", self_or_first<agen_repr_m>}});
  add_getter(async_generator_type, "__name__", get_name);
  add_getter(async_generator_type, "__qualname__", get_qualname);
  add_getter(async_generator_type, "ag_code", get_code);
  add_getter(async_generator_type, "ag_await", get_await);
  add_getter(async_generator_type, "ag_running", agen_running);
  add_getter(async_generator_type, "ag_suspended", get_suspended);
  add_getter(async_generator_type, "ag_frame", get_frame);

  add_getter(types::generator, "gi_frame", get_frame);
  add_getter(types::generator, "gi_code", get_code);
  add_getter(types::generator, "gi_yieldfrom", get_await);

  init_type(frame_type, "frame", Kind::Object, &types::object);
  add_getter(frame_type, "f_code", frame_code);
  add_getter(frame_type, "f_lineno", frame_lineno);
  add_getter(frame_type, "f_locals", frame_locals);
  add_getter(frame_type, "f_back", get_none);

  init_type(asend_type, "async_generator_asend", Kind::Object, &types::object);
  add_methods(asend_type, {{"send", self_or_first<asend_send_m>},
                           {"__next__", self_or_first<asend_next_m>},
                           {"throw", self_or_first<asend_throw_m>},
                           {"close", self_or_first<asend_close_m>},
                           {"__iter__", self_or_first<self_m>},
                           {"__await__", self_or_first<self_m>}});

  init_type(athrow_type, "async_generator_athrow", Kind::Object, &types::object);
  add_methods(athrow_type, {{"send", self_or_first<athrow_send_m>},
                            {"__next__", self_or_first<athrow_next_m>},
                            {"throw", self_or_first<athrow_throw_m>},
                            {"close", self_or_first<athrow_close_m>},
                            {"__iter__", self_or_first<self_m>},
                            {"__await__", self_or_first<self_m>}});

  init_type(wrapped_value_type, "async_generator_wrapped_value", Kind::Object, &types::object);

  init_type(anext_awaitable_type, "anext_awaitable", Kind::Object, &types::object);
  add_methods(anext_awaitable_type, {{"send", self_or_first<anext_send_m>},
                                     {"__next__", self_or_first<anext_next_m>},
                                     {"throw", self_or_first<anext_throw_m>},
                                     {"close", self_or_first<anext_close_m>},
                                     {"__iter__", self_or_first<self_m>},
                                     {"__await__", self_or_first<self_m>}});

  dict_set(builtins->dict, Value::object(intern("aiter")), new_native("aiter", builtin_aiter));
  dict_set(builtins->dict, Value::object(intern("anext")), new_native("anext", builtin_anext));
}

} // namespace tributary::vm
