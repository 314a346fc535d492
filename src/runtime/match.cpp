// match.cpp — the match statement's runtime tests (see match.h). Follows
// CPython 3.11's Python/ceval.c (match_class, match_keys) and the
// Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING / _Py_TPFLAGS_MATCH_SELF flags of
// the builtin types, which here are decided from the first builtin type on
// the subject's MRO.
#include "runtime/match.h"

#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary {

namespace {

// The types outside the runtime (src/lib) registered by set_match_flags().
// A handful at most, and only written during startup.
struct Registered {
  const Type* type;
  uint8_t flags;
};
Registered g_registered[8];
size_t g_nregistered = 0;

// A builtin type's flags, from its kind or its registration.
uint8_t own_flags(const Type* t) {
  switch (t->kind) {
  case Kind::List:
  case Kind::Tuple: return kMatchSequence | kMatchSelf;
  case Kind::Range: return kMatchSequence;
  case Kind::Dict: return kMatchMapping | kMatchSelf;
  case Kind::Bool:
  case Kind::Int:
  case Kind::Float:
  case Kind::Str:
  case Kind::Bytes:
  case Kind::Set:
  case Kind::FrozenSet: return kMatchSelf;
  default: break;
  }
  for (size_t i = 0; i < g_nregistered; ++i)
    if (g_registered[i].type == t) return g_registered[i].flags;
  return t->abc_match_flags;
}

} // namespace

// A class inherits the flags of every type on its MRO, as CPython's types
// inherit Py_TPFLAGS_SEQUENCE, Py_TPFLAGS_MAPPING and _Py_TPFLAGS_MATCH_SELF.
uint8_t match_flags(const Type* t) {
  uint8_t flags = 0;
  for (Value c : t->mro->span())
    flags |= own_flags(c.as<Type>());
  return flags;
}

namespace {

// CPython's match_class_attr: the attribute, or empty when it is missing (an
// AttributeError, which fails the match); a name seen before is a TypeError.
Value match_class_attr(Value subject, const Type* cls, Str* name, std::vector<Str*>& seen) {
  for (Str* s : seen)
    if (s == name || s->view() == name->view())
      raise_fmt(types::type_error, "{}() got multiple sub-patterns for attribute {}", cls->name,
                repr_string(Value::object(name)));
  seen.push_back(name);
  try {
    return get_attr(subject, name);
  } catch (PyException& e) {
    if (!exception_matches(e.exc, Value::object(&types::attribute_error))) throw;
    return Value::empty();
  }
}

} // namespace

void set_match_flags(Type& t, uint8_t flags) {
  if (g_nregistered == std::size(g_registered)) throw std::logic_error("set_match_flags: too many types");
  g_registered[g_nregistered++] = {&t, flags};
}

bool match_is_sequence(Value subject) { return match_flags(type_of(subject)) & kMatchSequence; }

bool match_is_mapping(Value subject) { return match_flags(type_of(subject)) & kMatchMapping; }

Value match_keys(Value subject, Value keys) {
  Tuple* k = keys.as<Tuple>();
  Tuple* values = new_tuple(k->size);
  // An exact dict is read directly; a subclass through its get(key, default),
  // as CPython does, so that __missing__ (defaultdict) never runs.
  const bool exact = type_of(subject) == &types::dict;
  Value get = exact ? Value::empty() : get_attr(subject, intern("get"));
  Value missing = Value::object(new_list(0)); // a fresh object: no mapping holds it
  for (size_t i = 0; i < k->size; ++i) {
    Value key = k->items[i];
    hash_value(key); // unhashable keys raise TypeError, as in CPython's set of seen keys
    for (size_t j = 0; j < i; ++j)
      if (equals(k->items[j], key))
        raise_fmt(types::value_error, "mapping pattern checks duplicate key ({})", repr_string(key));
    Value v = exact ? dict_get(subject.as<Dict>(), key) : call2(get, key, missing);
    if (v.is_empty() || v == missing) return Value::none();
    values->items[i] = v;
  }
  return Value::object(values);
}

Value match_class(Value subject, Value cls, int64_t nargs, Value names) {
  if (!is_type(cls)) raise(types::type_error, "called match pattern must be a type");
  const Type* type = cls.as<Type>();
  if (!is_subtype(type_of(subject), type)) return Value::none();
  std::vector<Str*> seen;
  GcVector<Value> attrs; // scanned: a property may return an object held nowhere else
  if (nargs > 0) {
    static Str* const kMatchArgs = intern("__match_args__");
    Value match_args = get_attr_or_empty(cls, kMatchArgs);
    // A class without __match_args__ gets none, or the subject itself for
    // the builtins; a class that defines it loses that (as in CPython).
    bool match_self = false;
    if (match_args.is_empty()) {
      match_self = match_flags(type) & kMatchSelf;
    } else if (type_of(match_args) != &types::tuple) {
      raise_fmt(types::type_error, "{}.__match_args__ must be a tuple (got {})", type->name,
                type_name(match_args)->view());
    }
    const int64_t allowed = match_self              ? 1
                            : match_args.is_empty() ? 0
                                                    : static_cast<int64_t>(match_args.as<Tuple>()->size);
    if (allowed < nargs)
      raise_fmt(types::type_error, "{}() accepts {} positional sub-pattern{} ({} given)", type->name, allowed,
                allowed == 1 ? "" : "s", nargs);
    if (match_self) {
      attrs.push_back(subject);
    } else {
      for (int64_t i = 0; i < nargs; ++i) {
        Value name = match_args.as<Tuple>()->items[i];
        if (type_of(name) != &types::str)
          raise_fmt(types::type_error, "__match_args__ elements must be strings (got {})", type_name(name)->view());
        Value attr = match_class_attr(subject, type, name.as<Str>(), seen);
        if (attr.is_empty()) return Value::none();
        attrs.push_back(attr);
      }
    }
  }
  for (Value name : names.as<Tuple>()->span()) {
    Value attr = match_class_attr(subject, type, name.as<Str>(), seen);
    if (attr.is_empty()) return Value::none();
    attrs.push_back(attr);
  }
  return Value::object(new_tuple(std::span<const Value>(attrs.data(), attrs.size())));
}

} // namespace tributary
