// ops.h — the generic object protocol: what every bytecode does on any value.
//
// The interpreter inlines the fast cases (small ints, floats) and calls these
// for everything else; the JIT calls them as helpers with known effects. They
// raise Python exceptions by throwing PyException.
#pragma once

#include <string>

#include "runtime/exceptions.h"
#include "runtime/object.h"

namespace tributary {

// Operator codes shared by compiler, interpreter and JIT. Inplace variants follow the plain ones.
enum class BinOp : uint8_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
  kCount,
};
enum class CmpOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

const char* binop_symbol(BinOp op);      // "+", "//", ...
const char* cmpop_symbol(CmpOp op);

Value binary_op(BinOp op, Value a, Value b);
Value inplace_op(BinOp op, Value a, Value b);
// A binary operator's special method names: the plain (a.__add__), reflected
// (b.__radd__) and in-place (a.__iadd__) one.
enum class DunderKind : uint8_t { Plain, Reflected, Inplace };
const char* binary_dunder_name(BinOp op, DunderKind kind);
// a OP b (a OP= b) after a's plain special method returned NotImplemented:
// b's reflected method, or the TypeError. (The JIT inlines the plain method
// when no other method could run first; exits from it finish the operator here.)
Value binary_op_after_plain(BinOp op, Value a, Value b, bool inplace);
Value compare(CmpOp op, Value a, Value b);
bool compare_bool(CmpOp op, Value a, Value b);
bool equals(Value a, Value b);           // a == b as a bool (identity first)
Value negate(Value v);
Value positive(Value v);
Value invert(Value v);
bool truthy(Value v);
// Does type(v), a subclass of a builtin type, define special method `name`
// over its base's? (False for builtin values; consumes a pending builtin path,
// as every special-method lookup does: see ops_internal.h's BuiltinPath.)
bool overrides_dunder(Value v, const char* name);

int64_t hash_value(Value v);             // TypeError for unhashable
Str* repr(Value v);
Str* to_str(Value v);
std::string repr_string(Value v);
std::string str_string(Value v);
Str* format_value(Value v, Str* spec);   // format(v, spec)
Str* type_name(Value v);                 // "int", "str", ... of type(v)

Value get_attr(Value obj, Str* name);    // AttributeError if missing
Value get_attr_or_empty(Value obj, Str* name); // empty Value if missing
void set_attr(Value obj, Str* name, Value v);
// `cls.name = v` without a metaclass's __setattr__ (type.__setattr__).
void set_class_attr(Type* cls, Str* name, Value v);
void del_attr(Value obj, Str* name);
// Method lookup without allocating a bound method: returns the function and sets
// `is_method` when `self` must be passed as the first argument.
Value lookup_method(Value obj, Str* name, bool& is_method);
// Looks up `name` along the MRO of `t`; empty Value if absent.
Value type_lookup(Type* t, Str* name);

// The members of a types.UnionType (`int | str`), None standing for NoneType;
// null for any other value.
Tuple* union_members_or_null(Value v);

Value get_item(Value obj, Value key);
void set_item(Value obj, Value key, Value v);
void del_item(Value obj, Value key);
bool contains(Value container, Value item);
int64_t length(Value v);

Value get_iter(Value v);
// Advances an iterator: false when exhausted (StopIteration is not raised).
bool iter_next(Value it, Value& out);

Value call(Value callable, const Args& args);
Value call0(Value callable);
Value call1(Value callable, Value a);
Value call2(Value callable, Value a, Value b);

// Collects any iterable into a fresh list / tuple.
List* list_from_iterable(Value v);
Tuple* tuple_from_iterable(Value v);

// printf-style `fmt % args` (lib/percent_format.cpp).
Str* str_percent_format(Str* fmt, Value args);
// bytes % args and bytearray % args (lib/percent_format.cpp): a new object of fmt's type.
Value bytes_percent_format(Value fmt, Value args);
// A complex number (lib/complex.cpp): the compiler's imaginary literals.
Value make_complex(double re, double im);
// bytes + a bytes-like object other than bytes and bytearray (lib/bytes.cpp);
// empty when `other` is not bytes-like.
Value bytes_concat_buffer(Value bytes, Value other);
// `item in bytes` (lib/bytes.cpp): a byte value or any bytes-like part.
bool bytes_contains(Value bytes, Value item);

// Initializes every builtin Type (object, type, int, ..., exceptions, iterators)
// with its base and MRO. Called once at startup, after gc::init().
void init_runtime_types();

} // namespace tributary
