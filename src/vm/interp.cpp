// interp.cpp — the bytecode interpreter loop.
//
// One C++ activation per Python frame (run_frame); Python calls recurse
// through call_function. Dispatch is by computed goto: the label table is
// generated from opcodes.def, so an opcode without a handler does not compile.
// Small-int and float arithmetic, comparisons, truth tests, global lookups and
// list/range iteration have inline fast paths; everything else goes through
// the generic protocol in runtime/ops.h.
//
// Exceptions: runtime code throws PyException. The single catch in run_frame
// adds this frame's traceback entry (unless the instruction was a re-raise),
// finds the handler in the static exception table, trims the stack to the
// handler's depth and resumes there; with no handler it re-throws to the caller.
#include <cmath>
#include <new>
#include <stdexcept>

#include "vm/jit_hooks.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/match.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/coroutine.h"
#include "vm/exec.h"
#include "vm/frame.h"
#include "vm/generator.h"
#include "vm/interp.h"

namespace tributary::vm {

namespace {

// Set by RERAISE and bare `raise`: the exception keeps its traceback as is.
thread_local bool g_reraising = false;

} // namespace

void add_traceback(Value exc, Code* code, int line, Value globals) {
  if (!exc.is_object() || !type_of(exc)->is_exception) return;
  auto* e = exc.as<ExceptionObj>();
  auto* tb = gc::make<TracebackEntry>();
  tb->type = &traceback_type;
  tb->next = e->traceback;
  tb->code = Value::object(code);
  tb->line = line;
  tb->globals = globals;
  e->traceback = Value::object(tb);
}

namespace {

Value call_value(Value callable, const Args& args) {
  if (is_kind(callable, Kind::Function)) return call_function(callable.as<Function>(), args);
  return call(callable, args);
}

// Fast arithmetic on two small ints; false when the generic path is needed.
inline bool small_int_binop(int32_t op, int64_t a, int64_t b, Value& out) {
  int64_t r;
  switch (static_cast<BinOp>(op & 0xFF)) {
  case BinOp::Add: r = a + b; break; // 48-bit operands cannot overflow int64
  case BinOp::Sub: r = a - b; break;
  case BinOp::Mul:
    if (__builtin_mul_overflow(a, b, &r)) return false;
    break;
  case BinOp::FloorDiv:
    if (b == 0) return false;
    r = floor_div_i64(a, b);
    break;
  case BinOp::Mod:
    if (b == 0) return false;
    r = floor_mod_i64(a, b);
    break;
  case BinOp::And: r = a & b; break;
  case BinOp::Or: r = a | b; break;
  case BinOp::Xor: r = a ^ b; break;
  case BinOp::TrueDiv:
    if (b == 0 || std::abs(a) > (int64_t(1) << 53) || std::abs(b) > (int64_t(1) << 53)) return false;
    out = Value::from_double(static_cast<double>(a) / static_cast<double>(b));
    return true;
  default: return false;
  }
  out = make_int(r);
  return true;
}

inline bool float_binop(int32_t op, double a, double b, Value& out) {
  switch (static_cast<BinOp>(op & 0xFF)) {
  case BinOp::Add: out = Value::from_double(a + b); return true;
  case BinOp::Sub: out = Value::from_double(a - b); return true;
  case BinOp::Mul: out = Value::from_double(a * b); return true;
  case BinOp::TrueDiv:
    if (b == 0.0) return false;
    out = Value::from_double(a / b);
    return true;
  default: return false;
  }
}

inline bool compare_numbers(CmpOp op, double a, double b) {
  switch (op) {
  case CmpOp::Lt: return a < b;
  case CmpOp::Le: return a <= b;
  case CmpOp::Eq: return a == b;
  case CmpOp::Ne: return a != b;
  case CmpOp::Gt: return a > b;
  case CmpOp::Ge: return a >= b;
  }
  return false;
}

inline bool compare_ints(CmpOp op, int64_t a, int64_t b) {
  switch (op) {
  case CmpOp::Lt: return a < b;
  case CmpOp::Le: return a <= b;
  case CmpOp::Eq: return a == b;
  case CmpOp::Ne: return a != b;
  case CmpOp::Gt: return a > b;
  case CmpOp::Ge: return a >= b;
  }
  return false;
}

inline bool is_truthy(Value v) {
  if (v.is_bool()) return v.is_true();
  if (v.is_none()) return false;
  if (v.is_small_int()) return v.as_small_int() != 0;
  return truthy(v);
}

Value load_global(Frame* f, uint32_t idx) {
  Code* co = f->code;
  GlobalCache& c = co->global_caches[co->cache_index[idx]];
  if (c.globals_version == f->globals->version && c.builtins_version == f->builtins->version &&
      c.globals == f->globals && c.builtins == f->builtins)
    return c.value;
  Str* name = co->names[co->code[idx].arg].as<Str>();
  Value* v = dict_find_str(f->globals, name);
  if (!v) v = dict_find_str(f->builtins, name);
  if (!v) raise_fmt(types::name_error, "name '{}' is not defined", name->view());
  c.globals = f->globals;
  c.builtins = f->builtins;
  c.globals_version = f->globals->version;
  c.builtins_version = f->builtins->version;
  c.value = *v;
  return *v;
}

} // namespace

// A class body's namespace may be a dict subclass from a metaclass's
// __prepare__ (enum's _EnumDict): its own __getitem__/__setitem__ then see
// every name, as CPython's LOAD_NAME/STORE_NAME call them for non-exact dicts.
Value load_name(Frame* f, Str* name) {
  if (Dict* ns = f->locals_dict) {
    if (ns->type == &types::dict) {
      if (Value* v = dict_find_str(ns, name)) return *v;
    } else {
      try {
        return get_item(Value::object(ns), Value::object(name));
      } catch (PyException& e) {
        if (!exception_matches(e.exc, Value::object(&types::key_error))) throw;
      }
    }
  }
  if (Value* v = dict_find_str(f->globals, name)) return *v;
  if (Value* v = dict_find_str(f->builtins, name)) return *v;
  raise_fmt(types::name_error, "name '{}' is not defined", name->view());
}

void store_name(Frame* f, Value name, Value v) {
  Dict* ns = f->locals_dict ? f->locals_dict : f->globals;
  if (ns->type == &types::dict) dict_set(ns, name, v);
  else set_item(Value::object(ns), name, v);
}

void delete_name(Frame* f, Value name) {
  Dict* ns = f->locals_dict ? f->locals_dict : f->globals;
  if (ns->type != &types::dict) {
    del_item(Value::object(ns), name);
    return;
  }
  if (!dict_del(ns, name)) raise_fmt(types::name_error, "name '{}' is not defined", name.as<Str>()->view());
}

void delete_global(Dict* globals, Value name) {
  if (!dict_del(globals, name)) raise_fmt(types::name_error, "name '{}' is not defined", name.as<Str>()->view());
}

Value load_build_class(Dict* builtins) {
  Value* bc = dict_find_str(builtins, intern("__build_class__"));
  if (!bc) raise(types::name_error, "__build_class__ not found");
  return *bc;
}

void setup_annotations(Frame* f) {
  Dict* ns = f->locals_dict ? f->locals_dict : f->globals;
  if (!dict_find_str(ns, intern("__annotations__"))) dict_set_str(ns, "__annotations__", Value::object(new_dict()));
}

void print_expr(Value v) {
  Value* sys = dict_find_str(state().modules, intern("sys"));
  Value* hook = sys && is_kind(*sys, Kind::Module) ? dict_find_str(sys->as<Module>()->dict, intern("displayhook")) : nullptr;
  if (!hook) raise(types::runtime_error, "lost sys.displayhook");
  call1(*hook, v);
}

Value get_yield_from_iter(Value v) {
  if (is_kind(v, Kind::Generator)) return v;
  if (v.is_object() && v.as_object()->type == &coroutine_type) {
    // (A types.coroutine generator may delegate to a coroutine.)
    Frame* f = state().frame;
    if (f && f->code && (f->code->flags & (kCoroutine | kIterableCoroutine))) return v;
    raise(types::type_error, "cannot 'yield from' a coroutine object in a non-coroutine generator");
  }
  return get_iter(v);
}

Value with_except_start(Value exit, Value exc) {
  // The traceback argument: our traceback entries stand in for CPython's traceback object.
  Value tb = is_exception_instance(exc) ? exc.as<ExceptionObj>()->traceback : Value::none();
  Value args[3] = {Value::object(type_of(exc)), exc, tb.is_empty() ? Value::none() : tb};
  return call(exit, Args{args, 3});
}

namespace {

[[noreturn]] void unbound_local(Code* co, int idx) {
  raise_fmt(types::unbound_local_error, "cannot access local variable '{}' where it is not associated with a value",
            co->local_names[idx]);
}

[[noreturn]] void unbound_cell(Code* co, int idx) {
  int ncell = static_cast<int>(co->cell_names.size());
  if (idx < ncell)
    raise_fmt(types::unbound_local_error,
              "cannot access local variable '{}' where it is not associated with a value", co->cell_names[idx]);
  raise_fmt(types::name_error,
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            co->free_names[idx - ncell]);
}

} // namespace

Value* unpack_sequence(Value seq, int32_t n, Value* sp) {
  auto push_reversed = [&](const Value* items, size_t size) {
    if (static_cast<int64_t>(size) != n) {
      if (static_cast<int64_t>(size) < n)
        raise_fmt(types::value_error, "not enough values to unpack (expected {}, got {})", n, size);
      raise_fmt(types::value_error, "too many values to unpack (expected {})", n);
    }
    for (int32_t i = n - 1; i >= 0; --i) *sp++ = items[i];
    return sp;
  };
  // (Exact types: a subclass may define its own __iter__.)
  if (is_exact(seq, types::tuple)) return push_reversed(seq.as<Tuple>()->items, seq.as<Tuple>()->size);
  if (is_exact(seq, types::list)) return push_reversed(seq.as<List>()->items.data(), seq.as<List>()->items.size());
  Type* t = type_of(seq);
  Value it;
  try {
    it = get_iter(seq);
  } catch (PyException&) {
    if (type_lookup(t, intern("__iter__")).is_empty() && t->kind != Kind::Str && t->kind != Kind::Dict &&
        t->kind != Kind::Set && t->kind != Kind::FrozenSet && t->kind != Kind::Range && t->kind != Kind::Iterator)
      raise_fmt(types::type_error, "cannot unpack non-iterable {} object", t->name);
    throw;
  }
  GcVector<Value> items;
  Value item;
  while (iter_next(it, item)) {
    items.push_back(item);
    if (static_cast<int64_t>(items.size()) > n) raise_fmt(types::value_error, "too many values to unpack (expected {})", n);
  }
  return push_reversed(items.data(), items.size());
}

namespace {

Value make_exception_instance(Value v) {
  if (is_type(v) && v.as<Type>()->is_exception) return call0(v);
  if (v.is_object() && type_of(v)->is_exception) return v;
  raise_type_error("exceptions must derive from BaseException");
}

} // namespace

[[noreturn]] void raise_with_cause(Value exc, Value cause) { throw PyException{exception_with_cause(exc, cause)}; }

Value exception_with_cause(Value exc, Value cause) {
  Value e = make_exception_instance(exc);
  if (!cause.is_empty()) {
    auto* eo = e.as<ExceptionObj>();
    if (cause.is_none()) {
      eo->cause = Value::none();
    } else {
      Value c = make_exception_instance(cause);
      eo->cause = c;
    }
    eo->suppress_context = true;
  }
  return exception_to_raise(e);
}

namespace {

Value ascii_of(Value v) {
  std::string r = repr_string(v), out;
  for (size_t i = 0; i < r.size();) {
    uint32_t cp = utf8_at(r, i);
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x100) out += fmt::format("\\x{:02x}", cp);
    else if (cp < 0x10000) out += fmt::format("\\u{:04x}", cp);
    else out += fmt::format("\\U{:08x}", cp);
  }
  return str_value(out);
}

} // namespace

