// generator.cpp — generator objects; see generator.h.
#include "vm/generator.h"

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/interp.h"
#include "vm/jit_hooks.h"

namespace tributary::vm {

namespace {

enum class Resume { Send, Throw, Continue };

bool is_exc(Value e, Type& t) { return is_exception_instance(e) && is_subtype(type_of(e), &t); }

Value stop_iteration_value(Value exc) {
  Tuple* args = exc.as<ExceptionObj>()->args;
  return args->size ? args->items[0] : Value::none();
}

// Runs the generator's frame once: `mode` says whether `v` is pushed as the
// value of the suspended yield, raised there, or nothing is pushed.
bool resume(Generator* g, Resume mode, Value v, Value& out) {
  using State = Generator::State;
  if (g->state == State::Running) raise_fmt(types::value_error, "{} already executing", flavor_name(g));
  if (g->state == State::Finished) {
    // (close() never gets here: closing a finished coroutine is silent.)
    if (g->flavor == Generator::Flavor::Coroutine)
      raise(types::runtime_error, "cannot reuse already awaited coroutine");
    if (mode == Resume::Throw) raise(v);
    out = Value::none();
    return false;
  }
  Frame& f = g->frame;
  if (g->state == State::Created) {
    if (mode == Resume::Throw) {
      g->state = State::Finished;
      raise(v);
    }
    if (mode == Resume::Send && !v.is_none())
      raise_fmt(types::type_error, "can't send non-None value to a just-started {}", flavor_name(g));
  } else if (mode == Resume::Send) {
    f.stack_base()[f.resume_depth++] = v;
  } else if (mode == Resume::Throw) {
    f.resume_exception = v;
    --f.pc; // raised at the YIELD_VALUE (run_frame steps past the faulting instruction)
  }
  Vm& vm = state();
  Value caller_handled = vm.handled;
  // As CPython's stack of exception states: a frame handling no exception of
  // its own sees its caller's (the __context__ of what it raises; the
  // exception an `async with`'s __aexit__ coroutine runs under).
  const bool own_handled = !g->handled.is_none();
  vm.handled = own_handled ? g->handled : caller_handled;
  g->state = State::Running;
  Value r;
  enter_call();
  // A recording that follows this resumption inline (a consumer's FOR_ITER)
  // goes on in the generator's frame.
  if (mode == Resume::Send && jit::detail::recording) jit::on_generator_resume(&f);
  try {
    r = run_frame(&f);
  } catch (PyException& e) {
    leave_call();
    g->state = State::Finished;
    g->handled = Value::none();
    vm.handled = caller_handled;
    f.slots = nullptr;
    // PEP 479 (and PEP 525 for StopAsyncIteration out of an async generator).
    bool stop = is_exc(e.exc, types::stop_iteration);
    bool async_stop = g->flavor == Generator::Flavor::AsyncGenerator && is_exc(e.exc, types::stop_async_iteration);
    if (stop || async_stop) {
      ExceptionObj* re =
          new_exception(&types::runtime_error,
                        fmt::format("{} raised {}", flavor_name(g), stop ? "StopIteration" : "StopAsyncIteration"));
      re->cause = e.exc;
      re->context = e.exc;
      re->suppress_context = true;
      throw PyException{Value::object(re)};
    }
    throw;
  }
  leave_call();
  // Suspended outside any handler of its own: nothing to keep (whatever the
  // caller was handling is the caller's).
  g->handled = !own_handled && vm.handled == caller_handled ? Value::none() : vm.handled;
  vm.handled = caller_handled;
  out = r;
  if (f.yielded) {
    f.yielded = false;
    g->state = State::Suspended;
    return true;
  }
  g->state = State::Finished;
  g->handled = Value::none();
  f.slots = nullptr;
  return false;
}

// The sub-iterator of a generator suspended inside `yield from`, or empty.
// The compiler emits SEND; YIELD_VALUE; JUMP <SEND>, and the iterator sits on
// top of the suspended stack.
Value delegate_of(Generator* g) {
  if (g->state != Generator::State::Suspended) return Value::empty();
  Frame& f = g->frame;
  Code* co = f.code;
  size_t idx = static_cast<size_t>(f.pc - co->code.data());
  if (idx < 1 || idx >= co->code.size() || co->code[idx - 1].op != Op::YIELD_VALUE) return Value::empty();
  const Instr& next = co->code[idx];
  if (next.op != Op::JUMP || co->code[next.arg].op != Op::SEND) return Value::empty();
  return f.stack_base()[f.resume_depth - 1];
}

bool gen_throw(Generator* g, const ThrowArgs& t, Value& out);

// Closes a sub-iterator (generator.close() or its close method, if any).
void close_delegate(Value d) {
  if (is_kind(d, Kind::Generator)) {
    call0(get_attr(d, intern("close")));
    return;
  }
  Value m = get_attr_or_empty(d, intern("close"));
  if (!m.is_empty()) call0(m);
}

// Is throw()'s exception (a class or an instance) a GeneratorExit?
bool throws_generator_exit(const ThrowArgs& t) {
  if (is_type(t.typ)) return is_subtype(t.typ.as<Type>(), &types::generator_exit);
  return is_exc(t.typ, types::generator_exit);
}

// CPython's _gen_throw: forwards throw()'s arguments to the sub-iterator of a
// `yield from`, and checks them only where they are raised (its throw_here), so
// an invalid exception is a TypeError raised inside the delegating generators.
bool gen_throw(Generator* g, const ThrowArgs& t, Value& out) {
  Value d = delegate_of(g);
  if (!d.is_empty()) {
    if (throws_generator_exit(t)) {
      try {
        close_delegate(d);
      } catch (PyException& e) {
        return resume(g, Resume::Throw, e.exc, out);
      }
      return resume(g, Resume::Throw, thrown_exception(t), out);
    }
    Value r;
    bool yielded = false;
    bool forwarded = true;
    try {
      if (is_resumable(d)) {
        yielded = gen_throw(d.as<Generator>(), t, r);
      } else {
        Value m = get_attr_or_empty(d, intern("throw"));
        if (m.is_empty()) {
          forwarded = false;
        } else {
          try {
            Value given[3] = {t.typ, t.val, t.tb};
            r = call(m, Args{given, static_cast<uint32_t>(t.tb.is_empty() ? (t.val.is_empty() ? 1 : 2) : 3)});
            yielded = true;
          } catch (PyException& e) {
            if (!is_exc(e.exc, types::stop_iteration)) throw;
            r = stop_iteration_value(e.exc);
          }
        }
      }
    } catch (PyException& e) {
      return resume(g, Resume::Throw, e.exc, out);
    }
    if (forwarded) {
      if (yielded) {
        out = r;
        return true;
      }
      // The sub-iterator finished: continue after the `yield from` with its result.
      Frame& f = g->frame;
      Code* co = f.code;
      size_t idx = static_cast<size_t>(f.pc - co->code.data());
      const Instr& send = co->code[co->code[idx].arg];
      f.pc = co->code.data() + send.arg;
      f.stack_base()[f.resume_depth - 1] = r;
      return resume(g, Resume::Continue, Value::none(), out);
    }
  }
  return resume(g, Resume::Throw, thrown_exception(t), out);
}

Generator* self_gen(Value self) {
  if (!is_kind(self, Kind::Generator)) raise(types::type_error, "descriptor requires a 'generator' object");
  return self.as<Generator>();
}

Value gen_next_m(Value self, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "expected 0 arguments");
  Value out;
  if (resume(self_gen(self), Resume::Send, Value::none(), out)) return out;
  raise_stop_iteration(out);
}

Value gen_send_m(Value self, const Args& a) {
  if (a.npos != 1 || a.nkw) raise_fmt(types::type_error, "generator.send() takes exactly one argument ({} given)", a.npos);
  Value out;
  if (resume(self_gen(self), Resume::Send, a[0], out)) return out;
  raise_stop_iteration(out);
}

Value gen_throw_m(Value self, const Args& a) {
  Generator* g = self_gen(self);
  Value out;
  if (generator_throw(g, a, out)) return out;
  raise_stop_iteration(out);
}

Value gen_close_m(Value self, const Args&) {
  generator_close(self_gen(self));
  return Value::none();
}

Value gen_iter_m(Value self, const Args&) { return self; }

Value gen_name(Value, const Args& a) { return Value::object(self_gen(a[0])->name); }
Value gen_qualname(Value, const Args& a) { return Value::object(self_gen(a[0])->qualname); }
Value gen_running(Value, const Args& a) {
  return Value::boolean(self_gen(a[0])->state == Generator::State::Running);
}
Value gen_suspended(Value, const Args& a) {
  return Value::boolean(self_gen(a[0])->state == Generator::State::Suspended);
}


} // namespace

