// helpers.cpp — residual-call targets for compiled traces (see helpers.h).
#include "jit/helpers.h"

#include <new>
#include <stdexcept>

#include "jit/ir.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/match.h"
#include "runtime/ops.h"
#include "vm/coroutine.h"
#include "vm/exec.h"
#include "vm/interp.h"

namespace tributary::jit::helpers {

namespace {

// In static data, where the collector sees it.
Value pending_exception;

// The outcome of the last send_value: it yielded (true) or finished.
bool last_send_suspended = false;

// Runs `body`, turning a Python exception (or a failed allocation: MemoryError)
// into the exception marker.
template <class F> uint64_t guarded(F&& body) {
  try {
    return body().bits();
  } catch (PyException& e) {
    pending_exception = e.exc;
    return kExcMarker;
  } catch (const std::bad_alloc&) {
    pending_exception = memory_error_value();
    return kExcMarker;
  } catch (const std::length_error&) {
    pending_exception = memory_error_value();
    return kExcMarker;
  }
}

// The same for a helper whose Python result is None.
template <class F> uint64_t guarded_none(F&& body) {
  return guarded([&] {
    body();
    return Value::none();
  });
}

Args positional(const Value* items, int64_t n) { return Args{items, static_cast<uint32_t>(n)}; }

} // namespace

uint64_t binary_op(const Value* a) {
  return guarded([&] {
    int64_t op = a[0].as_small_int();
    const auto is_int = [](Value v) { return v.is_small_int() || is_exact(v, types::int_); };
    if ((op & (kReuseLeft | kReuseRight)) && is_int(a[1]) && is_int(a[2])) { // (see Recorder::record_binary_op)
      Value r = int_binary_reusing(static_cast<BinOp>(op & 0xFF), a[1], a[2], op & kReuseLeft, op & kReuseRight);
      if (!r.is_empty()) return r;
    }
    op &= ~int64_t(kReuseLeft | kReuseRight);
    if (op & 0x100) return inplace_op(static_cast<BinOp>(op & 0xFF), a[1], a[2]);
    return tributary::binary_op(static_cast<BinOp>(op), a[1], a[2]);
  });
}

uint64_t compare(const Value* a) {
  return guarded([&] { return tributary::compare(static_cast<CmpOp>(a[0].as_small_int()), a[1], a[2]); });
}

uint64_t call(const Value* a) {
  return guarded([&] {
    Args args = positional(a + 2, a[0].as_small_int());
    if (is_kind(a[1], Kind::Function)) return vm::call_function(a[1].as<vm::Function>(), args);
    return tributary::call(a[1], args);
  });
}

uint64_t call_kw(const Value* a) {
  return guarded([&] {
    int64_t n = a[0].as_small_int();
    Tuple* names = a[1].as<Tuple>();
    uint32_t nkw = static_cast<uint32_t>(names->size);
    Args args{a + 3, static_cast<uint32_t>(n - nkw), names->items, a + 3 + (n - nkw), nkw};
    return tributary::call(a[2], args);
  });
}

uint64_t call_ex(const Value* a) {
  return guarded([&] {
    return a[0].is_empty() ? vm::call_with_args(a[1], Value::empty(), a[2], a[3])
                           : vm::call_with_args(a[0], a[1], a[2], a[3]);
  });
}

uint64_t get_item(const Value* a) { return guarded([&] { return tributary::get_item(a[0], a[1]); }); }

uint64_t set_item(const Value* a) {
  return guarded_none([&] { tributary::set_item(a[0], a[1], a[2]); });
}

uint64_t del_item(const Value* a) {
  return guarded_none([&] { tributary::del_item(a[0], a[1]); });
}

uint64_t del_attr(const Value* a) {
  return guarded_none([&] { tributary::del_attr(a[0], a[1].as<Str>()); });
}

uint64_t set_update(const Value* a) {
  return guarded_none([&] { tributary::set_update(a[0].as<Set>(), a[1]); });
}

uint64_t list_to_tuple(const Value* a) {
  return guarded([&] {
    const List* l = a[0].as<List>();
    return Value::object(new_tuple(std::span<const Value>(l->items.data(), l->items.size())));
  });
}

uint64_t list_extend(const Value* a) {
  return guarded_none([&] { vm::list_extend_unpacked(a[0].as<List>(), a[1]); });
}

uint64_t dict_update(const Value* a) {
  return guarded_none([&] { vm::dict_update_unpacked(a[0].as<Dict>(), a[1]); });
}

uint64_t dict_merge(const Value* a) {
  return guarded_none([&] { vm::dict_merge_kwargs(a[0], a[1], a[2]); });
}

uint64_t unpack_sequence(const Value* a) {
  return guarded([&] {
    const int32_t n = static_cast<int32_t>(a[1].as_small_int());
    GcVector<Value> stack(n);
    vm::unpack_sequence(a[0], n, stack.data());
    return Value::object(new_tuple(std::span<const Value>(stack.data(), stack.size())));
  });
}

uint64_t unpack_ex(const Value* a) {
  return guarded([&] {
    const int32_t arg = static_cast<int32_t>(a[1].as_small_int());
    GcVector<Value> stack((arg & 0xFF) + 1 + (arg >> 8));
    vm::unpack_ex(a[0], arg, stack.data());
    return Value::object(new_tuple(std::span<const Value>(stack.data(), stack.size())));
  });
}

uint64_t make_function(const Value* a) {
  return guarded([&] { return vm::make_function(a[0], a[1].as<Dict>(), a[2], a[3], a[4]); });
}

// The recorder records the name opcodes only in the trace's own frame, which
// is the innermost executing frame while its machine code runs.
uint64_t load_name(const Value* a) { return guarded([&] { return vm::load_name(vm::state().frame, a[0].as<Str>()); }); }

uint64_t store_name(const Value* a) {
  return guarded_none([&] { vm::store_name(vm::state().frame, a[0], a[1]); });
}

uint64_t delete_name(const Value* a) {
  return guarded_none([&] { vm::delete_name(vm::state().frame, a[0]); });
}

uint64_t delete_global(const Value* a) {
  return guarded_none([&] { vm::delete_global(a[0].as<Dict>(), a[1]); });
}

uint64_t import_name(const Value* a) {
  return guarded([&] { return vm::import_module(a[0].as<Dict>(), a[1].as<Str>(), a[2], a[3]); });
}

uint64_t import_from(const Value* a) { return guarded([&] { return vm::import_from_module(a[0], a[1].as<Str>()); }); }

uint64_t import_star(const Value* a) {
  return guarded_none([&] { vm::import_star(vm::state().frame, a[0]); });
}

uint64_t load_build_class(const Value* a) { return guarded([&] { return vm::load_build_class(a[0].as<Dict>()); }); }

uint64_t setup_annotations(const Value*) {
  return guarded_none([&] { vm::setup_annotations(vm::state().frame); });
}

uint64_t print_expr(const Value* a) {
  return guarded_none([&] { vm::print_expr(a[0]); });
}

uint64_t get_yield_from_iter(const Value* a) { return guarded([&] { return vm::get_yield_from_iter(a[0]); }); }

uint64_t before_with(const Value* a) {
  return guarded([&] {
    Value items[2];
    items[0] = vm::before_with(a[0], items[1]);
    return Value::object(new_tuple(std::span<const Value>(items, 2)));
  });
}

uint64_t with_except_start(const Value* a) { return guarded([&] { return vm::with_except_start(a[0], a[1]); }); }

uint64_t get_awaitable(const Value* a) {
  return guarded([&] { return vm::get_awaitable(a[0], static_cast<int>(a[1].as_small_int())); });
}

uint64_t get_aiter(const Value* a) {
  return guarded([&] { return vm::get_aiter(a[0]); });
}

uint64_t get_anext(const Value* a) {
  return guarded([&] { return vm::get_anext(a[0]); });
}

uint64_t end_async_for(const Value* a) {
  return guarded([&]() -> Value {
    if (!vm::ends_async_for(a[0])) throw PyException{a[0]};
    return Value::none();
  });
}

uint64_t before_async_with(const Value* a) {
  return guarded([&] {
    Value items[2];
    items[0] = vm::before_async_with(a[0], items[1]);
    return Value::object(new_tuple(std::span<const Value>(items, 2)));
  });
}

uint64_t send_value(const Value* a) {
  return guarded([&] {
    Value out;
    last_send_suspended = vm::send_to(a[0], a[1], out);
    return out;
  });
}

uint64_t send_suspended(const Value*) { return Value::boolean(last_send_suspended).bits(); }

uint64_t async_gen_wrap(const Value* a) {
  return guarded([&] { return vm::async_gen_wrap(a[0]); });
}

// A bridge from an exception exit starts in the handler: it takes the parked
// exception and adds the traceback entry the interpreter's unwinding would.
uint64_t take_exception(const Value* a) {
  Value exc = take_pending_exception();
  auto* co = a[0].as<vm::Code>();
  if (a[1].as_small_int() >= 0) vm::add_traceback(exc, co, co->lines[a[1].as_small_int()]);
  return exc.bits();
}

// The raises a recording followed into a handler (see Recorder::caught).
uint64_t raise_varargs(const Value* a) {
  return guarded([&]() -> Value { vm::raise_with_cause(a[0], a[1]); });
}

uint64_t reraise(const Value* a) {
  return guarded([&]() -> Value { throw PyException{a[0]}; });
}

uint64_t reraise_handled(const Value* a) {
  return guarded([&]() -> Value {
    Value handled = vm::state().handled;
    if (!handled.is_none()) throw PyException{handled};
    // Not a re-raise: this one gets the frame's traceback entry here, as the
    // interpreter gives it (take_exception adds none after a bare raise).
    try {
      raise(types::runtime_error, "No active exception to reraise");
    } catch (PyException& e) {
      auto* co = a[0].as<vm::Code>();
      vm::add_traceback(e.exc, co, co->lines[a[1].as_small_int()]);
      throw;
    }
  });
}

uint64_t push_exc_info(const Value* a) {
  return guarded([&] {
    Value prev = vm::state().handled;
    vm::state().handled = a[0];
    return prev;
  });
}

uint64_t pop_except(const Value* a) {
  return guarded_none([&] { vm::state().handled = a[0]; });
}

uint64_t get_len(const Value* a) {
  return guarded([&] { return make_int(length(a[0])); });
}
uint64_t match_mapping(const Value* a) {
  return guarded([&] { return Value::boolean(match_is_mapping(a[0])); });
}
uint64_t match_sequence(const Value* a) {
  return guarded([&] { return Value::boolean(match_is_sequence(a[0])); });
}
uint64_t match_keys(const Value* a) {
  return guarded([&] { return tributary::match_keys(a[0], a[1]); });
}
uint64_t match_class(const Value* a) {
  return guarded([&] { return tributary::match_class(a[0], a[1], a[2].as_small_int(), a[3]); });
}

uint64_t exc_match(const Value* a) { return guarded([&] { return Value::boolean(exception_matches(a[0], a[1])); }); }

// CHECK_EG_MATCH as the interpreter runs it: a naked exception that matches is
// wrapped in a group whose traceback is an entry for this frame's line.
uint64_t check_eg_match(const Value* a) {
  return guarded([&] {
    check_except_star_type(a[1]);
    auto* here = gc::make<TracebackEntry>();
    here->type = &traceback_type;
    here->next = Value::empty();
    here->code = a[2];
    here->line = static_cast<int>(a[3].as_small_int());
    Value items[2];
    items[1] = exception_group_match(a[0], a[1], items[0], Value::object(here));
    if (!items[1].is_none()) vm::state().handled = items[1];
    return Value::object(new_tuple(std::span<const Value>(items, 2)));
  });
}

uint64_t prep_reraise_star(const Value* a) {
  return guarded([&] { return tributary::prep_reraise_star(a[0], a[1]); });
}

uint64_t get_attr(const Value* a) { return guarded([&] { return tributary::get_attr(a[0], a[1].as<Str>()); }); }

uint64_t set_attr(const Value* a) {
  return guarded_none([&] { tributary::set_attr(a[0], a[1].as<Str>(), a[2]); });
}

uint64_t store_global(const Value* a) {
  return guarded_none([&] { dict_set(a[0].as<Dict>(), a[1], a[2]); });
}

uint64_t get_iter(const Value* a) { return guarded([&] { return tributary::get_iter(a[0]); }); }

uint64_t build_tuple(const Value* a) {
  return guarded([&] { return Value::object(new_tuple(std::span<const Value>(a + 1, a[0].as_small_int()))); });
}

uint64_t build_list(const Value* a) {
  return guarded([&] { return Value::object(new_list(std::span<const Value>(a + 1, a[0].as_small_int()))); });
}

uint64_t truthy(const Value* a) { return guarded([&] { return Value::boolean(tributary::truthy(a[0])); }); }

uint64_t contains(const Value* a) { return guarded([&] { return Value::boolean(tributary::contains(a[0], a[1])); }); }

uint64_t negate(const Value* a) { return guarded([&] { return tributary::negate(a[0]); }); }

uint64_t new_instance(const Value* a) {
  return guarded([&] { return Value::object(tributary::new_instance(a[0].as<Type>())); });
}

uint64_t materialize(const Value* a) {
  return guarded([&] {
    auto* shape = reinterpret_cast<Shape*>(a[1].bits());
    Instance* o = tributary::new_instance(a[0].as<Type>());
    o->shape = shape;
    for (uint32_t k = 0; k < shape->size; ++k) o->slots[k] = a[2 + k];
    return Value::object(o);
  });
}

Value exhausted() {
  static const Object marker{nullptr};
  return Value::object(&marker);
}

Value take_pending_exception() {
  Value exc = pending_exception;
  pending_exception = Value::empty();
  return exc;
}

uint64_t iter_next(const Value* a) {
  return guarded([&] {
    Value v;
    return tributary::iter_next(a[0], v) ? v : exhausted();
  });
}

uint64_t build_slice(const Value* a) {
  return guarded([&] {
    auto* s = gc::make<Slice>();
    s->type = &types::slice;
    s->start = a[0];
    s->stop = a[1];
    s->step = a[2];
    return Value::object(s);
  });
}

uint64_t build_map(const Value* a) {
  return guarded([&] {
    Dict* d = new_dict();
    for (int64_t i = 0; i < a[0].as_small_int(); ++i)
      dict_set(d, a[1 + 2 * i], a[2 + 2 * i]);
    return Value::object(d);
  });
}

uint64_t build_set(const Value* a) {
  return guarded([&] {
    Set* s = new_set();
    for (int64_t i = 0; i < a[0].as_small_int(); ++i)
      tributary::set_add(s, a[1 + i]);
    return Value::object(s);
  });
}

uint64_t list_append(const Value* a) {
  return guarded_none([&] { tributary::list_append(a[0].as<List>(), a[1]); });
}

uint64_t set_add(const Value* a) {
  return guarded_none([&] { tributary::set_add(a[0].as<Set>(), a[1]); });
}

uint64_t map_add(const Value* a) {
  return guarded_none([&] { dict_set(a[0].as<Dict>(), a[1], a[2]); });
}

uint64_t build_string(const Value* a) {
  return guarded([&] {
    return vm::build_string(a + 1, static_cast<int32_t>(a[0].as_small_int()));
  });
}

uint64_t format_value(const Value* a) {
  return guarded([&] { return vm::format_for_fstring(a[1], static_cast<int>(a[0].as_small_int()), a[2]); });
}

namespace {
constexpr HelperInfo kHelpers[] = {
#define JIT_HELPER(name, effects, args) {#name, &name, Effects::effects},
#include "jit/helpers.def"
#undef JIT_HELPER
};
static_assert(std::size(kHelpers) == static_cast<size_t>(HelperId::kCount));
} // namespace

const HelperInfo& helper_info(HelperId id) { return kHelpers[static_cast<size_t>(id)]; }

Effects effects_of(const void* fn) {
  for (const HelperInfo& h : kHelpers)
    if (reinterpret_cast<const void*>(h.fn) == fn) return h.effects;
  return Effects::Any;
}

const HelperInfo* find_helper(std::string_view name) {
  for (const HelperInfo& h : kHelpers)
    if (name == h.name) return &h;
  return nullptr;
}

} // namespace tributary::jit::helpers