Value format_for_fstring(Value v, int flags, Value spec) {
  switch (flags & 3) {
  case 1: v = Value::object(to_str(v)); break;
  case 2: v = Value::object(repr(v)); break;
  case 3: v = ascii_of(v); break;
  default: break;
  }
  if (spec.is_empty() && is_str(v)) return v;
  return Value::object(format_value(v, spec.is_empty() ? intern("") : spec.as<Str>()));
}

Value build_string(const Value* items, int32_t n) {
  std::string out;
  for (int32_t i = 0; i < n; ++i) out.append(items[i].as<Str>()->view());
  return str_value(out);
}

void import_star(Frame* f, Value module) {
  if (!is_kind(module, Kind::Module)) return;
  Dict* d = module.as<Module>()->dict;
  Dict* target = f->locals_dict ? f->locals_dict : f->globals;
  if (Value* all = dict_find_str(d, intern("__all__"))) {
    Value it = get_iter(*all);
    Value name;
    while (iter_next(it, name)) {
      if (!is_str(name))
        raise_fmt(types::type_error, "Item in {}.__all__ must be str, not {}", module.as<Module>()->name->view(),
                  type_of(name)->name);
      dict_set(target, name, get_attr(module, name.as<Str>()));
    }
    return;
  }
  size_t pos = 0;
  Value k, v;
  while (dict_next(d, pos, k, v))
    if (is_str(k) && k.as<Str>()->view()[0] != '_') dict_set(f->locals_dict ? f->locals_dict : f->globals, k, v);
}

