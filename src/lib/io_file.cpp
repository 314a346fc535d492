// io_file.cpp — `_io.FileIO` (raw I/O on a file descriptor) and the buffered
// layers over any raw stream: BufferedReader, BufferedWriter, BufferedRandom
// and BufferedRWPair, with CPython's modes, messages and reprs.
//
// Writes go to the raw stream at once (a BufferedWriter keeps no pending
// bytes: what a program writes through sys.stdout.buffer appears in order
// with its text output); reads are buffered for peek() and readline().
// FileIO on descriptor 1 or 2 first flushes sys.stdout's text, so text and
// bytes written to one stream keep their order.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "lib/builtins.h"
#include "lib/io_internal.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/interp.h"

namespace tributary::lib::io {

namespace {

Type *fileio_t, *reader_t, *writer_t, *random_t, *rwpair_t;

struct FileIO : Object {
  int fd; // -1 once closed
  bool readable, writable, appending, created, closefd, ready;
  int seekable; // -1 unknown
  Value name;
};

// One buffered stream: `raw` (or, for an RWPair, `reader` and `writer`), the
// bytes read ahead and not yet returned.
struct Buffered : Object {
  Value raw;
  Value reader, writer; // BufferedRWPair only
  GcVector<unsigned char> ahead;
  size_t ahead_pos;
  int64_t buffer_size;
  bool ready, detached;
};

[[noreturn]] void raise_errno(int err, Value filename = Value::none()) {
  Value args[3] = {make_int(int64_t{err}), str_value(std::strerror(err)), filename};
  Type* t = &types::os_error;
  if (const char* name = os_error_subclass_name(err))
    if (Value* v = dict_find_str(vm::state().builtins->dict, intern(name))) t = v->as<Type>();
  raise(Value::object(new_exception(t, std::span<const Value>(args, filename.is_none() ? 2 : 3))));
}

FileIO* fio(Value self, const char* method, bool open_required = true) {
  if (!self.is_object() || !is_subtype(type_of(self), fileio_t))
    raise_fmt(types::type_error, "descriptor '{}' for '_io.FileIO' objects doesn't apply to a '{}' object", method,
              tname(self));
  auto* f = static_cast<FileIO*>(self.as_object());
  if (!f->ready) raise_value_error("I/O operation on uninitialized object");
  if (open_required && f->fd < 0) closed_error();
  return f;
}

// ---- FileIO -------------------------------------------------------------------------------

Value fio_init(Value self, const Args& a) {
  if (!self.is_object() || !is_subtype(type_of(self), fileio_t)) raise_type_error("FileIO.__init__ needs a FileIO");
  auto* f = static_cast<FileIO*>(self.as_object());
  Value p[4];
  bind_args(a, "FileIO", {"file", "mode", "closefd", "opener"}, 1, p);
  std::string mode = p[1].is_empty() ? "r" : is_str(p[1]) ? std::string(p[1].as<Str>()->view()) : "";
  if (!p[1].is_empty() && !is_str(p[1]))
    raise_fmt(types::type_error, "FileIO() argument 'mode' must be str, not {}", tname(p[1]));
  bool r = false, w = false, ap = false, x = false, plus = false;
  int kinds = 0;
  for (char c : mode) {
    switch (c) {
    case 'r': r = true, ++kinds; break;
    case 'w': w = true, ++kinds; break;
    case 'a': ap = true, ++kinds; break;
    case 'x': x = true, ++kinds; break;
    case '+':
      if (plus) kinds = 99;
      plus = true;
      break;
    case 'b': break;
    default: raise_fmt(types::value_error, "invalid mode: {}", mode);
    }
  }
  if (kinds != 1) raise_value_error("Must have exactly one of create/read/write/append mode and at most one plus");
  f->readable = r || plus;
  f->writable = w || ap || x || plus;
  f->appending = ap;
  f->created = x;
  f->seekable = -1;
  bool closefd = p[2].is_empty() || truthy(p[2]);
  Value file = p[0];
  int fd;
  if (is_integer(file) && !file.is_bool()) {
    int64_t n = arg_index(file);
    if (n < 0) raise_value_error("negative file descriptor");
    fd = static_cast<int>(n);
  } else {
    if (!closefd) raise_value_error("Cannot use closefd=False with file name");
    if (!is_str(file) && !is_kind(file, Kind::Bytes)) {
      Value hook = type_lookup(type_of(file), intern("__fspath__"));
      if (hook.is_empty())
        raise_fmt(types::type_error, "expected str, bytes or os.PathLike object, not {}", tname(file));
      file = call(hook, Args{&file, 1});
    }
    int flags = (plus ? O_RDWR : r ? O_RDONLY : O_WRONLY) | O_CLOEXEC;
    if (w) flags |= O_CREAT | O_TRUNC;
    if (ap) flags |= O_CREAT | O_APPEND;
    if (x) flags |= O_CREAT | O_EXCL;
    if (!p[3].is_empty() && !p[3].is_none()) {
      Value args[2] = {file, make_int(int64_t{flags})};
      Value got = call(p[3], Args{args, 2});
      if (!is_integer(got)) raise_type_error("expected integer from opener");
      fd = static_cast<int>(arg_index(got));
      if (fd < 0) raise_fmt(types::value_error, "opener returned {}", fd);
    } else {
      std::string path = is_str(file) ? std::string(file.as<Str>()->view()) : std::string(*bytes_like(file));
      std::fflush(nullptr); // (open()'s stdio files: their pending writes first)
      fd = ::open(path.c_str(), flags, 0666);
      if (fd < 0) raise_errno(errno, p[0]);
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      raise_errno(EISDIR, p[0]);
    }
  }
  f->fd = fd;
  f->closefd = closefd;
  f->name = p[0];
  f->ready = true;
  if (ap) ::lseek(fd, 0, SEEK_END);
  return Value::none();
}

Value fio_read(Value self, const Args& a) {
  FileIO* f = fio(self, "read");
  if (!f->readable) unsupported("File not open for reading");
  int64_t n = size_arg(a, "read");
  if (n < 0) return call0(get_attr(self, intern("readall")));
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t got;
  do
    got = ::read(f->fd, buf.data(), buf.size());
  while (got < 0 && errno == EINTR);
  if (got < 0) {
    if (errno == EAGAIN) return Value::none();
    raise_errno(errno);
  }
  buf.resize(static_cast<size_t>(got));
  return make_bytes(buf);
}

Value fio_readall(Value self, const Args&) {
  FileIO* f = fio(self, "readall");
  if (!f->readable) unsupported("File not open for reading");
  std::string all;
  char chunk[65536];
  for (;;) {
    ssize_t got = ::read(f->fd, chunk, sizeof chunk);
    if (got < 0) {
      if (errno == EINTR) continue;
      raise_errno(errno);
    }
    if (got == 0) break;
    all.append(chunk, static_cast<size_t>(got));
  }
  return make_bytes(all);
}

Value fio_readinto(Value self, const Args& a) {
  check_one(a, "readinto");
  FileIO* f = fio(self, "readinto");
  if (!f->readable) unsupported("File not open for reading");
  if (type_of(a[0]) != &bytearray_type)
    raise_fmt(types::type_error, "readinto() argument must be read-write bytes-like object, not {}", tname(a[0]));
  auto& dst = a[0].as<ByteArray>()->data;
  ssize_t got;
  do
    got = ::read(f->fd, dst.data(), dst.size());
  while (got < 0 && errno == EINTR);
  if (got < 0) raise_errno(errno);
  return make_int(static_cast<int64_t>(got));
}

Value fio_write(Value self, const Args& a) {
  check_one(a, "write");
  FileIO* f = fio(self, "write");
  if (!f->writable) unsupported("File not open for writing");
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  if (f->fd == 1 || f->fd == 2) flush_std_streams(); // sys.stdout's text first
  ssize_t put;
  do
    put = ::write(f->fd, data->data(), data->size());
  while (put < 0 && errno == EINTR);
  if (put < 0) raise_errno(errno);
  return make_int(static_cast<int64_t>(put));
}

Value fio_seek(Value self, const Args& a) {
  check_takes(a, "seek", 1, 2);
  FileIO* f = fio(self, "seek");
  off_t r = ::lseek(f->fd, static_cast<off_t>(arg_index(a[0])), a.npos > 1 ? static_cast<int>(arg_index(a[1])) : 0);
  if (r < 0) raise_errno(errno);
  return make_int(static_cast<int64_t>(r));
}

Value fio_tell(Value self, const Args& a) {
  check_none(a, "tell");
  off_t r = ::lseek(fio(self, "tell")->fd, 0, SEEK_CUR);
  if (r < 0) raise_errno(errno);
  return make_int(static_cast<int64_t>(r));
}

Value fio_truncate(Value self, const Args& a) {
  check_takes(a, "truncate", 0, 1);
  FileIO* f = fio(self, "truncate");
  if (!f->writable) unsupported("File not open for writing");
  int64_t size = a.npos == 0 || a[0].is_none() ? static_cast<int64_t>(::lseek(f->fd, 0, SEEK_CUR)) : arg_index(a[0]);
  if (::ftruncate(f->fd, static_cast<off_t>(size)) != 0) raise_errno(errno);
  return make_int(size);
}

Value fio_close(Value self, const Args&) {
  FileIO* f = fio(self, "close", false);
  if (f->fd < 0) return Value::none();
  int fd = f->fd;
  f->fd = -1;
  if (f->closefd && ::close(fd) != 0) raise_errno(errno);
  return Value::none();
}

Value fio_fileno(Value self, const Args&) { return make_int(int64_t{fio(self, "fileno")->fd}); }
Value fio_isatty(Value self, const Args&) { return Value::boolean(::isatty(fio(self, "isatty")->fd) == 1); }
Value fio_readable(Value self, const Args&) { return Value::boolean(fio(self, "readable")->readable); }
Value fio_writable(Value self, const Args&) { return Value::boolean(fio(self, "writable")->writable); }

Value fio_seekable(Value self, const Args&) {
  FileIO* f = fio(self, "seekable");
  if (f->seekable < 0) f->seekable = ::lseek(f->fd, 0, SEEK_CUR) < 0 ? 0 : 1;
  return Value::boolean(f->seekable == 1);
}

Value fio_closed(Value self, const Args&) { return Value::boolean(fio(self, "closed", false)->fd < 0); }
Value fio_closefd(Value self, const Args&) { return Value::boolean(fio(self, "closefd", false)->closefd); }

// FileIO.mode: CPython's normalized spelling ("rb", "wb", "ab", "xb", "rb+", ...).
std::string fio_mode_string(const FileIO* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

Value fio_mode(Value self, const Args&) { return str_value(fio_mode_string(fio(self, "mode", false))); }
Value fio_name(Value self, const Args&) { return fio(self, "name", false)->name; }
Value fio_set_name(Value self, const Args& a) {
  fio(self, "name", false)->name = a[0];
  return Value::none();
}

Value fio_repr(Value self, const Args&) {
  FileIO* f = fio(self, "__repr__", false);
  std::string cls = type_of(self) == fileio_t ? "_io.FileIO" : std::string(type_of(self)->name);
  if (f->fd < 0) return str_value("<" + cls + " [closed]>");
  return str_value(fmt::format("<{} name={} mode='{}' closefd={}>", cls, repr_string(f->name), fio_mode_string(f),
                               f->closefd ? "True" : "False"));
}

// ---- the buffered layers ----------------------------------------------------------------------

Buffered* buf(Value self, const char* method, bool check_raw = true) {
  if (!self.is_object() || !(is_subtype(type_of(self), reader_t) || is_subtype(type_of(self), writer_t) ||
                             is_subtype(type_of(self), random_t) || is_subtype(type_of(self), rwpair_t)))
    raise_fmt(types::type_error, "descriptor '{}' doesn't apply to a '{}' object", method, tname(self));
  auto* b = static_cast<Buffered*>(self.as_object());
  if (!b->ready) raise_value_error("I/O operation on uninitialized object");
  if (check_raw && b->detached) raise_value_error("raw stream has been detached");
  return b;
}

Value raw_call(Buffered* b, const char* name, std::initializer_list<Value> args = {}) {
  Value m = get_attr(b->raw, intern(name));
  return call(m, Args{args.begin(), static_cast<uint32_t>(args.size())});
}

size_t ahead_size(const Buffered* b) { return b->ahead.size() - b->ahead_pos; }

Value buffered_init(Value self, const Args& a) {
  if (!self.is_object()) raise_type_error("__init__ needs an object");
  auto* b = static_cast<Buffered*>(self.as_object());
  Value p[2];
  bind_args(a, type_of(self)->name, {"raw", "buffer_size"}, 1, p);
  int64_t size = p[1].is_empty() ? 8192 : arg_index(p[1]);
  if (size <= 0) raise_value_error("buffer size must be strictly positive");
  bool reads = is_subtype(type_of(self), reader_t) || is_subtype(type_of(self), random_t);
  bool writes = is_subtype(type_of(self), writer_t) || is_subtype(type_of(self), random_t);
  if (reads && !truthy(call0(get_attr(p[0], intern("readable")))))
    raise(types::os_error, "\"raw\" argument must be readable.");
  if (writes && !truthy(call0(get_attr(p[0], intern("writable")))))
    raise(types::os_error, "\"raw\" argument must be writable.");
  b->raw = p[0];
  b->buffer_size = size;
  b->ahead.clear();
  b->ahead_pos = 0;
  b->detached = false;
  b->ready = true;
  return Value::none();
}

// Reads up to `n` more bytes from the raw stream into the read-ahead; false at EOF.
bool fill(Buffered* b, int64_t n) {
  if (b->ahead_pos == b->ahead.size()) {
    b->ahead.clear();
    b->ahead_pos = 0;
  }
  Value chunk = raw_call(b, "read", {make_int(n)});
  if (chunk.is_none()) return false;
  auto data = bytes_like(chunk);
  if (!data) raise_type_error("read() should return bytes");
  b->ahead.insert(b->ahead.end(), data->begin(), data->end());
  return !data->empty();
}

Value take(Buffered* b, size_t n) {
  n = std::min(n, ahead_size(b));
  Value r = make_bytes(std::string_view(reinterpret_cast<const char*>(b->ahead.data()) + b->ahead_pos, n));
  b->ahead_pos += n;
  return r;
}

Value br_read(Value self, const Args& a) {
  Buffered* b = buf(self, "read");
  int64_t n = size_arg(a, "read");
  if (n < -1) raise_value_error("read length must be non-negative or -1");
  if (n < 0) {
    std::string out(reinterpret_cast<const char*>(b->ahead.data()) + b->ahead_pos, ahead_size(b));
    b->ahead.clear();
    b->ahead_pos = 0;
    if (!get_attr_or_empty(b->raw, intern("readall")).is_empty()) {
      Value rest = raw_call(b, "readall");
      if (rest.is_none()) return out.empty() ? rest : make_bytes(out);
      out += *bytes_like(rest);
      return make_bytes(out);
    }
    // A raw object without readall() (tarfile's _FileInFile): read() until b"".
    for (;;) {
      Value chunk = raw_call(b, "read", {make_int(int64_t{std::max<int64_t>(b->buffer_size, 8192)})});
      if (chunk.is_none()) return out.empty() ? chunk : make_bytes(out);
      auto data = bytes_like(chunk);
      if (!data) raise_fmt(types::type_error, "read() should return bytes");
      if (data->empty()) return make_bytes(out);
      out += *data;
    }
  }
  while (ahead_size(b) < static_cast<size_t>(n))
    if (!fill(b, std::max<int64_t>(b->buffer_size, n - static_cast<int64_t>(ahead_size(b))))) break;
  return take(b, static_cast<size_t>(n));
}

Value br_read1(Value self, const Args& a) {
  Buffered* b = buf(self, "read1");
  int64_t n = size_arg(a, "read1");
  if (n < 0) n = b->buffer_size;
  if (n == 0) return make_bytes("");
  if (ahead_size(b) == 0) fill(b, std::max<int64_t>(n, b->buffer_size));
  return take(b, static_cast<size_t>(n));
}

Value br_peek(Value self, const Args& a) {
  check_takes(a, "peek", 0, 1);
  Buffered* b = buf(self, "peek");
  if (ahead_size(b) == 0) fill(b, b->buffer_size);
  return make_bytes(std::string_view(reinterpret_cast<const char*>(b->ahead.data()) + b->ahead_pos, ahead_size(b)));
}

Value br_readline(Value self, const Args& a) {
  Buffered* b = buf(self, "readline");
  int64_t limit = size_arg(a, "readline");
  std::string line;
  for (;;) {
    if (ahead_size(b) == 0 && !fill(b, b->buffer_size)) break;
    const unsigned char* start = b->ahead.data() + b->ahead_pos;
    size_t avail = ahead_size(b);
    if (limit >= 0) avail = std::min(avail, static_cast<size_t>(limit) - line.size());
    const void* nl = std::memchr(start, '\n', avail);
    size_t n = nl ? static_cast<size_t>(static_cast<const unsigned char*>(nl) - start) + 1 : avail;
    line.append(reinterpret_cast<const char*>(start), n);
    b->ahead_pos += n;
    if (nl || (limit >= 0 && line.size() >= static_cast<size_t>(limit))) break;
  }
  return make_bytes(line);
}

Value br_next(Value self, const Args&) {
  Value line = br_readline(self, Args{});
  if (bytes_like(line)->empty()) raise(types::stop_iteration, "");
  return line;
}

// The read-ahead is given back to the raw stream (seek back) before it moves or is written.
void drop_ahead(Buffered* b) {
  size_t n = ahead_size(b);
  b->ahead.clear();
  b->ahead_pos = 0;
  if (n) raw_call(b, "seek", {make_int(-static_cast<int64_t>(n)), Value::small_int(1)});
}

Value bw_write(Value self, const Args& a) {
  check_one(a, "write");
  Buffered* b = buf(self, "write");
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  if (truthy(get_attr(b->raw, intern("closed")))) raise_value_error("write to closed file");
  drop_ahead(b);
  std::string rest(*data);
  size_t total = rest.size();
  while (!rest.empty()) {
    Value put = raw_call(b, "write", {make_bytes(rest)});
    if (put.is_none()) break; // non-blocking raw: what it took is all CPython would report too
    int64_t n = arg_index(put);
    if (n <= 0) break;
    rest.erase(0, static_cast<size_t>(n));
  }
  return make_int(static_cast<int64_t>(total - rest.size()));
}

Value b_flush(Value self, const Args&) {
  Buffered* b = buf(self, "flush");
  if (truthy(get_attr(b->raw, intern("closed")))) raise_value_error("flush of closed file");
  Value f = get_attr_or_empty(b->raw, intern("flush"));
  if (!f.is_empty()) call0(f);
  return Value::none();
}

Value b_seek(Value self, const Args& a) {
  check_takes(a, "seek", 1, 2);
  Buffered* b = buf(self, "seek");
  int64_t whence = a.npos > 1 ? arg_index(a[1]) : 0;
  if (whence < 0 || whence > 2) raise_fmt(types::value_error, "whence value {} unsupported", whence);
  drop_ahead(b);
  return raw_call(b, "seek", {a[0], make_int(whence)});
}

Value b_tell(Value self, const Args&) {
  Buffered* b = buf(self, "tell");
  int64_t pos = arg_index(raw_call(b, "tell")) - static_cast<int64_t>(ahead_size(b));
  return make_int(pos < 0 ? 0 : pos);
}

Value b_truncate(Value self, const Args& a) {
  check_takes(a, "truncate", 0, 1);
  Buffered* b = buf(self, "truncate");
  drop_ahead(b);
  return a.npos && !a[0].is_none() ? raw_call(b, "truncate", {a[0]}) : raw_call(b, "truncate");
}

Value b_close(Value self, const Args&) {
  Buffered* b = buf(self, "close");
  if (truthy(get_attr(b->raw, intern("closed")))) return Value::none();
  try {
    b_flush(self, Args{});
  } catch (PyException&) {
    raw_call(b, "close");
    throw;
  }
  return raw_call(b, "close");
}

Value b_detach(Value self, const Args&) {
  Buffered* b = buf(self, "detach");
  b_flush(self, Args{});
  b->detached = true;
  Value raw = b->raw;
  b->raw = Value::none();
  return raw;
}

template <const char* Name> Value b_delegate(Value self, const Args&) { return raw_call(buf(self, Name), Name); }
constexpr char kFileno[] = "fileno", kIsatty[] = "isatty", kSeekable[] = "seekable", kReadable[] = "readable",
               kWritable[] = "writable";

Value b_raw(Value self, const Args&) { return buf(self, "raw", false)->raw; }
Value b_closed(Value self, const Args&) { return get_attr(buf(self, "closed")->raw, intern("closed")); }
Value b_name(Value self, const Args&) { return get_attr(buf(self, "name")->raw, intern("name")); }
Value b_mode(Value self, const Args&) { return get_attr(buf(self, "mode")->raw, intern("mode")); }

Value b_repr(Value self, const Args&) {
  Buffered* b = buf(self, "__repr__", false);
  std::string cls = type_of(self)->is_builtin || type_of(self)->module_name == Value::object(intern("_io"))
                        ? "_io." + std::string(type_of(self)->name)
                        : std::string(type_of(self)->name);
  Value name = b->detached ? Value::empty() : get_attr_or_empty(b->raw, intern("name"));
  if (name.is_empty()) return str_value("<" + cls + ">");
  return str_value("<" + cls + " name=" + repr_string(name) + ">");
}

// ---- BufferedRWPair(reader, writer): reads from one raw stream, writes to the other ----------

Value pair_init(Value self, const Args& a) {
  auto* b = static_cast<Buffered*>(self.as_object());
  Value p[3];
  bind_args(a, "BufferedRWPair", {"reader", "writer", "buffer_size"}, 2, p);
  Value rargs[2] = {p[0], p[2].is_empty() ? Value::small_int(8192) : p[2]};
  Value wargs[2] = {p[1], rargs[1]};
  b->reader = call(Value::object(reader_t), Args{rargs, 2});
  b->writer = call(Value::object(writer_t), Args{wargs, 2});
  b->raw = Value::none();
  b->ready = true;
  return Value::none();
}

template <bool Writer, const char* Name> Value pair_forward(Value self, const Args& a) {
  Buffered* b = buf(self, Name, false);
  return call(get_attr(Writer ? b->writer : b->reader, intern(Name)), a);
}
constexpr char kRead[] = "read", kRead1[] = "read1", kPeek[] = "peek", kReadinto[] = "readinto", kWrite[] = "write",
               kFlush[] = "flush";

Value pair_close(Value self, const Args&) {
  Buffered* b = buf(self, "close", false);
  call0(get_attr(b->writer, intern("close")));
  return call0(get_attr(b->reader, intern("close")));
}

Value pair_closed(Value self, const Args&) { return get_attr(buf(self, "closed", false)->writer, intern("closed")); }
Value pair_isatty(Value self, const Args&) {
  Buffered* b = buf(self, "isatty", false);
  return Value::boolean(truthy(call0(get_attr(b->reader, intern("isatty")))) ||
                        truthy(call0(get_attr(b->writer, intern("isatty")))));
}

// A property's getter and setter get the object as their first argument.
template <NativeFn F> Value getter_self(Value, const Args& a) { return F(a[0], Args{}); }
template <NativeFn F> Value setter_self(Value, const Args& a) { return F(a[0], Args{a.pos + 1, 1}); }

} // namespace

const uint32_t kFileIOSize = sizeof(FileIO), kBufferedSize = sizeof(Buffered);

Value blank_file_object(Type* layout) {
  if (layout == fileio_t) {
    auto* f = gc::make<FileIO>();
    f->type = layout;
    f->fd = -1;
    f->name = Value::none();
    return Value::object(f);
  }
  auto* b = gc::make<Buffered>();
  b->type = layout;
  b->raw = b->reader = b->writer = Value::none();
  return Value::object(b);
}

void init_file_types(Type& fileio, Type& reader, Type& writer, Type& random, Type& rwpair) {
  fileio_t = &fileio, reader_t = &reader, writer_t = &writer, random_t = &random, rwpair_t = &rwpair;
  add_methods(fileio, {{"__init__", self_or_first<fio_init>},
                       {"read", self_or_first<fio_read>},
                       {"readall", self_or_first<fio_readall>},
                       {"readinto", self_or_first<fio_readinto>},
                       {"write", self_or_first<fio_write>},
                       {"seek", self_or_first<fio_seek>},
                       {"tell", self_or_first<fio_tell>},
                       {"truncate", self_or_first<fio_truncate>},
                       {"close", self_or_first<fio_close>},
                       {"fileno", self_or_first<fio_fileno>},
                       {"isatty", self_or_first<fio_isatty>},
                       {"readable", self_or_first<fio_readable>},
                       {"writable", self_or_first<fio_writable>},
                       {"seekable", self_or_first<fio_seekable>},
                       {"__repr__", self_or_first<fio_repr>}});
  for (const MethodDef& g :
       {MethodDef{"closed", self_or_first<fio_closed>}, MethodDef{"closefd", self_or_first<fio_closefd>},
        MethodDef{"mode", self_or_first<fio_mode>}})
    add_getter(fileio, g.name, g.fn);
  // (A program may rename it, as CPython names sys.stdout's '<stdout>'.)
  add_attr(fileio, "name", native_property("name", getter_self<fio_name>, setter_self<fio_set_name>));

  for (Type* t : {&reader, &writer, &random}) {
    add_methods(*t, {{"__init__", self_or_first<buffered_init>},
                     {"flush", self_or_first<b_flush>},
                     {"seek", self_or_first<b_seek>},
                     {"tell", self_or_first<b_tell>},
                     {"truncate", self_or_first<b_truncate>},
                     {"close", self_or_first<b_close>},
                     {"detach", self_or_first<b_detach>},
                     {"fileno", self_or_first<b_delegate<kFileno>>},
                     {"isatty", self_or_first<b_delegate<kIsatty>>},
                     {"seekable", self_or_first<b_delegate<kSeekable>>},
                     {"readable", self_or_first<b_delegate<kReadable>>},
                     {"writable", self_or_first<b_delegate<kWritable>>},
                     {"__repr__", self_or_first<b_repr>}});
    for (const MethodDef& g : {MethodDef{"raw", self_or_first<b_raw>}, MethodDef{"closed", self_or_first<b_closed>},
                               MethodDef{"name", self_or_first<b_name>}, MethodDef{"mode", self_or_first<b_mode>}})
      add_getter(*t, g.name, g.fn);
  }
  for (Type* t : {&reader, &random})
    add_methods(*t, {{"read", self_or_first<br_read>},
                     {"read1", self_or_first<br_read1>},
                     {"peek", self_or_first<br_peek>},
                     {"readline", self_or_first<br_readline>},
                     {"__next__", self_or_first<br_next>}});
  for (Type* t : {&writer, &random})
    add_methods(*t, {{"write", self_or_first<bw_write>}});
  add_methods(rwpair, {{"__init__", self_or_first<pair_init>},
                       {"read", self_or_first<pair_forward<false, kRead>>},
                       {"read1", self_or_first<pair_forward<false, kRead1>>},
                       {"peek", self_or_first<pair_forward<false, kPeek>>},
                       {"readinto", self_or_first<pair_forward<false, kReadinto>>},
                       {"readable", self_or_first<pair_forward<false, kReadable>>},
                       {"write", self_or_first<pair_forward<true, kWrite>>},
                       {"flush", self_or_first<pair_forward<true, kFlush>>},
                       {"writable", self_or_first<pair_forward<true, kWritable>>},
                       {"close", self_or_first<pair_close>},
                       {"isatty", self_or_first<pair_isatty>}});
  add_getter(rwpair, "closed", self_or_first<pair_closed>);
}

} // namespace tributary::lib::io