void raise_stop_iteration(Value value) {
  if (value.is_none()) raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>())));
  raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>(&value, 1))));
}

ThrowArgs throw_args(const Args& a, const char* name) {
  if (a.npos < 1) raise_fmt(types::type_error, "{} expected at least 1 argument, got {}", name, a.npos);
  if (a.npos > 3) raise_fmt(types::type_error, "{} expected at most 3 arguments, got {}", name, a.npos);
  return {a[0], a.npos > 1 ? a[1] : Value::empty(), a.npos > 2 ? a[2] : Value::empty()};
}

Value thrown_exception(const ThrowArgs& t) {
  if (!t.tb.is_empty() && !t.tb.is_none() && !is_exact(t.tb, traceback_type))
    raise(types::type_error, "throw() third argument must be a traceback object");
  Value typ = t.typ;
  Value val = t.val.is_empty() ? Value::none() : t.val;
  if (is_type(typ) && typ.as<Type>()->is_exception) {
    if (is_exception_instance(val) && is_subtype(type_of(val), typ.as<Type>())) return val;
    if (val.is_none()) return call0(typ);
    if (is_tuple(val)) return call(typ, Args{val.as<Tuple>()->items, static_cast<uint32_t>(val.as<Tuple>()->size)});
    return call1(typ, val);
  }
  if (is_exception_instance(typ)) {
    if (!val.is_none()) raise(types::type_error, "instance exception may not have a separate value");
    return typ;
  }
  raise_fmt(types::type_error, "exceptions must be classes or instances deriving from BaseException, not {}",
            type_of(typ)->name);
}

