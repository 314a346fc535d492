// sre_module.cpp — the `_sre` module: compile(), Pattern, Match and Scanner
// objects over the engine in lib/sre/.
//
// CPython's pure-Python `re` package (run unchanged from the standard
// library) parses and compiles a pattern to code words and hands them to
// _sre.compile(); everything after that happens here. Results, reprs and
// error messages follow CPython 3.11's Modules/_sre/sre.c. Like sre.c, sub()
// with a template containing a backslash and Match.expand() call back into the
// `re` module (re._subx, re._expand), which parses the template.
//
// Subjects: bytes and ASCII str are matched in place, one byte per
// character; any other str is decoded once into 32-bit code points (kept by
// its Match and Scanner objects so group slicing stays O(group length)); a
// bytearray is copied first, so a callback that resizes it cannot pull the
// buffer out from under a match.
#include <algorithm>
#include <cstring>
#include <limits>

#include "lib/lib.h"
#include "lib/native.h"
#include "lib/sre/chars.h"
#include "lib/sre/engine.h"
#include "lib/sre/validate.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/exec.h"

namespace tributary::lib {

namespace {

using sre::Code;

Type pattern_type, match_type, scanner_type;

struct PatternObj : Object {
  Value pattern; // str, bytes, or None (re.Scanner compiles a parsed pattern)
  int64_t flags;
  const Code* code; // collector-owned, never scanned
  size_t code_size;
  int64_t groups;
  int64_t mark_slots; // marks the code sets (validate())
  Dict* groupindex;   // name -> group number
  Tuple* indexgroup;  // group number -> name or None
  int isbytes;        // 1 bytes, 0 str, -1 either (pattern None)
};

// A subject prepared for the engine, and how to cut slices out of it.
struct Text {
  Value string;
  sre::Subject subject;
  bool isbytes;
};

struct MatchObj : Object {
  PatternObj* pattern;
  Value string;
  const uint32_t* wide; // decoded code points of a non-ASCII str, else null
  int64_t pos, endpos, lastindex;
  int64_t ngroups; // groups + 1 (group 0 is the whole match)
  // Start, end per group, -1 when the group did not match; only for the
  // `stored` first groups: the code marks no later ones (a hand-made pattern
  // may claim a billion groups), so they are always unset.
  int64_t stored;
  int64_t* marks;
  Value regs; // cached Match.regs

