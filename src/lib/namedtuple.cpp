// namedtuple.cpp — a native namedtuple for the runtime's own named tuples
// (sys.version_info, hash_info, float_info; functools' CacheInfo), made
// before any library module can be imported. Programs get CPython's
// collections.namedtuple; this one behaves the same.
//
// namedtuple('Point', 'x y') creates a Type whose instances are Tuples
// (Kind::Tuple, base tuple) carrying that Type: indexing, unpacking, len,
// iteration and the tuple methods work unchanged. The class is non-builtin,
// so repr, comparison, hashing and `+` go through the special methods defined
// here, which treat instances as plain tuples. Fields are properties whose
// getter is a native bound to the field index. Class attributes: _fields,
// __match_args__, _field_defaults, _make, _asdict, _replace. Validation and argument errors
// follow Lib/collections/__init__.py. Assigning or deleting a field raises
// CPython's "can't set attribute" / "can't delete attribute" (its fields are
// _tuplegetter descriptors, not properties).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

constexpr std::string_view kKeywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  auto c0 = static_cast<unsigned char>(s[0]);
  if (!(std::isalpha(c0) || c0 == '_' || c0 >= 0x80)) return false;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return false;
  }
  return true;
}

bool is_keyword(std::string_view s) { return std::find(std::begin(kKeywords), std::end(kKeywords), s) != std::end(kKeywords); }

Tuple* fields_of(Type* t) { return type_lookup(t, intern("_fields")).as<Tuple>(); }

// A plain tuple with the same items (for comparisons and hashing).
Value plain(Value v) { return Value::object(new_tuple(std::span<const Value>(v.as<Tuple>()->span()))); }

const char* persistent(std::string_view s) {
  char* p = static_cast<char*>(gc::alloc_root(s.size() + 1));
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = 0;
  return p;
}

// Field names as C strings, kept with the class (for bind_py_args).
struct FieldNames : Object {
  std::vector<const char*>* names;
};

Value nt_new(Value cls, const Args& a) {
  Type* t = cls.as<Type>();
  Tuple* fields = fields_of(t);
  auto* names = type_lookup(t, intern("__field_cnames__")).as<FieldNames>()->names;
  Dict* defaults = type_lookup(t, intern("_field_defaults")).as<Dict>();
  size_t n = fields->size;
  GcVector<Value> vals(n);
  std::string qual = std::string(t->name) + ".__new__";
  bind_py_args(a, qual.c_str(), std::span<const char* const>(names->data(), n), n - defaults->used, vals.data(), kAny, 1);
  Tuple* r = new_tuple(n);
  for (size_t i = 0; i < n; ++i) {
    Value v = vals[i];
    if (v.is_empty()) v = dict_get(defaults, fields->items[i]);
    r->items[i] = v;
  }
  r->type = t;
  return Value::object(r);
}

Value nt_field(Value index, const Args& a) { return a[0].as<Tuple>()->items[index.as_small_int()]; }
Value nt_field_set(Value, const Args&) { raise(types::attribute_error, "can't set attribute"); }
Value nt_field_del(Value, const Args&) { raise(types::attribute_error, "can't delete attribute"); }

Value nt_repr(Value self, const Args&) {
  Type* t = type_of(self);
  Tuple* fields = fields_of(t);
  Tuple* v = self.as<Tuple>();
  std::string out = std::string(t->name) + "(";
  for (size_t i = 0; i < v->size; ++i) {
    if (i) out += ", ";
    if (i < fields->size) out += std::string(fields->items[i].as<Str>()->view()) + "=";
    out += repr_string(v->items[i]);
  }
  return str_value(out + ")");
}

// A struct sequence's repr names its module: "posix.uname_result(sysname='Linux', ...)".
Value struct_sequence_repr(Value self, const Args& a) {
  Value module = type_of(self)->module_name;
  return str_value(str_string(module) + "." + str_string(nt_repr(self, a)));
}

Value nt_compare(Value self, const Args& a, CmpOp op) {
  if (!is_tuple(a[0])) return kNotImplemented;
  return compare(op, plain(self), plain(a[0]));
}
Value nt_eq(Value self, const Args& a) { return nt_compare(self, a, CmpOp::Eq); }
Value nt_ne(Value self, const Args& a) { return nt_compare(self, a, CmpOp::Ne); }
Value nt_lt(Value self, const Args& a) { return nt_compare(self, a, CmpOp::Lt); }
Value nt_le(Value self, const Args& a) { return nt_compare(self, a, CmpOp::Le); }
Value nt_gt(Value self, const Args& a) { return nt_compare(self, a, CmpOp::Gt); }
Value nt_ge(Value self, const Args& a) { return nt_compare(self, a, CmpOp::Ge); }
Value nt_hash(Value self, const Args&) { return make_int(hash_value(plain(self))); }
Value nt_len(Value self, const Args&) { return make_int(static_cast<int64_t>(self.as<Tuple>()->size)); }

