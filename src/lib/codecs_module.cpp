// codecs_module.cpp — `_codecs`, the registry under CPython's codecs.py and
// encodings package: register/lookup of search functions, the error handler
// registry, encode()/decode() through it, and the utf-8, ascii and latin-1
// codec functions the encodings modules bind (utf_8_encode, ...), on the
// same conversions as str.encode/bytes.decode (bytes.cpp).
//
// CPython imports `encodings` while starting up, which registers its search
// function; here the first lookup() with no search function imports it, so
// codecs.lookup('UTF8') finds encodings.utf_8 as in CPython.
// unicode_escape and raw_unicode_escape too (escape_codecs.cpp).
// Limits: only those codecs have functions here (encodings.utf_16,
// cp1252, ... fail to import); str.encode/bytes.decode know the strict,
// ignore and replace handlers only, and registered ones are not consulted;
// the handlers that build replacements read the exception's object/start/end.
#include <algorithm>

#include <unicode/uchar.h>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/exec.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// The registries; static pointers are GC roots.
List* search_functions = nullptr;
Dict* codec_cache = nullptr;
Dict* error_handlers = nullptr;

// CPython's normalizestring(): lower case, spaces become underscores.
std::string normalize_encoding(std::string_view name) {
  std::string out;
  for (char c : name) out += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Value codecs_register(Value, const Args& a) {
  check_one(a, "register");
  if (!is_callable_value(a[0])) raise(types::type_error, "argument must be callable");
  list_append(search_functions, a[0]);
  return Value::none();
}

Value codecs_unregister(Value, const Args& a) {
  check_one(a, "unregister");
  auto& items = search_functions->items;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i] != a[0]) continue;
    items.erase(items.begin() + static_cast<ptrdiff_t>(i));
    dict_clear(codec_cache);
    break;
  }
  return Value::none();
}

Str* encoding_arg(Value v, const char* fname) {
  if (!is_str(v)) raise_fmt(types::type_error, "{}() argument must be str, not {}", fname, tname(v));
  return v.as<Str>();
}

// The CodecInfo of `encoding` from the search functions (cached).
Value lookup_codec(Str* encoding) {
  Value key = str_value(normalize_encoding(encoding->view()));
  if (Value* hit = dict_find(codec_cache, key)) return *hit;
  if (search_functions->items.empty())
    vm::import_module(nullptr, intern("encodings"), Value::none(), Value::small_int(0));
  for (size_t i = 0; i < search_functions->items.size(); ++i) {
    Value info = call1(search_functions->items[i], key);
    if (info.is_none()) continue;
    if (!is_tuple(info) || info.as<Tuple>()->size != 4)
      raise(types::type_error, "codec search functions must return 4-tuples");
    dict_set(codec_cache, key, info);
    return info;
  }
  raise_fmt(types::lookup_error, "unknown encoding: {}", encoding->view());
}

Value codecs_lookup(Value, const Args& a) {
  check_one(a, "lookup");
  return lookup_codec(encoding_arg(a[0], "lookup"));
}

// encode(obj, encoding='utf-8', errors='strict') and decode(...): the codec's
// function, whose result must be a (value, length) pair.
Value run_codec(const Args& a, const char* fname, size_t which) {
  Value p[3];
  bind_args(a, fname, {"obj", "encoding", "errors"}, 1, p);
  Str* encoding = p[1].is_empty() ? intern("utf-8") : encoding_arg(p[1], fname);
  Value fn = lookup_codec(encoding).as<Tuple>()->items[which];
  Value result = p[2].is_empty() ? call1(fn, p[0]) : call2(fn, p[0], p[2]);
  if (!is_tuple(result) || result.as<Tuple>()->size != 2)
    raise(types::type_error, which == 0 ? "encoder must return a tuple (object, integer)"
                                        : "decoder must return a tuple (object,integer)");
  return result.as<Tuple>()->items[0];
}

Value codecs_encode(Value, const Args& a) { return run_codec(a, "encode", 0); }
Value codecs_decode(Value, const Args& a) { return run_codec(a, "decode", 1); }

// ---- error handlers --------------------------------------------------------------

Value strict_errors(Value, const Args& a) {
  check_one(a, "strict_errors");
  if (!is_exception_instance(a[0])) raise(types::type_error, "codec must pass exception instance");
  raise(a[0]);
}