  int64_t start(int64_t g) const { return g < stored ? marks[2 * g] : -1; }
  int64_t end(int64_t g) const { return g < stored ? marks[2 * g + 1] : -1; }
};

struct ScannerObj : Object {
  PatternObj* pattern;
  Text text;
  int64_t start, end, pos, endpos;
  bool must_advance;
  bool exhausted;
};

PatternObj* P(Value v) { return v.as<PatternObj>(); }
MatchObj* M(Value v) { return v.as<MatchObj>(); }
ScannerObj* S(Value v) { return v.as<ScannerObj>(); }

std::span<const Code> code_of(const PatternObj* p) { return {p->code, p->code_size}; }

// ---- subjects ------------------------------------------------------------------------

// The code points of the last few non-ASCII subjects. A lexer calls
// p.match(text, pos) over one long string again and again; without this each
// call would decode the whole string. Strs are immutable and the cache holds
// them, so an entry cannot go stale. Allocated as a collector root.
struct DecodeCache {
  static constexpr size_t kEntries = 4;
  Value strs[kEntries];
  const uint32_t* codes[kEntries];
  size_t next;
};
DecodeCache* decode_cache = nullptr;

// `s` (not ASCII) as code points, with a 0 after the last.
const uint32_t* decoded(Str* s) {
  if (!decode_cache) decode_cache = new (gc::alloc_root(sizeof(DecodeCache))) DecodeCache{};
  DecodeCache& c = *decode_cache;
  for (size_t k = 0; k < DecodeCache::kEntries; ++k)
    if (c.strs[k] == Value::object(s)) return c.codes[k];
  auto* buf = static_cast<uint32_t*>(gc::alloc_atomic((s->length + 1) * sizeof(uint32_t)));
  std::string_view v = s->view();
  size_t n = 0;
  for (size_t i = 0; i < v.size();)
    buf[n++] = utf8_at(v, i);
  buf[n] = 0;
  c.strs[c.next] = Value::object(s);
  c.codes[c.next] = buf;
  c.next = (c.next + 1) % DecodeCache::kEntries;
  return buf;
}

// The engine's view of `string` for pattern `p`; TypeError as CPython's getstring/state_init.
Text prepare_text(const PatternObj* p, Value string) {
  Text t{string, {}, false};
  if (is_str(string)) {
    Str* s = string.as<Str>();
    if (s->ascii) {
      t.subject.narrow = reinterpret_cast<const uint8_t*>(s->data);
      t.subject.length = static_cast<int64_t>(s->nbytes);
    } else {
      t.subject.wide = decoded(s);
      t.subject.length = static_cast<int64_t>(s->length);
    }
  } else if (auto b = bytes_like(string)) {
    t.isbytes = true;
    const char* data = b->data();
    if (!is_kind(string, Kind::Bytes)) {
      auto* copy = static_cast<char*>(gc::alloc_atomic(b->size() + 1));
      std::memcpy(copy, b->data(), b->size());
      copy[b->size()] = 0;
      data = copy;
    }
    t.subject.narrow = reinterpret_cast<const uint8_t*>(data);
    t.subject.length = static_cast<int64_t>(b->size());
  } else {
    raise_fmt(types::type_error, "expected string or bytes-like object, got '{}'", tname(string));
  }
  if (t.isbytes && p->isbytes == 0) raise_type_error("cannot use a string pattern on a bytes-like object");
  if (!t.isbytes && p->isbytes > 0) raise_type_error("cannot use a bytes pattern on a string-like object");
  return t;
}

// The code points [i, j) of a decoded str as a new str.
Value encode_wide(const uint32_t* wide, int64_t i, int64_t j) {
  std::string out;
  out.reserve(static_cast<size_t>(j - i));
  for (int64_t k = i; k < j; ++k)
    utf8_append(out, wide[k]);
  return str_value(out);
}

// string[i:j] (bytes for any bytes-like subject, as CPython's getslice).
Value slice(const Text& t, int64_t i, int64_t j) {
  if (t.subject.wide) return encode_wide(t.subject.wide, i, j);
  std::string_view v(reinterpret_cast<const char*>(t.subject.narrow) + i, static_cast<size_t>(j - i));
  return t.isbytes ? make_bytes(v) : str_value(v);
}

// CPython's engine can leave a group ending before it starts (a possessive
// repeat around an alternation of empty matches, e.g. `((\s)|^|$)++`); it
// raises SystemError there, which this runtime does not have.
[[noreturn]] void wrong_span() {
  raise(types::runtime_error, "The span of capturing group is wrong, please report a bug for the re module.");
}

// Group `index` (1-based) of a finished engine run, or `empty` ("" / None) when unset.
Value state_group(const Text& t, const sre::State& st, int64_t index, bool empty_string) {
  int64_t k = (index - 1) * 2;
  if (k >= st.lastmark || st.marks[k] < 0 || st.marks[k + 1] < 0) {
    if (!empty_string) return Value::none();
    return slice(t, 0, 0);
  }
  if (st.marks[k] > st.marks[k + 1]) wrong_span();
  return slice(t, st.marks[k], st.marks[k + 1]);
}

sre::State new_state(const Text& t, int64_t pos, int64_t endpos) {
  sre::State st;
  int64_t length = t.subject.length;
  st.start = std::clamp<int64_t>(pos, 0, length);
  st.end = std::clamp<int64_t>(endpos, 0, length);
  return st;
}

// Runs the engine; its internal errors become CPython's RuntimeError.
bool run(const PatternObj* p, const Text& t, sre::State& st, bool search) {
  try {
    return search ? sre::search(code_of(p), p->mark_slots, t.subject, st)
                  : sre::match(code_of(p), p->mark_slots, t.subject, st);
  } catch (sre::EngineError&) {
    raise(types::runtime_error, "internal error in regular expression engine");
  }
}

// ---- match objects ---------------------------------------------------------------------

Value new_match(PatternObj* p, const Text& t, const sre::State& st, int64_t pos, int64_t endpos) {
  auto* m = gc::make<MatchObj>();
  m->type = &match_type;
  m->pattern = p;
  m->string = t.string;
  m->wide = t.subject.wide;
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = st.lastindex;
  m->ngroups = p->groups + 1;
  m->stored = std::min(m->ngroups, 1 + (p->mark_slots + 1) / 2);
  m->marks = static_cast<int64_t*>(gc::alloc_atomic(static_cast<size_t>(m->stored) * 2 * sizeof(int64_t)));
  m->marks[0] = st.start;
  m->marks[1] = st.ptr;
  for (int64_t g = 0, k = 0; g + 1 < m->stored; ++g, k += 2) {
    bool set = k + 1 <= st.lastmark && st.marks[k] >= 0 && st.marks[k + 1] >= 0;
    m->marks[k + 2] = set ? st.marks[k] : -1;
    m->marks[k + 3] = set ? st.marks[k + 1] : -1;
    if (set && m->marks[k + 2] > m->marks[k + 3]) wrong_span();
  }
  m->regs = Value::empty();
  return Value::object(m);
}

// Group `g` of a match, or `dflt` when it did not take part.
Value match_slice(MatchObj* m, int64_t g, Value dflt) {
  int64_t i = m->start(g), j = m->end(g);
  if (i < 0) return dflt;
  if (m->wide) return encode_wide(m->wide, i, j);
  if (is_str(m->string)) return str_value(m->string.as<Str>()->view().substr(i, j - i));
  // A bytearray may have changed since: slice what it holds now, as CPython does.
  std::string_view v = *bytes_like(m->string);
  int64_t n = static_cast<int64_t>(v.size());
  i = std::min(i, n), j = std::min(j, n);
  return make_bytes(v.substr(i, j - i));
}

// A group number from an int or a group name; IndexError("no such group") otherwise.
int64_t group_index(MatchObj* m, Value g) {
  int64_t i = -1;
  if (is_integer(g)) {
    auto v = int_as_i64(g.is_bool() ? Value::small_int(g.is_true()) : g);
    i = v ? *v : -1;
  } else {
    Value* found = nullptr;
    try {
      found = dict_find(m->pattern->groupindex, g);
    } catch (PyException&) {
      found = nullptr; // an unhashable key names no group (CPython 3.11 swallows the error)
    }
    if (found && is_int(*found)) i = int_as_i64(*found).value_or(-1);
  }
  if (i < 0 || i >= m->ngroups) raise(types::index_error, "no such group");
  return i;
}

Value m_group(Value self, const Args& a) {
  no_kwargs(a, "group");
  MatchObj* m = M(self);
  if (a.npos == 0) return match_slice(m, 0, Value::none());
  if (a.npos == 1) return match_slice(m, group_index(m, a[0]), Value::none());
  Tuple* t = new_tuple(a.npos);
  for (uint32_t k = 0; k < a.npos; ++k)
    t->items[k] = match_slice(m, group_index(m, a[k]), Value::none());
  return Value::object(t);
}

Value m_getitem(Value self, const Args& a) {
  check_one(a, "__getitem__");
  return match_slice(M(self), group_index(M(self), a[0]), Value::none());
}

Value m_groups(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "groups", {"default"}, 0, p);
  MatchObj* m = M(self);
  Value dflt = p[0].is_empty() ? Value::none() : p[0];
  Tuple* t = new_tuple(static_cast<size_t>(m->ngroups - 1));
  for (int64_t g = 1; g < m->ngroups; ++g)
    t->items[g - 1] = match_slice(m, g, dflt);
  return Value::object(t);
}

Value m_groupdict(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "groupdict", {"default"}, 0, p);
  MatchObj* m = M(self);
  Value dflt = p[0].is_empty() ? Value::none() : p[0];
  Dict* d = new_dict();
  size_t pos = 0;
  Value key, value;
  while (dict_next(m->pattern->groupindex, pos, key, value))
    dict_set(d, key, match_slice(m, group_index(m, key), dflt));
  return Value::object(d);
}