namespace {

// Puts `e` first in a site's kAttrWays entries; the last one falls out.
void attr_cache_insert(AttrCache* ways, const AttrCache& e) {
  for (int w = kAttrWays - 1; w > 0; --w) ways[w] = ways[w - 1];
  ways[0] = e;
}

// The entry of a site's ways for an instance of `shape`, or null.
inline AttrCache* attr_cache_find(AttrCache* ways, const Shape* shape) {
  const uint64_t epoch = instance_class_epoch();
  for (int w = 0; w < kAttrWays; ++w)
    if (ways[w].shape == shape && ways[w].epoch == epoch) return &ways[w];
  return nullptr;
}

// LOAD_ATTR on an instance whose shape missed the cache: the full lookup, then
// caching plain instance-slot reads (no data descriptor on the class, no
// __getattribute__ hook).
Value load_attr_miss(AttrCache* ways, Instance* o, Str* name) {
  Value obj = Value::object(o);
  Value v = get_attr(obj, name);
  if (!(class_hooks(o->type) & kHookGetattribute) && !is_data_descriptor(type_lookup(o->type, name))) {
    int i = shape_find(o->shape, name);
    if (i >= 0) attr_cache_insert(ways, AttrCache{o->shape, instance_class_epoch(), i, nullptr, Value::empty()});
  }
  return v;
}

// STORE_ATTR on an instance that missed the cache: the full store, then caching
// the slot written (or the shape transition that added it).
void store_attr_miss(AttrCache* ways, Instance* o, Str* name, Value v) {
  Shape* before = o->shape;
  set_attr(Value::object(o), name, v);
  if ((class_hooks(o->type) & kHookSetattr) || is_data_descriptor(type_lookup(o->type, name))) return;
  uint64_t epoch = instance_class_epoch();
  if (o->shape == before) {
    int i = shape_find(before, name);
    if (i >= 0) attr_cache_insert(ways, AttrCache{before, epoch, i, nullptr, Value::empty()});
  } else if (o->shape->parent == before) {
    attr_cache_insert(ways, AttrCache{before, epoch, static_cast<int32_t>(o->shape->size - 1), o->shape, Value::empty()});
  }
}

} // namespace

// SEND: advances the sub-iterator of `yield from` with `v`; true with the
// value to yield, false with the sub-iterator's result when it finished.
bool send_to(Value it, Value v, Value& out) {
  if (is_resumable(it)) return generator_resume(it.as<Generator>(), v, Value::empty(), out);
  bool handled;
  bool r = send_native_awaitable(it, v, out, handled); // an async generator's awaitables, coroutine_wrapper
  if (handled) return r;
  try {
    if (v.is_none()) {
      Value m = type_lookup(type_of(it), intern("__next__"));
      if (m.is_empty()) raise_fmt(types::type_error, "'{}' object is not an iterator", type_of(it)->name);
      if (is_kind(it, Kind::Iterator)) {
        if (iter_next(it, out)) return true;
        out = Value::none();
        return false;
      }
      out = call1(m, it);
    } else {
      out = call1(get_attr(it, intern("send")), v);
    }
    return true;
  } catch (PyException& e) {
    if (!is_exception_instance(e.exc) || !is_subtype(type_of(e.exc), &types::stop_iteration)) throw;
    Tuple* args = e.exc.as<ExceptionObj>()->args;
    out = args->size ? args->items[0] : Value::none();
    return false;
  }
}

Value before_with(Value mgr, Value& enter_result) {
  Type* t = type_of(mgr);
  static Str* const kEnter = intern("__enter__");
  static Str* const kExit = intern("__exit__");
  Value enter = type_lookup(t, kEnter);
  if (enter.is_empty())
    raise_fmt(types::type_error, "'{}' object does not support the context manager protocol", t->name);
  Value exit = type_lookup(t, kExit);
  if (exit.is_empty())
    raise_fmt(types::type_error, "'{}' object does not support the context manager protocol (missed __exit__ method)",
              t->name);
  Value bound_exit = get_attr(mgr, kExit);
  enter_result = call0(get_attr(mgr, kEnter));
  return bound_exit;
}

namespace {

// "module.qualname", as CPython names functions in call errors.
std::string function_display_name(Function* fn) {
  std::string name(fn->qualname->view());
  if (is_str(fn->module)) name = std::string(fn->module.as<Str>()->view()) + "." + name;
  return name;
}

// Whether iter(v) can succeed, without calling it.
bool is_iterable(Value v) {
  switch (type_of(v)->kind) {
  case Kind::List: case Kind::Tuple: case Kind::Str: case Kind::Dict: case Kind::Set: case Kind::FrozenSet:
  case Kind::Range: case Kind::Iterator: case Kind::DictView: case Kind::Bytes: case Kind::Generator:
    return true;
  default:
    return !type_lookup(type_of(v), intern("__iter__")).is_empty() ||
           !type_lookup(type_of(v), intern("__getitem__")).is_empty();
  }
}

// CALL_EX: calls with a tuple of positional arguments and an optional dict.
Value call_ex(Value callable, Value self, Value args_tuple, Value kwargs) {
  // Common case `f(*seq)` on a Python function: bind straight from the
  // sequence's storage (call_function copies arguments before running).
  if (self.is_empty() && kwargs.is_empty() && is_kind(callable, Kind::Function)) {
    if (is_tuple(args_tuple)) {
      Tuple* t = args_tuple.as<Tuple>();
      return call_function(callable.as<Function>(), Args{t->items, static_cast<uint32_t>(t->size)});
    }
    if (is_list(args_tuple)) {
      List* l = args_tuple.as<List>();
      return call_function(callable.as<Function>(), Args{l->items.data(), static_cast<uint32_t>(l->items.size())});
    }
  }
  GcVector<Value> pos;
  if (!self.is_empty()) pos.push_back(self);
  if (is_tuple(args_tuple)) {
    Tuple* t = args_tuple.as<Tuple>();
    pos.insert(pos.end(), t->items, t->items + t->size);
  } else {
    if (!is_iterable(args_tuple)) {
      std::string fname = "function";
      if (is_kind(callable, Kind::Function)) fname = function_display_name(callable.as<Function>()) + "()";
      raise_fmt(types::type_error, "{} argument after * must be an iterable, not {}", fname, type_of(args_tuple)->name);
    }
    List* l = list_from_iterable(args_tuple);
    pos.insert(pos.end(), l->items.begin(), l->items.end());
  }
  GcVector<Value> names, vals;
  if (!kwargs.is_empty()) {
    Dict* d = kwargs.as<Dict>();
    size_t p = 0;
    Value k, v;
    while (dict_next(d, p, k, v)) {
      if (!is_str(k)) raise_type_error("keywords must be strings");
      names.push_back(k);
      vals.push_back(v);
    }
  }
  Args a{pos.data(), static_cast<uint32_t>(pos.size()), names.data(), vals.data(), static_cast<uint32_t>(names.size())};
  return call_value(callable, a);
}

} // namespace

// ---- opcode bodies the JIT's residual calls share (interp.h) -------------------

