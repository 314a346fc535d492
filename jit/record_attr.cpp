// record_attr.cpp — attribute access and global stores, recorded as guarded
// memory operations instead of residual calls.
//
// Instances: an instance's shape (runtime/instance.h) fixes which slot holds
// each of its own attributes and implies its class; the class epoch changes
// whenever any class dict changes (so it also covers data descriptors, the
// attribute hooks and methods found on the MRO). With type, shape and epoch
// guarded, the interpreter's lookup has a fixed answer: an instance slot, a
// constant class attribute, or a plain function called with self. These are
// the invariants of the interpreter's inline caches (vm/interp.cpp
// LOAD_ATTR/STORE_ATTR/LOAD_METHOD); everything else stays a residual call.
// Objects of a Python subclass of a builtin or native type whose layout has
// one size (random.Random over _random.Random, a list subclass) keep the same
// Instance embedded at a constant offset, and are recorded the same way; a
// method descriptor of the native base (the interpreter's lookup_method) is
// then called with self, as a builtin type's method is.
//
// Modules: an attribute of a constant module is its dict entry, folded like a
// global (guarded by the dict's watched version, the entry watched).
//
// Globals the traced code object itself stores are never folded to
// constants: they are read from, and written to, their dict entry. An entry's
// address is stable while the dict's watched version holds (only adding or
// removing keys moves entries). A direct store must not change an entry some
// trace folded, so it guards the entry's `watched` word is zero, and bumps
// the dict's `version` as dict_set does (the interpreter's global caches).
#include <algorithm>
#include <cstddef>

#include "jit/helpers.h"
#include "jit/recorder.h"
#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/code.h"
#include "vm/frame.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace tributary::jit {

namespace {

int64_t addr(const void* p) { return static_cast<int64_t>(reinterpret_cast<uintptr_t>(p)); }

// A class attribute the instance lookup returns unchanged (ops_attr.cpp bind():
// functions, static/class methods, native methods and properties are bound).
bool plain_class_value(Value v) {
  if (v.is_empty()) return false;
  if (!v.is_object()) return true;
  switch (v.as_object()->type->kind) {
  case Kind::Function:
  case Kind::NativeFunction:
  case Kind::StaticMethod:
  case Kind::ClassMethod:
  case Kind::Property: return false;
  default: return !is_user_descriptor(v);
  }
}

// v's own attribute store when it sits at the same offset from the object
// in every object of v's class (*offset): a user instance itself (offset 0),
// or the Instance embedded in a builtin subclass's object after a base layout
// of one size. Null for anything else, and for native attribute hooks.
Instance* fixed_store(Value v, int64_t* offset) {
  if (!v.is_object()) return nullptr;
  Object* o = v.as_object();
  if (o->type->kind == Kind::Instance) {
    *offset = 0;
    return static_cast<Instance*>(o);
  }
  if (o->type->getattro || o->type->setattro) return nullptr;
  const int64_t off = fixed_attr_store_offset(o->type);
  if (off < 0) return nullptr;
  *offset = off;
  return reinterpret_cast<Instance*>(reinterpret_cast<char*>(o) + off);
}

// What LOAD_METHOD calls with self on an object with an attribute store
// (ops_attr.cpp lookup_method): a Python function on a user instance's
// class; also a native method descriptor on a builtin subclass's.
bool store_method(Value v, Value fn) {
  if (is_kind(fn, Kind::Function)) return true;
  return type_of(v)->kind != Kind::Instance && is_kind(fn, Kind::NativeFunction) && fn.as<NativeFunction>()->owner &&
         fn.as<NativeFunction>()->self.is_empty();
}

// Methods of builtin types that LOAD_METHOD passes self to (ops_attr.cpp
// lookup_method: types without their own attribute storage). Also of native
// types Python may change but whose objects store no attributes (the file
// types, named after _io's, are not builtin): `*mutable_type`, the class
// epoch then fixes the method.
bool builtin_method(Value obj, Str* name, Value& fn, bool* mutable_type) {
  if (!obj.is_object()) return false;
  Type* t = type_of(obj);
  *mutable_type = !t->is_builtin;
  if (!t->is_builtin && (t->getattro || has_attr_store(t))) return false;
  switch (t->kind) {
  case Kind::Type:
  case Kind::Module:
  case Kind::Exception:
  case Kind::Function:
  case Kind::Instance: return false;
  default: break;
  }
  if (t == super_type()) return false;
  fn = type_lookup(t, name);
  return is_kind(fn, Kind::NativeFunction) && fn.as<NativeFunction>()->owner &&
         fn.as<NativeFunction>()->self.is_empty();
}

} // namespace