// The (replacement, end) of a non-strict handler, from the exception's `end`.
Value resume_after(Value exc, Value replacement) {
  Value pair[2] = {replacement, get_attr(exc, intern("end"))};
  return Value::object(new_tuple(pair));
}

Value ignore_errors(Value, const Args& a) {
  check_one(a, "ignore_errors");
  return resume_after(a[0], str_value(""));
}

Value replace_errors(Value, const Args& a) {
  check_one(a, "replace_errors");
  bool decoding = is_subtype(type_of(a[0]), &types::unicode_decode_error);
  int64_t n = decoding ? 1 : arg_index(get_attr(a[0], intern("end"))) - arg_index(get_attr(a[0], intern("start")));
  return resume_after(a[0], str_value(decoding ? std::string("\xEF\xBF\xBD") : std::string(std::max<int64_t>(n, 0), '?')));
}

// The characters an encoding error covers: exc.object[exc.start:exc.end].
std::vector<uint32_t> unencodable(Value exc, const char* handler) {
  if (!is_subtype(type_of(exc), &types::unicode_encode_error))
    raise_fmt(types::type_error, "don't know how to handle {} in error callback", tname(exc));
  Value text = get_attr(exc, intern("object"));
  if (!is_str(text)) raise_fmt(types::type_error, "{}: object attribute must be unicode", handler);
  std::vector<uint32_t> cps = utf8_decode(text.as<Str>()->view());
  int64_t start = arg_index(get_attr(exc, intern("start"))), end = arg_index(get_attr(exc, intern("end")));
  start = std::clamp<int64_t>(start, 0, static_cast<int64_t>(cps.size()));
  end = std::clamp<int64_t>(end, start, static_cast<int64_t>(cps.size()));
  return {cps.begin() + start, cps.begin() + end};
}

Value xmlcharrefreplace_errors(Value, const Args& a) {
  check_one(a, "xmlcharrefreplace_errors");
  std::string out;
  for (uint32_t cp : unencodable(a[0], "xmlcharrefreplace_errors")) out += fmt::format("&#{};", cp);
  return resume_after(a[0], str_value(out));
}

std::string backslash_escape(uint32_t cp) {
  if (cp < 0x100) return fmt::format("\\x{:02x}", cp);
  return cp < 0x10000 ? fmt::format("\\u{:04x}", cp) : fmt::format("\\U{:08x}", cp);
}

Value backslashreplace_errors(Value, const Args& a) {
  check_one(a, "backslashreplace_errors");
  std::string out;
  for (uint32_t cp : unencodable(a[0], "backslashreplace_errors")) out += backslash_escape(cp);
  return resume_after(a[0], str_value(out));
}

// \N{NAME} from ICU's character names (as the \N escape of the parser), else a backslash escape.
Value namereplace_errors(Value, const Args& a) {
  check_one(a, "namereplace_errors");
  std::string out;
  for (uint32_t cp : unencodable(a[0], "namereplace_errors")) {
    char name[128];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = u_charName(static_cast<UChar32>(cp), U_UNICODE_CHAR_NAME, name, sizeof name, &err);
    out += U_SUCCESS(err) && n > 0 ? fmt::format("\\N{{{}}}", std::string_view(name, n)) : backslash_escape(cp);
  }
  return resume_after(a[0], str_value(out));
}

Value lookup_error(Value, const Args& a) {
  check_one(a, "lookup_error");
  Str* name = encoding_arg(a[0], "lookup_error");
  if (Value* h = dict_find(error_handlers, a[0])) return *h;
  raise_fmt(types::lookup_error, "unknown error handler name '{}'", name->view());
}

Value register_error(Value, const Args& a) {
  check_takes(a, "register_error", 2, 2);
  encoding_arg(a[0], "register_error");
  if (!is_callable_value(a[1])) raise(types::type_error, "handler must be callable");
  dict_set(error_handlers, a[0], a[1]);
  return Value::none();
}

// ---- the codec functions ---------------------------------------------------------

std::string_view errors_arg(Value v) {
  if (v.is_empty() || v.is_none()) return "strict";
  if (!is_str(v)) raise_fmt(types::type_error, "argument 2 must be str or None, not {}", tname(v));
  return v.as<Str>()->view();
}