Value* unpack_ex(Value seq, int32_t arg, Value* sp) {
  int before = arg & 0xFF, after = arg >> 8;
  List* all = list_from_iterable(seq);
  int64_t size = static_cast<int64_t>(all->items.size());
  if (size < before + after)
    raise_fmt(types::value_error, "not enough values to unpack (expected at least {}, got {})", before + after, size);
  for (int i = after - 1; i >= 0; --i) *sp++ = all->items[size - after + i];
  List* middle = new_list();
  middle->items.assign(all->items.begin() + before, all->items.end() - after);
  *sp++ = Value::object(middle);
  for (int i = before - 1; i >= 0; --i) *sp++ = all->items[i];
  return sp;
}

Value make_function(Value code, Dict* globals, Value defaults, Value kwdefaults, Value closure) {
  Function* fn = new_function(code_for_globals(code.as<Code>(), globals), Value::object(globals));
  if (!closure.is_empty()) fn->closure = closure.as<Tuple>();
  if (!kwdefaults.is_empty()) fn->kwdefaults = kwdefaults;
  if (!defaults.is_empty()) fn->defaults = defaults.as<Tuple>();
  if (Value* m = dict_find_str(globals, intern("__name__"))) fn->module = *m;
  return Value::object(fn);
}

void list_extend_unpacked(List* l, Value iterable) {
  if (!is_iterable(iterable))
    raise_fmt(types::type_error, "Value after * must be an iterable, not {}", type_of(iterable)->name);
  list_extend(l, iterable);
}

void dict_update_unpacked(Dict* d, Value mapping) {
  if (!is_dict(mapping) && get_attr_or_empty(mapping, intern("keys")).is_empty())
    raise_fmt(types::type_error, "'{}' object is not a mapping", type_of(mapping)->name);
  dict_update(d, mapping);
}

void dict_merge_kwargs(Value target, Value mapping, Value callable) {
  Dict* d = target.as<Dict>();
  if (!is_dict(mapping) && get_attr_or_empty(mapping, intern("keys")).is_empty())
    raise_fmt(types::type_error, "{} argument after ** must be a mapping, not {}", repr_string(callable) + "",
              type_of(mapping)->name);
  Dict* src = dict_merges_natively(mapping) ? mapping.as<Dict>() : nullptr;
  if (!src) {
    src = new_dict();
    dict_update(src, mapping);
  }
  size_t pos = 0;
  Value k, v;
  while (dict_next(src, pos, k, v)) {
    if (dict_find(d, k)) {
      std::string fname = is_kind(callable, Kind::Function) ? function_display_name(callable.as<Function>()) : "function";
      raise_fmt(types::type_error, "{}() got multiple values for keyword argument '{}'", fname, str_string(k));
    }
    dict_set(d, k, v);
  }
}

Value call_with_args(Value callable, Value self, Value args, Value kwargs) {
  return call_ex(callable, self, args, kwargs);
}

// Computed-goto dispatch needs a label per opcode; these two macros are the
// only way to spell that table and the jump to the next handler.
#define TARGET(name) op_##name:
#define DISPATCH()                                                                  \
  do {                                                                              \
    instr = *pc++;                                                                  \
    goto* dispatch[static_cast<size_t>(instr.op)];                                  \
  } while (0)

