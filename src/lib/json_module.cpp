// json_module.cpp — `_json`, the accelerators of CPython's json package:
// scanstring, make_scanner (the decoder's scan_once), make_encoder (the
// one-shot encoder json uses when indent is None), encode_basestring and
// encode_basestring_ascii, with CPython 3.11's behaviour and messages
// (errors are json.decoder.JSONDecodeError(msg, doc, pos), positions in code
// points).
//
// The scanner walks the document as bytes when it is ASCII and as decoded
// code points otherwise. A scanner's hooks (object_hook, object_pairs_hook,
// parse_float, parse_int, parse_constant) are called only when the decoder
// was given them: the defaults are done here.
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_set>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/exec.h"

namespace tributary::lib {

namespace {

// ---- strings out ------------------------------------------------------------------------

void append_escaped(std::string& out, std::string_view s, bool ascii) {
  out.push_back('"');
  for (size_t pos = 0; pos < s.size();) {
    auto b = static_cast<unsigned char>(s[pos]);
    if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
      out.push_back(static_cast<char>(b));
      ++pos;
      continue;
    }
    size_t start = pos;
    uint32_t cp = utf8_at(s, pos);
    switch (cp) {
    case '"': out += "\\\""; continue;
    case '\\': out += "\\\\"; continue;
    case '\n': out += "\\n"; continue;
    case '\r': out += "\\r"; continue;
    case '\t': out += "\\t"; continue;
    case '\b': out += "\\b"; continue;
    case '\f': out += "\\f"; continue;
    default: break;
    }
    if (cp < 0x20 || (ascii && cp >= 0x7f)) {
      if (cp >= 0x10000) {
        uint32_t v = cp - 0x10000;
        out += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 | (v >> 10), 0xDC00 | (v & 0x3FF));
      } else {
        out += fmt::format("\\u{:04x}", cp);
      }
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  out.push_back('"');
}

template <bool kAscii> Value encode_basestring(Value, const Args& a) {
  check_one(a, kAscii ? "encode_basestring_ascii" : "encode_basestring");
  if (!is_str(a[0])) raise_fmt(types::type_error, "first argument must be a string, not {}", tname(a[0]));
  std::string out;
  append_escaped(out, a[0].as<Str>()->view(), kAscii);
  return str_value(out);
}

// ---- the scanner --------------------------------------------------------------------------

Value json_decode_error() {
  Value mod = vm::import_module(nullptr, intern("json.decoder"), Value::object(new_tuple(0)), Value::small_int(0));
  return get_attr(mod, intern("JSONDecodeError"));
}

[[noreturn]] void decode_error(const char* msg, Value doc, size_t pos) {
  Value args[3] = {str_value(msg), doc, make_int(static_cast<int64_t>(pos))};
  raise(call(json_decode_error(), Args{args, 3}));
}

// A scanner's settings (make_scanner's context).
struct Context {
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  bool strict;
};

// Walks `doc` as code units C (char for an ASCII document, char32_t otherwise).
template <class C> struct Parser {
  const C* s;
  size_t n;
  Value doc;
  const Context& ctx;

  static void put(std::string& out, C c) {
    if constexpr (sizeof(C) == 1)
      out.push_back(static_cast<char>(c));
    else
      utf8_append(out, static_cast<uint32_t>(c));
  }

  size_t skip_ws(size_t i) const {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
      ++i;
    return i;
  }

  int hex4(size_t i) const {
    if (i + 4 > n) return -1;
    int v = 0;
    for (size_t k = i; k < i + 4; ++k) {
      C c = s[k];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }

  // The string whose opening quote is just before `begin`; `end` after its closing quote.
  Value string(size_t begin, size_t& end) {
    std::string out;
    size_t i = begin;
    for (;;) {
      size_t run = i;
      while (i < n && s[i] != '"' && s[i] != '\\' && !(ctx.strict && s[i] < 0x20))
        ++i;
      for (size_t k = run; k < i; ++k)
        put(out, s[k]);
      if (i >= n) decode_error("Unterminated string starting at", doc, begin - 1);
      C c = s[i];
      if (c == '"') {
        end = i + 1;
        return str_value(out);
      }
      if (c != '\\') decode_error("Invalid control character at", doc, i);
      if (i + 1 >= n) decode_error("Unterminated string starting at", doc, begin - 1);
      C e = s[i + 1];
      switch (e) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        int u = hex4(i + 2);
        if (u < 0) decode_error("Invalid \\uXXXX escape", doc, i + 1);
        uint32_t cp = static_cast<uint32_t>(u);
        size_t next = i + 6;
        if (cp >= 0xD800 && cp <= 0xDBFF && next + 1 < n && s[next] == '\\' && s[next + 1] == 'u') {
          int lo = hex4(next + 2);
          if (lo < 0) decode_error("Invalid \\uXXXX escape", doc, next + 1);
          if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint32_t>(lo) - 0xDC00);
            next += 6;
          }
        }
        // (A lone surrogate cannot be held by a str here: U+FFFD stands for it.)
        utf8_append(out, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
        i = next;
        continue;
      }
      default: decode_error("Invalid \\escape", doc, i);
      }
      i += 2;
    }
  }