Value nt_add(Value self, const Args& a) {
  if (!is_tuple(a[0])) return kNotImplemented;
  return binary_op(BinOp::Add, plain(self), plain(a[0]));
}
Value nt_radd(Value self, const Args& a) {
  if (!is_tuple(a[0])) return kNotImplemented;
  return binary_op(BinOp::Add, plain(a[0]), plain(self));
}

Value nt_asdict(Value self, const Args& a) {
  check_none(a, "_asdict");
  Tuple* fields = fields_of(type_of(self));
  Dict* d = new_dict();
  Tuple* v = self.as<Tuple>();
  for (size_t i = 0; i < fields->size && i < v->size; ++i) dict_set(d, fields->items[i], v->items[i]);
  return Value::object(d);
}

Value nt_replace(Value self, const Args& a) {
  if (a.npos) raise_fmt(types::type_error, "{}._replace() takes 1 positional argument but {} were given",
                        type_of(self)->name, a.npos + 1);
  Tuple* fields = fields_of(type_of(self));
  Tuple* r = new_tuple(std::span<const Value>(self.as<Tuple>()->span()));
  r->type = type_of(self);
  std::vector<std::string> unknown;
  for (uint32_t k = 0; k < a.nkw; ++k) {
    size_t i = 0;
    while (i < fields->size && !equals(fields->items[i], a.kwnames[k])) ++i;
    if (i == fields->size) unknown.push_back(repr_string(a.kwnames[k]));
    else r->items[i] = a.kwvals[k];
  }
  if (!unknown.empty()) {
    std::string list;
    for (size_t i = 0; i < unknown.size(); ++i) list += (i ? ", " : "") + unknown[i];
    raise_fmt(types::value_error, "Got unexpected field names: [{}]", list);
  }
  return Value::object(r);
}

// Point._make(iterable): bound to the class.
Value nt_make(Value cls, const Args& a) {
  check_one(a, "_make");
  Type* t = cls.as<Type>();
  Tuple* items = tuple_from_iterable(a[0]);
  size_t n = fields_of(t)->size;
  if (items->size != n) raise_fmt(types::type_error, "Expected {} arguments, got {}", n, items->size);
  Tuple* r = new_tuple(std::span<const Value>(items->span()));
  r->type = t;
  return Value::object(r);
}

Value field_property(const char* name, size_t index) {
  auto* p = gc::make<Property>();
  p->type = &types::property;
  p->fget = new_native(name, nt_field, Value::small_int(static_cast<int64_t>(index)));
  p->fset = new_native(name, nt_field_set, Value::small_int(static_cast<int64_t>(index)));
  p->fdel = new_native(name, nt_field_del, Value::small_int(static_cast<int64_t>(index)));
  return Value::object(p);
}

std::vector<std::string> field_list(Value spec) {
  std::vector<std::string> names;
  if (is_str(spec)) {
    std::string s(spec.as<Str>()->view());
    std::replace(s.begin(), s.end(), ',', ' ');
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i) names.push_back(s.substr(i, j - i));
      i = j;
    }
    return names;
  }
  Value it = get_iter(spec);
  Value x;
  while (iter_next(it, x)) names.push_back(str_string(x));
  return names;
}

} // namespace

