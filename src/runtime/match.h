// match.h — the runtime side of the match statement (PEP 634): the tests and
// extractions behind MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and
// MATCH_CLASS, with CPython 3.11's semantics and error messages.
#pragma once

#include "runtime/object.h"

namespace tributary {

// What a type (and its subclasses) is to patterns, as CPython's type flags.
constexpr uint8_t kMatchSequence = 1; // matched by sequence patterns
constexpr uint8_t kMatchMapping = 2;  // matched by mapping patterns
constexpr uint8_t kMatchSelf = 4;     // `T(x)` matches x against the subject itself
// Declares the flags of a builtin type the runtime cannot tell from its Kind
// (bytearray, deque); called once at startup.
void set_match_flags(Type& t, uint8_t flags);

// The flags of `t` and its MRO.
uint8_t match_flags(const Type* t);
// Is `subject` matched by sequence patterns? list, tuple, range, deque, their
// subclasses and the classes abc marks (collections.abc.Sequence's subclasses
// and registered classes); never str, bytes or bytearray.
bool match_is_sequence(Value subject);
// Is `subject` matched by mapping patterns? dict, its subclasses and the
// classes abc marks (collections.abc.Mapping's).
bool match_is_mapping(Value subject);
// MATCH_KEYS: a tuple of the values of `keys` (a tuple) in the mapping
// `subject`, or None when one is missing; ValueError for a repeated key.
Value match_keys(Value subject, Value keys);
// MATCH_CLASS: when `subject` is an instance of `cls`, a tuple of its `nargs`
// positional attributes (from cls.__match_args__, or the subject itself for
// bool, int, str, ... ) followed by the attributes named in `names` (a
// tuple); None when it is no instance or an attribute is missing.
Value match_class(Value subject, Value cls, int64_t nargs, Value names);

} // namespace tributary