  bool at(size_t i, const char* word) const {
    size_t len = std::strlen(word);
    if (i + len > n) return false;
    for (size_t k = 0; k < len; ++k)
      if (s[i + k] != static_cast<C>(word[k])) return false;
    return true;
  }

  Value constant(const char* name) {
    if (!ctx.parse_constant.is_empty()) return call1(ctx.parse_constant, str_value(name));
    double v = name[0] == 'N' ? std::nan("") : name[0] == '-' ? -INFINITY : INFINITY;
    return Value::from_double(v);
  }

  // A number at i, or empty (no number starts there).
  Value number(size_t i, size_t& end) {
    size_t start = i;
    if (i < n && s[i] == '-') ++i;
    if (i < n && s[i] == '0')
      ++i;
    else if (i < n && s[i] >= '1' && s[i] <= '9')
      while (i < n && s[i] >= '0' && s[i] <= '9')
        ++i;
    else
      return Value::empty();
    bool is_float = false;
    if (i + 1 < n && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
      i += 2;
      while (i < n && s[i] >= '0' && s[i] <= '9')
        ++i;
      is_float = true;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
      size_t j = i + 1;
      if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
      if (j < n && s[j] >= '0' && s[j] <= '9') {
        while (j < n && s[j] >= '0' && s[j] <= '9')
          ++j;
        i = j;
        is_float = true;
      }
    }
    end = i;
    std::string text;
    for (size_t k = start; k < i; ++k)
      text.push_back(static_cast<char>(s[k]));
    if (is_float) {
      if (!ctx.parse_float.is_empty()) return call1(ctx.parse_float, str_value(text));
      return Value::from_double(std::strtod(text.c_str(), nullptr));
    }
    if (!ctx.parse_int.is_empty()) return call1(ctx.parse_int, str_value(text));
    return int_from_string(text, 10);
  }

  // The value at i; `top` marks the scanner's own call (StopIteration when none starts there).
  Value value(size_t i, size_t& end, bool top, int depth) {
    if (depth > 2000) raise(types::recursion_error, "maximum recursion depth exceeded while decoding a JSON document");
    if (i >= n) {
      if (top)
        raise(Value::object(new_exception(&types::stop_iteration, std::array{make_int(static_cast<int64_t>(i))})));
      decode_error("Expecting value", doc, i);
    }
    C c = s[i];
    switch (c) {
    case '"': return string(i + 1, end);
    case '{': return object(i + 1, end, depth);
    case '[': return array(i + 1, end, depth);
    case 'n':
      if (at(i, "null")) return end = i + 4, Value::none();
      break;
    case 't':
      if (at(i, "true")) return end = i + 4, Value::boolean(true);
      break;
    case 'f':
      if (at(i, "false")) return end = i + 5, Value::boolean(false);
      break;
    case 'N':
      if (at(i, "NaN")) return end = i + 3, constant("NaN");
      break;
    case 'I':
      if (at(i, "Infinity")) return end = i + 8, constant("Infinity");
      break;
    case '-':
      if (at(i, "-Infinity")) return end = i + 9, constant("-Infinity");
      break;
    default: break;
    }
    Value num = number(i, end);
    if (!num.is_empty()) return num;
    if (top) raise(Value::object(new_exception(&types::stop_iteration, std::array{make_int(static_cast<int64_t>(i))})));
    decode_error("Expecting value", doc, i);
  }