// The group argument of start/end/span: optional, positional only.
int64_t optional_group(MatchObj* m, const Args& a, const char* name) {
  no_kwargs(a, name);
  if (a.npos > 1) raise_fmt(types::type_error, "{} expected at most 1 argument, got {}", name, a.npos);
  return a.npos == 0 ? 0 : group_index(m, a[0]);
}

Value m_start(Value self, const Args& a) {
  MatchObj* m = M(self);
  return make_int(m->start(optional_group(m, a, "start")));
}
Value m_end(Value self, const Args& a) {
  MatchObj* m = M(self);
  return make_int(m->end(optional_group(m, a, "end")));
}
Value pair(int64_t a, int64_t b) {
  Value items[2] = {make_int(a), make_int(b)};
  return Value::object(new_tuple(items));
}
Value m_span(Value self, const Args& a) {
  MatchObj* m = M(self);
  int64_t g = optional_group(m, a, "span");
  return pair(m->start(g), m->end(g));
}

// A function of the `re` module (its templates are parsed in Python, as in CPython).
Value re_function(const char* name) {
  Value re = vm::import_module(nullptr, intern("re"), Value::none(), Value::small_int(0));
  return get_attr(re, intern(name));
}

Value m_expand(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "expand", {"template"}, 1, p);
  Value args[3] = {Value::object(M(self)->pattern), self, p[0]};
  return call(re_function("_expand"), Args{args, 3});
}