Value run_frame(Frame* f) {
  static void* const kLabels[] = {
#define OPCODE(name, operand, effect, jit, doc) &&op_##name,
#include "vm/opcodes.def"
#undef OPCODE
  };
  static_assert(sizeof(kLabels) / sizeof(kLabels[0]) == static_cast<size_t>(Op::kCount));
  // While this frame is being recorded every opcode first goes through the recorder.
  static void* const kRecordLabels[] = {
#define OPCODE(name, operand, effect, jit, doc) &&record_hook,
#include "vm/opcodes.def"
#undef OPCODE
  };

  Code* const co = f->code;
  if (!co->prepared) prepare_code(co);
  Vm& vm = state();
  // vm.frame names the innermost frame for exec/eval/globals/locals, and
  // `back` links the executing frames for sys._getframe (a resumed generator's
  // frame links to its resumer, so the chain from vm.frame is always live).
  struct CurrentFrame {
    Vm& vm;
    Frame* saved;
    CurrentFrame(Vm& v, Frame* f) : vm(v), saved(v.frame) {
      f->back = saved;
      v.frame = f;
    }
    ~CurrentFrame() { vm.frame = saved; }
  } current_frame(vm, f);
  const Instr* const code_start = co->code.data();
  const Value* consts = co->consts.data();
  Value* const locals = f->locals();
  Value* const cells = f->cells();
  Value* const stack_base = f->stack_base();
  const Instr* pc = f->pc;
  Value* sp = stack_base + f->resume_depth;
  Instr instr{};
  void* const* dispatch = jit::hooked(f) ? kRecordLabels : kLabels;
  // The big int the last BINARY_OP made, while nothing else has seen it (0:
  // none). Only a BINARY_OP whose Code::temp_operands flag the operand may
  // treat that operand as this temporary: straight-line code from its producer.
  uint64_t fresh = 0;

  // After compiled code (entered with this frame's state in memory) that did
  // not return from the frame: continue where it left off, raising there what
  // it raised.
  auto resume_after = [&](const jit::Resume& r) {
    fresh = 0; // (compiled code may have run the producer of an operand on the stack)
    pc = code_start + r.pc;
    sp = stack_base + r.depth;
    if (!r.push.is_empty()) *sp++ = r.push;
    if (!r.exception.is_empty()) throw PyException{r.exception};
    if (jit::hooked(f)) dispatch = kRecordLabels;
  };

  for (;;) {
    Value raised;
    try {
      if (!f->resume_exception.is_empty()) {
        Value exc = f->resume_exception;
        f->resume_exception = Value::empty();
        ++pc;
        throw PyException{exc};
      }
      DISPATCH();

    record_hook: {
      jit::CompiledTrace* enter = nullptr;
      if (!jit::record_instruction(f, static_cast<uint32_t>(pc - code_start - 1), sp, &enter)) dispatch = kLabels;
      if (enter) { // a chunk of huge code starts at this instruction (the stack is empty)
        --pc;
        jit::Resume r = jit::run_compiled(enter, f);
        if (r.returned) return r.result;
        resume_after(r);
        DISPATCH();
      }
      goto* kLabels[static_cast<size_t>(instr.op)];
    }

      TARGET(NOP) { DISPATCH(); }
      TARGET(POP_TOP) {
        --sp;
        DISPATCH();
      }
      TARGET(PUSH_NULL) {
        *sp++ = Value::empty();
        DISPATCH();
      }
      TARGET(COPY) {
        Value v = sp[-instr.arg];
        *sp++ = v;
        DISPATCH();
      }
      TARGET(SWAP) {
        std::swap(sp[-1], sp[-instr.arg]);
        DISPATCH();
      }
      TARGET(LOAD_CONST) {
        *sp++ = consts[instr.arg];
        DISPATCH();
      }
      TARGET(LOAD_FAST) {
        Value v = locals[instr.arg];
        if (v.is_empty()) [[unlikely]] unbound_local(co, instr.arg);
        *sp++ = v;
        DISPATCH();
      }
      TARGET(STORE_FAST) {
        locals[instr.arg] = *--sp;
        DISPATCH();
      }
      TARGET(DELETE_FAST) {
        if (locals[instr.arg].is_empty()) unbound_local(co, instr.arg);
        locals[instr.arg] = Value::empty();
        DISPATCH();
      }
      TARGET(LOAD_DEREF) {
        Value v = cells[instr.arg].as<Cell>()->value;
        if (v.is_empty()) unbound_cell(co, instr.arg);
        *sp++ = v;
        DISPATCH();
      }
      TARGET(STORE_DEREF) {
        cells[instr.arg].as<Cell>()->value = *--sp;
        DISPATCH();
      }
      TARGET(DELETE_DEREF) {
        Cell* c = cells[instr.arg].as<Cell>();
        if (c->value.is_empty()) unbound_cell(co, instr.arg);
        c->value = Value::empty();
        DISPATCH();
      }
      TARGET(LOAD_CLOSURE) {
        *sp++ = cells[instr.arg];
        DISPATCH();
      }
      TARGET(LOAD_GLOBAL) {
        *sp++ = load_global(f, static_cast<uint32_t>(pc - code_start - 1));
        DISPATCH();
      }
      TARGET(STORE_GLOBAL) {
        dict_set(f->globals, co->names[instr.arg], *--sp);
        DISPATCH();
      }
      TARGET(DELETE_GLOBAL) {
        delete_global(f->globals, co->names[instr.arg]);
        DISPATCH();
      }
      TARGET(LOAD_NAME) {
        *sp++ = load_name(f, co->names[instr.arg].as<Str>());
        DISPATCH();
      }
      TARGET(STORE_NAME) {
        store_name(f, co->names[instr.arg], *--sp);
        DISPATCH();
      }
      TARGET(DELETE_NAME) {
        delete_name(f, co->names[instr.arg]);
        DISPATCH();
      }
      TARGET(LOAD_ATTR) {
        f->pc = pc;
        Value obj = sp[-1];
        if (is_kind(obj, Kind::Instance)) {
          AttrCache* ways = &co->attr_caches[co->cache_index[pc - code_start - 1]];
          Instance* o = obj.as<Instance>();
          if (const AttrCache* c = attr_cache_find(ways, o->shape)) {
            sp[-1] = o->slots[c->slot];
            DISPATCH();
          }
          sp[-1] = load_attr_miss(ways, o, co->names[instr.arg].as<Str>());
          DISPATCH();
        }
        sp[-1] = get_attr(obj, co->names[instr.arg].as<Str>());
        DISPATCH();
      }
      TARGET(STORE_ATTR) {
        f->pc = pc;
        Value obj = sp[-1];
        if (is_kind(obj, Kind::Instance)) {
          AttrCache* ways = &co->attr_caches[co->cache_index[pc - code_start - 1]];
          Instance* o = obj.as<Instance>();
          const AttrCache* c = attr_cache_find(ways, o->shape);
          if (c && (!c->next || o->capacity >= c->next->size)) {
            o->slots[c->slot] = sp[-2];
            if (c->next) o->shape = c->next;
          } else {
            store_attr_miss(ways, o, co->names[instr.arg].as<Str>(), sp[-2]);
          }
          sp -= 2;
          DISPATCH();
        }
        set_attr(obj, co->names[instr.arg].as<Str>(), sp[-2]);
        sp -= 2;
        DISPATCH();
      }
      TARGET(DELETE_ATTR) {
        del_attr(sp[-1], co->names[instr.arg].as<Str>());
        --sp;
        DISPATCH();
      }
      TARGET(LOAD_METHOD) {
        Value obj = sp[-1];
        AttrCache* ways = &co->attr_caches[co->cache_index[pc - code_start - 1]];
        if (is_kind(obj, Kind::Instance)) {
          if (const AttrCache* c = attr_cache_find(ways, obj.as<Instance>()->shape)) {
            sp[-1] = c->method;
            *sp++ = obj;
            DISPATCH();
          }
        } else if (obj.is_object()) {
          // A builtin type's method (list.append, str.join, ...).
          const Type* t = obj.as_object()->type;
          const uint64_t epoch = instance_class_epoch();
          for (int w = 0; w < kAttrWays; ++w) {
            if (ways[w].type == t && ways[w].epoch == epoch) {
              sp[-1] = ways[w].method;
              *sp++ = obj;
              DISPATCH();
            }
          }
        }
        f->pc = pc;
        bool is_method = false;
        Value fn = lookup_method(obj, co->names[instr.arg].as<Str>(), is_method);
        if (is_method && is_kind(obj, Kind::Instance) && is_kind(fn, Kind::Function))
          attr_cache_insert(ways, AttrCache{obj.as<Instance>()->shape, instance_class_epoch(), -1, nullptr, fn});
        else if (is_method && obj.is_object() && type_of(obj)->is_builtin && is_kind(fn, Kind::NativeFunction))
          attr_cache_insert(ways, AttrCache{nullptr, instance_class_epoch(), -1, nullptr, fn, type_of(obj)});
        if (is_method) {
          sp[-1] = fn;
          *sp++ = obj;
        } else {
          sp[-1] = Value::empty();
          *sp++ = fn;
        }
        DISPATCH();
      }
      TARGET(BINARY_OP) {
        Value b = sp[-1], a = sp[-2];
        Value r;
        if (a.is_small_int() && b.is_small_int()) {
          if (small_int_binop(instr.arg, a.as_small_int(), b.as_small_int(), r)) goto binop_done;
        } else if (a.is_double() && b.is_double()) {
          if (float_binop(instr.arg, a.as_double(), b.as_double(), r)) goto binop_done;
        } else if (a.is_double() && b.is_small_int()) {
          if (float_binop(instr.arg, a.as_double(), static_cast<double>(b.as_small_int()), r)) goto binop_done;
        } else if (a.is_small_int() && b.is_double()) {
          if (float_binop(instr.arg, static_cast<double>(a.as_small_int()), b.as_double(), r)) goto binop_done;
        }
        f->pc = pc;
        if ((a.is_small_int() || is_exact(a, types::int_)) && (b.is_small_int() || is_exact(b, types::int_))) {
          // Ints past the inline range: a temporary operand's storage is
          // reused or freed (not while recording: the recorder may keep
          // the values it saw).
          const uint8_t temps = co->temp_operands[pc - code_start - 1];
          r = int_binary_reusing(static_cast<BinOp>(instr.arg & 0xFF), a, b,
                                 (temps & kTempLeft) && a.bits() == fresh, (temps & kTempRight) && b.bits() == fresh);
          if (!r.is_empty()) {
            fresh = r.is_object() && dispatch == kLabels ? r.bits() : 0;
            goto binop_done;
          }
        }
        fresh = 0;
        r = (instr.arg & kInplace) ? inplace_op(static_cast<BinOp>(instr.arg & 0xFF), a, b)
                                   : binary_op(static_cast<BinOp>(instr.arg), a, b);
      binop_done:
        sp[-2] = r;
        --sp;
        DISPATCH();
      }
      TARGET(COMPARE_OP) {
        Value b = sp[-1], a = sp[-2];
        CmpOp op = static_cast<CmpOp>(instr.arg);
        bool r;
        if (a.is_small_int() && b.is_small_int()) r = compare_ints(op, a.as_small_int(), b.as_small_int());
        else if (a.is_double() && b.is_double()) r = compare_numbers(op, a.as_double(), b.as_double());
        else {
          f->pc = pc;
          sp[-2] = compare(op, a, b);
          --sp;
          DISPATCH();
        }
        // A number comparison feeding a conditional jump branches at once,
        // as CPython 3.11's COMPARE_OP_*_JUMP (not while the recorder must
        // see each instruction).
        if (dispatch == kLabels) {
          if (pc->op == Op::POP_JUMP_IF_FALSE) {
            sp -= 2;
            pc = r ? pc + 1 : code_start + pc->arg;
            DISPATCH();
          }
          if (pc->op == Op::POP_JUMP_IF_TRUE) {
            sp -= 2;
            pc = r ? code_start + pc->arg : pc + 1;
            DISPATCH();
          }
        }
        sp[-2] = Value::boolean(r);
        --sp;
        DISPATCH();
      }
      TARGET(IS_OP) {
        bool r = (sp[-2] == sp[-1]) != (instr.arg != 0);
        sp[-2] = Value::boolean(r);
        --sp;
        DISPATCH();
      }
      TARGET(CONTAINS_OP) {
        bool r = contains(sp[-1], sp[-2]) != (instr.arg != 0);
        sp[-2] = Value::boolean(r);
        --sp;
        DISPATCH();
      }
      TARGET(UNARY_NEGATIVE) {
        Value v = sp[-1];
        if (v.is_small_int()) sp[-1] = make_int(-v.as_small_int());
        else if (v.is_double()) sp[-1] = Value::from_double(-v.as_double());
        else sp[-1] = negate(v);
        DISPATCH();
      }
      TARGET(UNARY_POSITIVE) {
        sp[-1] = positive(sp[-1]);
        DISPATCH();
      }
      TARGET(UNARY_NOT) {
        sp[-1] = Value::boolean(!is_truthy(sp[-1]));
        DISPATCH();
      }
      TARGET(UNARY_INVERT) {
        sp[-1] = invert(sp[-1]);
        DISPATCH();
      }
      TARGET(BINARY_SUBSCR) {
        Value key = sp[-1], obj = sp[-2];
        if (is_exact(obj, types::list) && key.is_small_int()) {
          List* l = obj.as<List>();
          int64_t i = key.as_small_int();
          if (normalize_index(i, static_cast<int64_t>(l->items.size()))) {
            sp[-2] = l->items[i];
            --sp;
            DISPATCH();
          }
        }
        f->pc = pc;
        sp[-2] = get_item(obj, key);
        --sp;
        DISPATCH();
      }
      TARGET(STORE_SUBSCR) {
        Value key = sp[-1], obj = sp[-2], v = sp[-3];
        if (is_exact(obj, types::list) && key.is_small_int()) {
          List* l = obj.as<List>();
          int64_t i = key.as_small_int();
          if (normalize_index(i, static_cast<int64_t>(l->items.size()))) {
            l->items[i] = v;
            sp -= 3;
            DISPATCH();
          }
        }
        set_item(obj, key, v);
        sp -= 3;
        DISPATCH();
      }
      TARGET(DELETE_SUBSCR) {
        del_item(sp[-2], sp[-1]);
        sp -= 2;
        DISPATCH();
      }
      TARGET(BUILD_SLICE) {
        auto* s = gc::make<Slice>();
        s->type = &types::slice;
        if (instr.arg == 3) {
          s->step = *--sp;
        } else {
          s->step = Value::none();
        }
        s->stop = *--sp;
        s->start = *--sp;
        *sp++ = Value::object(s);
        DISPATCH();
      }
      TARGET(JUMP) {
        const Instr* target = code_start + instr.arg;
        if (target < pc && jit::enabled()) {
          // Loop back-edge: enter the loop's trace, or count towards recording one.
          pc = target;
          if (jit::CompiledTrace* t = jit::on_backedge(f, static_cast<uint32_t>(instr.arg))) {
            jit::Resume r = jit::run_compiled(t, f);
            if (r.returned) return r.result; // a bridge left the loop through `return`
            resume_after(r);
          } else if (jit::recording_in(f)) {
            dispatch = kRecordLabels;
          }
          DISPATCH();
        }
        pc = target;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_FALSE) {
        Value v = *--sp;
        if (!is_truthy(v)) pc = code_start + instr.arg;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_TRUE) {
        Value v = *--sp;
        if (is_truthy(v)) pc = code_start + instr.arg;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_NONE) {
        if ((*--sp).is_none()) pc = code_start + instr.arg;
        DISPATCH();
      }
      TARGET(POP_JUMP_IF_NOT_NONE) {
        if (!(*--sp).is_none()) pc = code_start + instr.arg;
        DISPATCH();
      }
      TARGET(JUMP_IF_FALSE_OR_POP) {
        if (!is_truthy(sp[-1])) pc = code_start + instr.arg;
        else --sp;
        DISPATCH();
      }
      TARGET(JUMP_IF_TRUE_OR_POP) {
        if (is_truthy(sp[-1])) pc = code_start + instr.arg;
        else --sp;
        DISPATCH();
      }
      TARGET(GET_ITER) {
        f->pc = pc;
        sp[-1] = get_iter(sp[-1]);
        DISPATCH();
      }
      TARGET(FOR_ITER) {
        Value it = sp[-1];
        Object* o = it.as_object();
        if (o->type == &types::range_iterator) {
          auto* r = static_cast<RangeIter*>(o);
          if (r->remaining > 0) {
            --r->remaining;
            *sp++ = make_int(r->next);
            r->next += r->step;
          } else {
            --sp;
            pc = code_start + instr.arg;
          }
          DISPATCH();
        }
        if (o->type == &types::list_iterator) {
          auto* li = static_cast<SeqIter*>(o);
          if (!li->seq.is_empty()) {
            List* l = li->seq.as<List>();
            if (li->index < static_cast<int64_t>(l->items.size())) {
              *sp++ = l->items[li->index++];
              DISPATCH();
            }
            li->seq = Value::empty();
          }
          --sp;
          pc = code_start + instr.arg;
          DISPATCH();
        }
        if (o->type == &types::tuple_iterator) {
          auto* ti = static_cast<SeqIter*>(o);
          if (!ti->seq.is_empty()) {
            Tuple* t = ti->seq.as<Tuple>();
            if (static_cast<size_t>(ti->index) < t->size) {
              *sp++ = t->items[ti->index++];
              DISPATCH();
            }
            ti->seq = Value::empty();
          }
          --sp;
          pc = code_start + instr.arg;
          DISPATCH();
        }
        f->pc = pc;
        Value item;
        if (o->type == &types::generator ? generator_next(it, item) : iter_next(it, item)) {
          *sp++ = item;
        } else {
          --sp;
          pc = code_start + instr.arg;
        }
        DISPATCH();
      }
      TARGET(BUILD_TUPLE) {
        sp -= instr.arg;
        Tuple* t = new_tuple(std::span<const Value>(sp, instr.arg));
        *sp++ = Value::object(t);
        DISPATCH();
      }
      TARGET(BUILD_LIST) {
        sp -= instr.arg;
        List* l = new_list(std::span<const Value>(sp, instr.arg));
        *sp++ = Value::object(l);
        DISPATCH();
      }
      TARGET(BUILD_SET) {
        Set* s = new_set();
        for (int32_t i = instr.arg; i > 0; --i) set_add(s, sp[-i]);
        sp -= instr.arg;
        *sp++ = Value::object(s);
        DISPATCH();
      }
      TARGET(BUILD_MAP) {
        Dict* d = new_dict();
        for (int32_t i = instr.arg; i > 0; --i) dict_set(d, sp[-2 * i], sp[-2 * i + 1]);
        sp -= 2 * instr.arg;
        *sp++ = Value::object(d);
        DISPATCH();
      }
      TARGET(BUILD_STRING) {
        Value s = build_string(sp - instr.arg, instr.arg);
        sp -= instr.arg;
        *sp++ = s;
        DISPATCH();
      }
      TARGET(LIST_APPEND) {
        Value v = *--sp;
        list_append(sp[-instr.arg].as<List>(), v);
        DISPATCH();
      }
      TARGET(SET_ADD) {
        Value v = *--sp;
        set_add(sp[-instr.arg].as<Set>(), v);
        DISPATCH();
      }
      TARGET(MAP_ADD) {
        Value v = *--sp;
        Value k = *--sp;
        dict_set(sp[-instr.arg].as<Dict>(), k, v);
        DISPATCH();
      }
      TARGET(LIST_EXTEND) {
        Value v = *--sp;
        list_extend_unpacked(sp[-instr.arg].as<List>(), v);
        DISPATCH();
      }
      TARGET(SET_UPDATE) {
        Value v = *--sp;
        set_update(sp[-instr.arg].as<Set>(), v);
        DISPATCH();
      }
      TARGET(DICT_UPDATE) {
        Value v = *--sp;
        dict_update_unpacked(sp[-instr.arg].as<Dict>(), v);
        DISPATCH();
      }
      TARGET(DICT_MERGE) {
        Value v = *--sp;
        // The callable sits below the dict and the positional-args tuple.
        dict_merge_kwargs(sp[-instr.arg], v, sp[-instr.arg - 2]);
        DISPATCH();
      }
      TARGET(LIST_TO_TUPLE) {
        List* l = sp[-1].as<List>();
        sp[-1] = Value::object(new_tuple(std::span<const Value>(l->items.data(), l->items.size())));
        DISPATCH();
      }
      TARGET(UNPACK_SEQUENCE) {
        Value seq = *--sp;
        sp = unpack_sequence(seq, instr.arg, sp);
        DISPATCH();
      }
      TARGET(UNPACK_EX) {
        Value seq = *--sp;
        sp = unpack_ex(seq, instr.arg, sp);
        DISPATCH();
      }
      TARGET(CALL) {
        f->pc = pc;
        Value* args = sp - instr.arg;
        Value callable = args[-2];
        if (instr.arg == 1 && is_kind(callable, Kind::NativeFunction) &&
            callable.as<NativeFunction>()->inline_op == NativeInline::ListAppend && is_list(args[-1])) {
          list_append(args[-1].as<List>(), args[0]); // obj.append(x) on a list
          sp = args - 2;
          *sp++ = Value::none();
          DISPATCH();
        }
        Args a;
        if (!callable.is_empty()) {
          a.pos = args - 1;
          a.npos = instr.arg + 1;
        } else {
          callable = args[-1];
          a.pos = args;
          a.npos = instr.arg;
        }
        Value r = call_value(callable, a);
        sp = args - 2;
        *sp++ = r;
        DISPATCH();
      }
      TARGET(CALL_KW) {
        f->pc = pc;
        Tuple* names = (*--sp).as<Tuple>();
        Value* args = sp - instr.arg;
        Value callable = args[-2];
        Args a;
        uint32_t nkw = static_cast<uint32_t>(names->size);
        if (!callable.is_empty()) {
          a.pos = args - 1;
          a.npos = instr.arg + 1 - nkw;
        } else {
          callable = args[-1];
          a.pos = args;
          a.npos = instr.arg - nkw;
        }
        a.kwnames = names->items;
        a.kwvals = sp - nkw;
        a.nkw = nkw;
        Value r = call_value(callable, a);
        sp = args - 2;
        *sp++ = r;
        DISPATCH();
      }
      TARGET(CALL_EX) {
        f->pc = pc;
        Value kwargs = (instr.arg & 1) ? *--sp : Value::empty();
        Value args_tuple = *--sp;
        Value slot1 = *--sp, slot0 = *--sp;
        Value r = slot0.is_empty() ? call_ex(slot1, Value::empty(), args_tuple, kwargs)
                                   : call_ex(slot0, slot1, args_tuple, kwargs);
        *sp++ = r;
        DISPATCH();
      }
      TARGET(MAKE_FUNCTION) {
        // [defaults] [kwdefaults] [closure] code, by flags 1, 2, 8.
        Value code = *--sp;
        Value closure = instr.arg & 8 ? *--sp : Value::empty();
        Value kwdefaults = instr.arg & 2 ? *--sp : Value::empty();
        Value defaults = instr.arg & 1 ? *--sp : Value::empty();
        *sp++ = make_function(code, f->globals, defaults, kwdefaults, closure);
        DISPATCH();
      }
      TARGET(RETURN_VALUE) {
        // (A recording that inlined this call continues in the caller.)
        if (dispatch == kRecordLabels && jit::recording_in(f)) jit::recording_left_frame();
        return sp[-1];
      }
      // Raises go to this frame's unwinding directly, without a C++ throw
      // (which costs microseconds): only an exception that leaves the frame
      // is thrown, to the caller.
      TARGET(RAISE_VARARGS) {
        f->pc = pc;
        if (instr.arg == 0) {
          if (vm.handled.is_none()) raise(types::runtime_error, "No active exception to reraise");
          raised = vm.handled;
          g_reraising = true;
          goto unwind;
        }
        Value cause = instr.arg == 2 ? *--sp : Value::empty();
        Value exc = *--sp;
        raised = exception_with_cause(exc, cause);
        goto unwind;
      }
      TARGET(RERAISE) {
        raised = *--sp;
        g_reraising = true;
        goto unwind;
      }
      TARGET(PUSH_EXC_INFO) {
        Value exc = sp[-1];
        sp[-1] = vm.handled;
        *sp++ = exc;
        vm.handled = exc;
        DISPATCH();
      }
      TARGET(POP_EXCEPT) {
        vm.handled = *--sp;
        DISPATCH();
      }
      TARGET(CHECK_EXC_MATCH) {
        sp[-1] = Value::boolean(exception_matches(sp[-2], sp[-1]));
        DISPATCH();
      }
      TARGET(CHECK_EG_MATCH) {
        f->pc = pc;
        Value type = sp[-1];
        check_except_star_type(type);
        // A naked exception that matches is wrapped with this frame as its traceback.
        auto* here = gc::make<TracebackEntry>();
        here->type = &traceback_type;
        here->next = Value::empty();
        here->code = Value::object(co);
        here->line = co->lines[pc - code_start - 1];
        Value rest;
        Value match = exception_group_match(sp[-2], type, rest, Value::object(here));
        sp[-2] = rest;
        sp[-1] = match;
        if (!match.is_none()) vm.handled = match;
        DISPATCH();
      }
      TARGET(PREP_RERAISE_STAR) {
        f->pc = pc;
        Value excs = *--sp;
        sp[-1] = prep_reraise_star(sp[-1], excs);
        DISPATCH();
      }
      TARGET(FORMAT_VALUE) {
        Value spec = (instr.arg & 4) ? *--sp : Value::empty();
        sp[-1] = format_for_fstring(sp[-1], instr.arg, spec);
        DISPATCH();
      }
      TARGET(LOAD_ASSERTION_ERROR) {
        *sp++ = Value::object(&types::assertion_error);
        DISPATCH();
      }
      TARGET(IMPORT_NAME) {
        f->pc = pc;
        Value fromlist = *--sp;
        Value level = sp[-1];
        sp[-1] = import_name(f->globals, co->names[instr.arg].as<Str>(), fromlist, level);
        DISPATCH();
      }
      TARGET(IMPORT_FROM) {
        Value v = import_from_module(sp[-1], co->names[instr.arg].as<Str>());
        *sp++ = v;
        DISPATCH();
      }
      TARGET(IMPORT_STAR) {
        import_star(f, *--sp);
        DISPATCH();
      }
      TARGET(LOAD_BUILD_CLASS) {
        *sp++ = load_build_class(f->builtins);
        DISPATCH();
      }
      TARGET(YIELD_VALUE) {
        // Suspend: the generator (generator.cpp) resumes at pc with the sent value pushed.
        f->pc = pc;
        f->resume_depth = static_cast<uint32_t>(sp - 1 - stack_base);
        f->yielded = true;
        return sp[-1];
      }
      TARGET(GET_YIELD_FROM_ITER) {
        f->pc = pc;
        sp[-1] = get_yield_from_iter(sp[-1]);
        DISPATCH();
      }
      TARGET(SEND) {
        f->pc = pc;
        Value out;
        if (send_to(sp[-2], sp[-1], out)) {
          sp[-1] = out;
        } else {
          --sp;
          sp[-1] = out;
          pc = code_start + instr.arg;
        }
        DISPATCH();
      }
      TARGET(GET_AWAITABLE) {
        f->pc = pc;
        sp[-1] = get_awaitable(sp[-1], instr.arg);
        DISPATCH();
      }
      TARGET(GET_AITER) {
        f->pc = pc;
        sp[-1] = get_aiter(sp[-1]);
        DISPATCH();
      }
      TARGET(GET_ANEXT) {
        f->pc = pc;
        Value awaitable = get_anext(sp[-1]);
        *sp++ = awaitable;
        DISPATCH();
      }
      TARGET(END_ASYNC_FOR) {
        // [aiter, exc]: the loop's end, or an exception from __anext__ re-raised as is.
        Value exc = sp[-1];
        sp -= 2;
        if (ends_async_for(exc)) DISPATCH();
        raised = exc;
        g_reraising = true;
        goto unwind;
      }
      TARGET(BEFORE_ASYNC_WITH) {
        f->pc = pc;
        Value enter_result;
        sp[-1] = before_async_with(sp[-1], enter_result);
        *sp++ = enter_result;
        DISPATCH();
      }
      TARGET(ASYNC_GEN_WRAP) {
        sp[-1] = async_gen_wrap(sp[-1]);
        DISPATCH();
      }
      TARGET(BEFORE_WITH) {
        f->pc = pc;
        Value mgr = sp[-1];
        Value enter_result;
        sp[-1] = before_with(mgr, enter_result);
        *sp++ = enter_result;
        DISPATCH();
      }
      TARGET(WITH_EXCEPT_START) {
        // Stack: [exit, prev_exc, exc] -> [exit, prev_exc, exc, exit(type, exc, tb)]
        Value r = with_except_start(sp[-3], sp[-1]);
        *sp++ = r;
        DISPATCH();
      }
      TARGET(GET_LEN) {
        f->pc = pc;
        Value n = make_int(length(sp[-1]));
        *sp++ = n;
        DISPATCH();
      }
      TARGET(MATCH_MAPPING) {
        sp[0] = Value::boolean(match_is_mapping(sp[-1]));
        ++sp;
        DISPATCH();
      }
      TARGET(MATCH_SEQUENCE) {
        sp[0] = Value::boolean(match_is_sequence(sp[-1]));
        ++sp;
        DISPATCH();
      }
      TARGET(MATCH_KEYS) {
        f->pc = pc;
        Value values = match_keys(sp[-2], sp[-1]);
        *sp++ = values;
        DISPATCH();
      }
      TARGET(MATCH_CLASS) {
        f->pc = pc;
        Value attrs = match_class(sp[-3], sp[-2], instr.arg, sp[-1]);
        sp -= 2;
        sp[-1] = attrs;
        DISPATCH();
      }
      TARGET(SETUP_ANNOTATIONS) {
        setup_annotations(f);
        DISPATCH();
      }
      TARGET(PRINT_EXPR) {
        f->pc = pc;
        print_expr(*--sp);
        DISPATCH();
      }
    } catch (PyException& e) {
      raised = e.exc;
    } catch (const std::bad_alloc&) {
      // A failed allocation anywhere below is a MemoryError in this frame.
      raised = memory_error_value();
    } catch (const std::length_error&) {
      raised = memory_error_value();
    }
  unwind:
    uint32_t idx = static_cast<uint32_t>(pc - code_start - 1);
    if (g_reraising) g_reraising = false;
    else add_traceback(raised, co, co->lines[idx], Value::object(f->globals));
    const ExceptionEntry* h = co->find_handler(idx);
    // A recording in this frame follows the exception into its handler, or ends.
    if (dispatch == kRecordLabels && !jit::recording_caught(f, idx, h)) dispatch = kLabels;
    if (!h) throw PyException{raised};
    sp = stack_base + h->depth;
    *sp++ = raised;
    pc = code_start + h->target;
  }
}

#undef TARGET
#undef DISPATCH

} // namespace tributary::vm