  Value object(size_t i, size_t& end, int depth) {
    GcVector<Value> pairs;
    i = skip_ws(i);
    if (i < n && s[i] == '}') {
      end = i + 1;
    } else {
      for (;;) {
        if (i >= n || s[i] != '"') decode_error("Expecting property name enclosed in double quotes", doc, i);
        size_t after;
        Value key = string(i + 1, after);
        i = skip_ws(after);
        if (i >= n || s[i] != ':') decode_error("Expecting ':' delimiter", doc, i);
        i = skip_ws(i + 1);
        Value v = value(i, after, false, depth + 1);
        pairs.push_back(key);
        pairs.push_back(v);
        i = skip_ws(after);
        if (i < n && s[i] == '}') {
          end = i + 1;
          break;
        }
        if (i >= n || s[i] != ',') decode_error("Expecting ',' delimiter", doc, i);
        i = skip_ws(i + 1);
        if (i < n && s[i] == '}') decode_error("Expecting property name enclosed in double quotes", doc, i);
      }
    }
    if (!ctx.object_pairs_hook.is_empty()) {
      List* l = new_list();
      for (size_t k = 0; k < pairs.size(); k += 2) {
        Value kv[2] = {pairs[k], pairs[k + 1]};
        l->items.push_back(Value::object(new_tuple(std::span<const Value>(kv, 2))));
      }
      return call1(ctx.object_pairs_hook, Value::object(l));
    }
    Dict* d = new_dict();
    for (size_t k = 0; k < pairs.size(); k += 2)
      dict_set(d, pairs[k], pairs[k + 1]);
    return ctx.object_hook.is_empty() ? Value::object(d) : call1(ctx.object_hook, Value::object(d));
  }

  Value array(size_t i, size_t& end, int depth) {
    List* l = new_list();
    i = skip_ws(i);
    if (i < n && s[i] == ']') {
      end = i + 1;
      return Value::object(l);
    }
    for (;;) {
      size_t after;
      l->items.push_back(value(i, after, false, depth + 1));
      i = skip_ws(after);
      if (i < n && s[i] == ']') {
        end = i + 1;
        return Value::object(l);
      }
      if (i >= n || s[i] != ',') decode_error("Expecting ',' delimiter", doc, i);
      i = skip_ws(i + 1);
      if (i < n && s[i] == ']') decode_error("Expecting value", doc, i);
    }
  }
};

// Runs `f(parser)` over the document as bytes (ASCII) or code points.
template <class F> Value with_parser(Value doc, const Context& ctx, F f) {
  Str* str = doc.as<Str>();
  if (str->ascii) {
    Parser<char> p{str->data, str->nbytes, doc, ctx};
    return f(p);
  }
  std::u32string cps;
  std::string_view v = str->view();
  cps.reserve(str->length);
  for (size_t pos = 0; pos < v.size();)
    cps.push_back(static_cast<char32_t>(utf8_at(v, pos)));
  Parser<char32_t> p{cps.data(), cps.size(), doc, ctx};
  return f(p);
}

Value pair(Value a, size_t end) {
  Value items[2] = {a, make_int(static_cast<int64_t>(end))};
  return Value::object(new_tuple(std::span<const Value>(items, 2)));
}

Value scanstring(Value, const Args& a) {
  Value p[3];
  bind_args(a, "scanstring", {"string", "end", "strict"}, 2, p);
  if (!is_str(p[0])) raise_fmt(types::type_error, "first argument must be a string, not {}", tname(p[0]));
  int64_t begin = arg_index(p[1]);
  Context ctx{Value::empty(), Value::empty(), Value::empty(),
              Value::empty(), Value::empty(), p[2].is_empty() || truthy(p[2])};
  if (begin < 0 || begin > static_cast<int64_t>(p[0].as<Str>()->length))
    raise(types::value_error, "end is out of bounds");
  return with_parser(p[0], ctx, [&](auto& parser) {
    size_t end = 0;
    Value v = parser.string(static_cast<size_t>(begin), end);
    return pair(v, end);
  });
}

// The scanner type: a callable scan_once(string, idx) -> (value, end).
Type scanner_type;

struct Scanner : Object {
  Value object_hook, object_pairs_hook, parse_float, parse_int, parse_constant;
  bool strict;
};

// A hook of the context, or empty when it is the default (float, int, None).
Value hook(Value context, const char* name, Value dflt) {
  Value v = get_attr(context, intern(name));
  return v.is_none() || v == dflt ? Value::empty() : v;
}