// repr() cut to `limit` code points, as CPython's "%.<limit>R".
std::string limited_repr(Value v, size_t limit) {
  std::string r = repr_string(v);
  size_t i = 0, n = 0;
  while (i < r.size() && n < limit) {
    utf8_at(r, i);
    ++n;
  }
  return r.substr(0, i);
}

Value m_repr(Value self, const Args&) {
  MatchObj* m = M(self);
  return str_value(fmt::format("<re.Match object; span=({}, {}), match={}>", m->marks[0], m->marks[1],
                               limited_repr(match_slice(m, 0, Value::none()), 50)));
}

Value m_copy(Value self, const Args& a) {
  check_none(a, "__copy__");
  return self;
}
Value m_deepcopy(Value self, const Args& a) {
  check_one(a, "__deepcopy__");
  return self;
}

Value m_string(Value, const Args& a) { return M(a[0])->string; }
Value m_re(Value, const Args& a) { return Value::object(M(a[0])->pattern); }
Value m_pos(Value, const Args& a) { return make_int(M(a[0])->pos); }
Value m_endpos(Value, const Args& a) { return make_int(M(a[0])->endpos); }
Value m_lastindex(Value, const Args& a) {
  int64_t i = M(a[0])->lastindex;
  return i >= 0 ? make_int(i) : Value::none();
}
Value m_lastgroup(Value, const Args& a) {
  MatchObj* m = M(a[0]);
  Tuple* names = m->pattern->indexgroup;
  if (m->lastindex < 0 || static_cast<size_t>(m->lastindex) >= names->size) return Value::none();
  return names->items[m->lastindex];
}
Value m_regs(Value, const Args& a) {
  MatchObj* m = M(a[0]);
  if (m->regs.is_empty()) {
    Tuple* t = new_tuple(static_cast<size_t>(m->ngroups));
    for (int64_t g = 0; g < m->ngroups; ++g)
      t->items[g] = pair(m->start(g), m->end(g));
    m->regs = Value::object(t);
  }
  return m->regs;
}

// ---- pattern methods -----------------------------------------------------------------------

// string, pos=0, endpos=sys.maxsize (match, fullmatch, search, findall, finditer, scanner).
struct Span {
  Value string;
  int64_t pos, endpos;
};
Span span_args(const Args& a, const char* name) {
  Value p[3];
  bind_args(a, name, {"string", "pos", "endpos"}, 1, p);
  return {p[0], p[1].is_empty() ? 0 : arg_index(p[1]),
          p[2].is_empty() ? std::numeric_limits<int64_t>::max() : arg_index(p[2])};
}

Value match_at(Value self, const Args& a, const char* name, bool search, bool whole) {
  PatternObj* p = P(self);
  Span s = span_args(a, name);
  Text t = prepare_text(p, s.string);
  sre::State st = new_state(t, s.pos, s.endpos);
  const int64_t pos = st.start;
  st.match_all = whole;
  if (!run(p, t, st, search)) return Value::none();
  return new_match(p, t, st, pos, st.end);
}

Value p_match(Value self, const Args& a) { return match_at(self, a, "match", false, false); }
Value p_fullmatch(Value self, const Args& a) { return match_at(self, a, "fullmatch", false, true); }
Value p_search(Value self, const Args& a) { return match_at(self, a, "search", true, false); }

// Calls `body(state)` for each successive non-overlapping match, as CPython's
// findall/split/sub loops do: after an empty match the next must advance.
template <class F> void each_match(const PatternObj* p, const Text& t, sre::State& st, int64_t limit, F body) {
  for (int64_t n = 0; (limit == 0 || n < limit) && st.start <= st.end; ++n) {
    st.reset();
    st.ptr = st.start;
    if (!run(p, t, st, true)) break;
    body(st);
    st.must_advance = st.ptr == st.start;
    st.start = st.ptr;
  }
}

