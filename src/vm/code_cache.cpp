// code_cache.cpp — the compiled-code cache of imported modules: a module's
// code object, serialized after its first compilation and loaded instead of
// parsing and compiling the source again.
//
// Files live in $XDG_CACHE_HOME/tributary (else ~/.cache/tributary), never
// beside the library, one per source path (named by a hash of it). A file is
// used only when everything it was made from is unchanged: the format
// version, the running executable (its size and modification time: any
// rebuild of Tributary invalidates every entry), the source's path, size and
// modification time. Writes go to a temporary file renamed into place, so a
// reader never sees half a file; an unwritable directory just means no cache.
// TRIBUTARY_NO_CACHE=1 turns the cache off; `-B` stops only its writes. A module whose constants include
// something the format does not know is simply not cached.
//
// Layout: header (magic, version, executable id, source id, path), then the
// module's code object; a code object is its scalar fields, instructions,
// line table, constants (tagged values, nested code objects included), names,
// variable names and exception table. The per-instruction caches and JIT
// counters are rebuilt empty on load, as the compiler leaves them.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/code_cache.h"

namespace tributary::vm {

namespace {

constexpr char kMagic[8] = {'T', 'R', 'I', 'B', 'C', 'O', 'D', 'E'};
constexpr uint32_t kFormatVersion = 1;
bool g_writes = true; // (-B turns writing off)

static_assert(sizeof(Instr) == 8, "the cache stores instructions as they are laid out");
static_assert(sizeof(ExceptionEntry) == 16, "the cache stores exception entries as they are laid out");

// Value tags.
enum Tag : char {
  kNone = 'N',
  kTrue = 'T',
  kFalse = 'F',
  kSmallInt = 'i',
  kBigInt = 'I',
  kFloat = 'f',
  kComplex = 'c',
  kStr = 's',
  kInternedStr = 'S',
  kBytes = 'b',
  kEllipsisTag = '.',
  kTuple = '(',
  kCode = 'C',
  kAbsent = 'E',
};

struct Unsupported {}; // a constant the format cannot hold: the module is not cached

struct FileId {
  int64_t mtime_ns = 0;
  int64_t size = 0;
  bool operator==(const FileId&) const = default;
};

std::optional<FileId> file_id(const char* path) {
  struct stat st;
  if (::stat(path, &st) != 0) return std::nullopt;
  return FileId{static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                static_cast<int64_t>(st.st_size)};
}

const std::optional<FileId>& executable_id() {
  static const std::optional<FileId> id = file_id("/proc/self/exe");
  return id;
}

// The cache directory ("" when there is none), created on first use.
const std::string& cache_dir() {
  static const std::string dir = [] {
    const char* off = std::getenv("TRIBUTARY_NO_CACHE");
    if (off && *off && std::string_view(off) != "0") return std::string();
    std::string base;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/')
      base = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
      base = std::string(h) + "/.cache";
    else
      return std::string();
    ::mkdir(base.c_str(), 0700);
    std::string d = base + "/tributary";
    if (::mkdir(d.c_str(), 0700) != 0 && errno != EEXIST) return std::string();
    return d;
  }();
  return dir;
}

std::string entry_path(const std::string& source) {
  uint64_t h = 14695981039346656037ull; // FNV-1a of the source's path
  for (char c : source)
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char name[32];
  std::snprintf(name, sizeof name, "/%016llx.tbc", static_cast<unsigned long long>(h));
  return cache_dir() + name;
}

// ---- writing ----------------------------------------------------------------------------

struct Writer {
  std::string out;

