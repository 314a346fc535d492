// exception_group.cpp — BaseExceptionGroup and ExceptionGroup (PEP 654), and
// the two steps of `except*` the interpreter runs (CHECK_EG_MATCH,
// PREP_RERAISE_STAR), after CPython 3.11's Objects/exceptions.c.
//
// A group is an ExceptionObj whose `message` and `exceptions` (a tuple) live
// in its attribute dict under those names, read-only to Python code; its args
// stay (message, the sequence as given). split() and subgroup() rebuild the
// nesting around the leaves that match, through derive(), and copy the
// original's __traceback__, __cause__, __context__ and __notes__ onto each
// part, so that except* can tell a re-raised part (same metadata as the
// group it came from) from a new exception raised in a handler.
#include <unordered_set>
#include <vector>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary {

namespace types {
Type base_exception_group;
} // namespace types

namespace {

Str* name_message() { return intern("message"); }
Str* name_exceptions() { return intern("exceptions"); }
Str* name_notes() { return intern("__notes__"); }

ExceptionObj* exc_of(Value v) { return v.as<ExceptionObj>(); }

Value attr_of(Value eg, Str* name) {
  ExceptionObj* e = exc_of(eg);
  if (!e->attrs) return Value::empty();
  Value* v = dict_find_str(e->attrs, name);
  return v ? *v : Value::empty();
}

void set_own_attr(ExceptionObj* e, Str* name, Value v) {
  if (!e->attrs) e->attrs = new_dict();
  dict_set(e->attrs, Value::object(name), v);
}

ExceptionObj* group_self(Value v, const char* method) {
  if (!is_exception_group(v))
    raise_fmt(types::type_error, "descriptor '{}' for 'BaseExceptionGroup' objects doesn't apply to a '{}' object",
              method, type_of(v)->name);
  return exc_of(v);
}

// BaseExceptionGroup.__new__(cls, message, exceptions): CPython's checks, and
// BaseExceptionGroup itself gives an ExceptionGroup when every member is an Exception.
Value eg_new(Value, const Args& a) {
  if (a.npos == 0) raise(types::type_error, "BaseExceptionGroup.__new__(): not enough arguments");
  if (!is_type(a[0]))
    raise_fmt(types::type_error, "BaseExceptionGroup.__new__(X): X is not a type object ({})", type_of(a[0])->name);
  Type* cls = a[0].as<Type>();
  if (!is_subtype(cls, &types::base_exception_group))
    raise_fmt(types::type_error, "BaseExceptionGroup.__new__({}): {} is not a subtype of BaseExceptionGroup", cls->name,
              cls->name);
  if (a.nkw) raise_fmt(types::type_error, "{}() takes no keyword arguments", cls->name);
  if (a.npos != 3)
    raise_fmt(types::type_error, "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", a.npos - 1);
  Value message = a[1], excs = a[2];
  if (!is_str(message))
    raise_fmt(types::type_error, "BaseExceptionGroup.__new__() argument 1 must be str, not {}", type_of(message)->name);
  Type* et = type_of(excs);
  const bool sequence =
      et->kind == Kind::List || et->kind == Kind::Tuple ||
      (et->kind != Kind::Dict && et->kind != Kind::Set && et->kind != Kind::FrozenSet &&
       !type_lookup(et, intern("__getitem__")).is_empty() && !type_lookup(et, intern("__len__")).is_empty());
  if (!sequence) raise(types::type_error, "second argument (exceptions) must be a sequence");
  Tuple* items = tuple_from_iterable(excs);
  if (items->size == 0) raise(types::value_error, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (size_t i = 0; i < items->size; ++i) {
    Value x = items->items[i];
    if (!is_exception_instance(x))
      raise_fmt(types::value_error, "Item {} of second argument (exceptions) is not an exception", i);
    if (!is_subtype(type_of(x), &types::exception)) nested_base = true;
  }
  if (cls == &types::base_exception_group) {
    if (!nested_base) cls = &types::exception_group;
  } else if (cls == &types::exception_group) {
    if (nested_base) raise(types::type_error, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && is_subtype(cls, &types::exception)) {
    raise_fmt(types::type_error, "Cannot nest BaseExceptions in '{}'", cls->name);
  }
  Value args[2] = {message, excs};
  ExceptionObj* e = new_exception(cls, std::span<const Value>(args, 2));
  set_own_attr(e, name_message(), message);
  set_own_attr(e, name_exceptions(), Value::object(items));
  return Value::object(e);
}

// `BaseExceptionGroup(...)`/`ExceptionGroup(...)` themselves (subclasses go
// through their class's __new__ and __init__).
Value construct_group(Value self, const Args& a) {
  Value argv[3] = {self, a.npos > 0 ? a[0] : Value::empty(), a.npos > 1 ? a[1] : Value::empty()};
  if (a.nkw) raise_fmt(types::type_error, "{}() takes no keyword arguments", self.as<Type>()->name);
  if (a.npos != 2)
    raise_fmt(types::type_error, "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", a.npos);
  return eg_new(Value::empty(), Args{argv, 3});
}

// BaseExceptionGroup.__init__ accepts what __new__ accepted (BaseException's sets args).
Value eg_init(Value self, const Args& a) {
  if (a.nkw) raise_fmt(types::type_error, "{}() takes no keyword arguments", type_of(self)->name);
  exc_of(self)->args = new_tuple(a.positional());
  return Value::none();
}

Value eg_str(Value self, const Args&) {
  group_self(self, "__str__");
  return str_value(exception_str(self)); // ("message (n sub-exceptions)")
}

Value eg_derive(Value self, const Args& a) {
  group_self(self, "derive");
  if (a.npos != 1 || a.nkw) raise(types::type_error, "derive() takes exactly one argument");
  Value args[3] = {Value::object(&types::base_exception_group), attr_of(self, name_message()), a[0]};
  return eg_new(Value::empty(), Args{args, 3});
}

// ---- matching ------------------------------------------------------------------------

enum class Matcher { ByType, Predicate, InstanceIds };

struct Condition {
  Matcher kind;
  Value value;                            // the type(s) or the predicate
  const std::unordered_set<Object*>* ids; // InstanceIds
};

Condition condition_of(Value v) {
  if (is_type(v) && is_subtype(v.as<Type>(), &types::base_exception)) return {Matcher::ByType, v, nullptr};
  if (is_tuple(v)) {
    bool all_types = true;
    for (Value t : v.as<Tuple>()->span())
      all_types &= is_type(t) && is_subtype(t.as<Type>(), &types::base_exception);
    if (all_types) return {Matcher::ByType, v, nullptr};
  } else if (!is_type(v) && v.is_object()) {
    Kind k = v.as_object()->type->kind;
    if (k == Kind::Function || k == Kind::NativeFunction || k == Kind::BoundMethod ||
        !type_lookup(type_of(v), intern("__call__")).is_empty())
      return {Matcher::Predicate, v, nullptr};
  }
  raise(types::type_error, "expected a function, exception type or tuple of exception types");
}

bool matches(Value exc, const Condition& c) {
  switch (c.kind) {
  case Matcher::ByType: return exception_matches(exc, c.value);
  case Matcher::Predicate: return truthy(call1(c.value, exc));
  case Matcher::InstanceIds: return c.ids->count(exc.as_object()) != 0;
  }
  return false;
}

// The group `orig.derive(excs)` with orig's traceback, cause, context and
// notes; None when excs is empty.
Value subset(Value orig, std::vector<Value>& excs) {
  if (excs.empty()) return Value::none();
  List* l = new_list(std::span<const Value>(excs.data(), excs.size()));
  Value eg = call1(get_attr(orig, intern("derive")), Value::object(l));
  if (!is_exception_group(eg)) raise(types::type_error, "derive must return an instance of BaseExceptionGroup");
  ExceptionObj *from = exc_of(orig), *to = exc_of(eg);
  to->traceback = from->traceback;
  to->cause = from->cause;
  to->context = from->context;
  Value notes = attr_of(orig, name_notes());
  if (!notes.is_empty()) {
    Type* nt = type_of(notes);
    if (nt->kind == Kind::List || nt->kind == Kind::Tuple || !type_lookup(nt, intern("__getitem__")).is_empty())
      set_own_attr(to, name_notes(), Value::object(list_from_iterable(notes)));
  }
  return eg;
}

struct SplitResult {
  Value match = Value::empty();
  Value rest = Value::empty();
};

SplitResult split_recursive(Value exc, const Condition& c, bool construct_rest) {
  SplitResult r;
  if (matches(exc, c)) {
    r.match = exc;
    return r;
  }
  if (!is_exception_group(exc)) {
    if (construct_rest) r.rest = exc;
    return r;
  }
  std::vector<Value> match_list, rest_list;
  for (Value e : exception_group_items(exc)->span()) {
    SplitResult sub = split_recursive(e, c, construct_rest);
    if (!sub.match.is_empty()) match_list.push_back(sub.match);
    if (!sub.rest.is_empty()) rest_list.push_back(sub.rest);
  }
  Value m = subset(exc, match_list);
  if (!m.is_none()) r.match = m;
  if (construct_rest) {
    Value rest = subset(exc, rest_list);
    if (!rest.is_none()) r.rest = rest;
  }
  return r;
}

Value or_none(Value v) { return v.is_empty() ? Value::none() : v; }

Value eg_split(Value self, const Args& a) {
  group_self(self, "split");
  if (a.npos != 1 || a.nkw) raise(types::type_error, "split() takes exactly one argument");
  SplitResult r = split_recursive(self, condition_of(a[0]), true);
  Value items[2] = {or_none(r.match), or_none(r.rest)};
  return Value::object(new_tuple(items));
}

Value eg_subgroup(Value self, const Args& a) {
  group_self(self, "subgroup");
  if (a.npos != 1 || a.nkw) raise(types::type_error, "subgroup() takes exactly one argument");
  return or_none(split_recursive(self, condition_of(a[0]), false).match);
}

// The leaves of `exc` (itself when it is no group), by identity.
void collect_leaves(Value exc, std::unordered_set<Object*>& ids) {
  if (!is_exception_group(exc)) {
    ids.insert(exc.as_object());
    return;
  }
  for (Value e : exception_group_items(exc)->span())
    collect_leaves(e, ids);
}

bool same_metadata(Value a, Value b) {
  ExceptionObj *x = exc_of(a), *y = exc_of(b);
  return attr_of(a, name_notes()) == attr_of(b, name_notes()) && x->traceback == y->traceback && x->cause == y->cause &&
         x->context == y->context;
}

} // namespace

bool is_exception_group(Value v) {
  return v.is_object() && is_subtype(v.as_object()->type, &types::base_exception_group);
}

Tuple* exception_group_items(Value eg) {
  Value items = attr_of(eg, name_exceptions());
  if (is_tuple(items)) return items.as<Tuple>();
  // (A subclass whose __new__ did not reach BaseExceptionGroup's.)
  return new_tuple(size_t(0));
}

void check_except_star_type(Value match_type) {
  auto check = [](Value t) {
    if (!is_type(t) || !is_subtype(t.as<Type>(), &types::base_exception))
      raise(types::type_error, "catching classes that do not inherit from BaseException is not allowed");
    if (is_subtype(t.as<Type>(), &types::base_exception_group))
      raise(types::type_error, "catching ExceptionGroup with except* is not allowed. Use except instead.");
  };
  if (is_tuple(match_type)) {
    for (Value t : match_type.as<Tuple>()->span())
      check(t);
  } else {
    check(match_type);
  }
}

Value exception_group_match(Value exc, Value match_type, Value& rest, Value here) {
  if (exc.is_none()) {
    rest = Value::none();
    return Value::none();
  }
  if (exception_matches(exc, match_type)) {
    rest = Value::none();
    if (is_exception_group(exc)) return exc;
    // A naked exception: wrapped in a group whose traceback is this frame's.
    Value one[2] = {str_value(""), Value::object(new_tuple(std::span<const Value>(&exc, 1)))};
    ExceptionObj* wrapped = new_exception(&types::exception_group, std::span<const Value>(one, 2));
    set_own_attr(wrapped, name_message(), one[0]);
    set_own_attr(wrapped, name_exceptions(), one[1]);
    wrapped->traceback = here;
    return Value::object(wrapped);
  }
  if (is_exception_group(exc)) {
    Value pair = call1(get_attr(exc, intern("split")), match_type);
    if (!is_tuple(pair) || pair.as<Tuple>()->size != 2)
      raise_fmt(types::type_error, "X.split(T) must return a tuple, not {}", type_of(pair)->name);
    rest = pair.as<Tuple>()->items[1];
    return pair.as<Tuple>()->items[0];
  }
  rest = exc;
  return Value::none();
}

Value prep_reraise_star(Value orig, Value excs) {
  List* l = excs.as<List>();
  if (l->items.empty()) return Value::none();
  if (!is_exception_group(orig)) return l->items[0]; // a naked exception: one handler at most ran
  std::vector<Value> raised, reraised;
  for (Value e : l->items) {
    if (e.is_none()) continue;
    (same_metadata(e, orig) ? reraised : raised).push_back(e);
  }
  Value reraised_eg = Value::none();
  if (!reraised.empty()) {
    std::unordered_set<Object*> ids;
    for (Value e : reraised)
      collect_leaves(e, ids);
    SplitResult r = split_recursive(orig, Condition{Matcher::InstanceIds, Value::empty(), &ids}, false);
    reraised_eg = or_none(r.match);
  }
  if (raised.empty()) return reraised_eg;
  if (!reraised_eg.is_none()) raised.push_back(reraised_eg);
  if (raised.size() == 1) return raised[0];
  Value args[3] = {Value::object(&types::base_exception_group), str_value(""),
                   Value::object(new_list(std::span<const Value>(raised.data(), raised.size())))};
  return eg_new(Value::empty(), Args{args, 3});
}

void init_exception_group_types() {
  using namespace types;
  init_exception_type(base_exception_group, "BaseExceptionGroup", base_exception);
  base_exception_group.construct = construct_group;
  init_exception_type(exception_group, "ExceptionGroup", base_exception_group);
  exception_group.construct = construct_group;
  // ExceptionGroup(BaseExceptionGroup, Exception).
  Value bases[2] = {Value::object(&base_exception_group), Value::object(&exception)};
  exception_group.bases = new_tuple(std::span<const Value>(bases, 2));
  Value mro[5] = {Value::object(&exception_group), Value::object(&base_exception_group), Value::object(&exception),
                  Value::object(&base_exception), Value::object(&object)};
  exception_group.mro = new_tuple(std::span<const Value>(mro, 5));
}

void init_exception_group_methods() {
  using namespace types;
  add_static_method(base_exception_group, "__new__", eg_new);
  add_method(base_exception_group, "__init__", self_or_first<eg_init>);
  add_method(base_exception_group, "__str__", self_or_first<eg_str>);
  add_method(base_exception_group, "derive", self_or_first<eg_derive>);
  add_method(base_exception_group, "split", self_or_first<eg_split>);
  add_method(base_exception_group, "subgroup", self_or_first<eg_subgroup>);
}

} // namespace tributary