Value p_findall(Value self, const Args& a) {
  PatternObj* p = P(self);
  Span s = span_args(a, "findall");
  Text t = prepare_text(p, s.string);
  sre::State st = new_state(t, s.pos, s.endpos);
  List* out = new_list();
  each_match(p, t, st, 0, [&](const sre::State& m) {
    if (p->groups == 0) {
      list_append(out, slice(t, m.start, m.ptr));
    } else if (p->groups == 1) {
      list_append(out, state_group(t, m, 1, true));
    } else {
      Tuple* item = new_tuple(static_cast<size_t>(p->groups));
      for (int64_t g = 0; g < p->groups; ++g)
        item->items[g] = state_group(t, m, g + 1, true);
      list_append(out, Value::object(item));
    }
  });
  return Value::object(out);
}

Value new_scanner(PatternObj* p, const Span& s) {
  auto* sc = gc::make<ScannerObj>();
  sc->type = &scanner_type;
  sc->pattern = p;
  sc->text = prepare_text(p, s.string);
  sre::State st = new_state(sc->text, s.pos, s.endpos);
  sc->start = sc->pos = st.start;
  sc->end = sc->endpos = st.end;
  return Value::object(sc);
}

Value p_scanner(Value self, const Args& a) { return new_scanner(P(self), span_args(a, "scanner")); }

Value sc_next(Value self, bool search) {
  ScannerObj* sc = S(self);
  if (sc->exhausted) return Value::none();
  sre::State st;
  st.start = st.ptr = sc->start;
  st.end = sc->end;
  st.must_advance = sc->must_advance;
  bool found = run(sc->pattern, sc->text, st, search);
  if (!found) {
    sc->exhausted = true;
    return Value::none();
  }
  Value m = new_match(sc->pattern, sc->text, st, sc->pos, sc->endpos);
  sc->must_advance = st.ptr == st.start;
  sc->start = st.ptr;
  return m;
}

Value sc_match(Value self, const Args& a) {
  check_none(a, "match");
  return sc_next(self, false);
}
Value sc_search(Value self, const Args& a) {
  check_none(a, "search");
  return sc_next(self, true);
}
Value sc_pattern(Value, const Args& a) { return Value::object(S(a[0])->pattern); }

Value p_finditer(Value self, const Args& a) {
  Value scanner = new_scanner(P(self), span_args(a, "finditer"));
  return make_callable_iterator(new_native("search", method<&scanner_type, sc_search>, scanner, &scanner_type),
                                Value::none());
}

Value p_split(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "split", {"string", "maxsplit"}, 1, p);
  PatternObj* pat = P(self);
  int64_t maxsplit = p[1].is_empty() ? 0 : arg_index(p[1]);
  Text t = prepare_text(pat, p[0]);
  sre::State st = new_state(t, 0, std::numeric_limits<int64_t>::max());
  List* out = new_list();
  int64_t last = st.start;
  // A negative maxsplit allows no split at all (CPython 3.11 loops while n < maxsplit).
  if (maxsplit >= 0) {
    each_match(pat, t, st, maxsplit, [&](const sre::State& m) {
      list_append(out, slice(t, last, m.start));
      for (int64_t g = 1; g <= pat->groups; ++g)
        list_append(out, state_group(t, m, g, false));
      last = m.ptr;
    });
  }
  list_append(out, slice(t, last, st.end));
  return Value::object(out);
}

// Does the template contain a backslash (then re._subx must parse it)?
bool is_literal_template(Value repl) {
  if (is_str(repl)) return repl.as<Str>()->view().find('\\') == std::string_view::npos;
  if (auto b = bytes_like(repl)) return b->find('\\') == std::string_view::npos;
  return false;
}

// "".join(items) / b"".join(items) with CPython's messages for a wrong item type.
Value join_pieces(List* items, bool isbytes) {
  std::string out;
  for (size_t k = 0; k < items->items.size(); ++k) {
    Value v = items->items[k];
    if (isbytes) {
      auto b = bytes_like(v);
      if (!b) raise_fmt(types::type_error, "sequence item {}: expected a bytes-like object, {} found", k, tname(v));
      out += *b;
    } else {
      if (!is_str(v)) raise_fmt(types::type_error, "sequence item {}: expected str instance, {} found", k, tname(v));
      out += v.as<Str>()->view();
    }
  }
  return isbytes ? make_bytes(out) : str_value(out);
}