Value namedtuple_function(Value, const Args& a) {
  Value p[5];
  bind_py_args(a, "namedtuple", {"typename", "field_names", "rename", "defaults", "module"}, 2, p, 2);
  std::string tname_s = str_string(p[0]);
  std::vector<std::string> fields = field_list(p[1]);
  bool rename = !p[2].is_empty() && truthy(p[2]);
  if (rename) {
    std::vector<std::string> seen;
    for (size_t i = 0; i < fields.size(); ++i) {
      const std::string& f = fields[i];
      if (!is_identifier(f) || is_keyword(f) || f[0] == '_' || std::find(seen.begin(), seen.end(), f) != seen.end())
        fields[i] = "_" + std::to_string(i);
      seen.push_back(fields[i]);
    }
  }
  std::vector<std::string> all = {tname_s};
  all.insert(all.end(), fields.begin(), fields.end());
  for (const std::string& n : all) {
    if (!is_identifier(n))
      raise_fmt(types::value_error, "Type names and field names must be valid identifiers: {}", repr_string(str_value(n)));
    if (is_keyword(n))
      raise_fmt(types::value_error, "Type names and field names cannot be a keyword: {}", repr_string(str_value(n)));
  }
  std::vector<std::string> seen;
  for (const std::string& f : fields) {
    if (f[0] == '_' && !rename)
      raise_fmt(types::value_error, "Field names cannot start with an underscore: {}", repr_string(str_value(f)));
    if (std::find(seen.begin(), seen.end(), f) != seen.end())
      raise_fmt(types::value_error, "Encountered duplicate field name: {}", repr_string(str_value(f)));
    seen.push_back(f);
  }
  GcVector<Value> defaults;
  if (!p[3].is_empty() && !p[3].is_none()) {
    Tuple* d = tuple_from_iterable(p[3]);
    defaults.assign(d->items, d->items + d->size);
    if (defaults.size() > fields.size()) raise_type_error("Got more default values than field names");
  }

  auto* t = static_cast<Type*>(gc::alloc(sizeof(Type)));
  new (t) Type();
  init_type(*t, persistent(tname_s), Kind::Tuple, &types::tuple);
  t->is_builtin = false;
  t->construct = nt_new;
  Value module = p[4].is_empty() || p[4].is_none() ? Value::object(intern("__main__")) : p[4];
  t->module_name = module;
  Tuple* ftuple = new_tuple(fields.size());
  auto* cnames = new std::vector<const char*>();
  for (size_t i = 0; i < fields.size(); ++i) {
    ftuple->items[i] = Value::object(intern(fields[i]));
    cnames->push_back(persistent(fields[i]));
  }
  auto* holder = gc::make<FieldNames>();
  holder->type = &types::object;
  holder->names = cnames;
  Dict* fdefaults = new_dict();
  size_t first_default = fields.size() - defaults.size();
  for (size_t i = 0; i < defaults.size(); ++i) dict_set(fdefaults, ftuple->items[first_default + i], defaults[i]);
  add_attr(*t, "_fields", Value::object(ftuple));
  add_attr(*t, "__match_args__", Value::object(ftuple)); // class patterns: Point(x, y)
  add_attr(*t, "_field_defaults", Value::object(fdefaults));
  add_attr(*t, "__field_cnames__", Value::object(holder));
  add_attr(*t, "__module__", module);
  add_attr(*t, "_make", new_native("_make", nt_make, Value::object(t)));
  struct Def {
    const char* name;
    NativeFn fn;
  };
  for (const Def& d : {Def{"__repr__", method<&types::tuple, nt_repr>}, Def{"__eq__", method<&types::tuple, nt_eq>}, Def{"__ne__", method<&types::tuple, nt_ne>}, Def{"__lt__", method<&types::tuple, nt_lt>},
                       Def{"__le__", method<&types::tuple, nt_le>}, Def{"__gt__", method<&types::tuple, nt_gt>}, Def{"__ge__", method<&types::tuple, nt_ge>}, Def{"__hash__", method<&types::tuple, nt_hash>},
                       Def{"__len__", method<&types::tuple, nt_len>}, Def{"__add__", method<&types::tuple, nt_add>}, Def{"__radd__", method<&types::tuple, nt_radd>},
                       Def{"_asdict", method<&types::tuple, nt_asdict>}, Def{"_replace", method<&types::tuple, nt_replace>}})
    add_method(*t, d.name, d.fn);
  for (size_t i = 0; i < fields.size(); ++i) add_attr(*t, cnames->at(i), field_property(cnames->at(i), i));
  return Value::object(t);
}

namespace {

// T(sequence), as CPython's struct sequences are built from Python; native
// code passes the fields one by one (then it is a namedtuple's __new__).
Value struct_sequence_new(Value cls, const Args& a) {
  if (a.npos != 1 || a.nkw) return nt_new(cls, a);
  Type* t = cls.as<Type>();
  Tuple* items = tuple_from_iterable(a[0]);
  size_t n = fields_of(t)->size;
  if (items->size != n)
    raise_fmt(types::type_error, "{}.{}() takes a {}-sequence ({}-sequence given)", str_string(t->module_name), t->name,
              n, items->size);
  return nt_new(cls, Args{items->items, static_cast<uint32_t>(n)});
}

} // namespace

Value struct_sequence_type(const char* module, const char* name, const char* fields) {
  Value nt_args[3] = {str_value(name), str_value(fields), str_value(module)};
  Value module_kw = Value::object(intern("module"));
  Value t = namedtuple_function(Value::empty(), Args{nt_args, 2, &module_kw, &nt_args[2], 1});
  add_method(*t.as<Type>(), "__repr__", method<&types::tuple, struct_sequence_repr>);
  t.as<Type>()->construct = struct_sequence_new;
  return t;
}

} // namespace tributary::lib