Value make_scanner(Value, const Args& a) {
  check_one(a, "make_scanner");
  Value ctx = a[0];
  auto* sc = gc::make<Scanner>();
  sc->type = &scanner_type;
  sc->object_hook = hook(ctx, "object_hook", Value::none());
  sc->object_pairs_hook = hook(ctx, "object_pairs_hook", Value::none());
  sc->parse_float = hook(ctx, "parse_float", Value::object(&types::float_));
  sc->parse_int = hook(ctx, "parse_int", Value::object(&types::int_));
  sc->parse_constant = get_attr(ctx, intern("parse_constant"));
  // json's default parse_constant is _CONSTANTS.__getitem__ (NaN, inf, -inf): done here.
  Value decoder_mod =
      vm::import_module(nullptr, intern("json.decoder"), Value::object(new_tuple(0)), Value::small_int(0));
  Value constants = get_attr_or_empty(decoder_mod, intern("_CONSTANTS"));
  if (!constants.is_empty() && is_kind(sc->parse_constant, Kind::NativeFunction) &&
      sc->parse_constant.as<NativeFunction>()->self == constants)
    sc->parse_constant = Value::empty();
  if (sc->parse_constant.is_none()) sc->parse_constant = Value::empty();
  sc->strict = truthy(get_attr(ctx, intern("strict")));
  return Value::object(sc);
}

Value scanner_call(Value self, const Args& a) {
  if (self.is_empty() && a.npos) return scanner_call(a[0], Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw});
  Value p[2];
  bind_args(a, "scan_once", {"string", "idx"}, 2, p);
  if (!is_str(p[0])) raise_fmt(types::type_error, "first argument must be a string, not {}", tname(p[0]));
  auto* sc = self.as<Scanner>();
  int64_t idx = arg_index(p[1]);
  if (idx < 0) raise(types::value_error, "idx cannot be negative");
  Context ctx{sc->object_hook, sc->object_pairs_hook, sc->parse_float, sc->parse_int, sc->parse_constant, sc->strict};
  return with_parser(p[0], ctx, [&](auto& parser) {
    size_t end = 0;
    Value v = parser.value(static_cast<size_t>(idx), end, true, 0);
    return pair(v, end);
  });
}

// ---- the encoder --------------------------------------------------------------------------

Type encoder_type;

struct Encoder : Object {
  Value markers; // dict or None
  Value dflt, encoder, key_separator, item_separator;
  bool sort_keys, skipkeys, allow_nan, ascii_strings, plain_strings;
};

struct EncodeState {
  Encoder* e;
  std::string out;
  std::unordered_set<Object*> active; // containers being encoded (circular references)
};

void encode(EncodeState& st, Value o, int depth);

void encode_str(EncodeState& st, Value s) {
  Encoder* e = st.e;
  if (e->ascii_strings || e->plain_strings) return append_escaped(st.out, s.as<Str>()->view(), e->ascii_strings);
  Value r = call1(e->encoder, s);
  if (!is_str(r)) raise_fmt(types::type_error, "encoder() must return a string, not {}", tname(r));
  st.out += r.as<Str>()->view();
}

void encode_float(EncodeState& st, double d) {
  if (std::isfinite(d)) {
    st.out += repr(Value::from_double(d))->view();
    return;
  }
  if (!st.e->allow_nan) raise(types::value_error, "Out of range float values are not JSON compliant");
  st.out += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
}

// Marks a container as being encoded (ValueError on a cycle) for the scope.
struct Marker {
  EncodeState& st;
  Object* o;
  Marker(EncodeState& s, Value v) : st(s), o(v.as_object()) {
    if (st.e->markers.is_none()) {
      o = nullptr;
      return;
    }
    if (!st.active.insert(o).second) raise(types::value_error, "Circular reference detected");
  }
  ~Marker() {
    if (o) st.active.erase(o);
  }
};

void encode_dict(EncodeState& st, Value o, int depth) {
  Dict* d = o.as<Dict>();
  if (d->used == 0) {
    st.out += "{}";
    return;
  }
  Marker mark(st, o);
  Value items = call0(get_attr(o, intern("items")));
  GcVector<Value> pairs;
  Value it = get_iter(items), kv;
  while (iter_next(it, kv))
    pairs.push_back(kv);
  if (st.e->sort_keys) sort_values(pairs, Value::none(), false);
  st.out.push_back('{');
  bool first = true;
  for (Value kvv : pairs) {
    Tuple* t = kvv.as<Tuple>();
    Value key = t->items[0], v = t->items[1];
    std::string keytext;
    if (is_str(key)) {
    } else if (key.is_double()) {
      EncodeState tmp{st.e, {}, {}};
      encode_float(tmp, key.as_double());
      key = str_value(tmp.out);
    } else if (key.is_true()) {
      key = str_value("true");
    } else if (key.is_false()) {
      key = str_value("false");
    } else if (key.is_none()) {
      key = str_value("null");
    } else if (is_integer(key)) {
      key = str_value(int_to_decimal(key));
    } else if (st.e->skipkeys) {
      continue;
    } else {
      raise_fmt(types::type_error, "keys must be str, int, float, bool or None, not {}", tname(key));
    }
    if (!first) st.out += st.e->item_separator.as<Str>()->view();
    first = false;
    encode_str(st, key);
    st.out += st.e->key_separator.as<Str>()->view();
    encode(st, v, depth + 1);
  }
  st.out.push_back('}');
}