Value substitute(Value self, const Args& a, const char* name, bool with_count) {
  Value p[3];
  bind_args(a, name, {"repl", "string", "count"}, 2, p);
  PatternObj* pat = P(self);
  int64_t count = p[2].is_empty() ? 0 : arg_index(p[2]);
  Value filter = p[0];
  bool callable = is_callable_value(filter);
  if (!callable && !is_literal_template(filter)) {
    Value args[2] = {self, filter};
    filter = call(re_function("_subx"), Args{args, 2});
    callable = is_callable_value(filter);
  }
  Text t = prepare_text(pat, p[1]);
  sre::State st = new_state(t, 0, std::numeric_limits<int64_t>::max());
  List* pieces = new_list();
  int64_t last = 0, n = 0;
  // A negative count allows no substitution (CPython 3.11 loops while n < count).
  if (count >= 0) {
    each_match(pat, t, st, count, [&](const sre::State& m) {
      if (last < m.start) list_append(pieces, slice(t, last, m.start));
      Value item = callable ? call1(filter, new_match(pat, t, m, 0, t.subject.length)) : filter;
      if (!item.is_none()) list_append(pieces, item);
      last = m.ptr;
      ++n;
    });
  }
  if (last < t.subject.length) list_append(pieces, slice(t, last, t.subject.length));
  Value result = join_pieces(pieces, t.isbytes);
  if (!with_count) return result;
  Value items[2] = {result, make_int(n)};
  return Value::object(new_tuple(items));
}

Value p_sub(Value self, const Args& a) { return substitute(self, a, "sub", false); }
Value p_subn(Value self, const Args& a) { return substitute(self, a, "subn", true); }

Value p_copy(Value self, const Args& a) {
  check_none(a, "__copy__");
  return self;
}
Value p_deepcopy(Value self, const Args& a) {
  check_one(a, "__deepcopy__");
  return self;
}

Value p_repr(Value self, const Args&) {
  static constexpr struct {
    const char* name;
    int64_t bit;
  } kFlagNames[] = {
      {"re.TEMPLATE", sre::kFlagTemplate},   {"re.IGNORECASE", sre::kFlagIgnoreCase}, {"re.LOCALE", sre::kFlagLocale},
      {"re.MULTILINE", sre::kFlagMultiline}, {"re.DOTALL", sre::kFlagDotAll},         {"re.UNICODE", sre::kFlagUnicode},
      {"re.VERBOSE", sre::kFlagVerbose},     {"re.DEBUG", sre::kFlagDebug},           {"re.ASCII", sre::kFlagAscii},
  };
  PatternObj* p = P(self);
  int64_t flags = p->flags;
  // re.UNICODE is the default for str patterns: not shown.
  if (p->isbytes == 0 && (flags & (sre::kFlagLocale | sre::kFlagUnicode | sre::kFlagAscii)) == sre::kFlagUnicode)
    flags &= ~sre::kFlagUnicode;
  std::string names;
  for (const auto& f : kFlagNames) {
    if (!(flags & f.bit)) continue;
    if (!names.empty()) names += '|';
    names += f.name;
    flags &= ~f.bit;
  }
  if (flags) {
    if (!names.empty()) names += '|';
    names += fmt::format("{:#x}", flags);
  }
  std::string pattern = limited_repr(p->pattern, 200);
  if (names.empty()) return str_value(fmt::format("re.compile({})", pattern));
  return str_value(fmt::format("re.compile({}, {})", pattern, names));
}

bool same_pattern(PatternObj* a, PatternObj* b) {
  if (a == b) return true;
  return a->flags == b->flags && a->isbytes == b->isbytes && a->code_size == b->code_size &&
         std::equal(a->code, a->code + a->code_size, b->code) && equals(a->pattern, b->pattern);
}

Value p_eq(Value self, const Args& a) {
  check_one(a, "__eq__");
  if (type_of(a[0]) != &pattern_type) return kNotImplemented;
  return Value::boolean(same_pattern(P(self), P(a[0])));
}
Value p_ne(Value self, const Args& a) {
  check_one(a, "__ne__");
  if (type_of(a[0]) != &pattern_type) return kNotImplemented;
  return Value::boolean(!same_pattern(P(self), P(a[0])));
}