Value thrown_exception(const Args& a, const char* name) { return thrown_exception(throw_args(a, name)); }

bool generator_throw(Generator* g, const Args& a, Value& out) { return gen_throw(g, throw_args(a, "throw"), out); }

void generator_close(Generator* g) {
  if (g->state == Generator::State::Created || g->state == Generator::State::Finished) {
    g->state = Generator::State::Finished;
    g->frame.slots = nullptr;
    return;
  }
  Value out;
  bool yielded;
  try {
    yielded = gen_throw(g, ThrowArgs{Value::object(new_exception(&types::generator_exit, std::span<const Value>())), {}, {}}, out);
  } catch (PyException& e) {
    if (is_exc(e.exc, types::generator_exit) || is_exc(e.exc, types::stop_iteration)) return;
    throw;
  }
  if (yielded) raise_fmt(types::runtime_error, "{} ignored GeneratorExit", flavor_name(g));
}

Value make_generator(Function* fn, const Args& args) {
  Code* co = fn->code;
  auto* g = gc::make<Generator>();
  if (co->flags & kCoroutine) {
    g->type = &coroutine_type;
    g->flavor = Generator::Flavor::Coroutine;
  } else if (co->flags & kAsyncGenerator) {
    g->type = &async_generator_type;
    g->flavor = Generator::Flavor::AsyncGenerator;
  } else {
    g->type = &types::generator;
    g->flavor = Generator::Flavor::Generator;
  }
  g->running_async = false;
  g->closed = false;
  g->frame_view = Value::empty();
  size_t n = co->nlocals + co->ncells() + co->max_stack;
  auto* slots = static_cast<Value*>(gc::alloc(n * sizeof(Value)));
  for (size_t i = 0; i < n; ++i) slots[i] = Value::empty();
  if (args.nkw == 0 && args.npos == static_cast<uint32_t>(co->argcount) && !(co->flags & (kVarargs | kVarkeywords)) &&
      co->kwonlycount == 0) {
    for (uint32_t i = 0; i < args.npos; ++i) slots[i] = args.pos[i];
  } else {
    bind_arguments(fn, args, slots);
  }
  Frame& f = g->frame;
  f.code = co;
  f.func = fn;
  f.globals = fn->globals.as<Dict>();
  f.builtins = state().builtins->dict;
  f.slots = slots;
  f.pc = co->code.data();
  if (co->ncells()) setup_cells(f, fn);
  g->state = Generator::State::Created;
  g->name = fn->name;
  g->qualname = fn->qualname;
  g->handled = Value::none();
  return Value::object(g);
}

Value generator_delegate(Generator* g) { return delegate_of(g); }

const char* flavor_name(const Generator* g) {
  switch (g->flavor) {
  case Generator::Flavor::Generator: break;
  case Generator::Flavor::Coroutine: return "coroutine";
  case Generator::Flavor::AsyncGenerator: return "async generator";
  }
  return "generator";
}

bool generator_resume(Generator* g, Value sent, Value exc, Value& out) {
  if (!exc.is_empty()) return gen_throw(g, ThrowArgs{exc, {}, {}}, out);
  return resume(g, Resume::Send, sent, out);
}

bool generator_continue(Generator* g, Value& out) { return resume(g, Resume::Continue, Value(), out); }

bool generator_next(Value gen, Value& out) { return resume(gen.as<Generator>(), Resume::Send, Value::none(), out); }

Str* generator_qualname(Value gen) { return gen.as<Generator>()->qualname; }

void init_generator_type() {
  add_method(types::generator, "__next__", self_or_first<gen_next_m>);
  add_method(types::generator, "send", self_or_first<gen_send_m>);
  add_method(types::generator, "throw", self_or_first<gen_throw_m>);
  add_method(types::generator, "close", self_or_first<gen_close_m>);
  add_method(types::generator, "__iter__", self_or_first<gen_iter_m>);
  add_getter(types::generator, "__name__", gen_name);
  add_getter(types::generator, "__qualname__", gen_qualname);
  add_getter(types::generator, "gi_running", gen_running);
  add_getter(types::generator, "gi_suspended", gen_suspended);
}

} // namespace tributary::vm
