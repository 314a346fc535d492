// object.h — the heap object model.
//
// Every heap object starts with `Object` (its Type). Builtin types are static
// `Type` objects (roots in the data segment); each carries a `Kind` so the
// runtime can dispatch with a switch, and a `dict` of attributes (methods are
// NativeFunction descriptors bound on lookup). User classes (language-breadth
// issue) are Types with Kind::Instance whose instances use hidden classes
// (Shape) so machine code can guard a shape and read a slot.
//
// Invariants: a Str is immutable and caches its hash; a BigInt never holds a
// value that fits a small int; a Tuple's items never change after creation.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include <gmp.h>

#include "runtime/gc.h"
#include "runtime/value.h"

namespace tributary {

struct Type;
struct Str;
struct Dict;
struct Tuple;
struct Shape;
struct List;

struct Object {
  Type* type;
};

// Builtin kinds; the runtime switches on them. Order is not significant.
enum class Kind : uint8_t {
  Object, Type, NoneType, Bool, Int, Float, Str, Bytes, Tuple, List, Dict, Set, FrozenSet,
  Range, Slice, Function, NativeFunction, BoundMethod, Cell, Code, Module, Exception,
  Iterator, DictView, Instance, Property, StaticMethod, ClassMethod, Generator, NotImplemented,
  Ellipsis, File,
};

// Arguments of a native call: positional values, then keyword names (Str) and values.
struct Args {
  const Value* pos = nullptr;
  uint32_t npos = 0;
  const Value* kwnames = nullptr;
  const Value* kwvals = nullptr;
  uint32_t nkw = 0;

  Value operator[](size_t i) const { return pos[i]; }
  size_t size() const { return npos; }
  std::span<const Value> positional() const { return {pos, npos}; }
};

// A native function: `self` is the bound receiver (empty for plain functions).
using NativeFn = Value (*)(Value self, const Args& args);

struct Type : Object {
  const char* name = "";
  // CPython's tp_name where it differs from __name__ and some messages print
  // it ('weakref.ProxyType' object is not callable), else null.
  const char* tp_name = nullptr;
  Kind kind = Kind::Object;
  Type* base = nullptr;
  Dict* dict = nullptr;      // attributes and methods
  Tuple* mro = nullptr;      // this type first, object last
  Tuple* bases = nullptr;
  uint64_t version = 0;      // bumped whenever dict changes (JIT guards on it)
  bool is_builtin = true;
  bool is_exception = false;
  Value module_name;         // Str or empty
  Str* qualname = nullptr;
  // Called for `T(...)`: `self` is the Type itself. Null: "cannot create 'T' instances".
  NativeFn construct = nullptr;
  // User classes: which attribute hooks (__getattr__, __setattr__, ...) the MRO
  // defines, valid while instance_class_epoch() equals hooks_epoch (instance.h).
  uint32_t hooks = 0;
  uint64_t hooks_epoch = 0;
  // User classes: the slot array a new instance gets, grown (never shrunk)
  // to what the class's instances came to need, so constructors that set
  // more than four attributes stop reallocating it (and compiled code's
  // shape transitions need no residual call).
  uint32_t instance_slots = 4;
  // A class statement's subclass of a builtin type other than object: its
  // instances have the builtin's layout plus embedded attributes (instance.h).
  bool builtin_subclass = false;
  // A native type other than the builtin kinds' (Kind::Object) that classes
  // may subclass: its object size, and how to fix up an object copied to a
  // new address (new_builtin_subclass_instance).
  uint32_t basic_size = 0;
  void (*relocate)(Object* from, Object* to) = nullptr;
  List* subclasses = nullptr; // classes naming this one as a base (type.__subclasses__)
  // kMatchSequence / kMatchMapping (match.h) given by abc: __abc_tpflags__ in
  // a class body, or register() with an ABC that has one (_abc).
  uint8_t abc_match_flags = 0;
  // A native type's own attribute access (CPython's tp_getattro/tp_setattro;
  // weakref proxies forward every name): when set, every attribute get, set
  // and delete on its instances calls it. getattro gives empty for a missing
  // attribute unless `must` (then it raises); setattro deletes when `v` is empty.
  Value (*getattro)(Value obj, Str* name, bool must) = nullptr;
  void (*setattro)(Value obj, Str* name, Value v) = nullptr;
};

struct Str : Object {
  int64_t hash;     // -1 until computed
  size_t nbytes;    // UTF-8 bytes
  size_t length;    // code points
  bool ascii;
  bool interned;    // the one Str intern() returns for its text
  char data[1];     // nbytes UTF-8 bytes + NUL

  std::string_view view() const { return {data, nbytes}; }
};

// An int beyond the small range. Its limbs follow the object in one block
// that the collector does not scan (make_int in int.cpp allocates it), and
// `z` describes them: a read-only mpz, never a GMP destination or cleared.
struct BigInt : Object {
  mpz_t z;
  mp_limb_t* limbs() { return reinterpret_cast<mp_limb_t*>(this + 1); }
};

// An exact float is always an inline double (value.h); only instances of
// float subclasses are heap objects, with this layout (new_builtin_subclass_instance).
struct Float : Object {
  double value;
};

struct Tuple : Object {
  size_t size;
  Value items[1];