Value p_hash(Value self, const Args& a) {
  check_none(a, "__hash__");
  PatternObj* p = P(self);
  // FNV-1a over the code words; equal patterns (same_pattern) hash alike.
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < p->code_size; ++i)
    h = (h ^ p->code[i]) * 1099511628211ull;
  int64_t r = hash_value(p->pattern) ^ static_cast<int64_t>(h >> 16) ^ p->flags ^ p->isbytes ^
              static_cast<int64_t>(p->code_size);
  return make_int(r == -1 ? -2 : r);
}

Value p_pattern(Value, const Args& a) { return P(a[0])->pattern; }
Value p_flags(Value, const Args& a) { return make_int(P(a[0])->flags); }
Value p_groups(Value, const Args& a) { return make_int(P(a[0])->groups); }
// CPython gives a read-only mappingproxy; a copy keeps the pattern's own dict unchanged.
Value p_groupindex(Value, const Args& a) { return Value::object(dict_copy(P(a[0])->groupindex)); }

// ---- module functions ------------------------------------------------------------------------

Value f_compile(Value, const Args& a) {
  Value p[6];
  bind_args(a, "compile", {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 6, p);
  auto require = [](Value v, const char* arg, Kind kind, const char* type) {
    if (!is_kind(v, kind))
      raise_fmt(types::type_error, "compile() argument '{}' must be {}, not {}", arg, type, tname(v));
  };
  if (!is_integer(p[1])) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(p[1]));
  require(p[2], "code", Kind::List, "list");
  require(p[4], "groupindex", Kind::Dict, "dict");
  require(p[5], "indexgroup", Kind::Tuple, "tuple");
  auto* pat = gc::make<PatternObj>();
  pat->type = &pattern_type;
  pat->pattern = p[0];
  pat->flags = arg_index(p[1]);
  pat->groups = arg_index(p[3]);
  List* words = p[2].as<List>();
  size_t n = words->items.size();
  auto* code = static_cast<Code*>(gc::alloc_atomic(std::max<size_t>(n, 1) * sizeof(Code)));
  for (size_t i = 0; i < n; ++i) {
    Value w = words->items[i];
    if (!is_integer(w)) raise_fmt(types::type_error, "an integer is required (got type {})", tname(w));
    int64_t v = arg_index(w);
    if (v < 0) raise(types::overflow_error, "can't convert negative value to unsigned int");
    if (v > static_cast<int64_t>(UINT32_MAX))
      raise(types::overflow_error, "regular expression code size limit exceeded");
    code[i] = static_cast<Code>(v);
  }
  pat->code = code;
  pat->code_size = n;
  if (p[0].is_none()) {
    pat->isbytes = -1;
  } else if (is_str(p[0])) {
    pat->isbytes = 0;
  } else if (bytes_like(p[0])) {
    pat->isbytes = 1;
  } else {
    raise_fmt(types::type_error, "expected string or bytes-like object, got '{}'", tname(p[0]));
  }
  pat->groupindex = p[4].as<Dict>();
  pat->indexgroup = p[5].as<Tuple>();
  if (!sre::validate(code_of(pat), pat->groups, pat->mark_slots)) raise(types::runtime_error, "invalid SRE code");
  return Value::object(pat);
}

Value f_getcodesize(Value, const Args& a) {
  check_none(a, "getcodesize");
  return make_int(sre::kCodeSize);
}

// The `character: int` argument of the case helpers (a C int, as CPython's clinic).
uint32_t char_arg(const Args& a, const char* name) {
  check_one(a, fmt::format("_sre.{}", name).c_str());
  int64_t c = arg_index(a[0]);
  if (c < INT32_MIN || c > INT32_MAX) raise(types::overflow_error, "Python int too large to convert to C int");
  return static_cast<uint32_t>(c);
}

Value f_ascii_iscased(Value, const Args& a) {
  uint32_t c = char_arg(a, "ascii_iscased");
  return Value::boolean(c < 128 && sre::is_ascii_alnum(c) && !sre::is_ascii_digit(c));
}
Value f_unicode_iscased(Value, const Args& a) {
  uint32_t c = char_arg(a, "unicode_iscased");
  return Value::boolean(c != sre::lower_unicode(c) || c != sre::upper_unicode(c));
}
Value f_ascii_tolower(Value, const Args& a) {
  uint32_t c = char_arg(a, "ascii_tolower");
  return make_int(static_cast<int32_t>(sre::lower_ascii(c)));
}
Value f_unicode_tolower(Value, const Args& a) {
  uint32_t c = char_arg(a, "unicode_tolower");
  return make_int(static_cast<int32_t>(sre::lower_unicode(c)));
}