void Recorder::guard_class_epoch() {
  uint64_t& epoch = instance_class_epoch();
  // Hoisted with the global-version guards when the loop makes no calls.
  version_guards_.push_back(guard(IrOp::GUARD_WORD, kraw(addr(&epoch)), static_cast<int64_t>(epoch)));
}

// Guards that `obj` (concretely v) has v's class and its attribute store
// v's shape, and that no class changed; false (nothing emitted) when v has no
// store at a fixed offset (fixed_store).
bool Recorder::guard_instance(Ref obj, Value v) {
  int64_t off = 0;
  Instance* o = fixed_store(v, &off);
  if (!o) return false;
  guard(IrOp::GUARD_TYPE, obj, addr(o->type));
  Ref shape = emit(IrOp::LOAD, obj, kNoRef, off + static_cast<int64_t>(offsetof(Instance, shape)));
  guard(IrOp::GUARD_TRUE, emit(IrOp::EQ, shape, kraw(addr(o->shape))));
  t_.pool.push_back(Value::object(o->shape));
  t_.pool.push_back(Value::object(o->type));
  guard_class_epoch();
  return true;
}

// The slot array of obj's attribute store (at `off`, fixed_store).
Ref Recorder::load_slots(Ref obj, int64_t off) {
  return emit(IrOp::LOAD, obj, kNoRef, off + static_cast<int64_t>(offsetof(Instance, slots)));
}

Ref Recorder::fold_dict_entry(Dict* d, Str* name, Value v) {
  version_guards_.push_back(
      guard(IrOp::GUARD_WORD, kraw(addr(&d->watched_version)), static_cast<int64_t>(d->watched_version)));
  t_.pool.push_back(Value::object(d));
  entries_used_.push_back({d, name, v});
  return constant(v);
}

// At finish(): watch the dict entries folded to constants, so rebinding one
// bumps its dict's watched version; a change during recording aborts.
void Recorder::watch_folded_entries() {
  for (const FoldedEntry& e : entries_used_) {
    dict_watch(e.dict, e.name);
    Value* now = dict_find_str(e.dict, e.name);
    if (!now || *now != e.value)
      throw RecordAbort{AbortReason::GlobalStore, "a module attribute changed while recording"};
  }
}