  std::span<Value> span() { return {items, size}; }
};

struct List : Object {
  GcVector<Value> items;
};

struct Bytes : Object {
  size_t size;
  int64_t hash;
  unsigned char data[1];
};

struct Slice : Object {
  Value start, stop, step;
};

// A range: the int64 form (start/stop/step, `big` false) whenever the bounds
// and the length fit int64; otherwise `big` is set and the Python ints
// bstart/bstop/bstep/blength hold it (the int64 fields are then unused).
struct Range : Object {
  int64_t start, stop, step;
  bool big;
  Value bstart, bstop, bstep, blength;
};

struct Cell : Object {
  Value value; // empty when unbound
};

struct Module : Object {
  Str* name;
  Dict* dict;
};

// Builtin methods the interpreter runs in place when a CALL calls them on an
// object of their exact type (CPython 3.11 specializes CALL for the same).
enum class NativeInline : uint8_t { None, ListAppend };

struct NativeFunction : Object {
  const char* name;
  NativeFn fn;
  Value self;          // empty unless bound
  Type* owner;         // type the method belongs to (for error messages), or null
  NativeInline inline_op = NativeInline::None;
  Str* module = nullptr; // a module-level function's module (its __module__), or null
};

struct BoundMethod : Object {
  Value func;
  Value self;
};

struct Property : Object {
  Value fget, fset, fdel;
};

struct StaticMethod : Object {
  Value func;
};

struct ExceptionObj : Object {
  Tuple* args;
  Value traceback;      // TracebackEntry chain (empty if none)
  Value cause;          // empty when unset
  Value context;
  bool suppress_context;
  Dict* attrs;          // user attributes (StopIteration.value etc.)
};

struct TracebackEntry : Object {
  Value next;           // next entry towards the innermost frame
  Value code;           // Code object
  int line;
  Value globals;        // the frame's globals (tb_frame.f_globals), or empty
};

// ---- The builtin types -------------------------------------------------------
namespace types {
extern Type object, type, none, boolean, int_, float_, str, bytes, tuple, list, dict, set,
    frozenset, range, slice, function, native_function, bound_method, cell, code, module,
    iterator, dict_keys, dict_values, dict_items, property, staticmethod, classmethod,
    notimplemented, ellipsis, generator;
} // namespace types

extern Value kNotImplemented;
extern Value kEllipsis;

// The Type of any value.
inline Type* type_of(Value v) {
  if (v.is_object()) return v.as_object()->type;
  if (v.is_small_int()) return &types::int_;
  if (v.is_double()) return &types::float_;
  if (v.is_none()) return &types::none;
  return &types::boolean;
}

inline bool is_kind(Value v, Kind k) { return v.is_object() && v.as_object()->type->kind == k; }
inline bool is_str(Value v) { return is_kind(v, Kind::Str); }
inline bool is_bigint(Value v) { return is_kind(v, Kind::Int); }
inline bool is_int(Value v) { return v.is_small_int() || is_bigint(v); }
// A float or an instance of a float subclass, and its value.
inline bool is_float(Value v) { return v.is_double() || is_kind(v, Kind::Float); }
inline double float_value(Value v) { return v.is_double() ? v.as_double() : v.as<Float>()->value; }
inline bool is_tuple(Value v) { return is_kind(v, Kind::Tuple); }
inline bool is_list(Value v) { return is_kind(v, Kind::List); }
inline bool is_dict(Value v) { return is_kind(v, Kind::Dict); }
inline bool is_type(Value v) { return is_kind(v, Kind::Type); }
// Exactly builtin type `t`, not a subclass (which may override its methods).
inline bool is_exact(Value v, const Type& t) { return v.is_object() && v.as_object()->type == &t; }

// ---- Constructors -------------------------------------------------------------
Str* new_str(std::string_view utf8);
Str* intern(std::string_view utf8);          // unique Str per content (names, attributes)
inline Value str_value(std::string_view s) { return Value::object(new_str(s)); }
Bytes* new_bytes(std::string_view data);      // immutable bytes (NUL-terminated copy)
Tuple* new_tuple(size_t n);                   // items initialised to None
Tuple* new_tuple(std::span<const Value> items);
List* new_list(size_t reserve = 0);
List* new_list(std::span<const Value> items);
Value new_native(const char* name, NativeFn fn, Value self = Value::empty(), Type* owner = nullptr);
Module* new_module(std::string_view name);

// Adds a native method to a builtin type's dict.
void add_method(Type& t, const char* name, NativeFn fn);
void add_attr(Type& t, const char* name, Value v);
// A property whose getter (and setter, if given) are natives called with the object.
Value native_property(const char* name, NativeFn get, NativeFn set = nullptr);
// Registers native_property(name, get) as attribute `name` of `t`.
void add_getter(Type& t, const char* name, NativeFn get);
void init_type(Type& t, const char* name, Kind kind, Type* base);

} // namespace tributary