void encode_list(EncodeState& st, Value o, int depth) {
  std::span<const Value> items = is_list(o)
                                     ? std::span<const Value>(o.as<List>()->items.data(), o.as<List>()->items.size())
                                     : o.as<Tuple>()->span();
  if (items.empty()) {
    st.out += "[]";
    return;
  }
  Marker mark(st, o);
  st.out.push_back('[');
  // (Indexing, not the span: the list may change while its items encode.)
  for (size_t i = 0;; ++i) {
    size_t size = is_list(o) ? o.as<List>()->items.size() : o.as<Tuple>()->size;
    if (i >= size) break;
    if (i) st.out += st.e->item_separator.as<Str>()->view();
    encode(st, is_list(o) ? o.as<List>()->items[i] : o.as<Tuple>()->items[i], depth + 1);
  }
  st.out.push_back(']');
}

void encode(EncodeState& st, Value o, int depth) {
  if (depth > 2000) raise(types::recursion_error, "maximum recursion depth exceeded while encoding a JSON object");
  if (is_str(o)) return encode_str(st, o);
  if (o.is_none()) return st.out.append("null"), void();
  if (o.is_true()) return st.out.append("true"), void();
  if (o.is_false()) return st.out.append("false"), void();
  if (is_integer(o)) return st.out.append(int_to_decimal(o)), void();
  if (o.is_double()) return encode_float(st, o.as_double());
  if (is_list(o) || is_tuple(o)) return encode_list(st, o, depth);
  if (is_dict(o)) return encode_dict(st, o, depth);
  Marker mark(st, o);
  encode(st, call1(st.e->dflt, o), depth + 1);
}

Value make_encoder(Value, const Args& a) {
  Value p[9];
  bind_args(a, "make_encoder",
            {"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys",
             "allow_nan"},
            9, p);
  if (!p[3].is_none()) raise(types::type_error, "make_encoder() argument 4 must be None");
  if (!is_str(p[4]) || !is_str(p[5])) raise(types::type_error, "make_encoder() separators must be str");
  auto* e = gc::make<Encoder>();
  e->type = &encoder_type;
  e->markers = p[0];
  e->dflt = p[1];
  e->encoder = p[2];
  e->key_separator = p[4];
  e->item_separator = p[5];
  e->sort_keys = truthy(p[6]);
  e->skipkeys = truthy(p[7]);
  e->allow_nan = truthy(p[8]);
  auto native_is = [&](NativeFn fn) {
    return is_kind(p[2], Kind::NativeFunction) && p[2].as<NativeFunction>()->fn == fn;
  };
  e->ascii_strings = native_is(encode_basestring<true>);
  e->plain_strings = native_is(encode_basestring<false>);
  return Value::object(e);
}

Value encoder_call(Value self, const Args& a) {
  if (self.is_empty() && a.npos) return encoder_call(a[0], Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw});
  if (a.npos != 2) raise_fmt(types::type_error, "_iterencode expected 2 arguments, got {}", a.npos);
  EncodeState st{self.as<Encoder>(), {}, {}};
  encode(st, a[0], 0);
  Value chunk = str_value(st.out);
  return Value::object(new_tuple(std::span<const Value>(&chunk, 1)));
}

void init_json_types() {
  init_type(scanner_type, "Scanner", Kind::Object, &types::object);
  scanner_type.module_name = Value::object(intern("_json"));
  scanner_type.is_builtin = false; // called through its __call__
  add_method(scanner_type, "__call__", scanner_call);
  init_type(encoder_type, "Encoder", Kind::Object, &types::object);
  encoder_type.module_name = Value::object(intern("_json"));
  encoder_type.is_builtin = false;
  add_method(encoder_type, "__call__", encoder_call);
}

} // namespace

Module* make_json_module() {
  if (!scanner_type.name[0]) init_json_types();
  Module* m = new_module("_json");
  add_function(m, "scanstring", scanstring);
  add_function(m, "make_scanner", make_scanner);
  add_function(m, "make_encoder", make_encoder);
  add_function(m, "encode_basestring", encode_basestring<false>);
  add_function(m, "encode_basestring_ascii", encode_basestring<true>);
  return m;
}

} // namespace tributary::lib