void Recorder::record_load_attr(int32_t name_index, bool may_inline) {
  Str* name = frame_->code->names[name_index].as<Str>();
  Value v = concrete(1);
  int64_t off = 0;
  Instance* o = fixed_store(v, &off);
  if (o && !(class_hooks(o->type) & kHookGetattribute)) {
    Value cls_attr = type_lookup(o->type, name);
    int slot = shape_find(o->shape, name);
    // A property whose getter is a plain Python function: the getter is
    // inlined like a call with the instance (its result is the attribute;
    // an exit inside it finishes the LOAD_ATTR as a call's result). The
    // type, shape and epoch guards fix the property; its getter cannot be
    // rebound (property objects are immutable).
    if (may_inline && is_kind(cls_attr, Kind::Property) && type_of(cls_attr) == &types::property &&
        is_kind(cls_attr.as<Property>()->fget, Kind::Function)) {
      auto* fget = cls_attr.as<Property>()->fget.as<vm::Function>();
      if (can_inline(fget, 1, 0)) {
        Ref obj = pop();
        guard_instance(obj, v);
        t_.pool.push_back(cls_attr);
        expect_call(fget, {obj}, kByCall);
        return;
      }
    }
    // A property on the class wins over the instance; otherwise the instance's
    // own attribute, then a class attribute.
    if (!is_data_descriptor(cls_attr) && (slot >= 0 || plain_class_value(cls_attr))) {
      Ref obj = pop();
      guard_instance(obj, v);
      if (slot < 0) {
        push(constant(cls_attr));
        return;
      }
      Ref slots = load_slots(obj, off);
      Ref item = emit(IrOp::LOAD, slots, kNoRef, static_cast<int64_t>(sizeof(Value)) * slot);
      t_.ins[item].type = IrType::Val;
      push(item);
      return;
    }
  }
  Ref obj = peek(1);
  if (is_kind(v, Kind::Module) && is_const(obj)) {
    Dict* d = v.as<Module>()->dict;
    if (Value* e = dict_find_str(d, name)) {
      mark_fold(obj);
      pop();
      push(fold_dict_entry(d, name, *e));
      return;
    }
  }
  pop();
  push(call_helper(helpers::HelperId::get_attr, {obj, kval(Value::object(name))}));
}

void Recorder::record_store_attr(int32_t name_index) {
  Str* name = frame_->code->names[name_index].as<Str>();
  Value v = concrete(1);
  int64_t off = 0;
  Instance* o = fixed_store(v, &off);
  if (o && !(class_hooks(o->type) & kHookSetattr)) {
    int slot = shape_find(o->shape, name);
    if (slot >= 0 && !is_data_descriptor(type_lookup(o->type, name))) {
      Ref obj = pop();
      Ref value = box(pop());
      guard_instance(obj, v);
      // Boehm's collector scans conservatively: no write barrier.
      Ref slots = load_slots(obj, off);
      emit(IrOp::STORE, slots, value, static_cast<int64_t>(sizeof(Value)) * slot);
      return;
    }
    if (slot < 0 && name->interned && !is_data_descriptor(type_lookup(o->type, name))) {
      // A new attribute (a constructor's `self.x = x`): the shape
      // transition the interpreter's inline cache makes, while the slot
      // array has room (instance_set_slot grows it otherwise).
      Shape* next = shape_add(o->shape, name);
      if (next->size <= o->capacity) {
        Ref obj = pop();
        Ref value = box(pop());
        guard_instance(obj, v);
        Ref capacity = emit(IrOp::LOAD, obj, kNoRef, off + static_cast<int64_t>(offsetof(Instance, capacity)));
        guard(IrOp::GUARD_TRUE, emit(IrOp::GE, capacity, kraw(next->size)));
        Ref slots = load_slots(obj, off);
        emit(IrOp::STORE, slots, value, static_cast<int64_t>(sizeof(Value)) * (next->size - 1));
        emit(IrOp::STORE, obj, kraw(addr(next)), off + static_cast<int64_t>(offsetof(Instance, shape)));
        t_.pool.push_back(Value::object(next));
        return;
      }
    }
  }
  Ref obj = pop();
  Ref value = pop();
  call_helper(helpers::HelperId::set_attr, {obj, kval(Value::object(name)), value});
}

// LOAD_METHOD pushes [function, self] when the interpreter would (a plain
// function on an instance's class, a builtin type's method, a native base's
// method on a builtin subclass's object), so the CALL that
// follows calls a known function; otherwise [empty, bound attribute].
void Recorder::record_load_method(int32_t name_index) {
  Str* name = frame_->code->names[name_index].as<Str>();
  Value v = concrete(1);
  int64_t off = 0;
  Instance* o = fixed_store(v, &off);
  if (o && !(class_hooks(o->type) & kHookGetattribute)) {
    Value fn = type_lookup(o->type, name);
    if (store_method(v, fn) && shape_find(o->shape, name) < 0) {
      Ref obj = pop();
      guard_instance(obj, v);
      push(constant(fn));
      push(obj);
      return;
    }
  }
  Value fn;
  bool mutable_type = false;
  if (builtin_method(v, name, fn, &mutable_type)) {
    // Builtin types are immutable: the type guard fixes the method.
    Ref obj = pop();
    guard(IrOp::GUARD_TYPE, obj, addr(type_of(v)));
    if (mutable_type) {
      guard_class_epoch();
      t_.pool.push_back(fn);
    }
    push(constant(fn));
    push(obj);
    return;
  }
  // Same observable behaviour as LOAD_ATTR + a plain call: [empty, bound method].
  record_load_attr(name_index, false);
  Ref bound = pop();
  push(kval(Value::empty()));
  push(bound);
}