// X_encode(str, errors=None) -> (bytes, characters consumed).
Value encode_with(const Args& a, const char* fname, std::string_view encoding) {
  check_takes(a, fname, 1, 2);
  if (!is_str(a[0])) raise_fmt(types::type_error, "{}() argument 1 must be str, not {}", fname, tname(a[0]));
  Str* s = a[0].as<Str>();
  Value pair[2] = {encode_text(s->view(), encoding, errors_arg(a.npos > 1 ? a[1] : Value::empty())),
                   make_int(static_cast<int64_t>(s->length))};
  return Value::object(new_tuple(pair));
}

// Bytes at the end of `data` that start a UTF-8 sequence it does not finish
// (an incremental decoder keeps them for the next call).
size_t incomplete_utf8_tail(std::string_view data) {
  size_t n = data.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    auto c = static_cast<unsigned char>(data[n - back]);
    if ((c & 0xC0) == 0x80) continue; // continuation byte: look further back
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

// X_decode(data, errors=None, final=False) -> (str, bytes consumed).
Value decode_with(const Args& a, const char* fname, std::string_view encoding) {
  check_takes(a, fname, 1, 3);
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  bool final = a.npos > 2 && truthy(a[2]);
  if (!final && encoding == "utf-8") data = data->substr(0, data->size() - incomplete_utf8_tail(*data));
  Value pair[2] = {decode_bytes(*data, encoding, errors_arg(a.npos > 1 ? a[1] : Value::empty())),
                   make_int(static_cast<int64_t>(data->size()))};
  return Value::object(new_tuple(pair));
}

// ---- charmap codecs (cp437, cp1252, ... in the encodings package) ----------------------

// mapping[key], or empty when it has none (a LookupError).
Value mapping_get(Value mapping, Value key) {
  if (is_dict(mapping)) {
    Value* v = dict_find(mapping.as<Dict>(), key);
    return v ? *v : Value::empty();
  }
  try {
    return get_item(mapping, key);
  } catch (PyException& e) {
    if (!is_subtype(type_of(e.exc), &types::lookup_error)) throw;
    return Value::empty();
  }
}

[[noreturn]] void charmap_error(Type& t, const char* what, std::string_view item, size_t pos) {
  raise_fmt(t, "'charmap' codec can't {} {} in position {}: character maps to <undefined>", what, item, pos);
}

// charmap_decode(data, errors=None, mapping=None) -> (str, length): `mapping`
// a str of 256 characters (U+FFFE: undefined) or a dict of byte -> str/int/None.
Value charmap_decode(Value, const Args& a) {
  check_takes(a, "charmap_decode", 1, 3);
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  std::string_view errors = errors_arg(a.npos > 1 ? a[1] : Value::empty());
  Value mapping = a.npos > 2 ? a[2] : Value::none();
  if (mapping.is_none()) return decode_with(Args{a.pos, 2}, "charmap_decode", "latin-1");
  std::vector<uint32_t> table;
  if (is_str(mapping)) {
    std::string_view t = mapping.as<Str>()->view();
    for (size_t pos = 0; pos < t.size();) table.push_back(utf8_at(t, pos));
  }
  std::string out;
  for (size_t i = 0; i < data->size(); ++i) {
    auto b = static_cast<unsigned char>((*data)[i]);
    bool defined = false;
    if (is_str(mapping)) {
      if (b < table.size() && table[b] != 0xFFFE) {
        utf8_append(out, table[b]);
        defined = true;
      }
    } else {
      Value v = mapping_get(mapping, Value::small_int(b));
      if (is_str(v)) {
        out += v.as<Str>()->view();
        defined = true;
      } else if (is_integer(v)) {
        utf8_append(out, static_cast<uint32_t>(arg_index(v)));
        defined = true;
      }
    }
    if (defined) continue;
    if (errors == "replace") out += "\xEF\xBF\xBD";
    else if (errors != "ignore") charmap_error(types::unicode_decode_error, "decode byte", fmt::format("0x{:02x}", b), i);
  }
  Value pair[2] = {str_value(out), make_int(static_cast<int64_t>(data->size()))};
  return Value::object(new_tuple(pair));
}

// charmap_build(decoding_table): the encoding map, a dict of code point -> byte.
Value charmap_build(Value, const Args& a) {
  check_one(a, "charmap_build");
  if (!is_str(a[0])) raise_fmt(types::type_error, "charmap_build() argument must be str, not {}", tname(a[0]));
  Dict* d = new_dict();
  std::string_view t = a[0].as<Str>()->view();
  int64_t i = 0;
  for (size_t pos = 0; pos < t.size(); ++i) dict_set(d, make_int(int64_t{utf8_at(t, pos)}), make_int(i));
  return Value::object(d);
}

// charmap_encode(str, errors=None, mapping=None) -> (bytes, length).
Value charmap_encode(Value, const Args& a) {
  check_takes(a, "charmap_encode", 1, 3);
  if (!is_str(a[0])) raise_fmt(types::type_error, "charmap_encode() argument 1 must be str, not {}", tname(a[0]));
  std::string_view errors = errors_arg(a.npos > 1 ? a[1] : Value::empty());
  Value mapping = a.npos > 2 ? a[2] : Value::none();
  if (mapping.is_none()) return encode_with(Args{a.pos, 2}, "charmap_encode", "latin-1");
  std::string_view s = a[0].as<Str>()->view();
  std::string out;
  size_t index = 0;
  for (size_t pos = 0; pos < s.size(); ++index) {
    size_t start = pos;
    uint32_t cp = utf8_at(s, pos);
    Value v = mapping_get(mapping, make_int(int64_t{cp}));
    if (is_integer(v)) {
      out.push_back(static_cast<char>(arg_index(v)));
    } else if (is_kind(v, Kind::Bytes)) {
      out += *bytes_like(v);
    } else if (errors == "replace") {
      out.push_back('?');
    } else if (errors != "ignore") {
      // UnicodeEncodeError's spelling of the character: itself if printable ASCII, else escaped.
      std::string ch = cp >= 0x20 && cp < 0x7f ? std::string(s.substr(start, pos - start))
                       : cp < 0x100           ? fmt::format("\\x{:02x}", cp)
                       : cp < 0x10000         ? fmt::format("\\u{:04x}", cp)
                                              : fmt::format("\\U{:08x}", cp);
      charmap_error(types::unicode_encode_error, "encode character", "'" + ch + "'", index);
    }
  }
  Value pair[2] = {make_bytes(out), make_int(static_cast<int64_t>(a[0].as<Str>()->length))};
  return Value::object(new_tuple(pair));
}

// ---- UTF-16 and UTF-32 --------------------------------------------------------------------

// byteorder: -1 little, 1 big, 0 native with a BOM first (the "utf-16"/"utf-32" codecs).
template <int Width> Value utf_wide_encode(const Args& a, const char* fname, int byteorder) {
  check_takes(a, fname, 1, 3);
  if (!is_str(a[0])) raise_fmt(types::type_error, "{}() argument 1 must be str, not {}", fname, tname(a[0]));
  if (a.npos > 2) byteorder = static_cast<int>(arg_index(a[2]));
  bool little = byteorder <= 0; // (native: little-endian x86-64)
  std::string out;
  auto unit = [&](uint32_t u) {
    for (int i = 0; i < Width; ++i) {
      int shift = little ? 8 * i : 8 * (Width - 1 - i);
      out.push_back(static_cast<char>((u >> shift) & 0xff));
    }
  };
  if (byteorder == 0) unit(0xFEFF);
  std::string_view s = a[0].as<Str>()->view();
  for (size_t pos = 0; pos < s.size();) {
    uint32_t cp = utf8_at(s, pos);
    if (Width == 2 && cp >= 0x10000) {
      unit(0xD800 | ((cp - 0x10000) >> 10));
      unit(0xDC00 | ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  Value pair[2] = {make_bytes(out), make_int(static_cast<int64_t>(a[0].as<Str>()->length))};
  return Value::object(new_tuple(pair));
}

// Decodes `data` (byteorder as above; 0 reads a BOM if there is one, else
// little-endian) and reports the byte order it used; an incomplete unit at the
// end stays unconsumed unless `final`.
template <int Width>
std::pair<Value, size_t> utf_wide_decode(std::string_view d, std::string_view errors, int& byteorder, bool final,
                                         const char* name) {
  size_t i = 0;
  auto read = [&](size_t at) {
    uint32_t u = 0;
    for (int k = 0; k < Width; ++k) {
      auto b = static_cast<unsigned char>(d[at + static_cast<size_t>(k)]);
      u |= static_cast<uint32_t>(b) << (byteorder < 0 ? 8 * k : 8 * (Width - 1 - k));
    }
    return u;
  };
  if (byteorder == 0 && d.size() >= static_cast<size_t>(Width)) {
    byteorder = -1;
    if (read(0) == 0xFEFF) i = Width;
    else {
      byteorder = 1;
      if (read(0) == 0xFEFF) i = Width;
      else byteorder = -1;
    }
  }
  std::string out;
  auto bad = [&](size_t start, size_t end, const char* reason) {
    if (errors == "replace") out += "\xEF\xBF\xBD";
    else if (errors != "ignore" && end - start == 1)
      raise_fmt(types::unicode_decode_error, "'{}' codec can't decode byte 0x{:02x} in position {}: {}", name,
                static_cast<unsigned char>(d[start]), start, reason);
    else if (errors != "ignore")
      raise_fmt(types::unicode_decode_error, "'{}' codec can't decode bytes in position {}-{}: {}", name, start,
                end - 1, reason);
  };
  while (i + Width <= d.size()) {
    uint32_t u = read(i);
    if (Width == 2 && u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > d.size()) {
        if (!final) break;
        bad(i, d.size(), "unexpected end of data");
        i = d.size();
        break;
      }
      uint32_t lo = read(i + 2);
      if (lo < 0xDC00 || lo > 0xDFFF) {
        bad(i, i + 2, "illegal UTF-16 surrogate");
        i += 2;
        continue;
      }
      utf8_append(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
      i += 4;
      continue;
    }
    if ((Width == 2 && u >= 0xDC00 && u <= 0xDFFF) || u > 0x10FFFF || (Width == 4 && u >= 0xD800 && u <= 0xDFFF)) {
      bad(i, i + Width, Width == 2 ? "illegal encoding" : "code point not in range(0x110000)");
      i += Width;
      continue;
    }
    utf8_append(out, u);
    i += Width;
  }
  if (final && i < d.size()) {
    bad(i, d.size(), "truncated data");
    i = d.size();
  }
  return {str_value(out), i};
}

template <int Width, int Order> Value utf_wide_encode_fn(Value, const Args& a) {
  return utf_wide_encode<Width>(a, Width == 2 ? "utf_16_encode" : "utf_32_encode", Order);
}

template <int Width, int Order> Value utf_wide_decode_fn(Value, const Args& a) {
  check_takes(a, "decode", 1, 3);
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  int order = Order;
  bool final = a.npos > 2 && truthy(a[2]);
  const char* name = Width == 2 ? (Order < 0 ? "utf-16-le" : Order > 0 ? "utf-16-be" : "utf-16")
                                 : (Order < 0 ? "utf-32-le" : Order > 0 ? "utf-32-be" : "utf-32");
  auto [s, used] = utf_wide_decode<Width>(*data, errors_arg(a.npos > 1 ? a[1] : Value::empty()), order, final, name);
  Value pair[2] = {s, make_int(static_cast<int64_t>(used))};
  return Value::object(new_tuple(pair));
}

// utf_16_ex_decode(data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder).
template <int Width> Value utf_wide_ex_decode(Value, const Args& a) {
  check_takes(a, "ex_decode", 1, 4);
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  int order = a.npos > 2 ? static_cast<int>(arg_index(a[2])) : 0;
  bool final = a.npos > 3 && truthy(a[3]);
  auto [s, used] = utf_wide_decode<Width>(*data, errors_arg(a.npos > 1 ? a[1] : Value::empty()), order, final,
                                          Width == 2 ? "utf-16" : "utf-32");
  Value triple[3] = {s, make_int(static_cast<int64_t>(used)), Value::small_int(order)};
  return Value::object(new_tuple(triple));
}

Value utf_8_encode(Value, const Args& a) { return encode_with(a, "utf_8_encode", "utf-8"); }
Value utf_8_decode(Value, const Args& a) { return decode_with(a, "utf_8_decode", "utf-8"); }
Value ascii_encode(Value, const Args& a) { return encode_with(a, "ascii_encode", "ascii"); }
Value ascii_decode(Value, const Args& a) { return decode_with(a, "ascii_decode", "ascii"); }
Value latin_1_encode(Value, const Args& a) { return encode_with(a, "latin_1_encode", "latin-1"); }
Value latin_1_decode(Value, const Args& a) { return decode_with(a, "latin_1_decode", "latin-1"); }

Value unicode_escape_encode(Value, const Args& a) { return encode_with(a, "unicode_escape_encode", "unicode-escape"); }
Value unicode_escape_decode(Value, const Args& a) { return decode_with(a, "unicode_escape_decode", "unicode-escape"); }
Value raw_unicode_escape_encode(Value, const Args& a) {
  return encode_with(a, "raw_unicode_escape_encode", "raw-unicode-escape");
}
Value raw_unicode_escape_decode(Value, const Args& a) {
  return decode_with(a, "raw_unicode_escape_decode", "raw-unicode-escape");
}

Value forget_codec(Value, const Args& a) {
  check_one(a, "_forget_codec");
  dict_del(codec_cache, str_value(normalize_encoding(encoding_arg(a[0], "_forget_codec")->view())));
  return Value::none();
}

void add_error_handler(Module* m, const char* name, const char* fname, NativeFn fn) {
  Value h = new_native(fname, fn);
  dict_set_str(error_handlers, name, h);
  add_value(m, fname, h);
}

} // namespace

Value run_python_codec(Value obj, std::string_view encoding, std::string_view errors, bool encode) {
  if (!search_functions) builtin_module("_codecs");
  Value info = lookup_codec(new_str(encoding));
  Value args[2] = {obj, str_value(errors)};
  Value result = call(info.as<Tuple>()->items[encode ? 0 : 1], Args{args, 2});
  if (!is_tuple(result) || result.as<Tuple>()->size != 2)
    raise(types::type_error, encode ? "encoder must return a tuple (object, integer)"
                                    : "decoder must return a tuple (object,integer)");
  Value v = result.as<Tuple>()->items[0];
  if (encode && !is_kind(v, Kind::Bytes))
    raise_fmt(types::type_error, "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types", encoding, tname(v));
  if (!encode && !is_str(v))
    raise_fmt(types::type_error, "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types", encoding, tname(v));
  return v;
}

Module* make_codecs_module() {
  if (!search_functions) {
    search_functions = new_list();
    codec_cache = new_dict();
    error_handlers = new_dict();
  }
  Module* m = new_module("_codecs");
  static const MethodDef kFunctions[] = {
      {"register", codecs_register},     {"unregister", codecs_unregister}, {"lookup", codecs_lookup},
      {"encode", codecs_encode},         {"decode", codecs_decode},         {"lookup_error", lookup_error},
      {"register_error", register_error}, {"utf_8_encode", utf_8_encode},   {"utf_8_decode", utf_8_decode},
      {"ascii_encode", ascii_encode},    {"ascii_decode", ascii_decode},    {"latin_1_encode", latin_1_encode},
      {"latin_1_decode", latin_1_decode}, {"_forget_codec", forget_codec},
      {"charmap_decode", charmap_decode}, {"charmap_encode", charmap_encode}, {"charmap_build", charmap_build},
      {"unicode_escape_encode", unicode_escape_encode},
      {"unicode_escape_decode", unicode_escape_decode},
      {"raw_unicode_escape_encode", raw_unicode_escape_encode},
      {"utf_16_encode", utf_wide_encode_fn<2, 0>},     {"utf_16_le_encode", utf_wide_encode_fn<2, -1>},
      {"utf_16_be_encode", utf_wide_encode_fn<2, 1>},  {"utf_16_decode", utf_wide_decode_fn<2, 0>},
      {"utf_16_le_decode", utf_wide_decode_fn<2, -1>}, {"utf_16_be_decode", utf_wide_decode_fn<2, 1>},
      {"utf_16_ex_decode", utf_wide_ex_decode<2>},     {"utf_32_encode", utf_wide_encode_fn<4, 0>},
      {"utf_32_le_encode", utf_wide_encode_fn<4, -1>}, {"utf_32_be_encode", utf_wide_encode_fn<4, 1>},
      {"utf_32_decode", utf_wide_decode_fn<4, 0>},     {"utf_32_le_decode", utf_wide_decode_fn<4, -1>},
      {"utf_32_be_decode", utf_wide_decode_fn<4, 1>},  {"utf_32_ex_decode", utf_wide_ex_decode<4>},
      {"raw_unicode_escape_decode", raw_unicode_escape_decode},
  };
  for (const MethodDef& f : kFunctions) add_function(m, f.name, f.fn);
  add_error_handler(m, "strict", "strict_errors", strict_errors);
  add_error_handler(m, "ignore", "ignore_errors", ignore_errors);
  add_error_handler(m, "replace", "replace_errors", replace_errors);
  add_error_handler(m, "xmlcharrefreplace", "xmlcharrefreplace_errors", xmlcharrefreplace_errors);
  add_error_handler(m, "backslashreplace", "backslashreplace_errors", backslashreplace_errors);
  add_error_handler(m, "namereplace", "namereplace_errors", namereplace_errors);
  return m;
}

} // namespace tributary::lib