  template <class T> void raw(const T& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void u32(uint32_t v) { raw(v); }
  void bytes(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out.append(s);
  }
  template <class T, class A> void array(const std::vector<T, A>& v) {
    u32(static_cast<uint32_t>(v.size()));
    out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void strings(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v)
      bytes(s);
  }

  void value(Value v) {
    if (v.is_empty()) return out.push_back(kAbsent);
    if (v.is_none()) return out.push_back(kNone);
    if (v.is_bool()) return out.push_back(v.is_true() ? kTrue : kFalse);
    if (v.is_small_int()) {
      out.push_back(kSmallInt);
      return raw(v.as_small_int());
    }
    if (v.is_double()) {
      out.push_back(kFloat);
      return raw(v.as_double());
    }
    if (v == tributary::kEllipsis) return out.push_back(kEllipsisTag);
    Type* t = type_of(v);
    if (t == &types::int_) {
      out.push_back(kBigInt);
      return bytes(int_to_decimal(v));
    }
    if (t == &types::str) {
      out.push_back(v.as<Str>()->interned ? kInternedStr : kStr);
      return bytes(v.as<Str>()->view());
    }
    if (t == &types::bytes) {
      out.push_back(kBytes);
      return bytes(std::string_view(reinterpret_cast<const char*>(v.as<Bytes>()->data), v.as<Bytes>()->size));
    }
    if (t == &types::tuple) {
      out.push_back(kTuple);
      Tuple* tu = v.as<Tuple>();
      u32(static_cast<uint32_t>(tu->size));
      for (Value x : tu->span())
        value(x);
      return;
    }
    if (t == &types::code) {
      out.push_back(kCode);
      return code(v.as<Code>());
    }
    if (std::string_view(t->name) == "complex") {
      out.push_back(kComplex);
      raw(get_attr(v, intern("real")).as_double());
      return raw(get_attr(v, intern("imag")).as_double());
    }
    throw Unsupported{};
  }

  void code(const Code* c) {
    bytes(c->name);
    bytes(c->qualname);
    bytes(c->filename);
    for (int32_t x : {c->first_line, static_cast<int32_t>(c->flags), c->argcount, c->posonlycount, c->kwonlycount,
                      c->nlocals, c->max_stack})
      raw(x);
    array(c->code);
    array(c->lines);
    u32(static_cast<uint32_t>(c->consts.size()));
    for (Value v : c->consts)
      value(v);
    u32(static_cast<uint32_t>(c->names.size()));
    for (Value v : c->names)
      bytes(v.as<Str>()->view());
    strings(c->local_names);
    strings(c->cell_names);
    strings(c->free_names);
    array(c->cell_param);
    array(c->exception_table);
    value(c->doc);
  }
};

// ---- reading ----------------------------------------------------------------------------

struct Corrupt {}; // a truncated or damaged file: ignored, the source is compiled

struct Reader {
  std::string_view in;
  size_t pos = 0;

  std::string_view take(size_t n) {
    if (in.size() - pos < n) throw Corrupt{};
    std::string_view s = in.substr(pos, n);
    pos += n;
    return s;
  }
  template <class T> T raw() {
    T v;
    std::memcpy(&v, take(sizeof v).data(), sizeof v);
    return v;
  }
  uint32_t u32() { return raw<uint32_t>(); }
  std::string_view bytes() { return take(u32()); }
  template <class T, class A> void array(std::vector<T, A>& v) {
    uint32_t n = u32();
    std::string_view s = take(static_cast<size_t>(n) * sizeof(T));
    v.resize(n);
    if (n) std::memcpy(v.data(), s.data(), s.size()); // (an empty vector's data() may be null)
  }
  void strings(std::vector<std::string>& v) {
    uint32_t n = u32();
    v.reserve(n);
    for (uint32_t i = 0; i < n; ++i)
      v.emplace_back(bytes());
  }