// Whether the traced code stores global `name_index` (then its loads read the
// dict entry instead of folding it): within the outermost loop around the
// header for loop traces (a module's imports and definitions before the loop
// stay constants), anywhere in the function for function traces.
bool Recorder::stores_global(int32_t name_index) {
  const vm::Code* co = frame_->code;
  if (in_inlined_call()) { // an inlined callee runs whole on every call: any store in it counts
    for (const vm::Instr& in : co->code)
      if ((in.op == vm::Op::STORE_GLOBAL || in.op == vm::Op::DELETE_GLOBAL) && in.arg == name_index) return true;
    return false;
  }
  if (stored_globals_.empty()) {
    stored_globals_.assign(co->names.size() + 1, false);
    const TraceKind root_kind = kind_ == TraceKind::Bridge && root_ ? root_->kind : kind_;
    const uint32_t header = kind_ == TraceKind::Bridge && root_ ? root_->start_pc : start_pc_;
    size_t begin = 0, end = co->code.size();
    if (root_kind == TraceKind::Loop) {
      // The outermost loop around the header: an enclosing loop may rebind a
      // global on every one of its iterations (`st = []` before an inner loop).
      begin = header;
      end = header + 1;
      for (size_t pc = header; pc < co->code.size(); ++pc) {
        const vm::Instr& in = co->code[pc];
        if (in.op == vm::Op::JUMP && static_cast<uint32_t>(in.arg) <= header) {
          begin = std::min<size_t>(begin, static_cast<size_t>(in.arg));
          end = pc + 1;
        }
      }
    }
    for (size_t pc = begin; pc < end; ++pc) {
      const vm::Instr& in = co->code[pc];
      if (in.op == vm::Op::STORE_GLOBAL || in.op == vm::Op::DELETE_GLOBAL) stored_globals_[in.arg] = true;
    }
  }
  return stored_globals_[name_index];
}

void Recorder::record_store_global(int32_t name_index) {
  Dict* g = frame_->globals;
  Str* name = frame_->code->names[name_index].as<Str>();
  Value* slot = dict_find_str(g, name);
  if (!slot) throw RecordAbort{AbortReason::GlobalStore, "STORE_GLOBAL adds a global"};
  auto* entry = reinterpret_cast<DictEntry*>(reinterpret_cast<char*>(slot) - offsetof(DictEntry, value));
  Ref value = box(pop());
  if (entry->watched) {
    // Some trace folded this global: the store must go through dict_set,
    // which invalidates that trace.
    call_helper(helpers::HelperId::store_global, {kval(Value::object(g)), kval(Value::object(name)), value});
    return;
  }
  t_.pool.push_back(Value::object(g));
  // The entry stays at this address, and stays unwatched, while these hold.
  version_guards_.push_back(
      guard(IrOp::GUARD_WORD, kraw(addr(&g->watched_version)), static_cast<int64_t>(g->watched_version)));
  version_guards_.push_back(guard(IrOp::GUARD_WORD, kraw(addr(&entry->watched)), 0));
  emit(IrOp::STORE, kraw(addr(slot)), value, 0);
  Ref version = kraw(addr(&g->version));
  emit(IrOp::STORE, version, emit(IrOp::ADD, emit(IrOp::LOAD, version, kNoRef, 0), kraw(1)), 0);
}

} // namespace tributary::jit