// Pattern, Match and Scanner objects come only from _sre itself.
template <const char* Name> Value no_instances(Value, const Args&) {
  raise_fmt(types::type_error, "cannot create '{}' instances", Name);
}
constexpr char kPatternName[] = "re.Pattern", kMatchName[] = "re.Match", kScannerName[] = "_sre.SRE_Scanner";

template <NativeFn F> constexpr NativeFn PM = method<&pattern_type, F>;
template <NativeFn F> constexpr NativeFn MM = method<&match_type, F>;
template <NativeFn F> constexpr NativeFn SM = method<&scanner_type, F>;

void init_types() {
  if (pattern_type.name[0]) return;
  // Named as CPython shows them: <class 're.Pattern'>, <class 're.Match'>.
  init_type(pattern_type, "Pattern", Kind::Object, &types::object);
  pattern_type.module_name = Value::object(intern("re"));
  pattern_type.is_builtin = false;
  pattern_type.construct = no_instances<kPatternName>;
  add_methods(pattern_type, {{"match", PM<p_match>},
                             {"fullmatch", PM<p_fullmatch>},
                             {"search", PM<p_search>},
                             {"findall", PM<p_findall>},
                             {"finditer", PM<p_finditer>},
                             {"scanner", PM<p_scanner>},
                             {"split", PM<p_split>},
                             {"sub", PM<p_sub>},
                             {"subn", PM<p_subn>},
                             {"__copy__", PM<p_copy>},
                             {"__deepcopy__", PM<p_deepcopy>},
                             {"__repr__", PM<p_repr>},
                             {"__eq__", PM<p_eq>},
                             {"__ne__", PM<p_ne>},
                             {"__hash__", PM<p_hash>}});
  add_getter(pattern_type, "pattern", p_pattern);
  add_getter(pattern_type, "flags", p_flags);
  add_getter(pattern_type, "groups", p_groups);
  add_getter(pattern_type, "groupindex", p_groupindex);

  init_type(match_type, "Match", Kind::Object, &types::object);
  match_type.module_name = Value::object(intern("re"));
  match_type.is_builtin = false;
  match_type.construct = no_instances<kMatchName>;
  add_methods(match_type, {{"group", MM<m_group>},
                           {"groups", MM<m_groups>},
                           {"groupdict", MM<m_groupdict>},
                           {"start", MM<m_start>},
                           {"end", MM<m_end>},
                           {"span", MM<m_span>},
                           {"expand", MM<m_expand>},
                           {"__getitem__", MM<m_getitem>},
                           {"__repr__", MM<m_repr>},
                           {"__copy__", MM<m_copy>},
                           {"__deepcopy__", MM<m_deepcopy>}});
  add_getter(match_type, "string", m_string);
  add_getter(match_type, "re", m_re);
  add_getter(match_type, "pos", m_pos);
  add_getter(match_type, "endpos", m_endpos);
  add_getter(match_type, "lastindex", m_lastindex);
  add_getter(match_type, "lastgroup", m_lastgroup);
  add_getter(match_type, "regs", m_regs);

  init_type(scanner_type, "SRE_Scanner", Kind::Object, &types::object);
  scanner_type.module_name = Value::object(intern("_sre"));
  scanner_type.is_builtin = false;
  scanner_type.construct = no_instances<kScannerName>;
  add_methods(scanner_type, {{"match", SM<sc_match>}, {"search", SM<sc_search>}});
  add_getter(scanner_type, "pattern", sc_pattern);
}

} // namespace

Module* make_sre_module() {
  init_types();
  Module* m = new_module("_sre");
  add_value(m, "MAGIC", make_int(sre::kMagic));
  add_value(m, "CODESIZE", make_int(sre::kCodeSize));
  add_value(m, "MAXREPEAT", make_int(sre::kMaxRepeat));
  add_value(m, "MAXGROUPS", make_int(sre::kMaxGroups));
  add_value(m, "copyright", str_value(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
  add_function(m, "compile", f_compile);
  add_function(m, "getcodesize", f_getcodesize);
  add_function(m, "ascii_iscased", f_ascii_iscased);
  add_function(m, "unicode_iscased", f_unicode_iscased);
  add_function(m, "ascii_tolower", f_ascii_tolower);
  add_function(m, "unicode_tolower", f_unicode_tolower);
  return m;
}

} // namespace tributary::lib