  Value value() {
    char tag = take(1)[0];
    switch (tag) {
    case kAbsent: return Value::empty();
    case kNone: return Value::none();
    case kTrue: return Value::boolean(true);
    case kFalse: return Value::boolean(false);
    case kSmallInt: return Value::small_int(raw<int64_t>());
    case kFloat: return Value::from_double(raw<double>());
    case kEllipsisTag: return tributary::kEllipsis;
    case kBigInt: return int_from_string(bytes(), 10);
    case kStr: return Value::object(new_str(bytes()));
    case kInternedStr: return Value::object(intern(bytes()));
    case kBytes: return Value::object(new_bytes(bytes()));
    case kComplex: {
      double re = raw<double>();
      return make_complex(re, raw<double>());
    }
    case kTuple: {
      uint32_t n = u32();
      Tuple* t = new_tuple(n);
      for (uint32_t i = 0; i < n; ++i)
        t->items[i] = value();
      return Value::object(t);
    }
    case kCode: return Value::object(code());
    default: throw Corrupt{};
    }
  }

  Code* code() {
    Code* c = new_code();
    c->name = bytes();
    c->qualname = bytes();
    c->filename = bytes();
    int32_t f[7];
    for (int32_t& x : f)
      x = raw<int32_t>();
    c->first_line = f[0];
    c->flags = static_cast<uint32_t>(f[1]);
    c->argcount = f[2];
    c->posonlycount = f[3];
    c->kwonlycount = f[4];
    c->nlocals = f[5];
    c->max_stack = f[6];
    array(c->code);
    array(c->lines);
    uint32_t nconsts = u32();
    c->consts.reserve(nconsts);
    for (uint32_t i = 0; i < nconsts; ++i)
      c->consts.push_back(value());
    uint32_t nnames = u32();
    c->names.reserve(nnames);
    for (uint32_t i = 0; i < nnames; ++i)
      c->names.push_back(Value::object(intern(bytes())));
    strings(c->local_names);
    strings(c->cell_names);
    strings(c->free_names);
    array(c->cell_param);
    array(c->exception_table);
    c->doc = value();
    for (const Instr& in : c->code)
      if (static_cast<size_t>(in.op) >= static_cast<size_t>(Op::kCount)) throw Corrupt{};
    return c; // (its caches are built at its first run: prepare_code)
  }
};

// The whole file at `path` into `out` with one read (a stream and a
// stringstream copied each entry three times); false when it cannot be read.
bool read_file(const std::string& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  if (ok) {
    out.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < out.size()) {
      ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ok = done == out.size();
  }
  ::close(fd);
  return ok;
}

void write_header(Writer& w, const FileId& exe, const FileId& src, const std::string& path) {
  w.out.append(kMagic, sizeof kMagic);
  w.u32(kFormatVersion);
  w.raw(exe);
  w.raw(src);
  w.bytes(path);
}

} // namespace

Code* cached_module_code(const std::string& path) {
  if (cache_dir().empty() || !executable_id()) return nullptr;
  std::optional<FileId> src = file_id(path.c_str());
  if (!src) return nullptr;
  std::string data;
  if (!read_file(entry_path(path), data)) return nullptr;
  Writer expected;
  write_header(expected, *executable_id(), *src, path);
  if (data.compare(0, expected.out.size(), expected.out) != 0) return nullptr;
  try {
    Reader r{data, expected.out.size()};
    Code* c = r.code();
    return r.pos == data.size() ? c : nullptr;
  } catch (Corrupt&) {
    return nullptr;
  }
}

void set_code_cache_writes(bool on) { g_writes = on; }

void store_module_code(const std::string& path, const Code* code) {
  if (!g_writes || cache_dir().empty() || !executable_id()) return;
  std::optional<FileId> src = file_id(path.c_str());
  if (!src) return;
  Writer w;
  write_header(w, *executable_id(), *src, path);
  try {
    w.code(code);
  } catch (Unsupported&) {
    return;
  }
  std::string final_path = entry_path(path);
  std::string tmp = final_path + "." + std::to_string(::getpid()) + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  size_t done = 0;
  while (done < w.out.size()) {
    ssize_t n = ::write(fd, w.out.data() + done, w.out.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  if (done != w.out.size() || ::rename(tmp.c_str(), final_path.c_str()) != 0) ::unlink(tmp.c_str());
}

} // namespace tributary::vm
