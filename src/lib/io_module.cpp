// io_module.cpp — `_io`, the classes under CPython's io.py: the abstract bases
// (_IOBase, _RawIOBase, _BufferedIOBase, _TextIOBase, with CPython's default
// methods), StringIO, BytesIO and TextIOWrapper over any binary buffer object.
//
// Every class here is a native type with a layout (basic_size), so io.py's
// IOBase/RawIOBase/... and programs subclass them; __new__ makes a blank
// object, __init__ fills it (a subclass's __init__ may have any signature).
// The state of a Python subclass of _IOBase that does not override `closed`
// is the instance attribute __IOBase_closed, as in CPython.
//
// FileIO and the Buffered* classes are in io_file.cpp. Limits: the builtin
// open() gives file.cpp's objects, not these classes;
// IncrementalNewlineDecoder exists (io.py registers it) but raises
// NotImplementedError when called. TextIOWrapper
// decodes with the codecs of bytes.decode (utf-8, ascii, latin-1); its tell()
// is the buffer's position less the bytes not yet returned.
#include <cstring>
#include <string>

#include "lib/io_internal.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace io {

void unsupported(std::string_view what) { raise(Value::object(new_exception(&unsupported_operation_type(), what))); }
void closed_error() { raise_value_error("I/O operation on closed file."); }

int64_t size_arg(const Args& a, const char* name) {
  check_takes(a, name, 0, 1);
  no_kwargs(a, name);
  if (a.npos == 0 || a[0].is_none()) return -1;
  if (!is_integer(a[0]) && get_attr_or_empty(a[0], intern("__index__")).is_empty())
    raise_fmt(types::type_error, "argument should be integer or None, not '{}'", tname(a[0]));
  return arg_index(a[0]);
}

} // namespace io

namespace {

constexpr int64_t kDefaultBufferSize = 8192;

Type iobase_type, rawiobase_type, bufferediobase_type, textiobase_type, stringio_type, bytesio_type, textiowrapper_type,
    fileio_type, buffered_reader_type, buffered_writer_type, buffered_random_type, buffered_rwpair_type,
    newline_decoder_type;

Value attr(Value obj, const char* name) { return get_attr(obj, intern(name)); }
Value call_attr(Value obj, const char* name) { return call0(attr(obj, name)); }
Value call_attr(Value obj, const char* name, Value arg) { return call1(attr(obj, name), arg); }

using io::closed_error;
using io::size_arg;
using io::unsupported;

// The receiver of a method of `t`, checked as a CPython method descriptor does.
template <class T> T* receiver(Value self, Type& t, const char* method) {
  if (!self.is_object() || !is_subtype(type_of(self), &t))
    raise_fmt(types::type_error, "descriptor '{}' for '_io.{}' objects doesn't apply to a '{}' object", method, t.name,
              tname(self));
  return static_cast<T*>(self.as_object());
}

// ---- newline modes (StringIO and TextIOWrapper) -------------------------------------

// newline=None: universal newlines, translated to "\n"; "": universal, kept;
// "\n", "\r", "\r\n": that one ending, written for each "\n".
enum class Newline : uint8_t { Translate, Universal, Lf, Cr, CrLf };

Newline newline_arg(Value v, const char* type_msg) {
  if (v.is_empty() || v.is_none()) return Newline::Translate;
  if (!is_str(v)) raise_fmt(types::type_error, fmt::runtime(type_msg), tname(v));
  std::string_view s = v.as<Str>()->view();
  if (s.empty()) return Newline::Universal;
  if (s == "\n") return Newline::Lf;
  if (s == "\r") return Newline::Cr;
  if (s == "\r\n") return Newline::CrLf;
  raise_fmt(types::value_error, "illegal newline value: {}", repr_string(v));
}

// The text written for "\n" in mode `m`.
std::string_view written_newline(Newline m) { return m == Newline::Cr ? "\r" : m == Newline::CrLf ? "\r\n" : "\n"; }

// ---- _IOBase and the abstract bases ---------------------------------------------------

Str* closed_attr() { return intern("__IOBase_closed"); }

bool is_closed(Value self) { return truthy(attr(self, "closed")); }

void check_closed(Value self) {
  if (is_closed(self)) closed_error();
}

Value iob_closed(Value self, const Args&) {
  Value v = get_attr_or_empty(self, closed_attr());
  return Value::boolean(!v.is_empty() && truthy(v));
}

Value iob_close(Value self, const Args&) {
  Value v = get_attr_or_empty(self, closed_attr());
  if (!v.is_empty() && truthy(v)) return Value::none();
  try {
    call_attr(self, "flush");
  } catch (...) {
    set_attr(self, closed_attr(), Value::boolean(true));
    throw;
  }
  set_attr(self, closed_attr(), Value::boolean(true));
  return Value::none();
}

Value iob_flush(Value self, const Args&) {
  Value v = get_attr_or_empty(self, closed_attr());
  if (!v.is_empty() && truthy(v)) closed_error();
  return Value::none();
}

Value iob_enter(Value self, const Args&) {
  check_closed(self);
  return self;
}
Value iob_exit(Value self, const Args&) { return call_attr(self, "close"); }
Value iob_false(Value, const Args&) { return Value::boolean(false); }
Value iob_isatty(Value self, const Args&) {
  check_closed(self);
  return Value::boolean(false);
}
Value iob_seek(Value, const Args&) { unsupported("seek"); }
Value iob_truncate(Value, const Args&) { unsupported("truncate"); }
Value iob_fileno(Value, const Args&) { unsupported("fileno"); }
Value iob_tell(Value self, const Args&) { return call2(attr(self, "seek"), Value::small_int(0), Value::small_int(1)); }
Value iob_check_closed(Value self, const Args&) {
  check_closed(self);
  return Value::none();
}

template <const char* Method, const char* Message> Value iob_check(Value self, const Args&) {
  if (!truthy(call_attr(self, Method))) unsupported(Message);
  return Value::none();
}
constexpr char kReadable[] = "readable", kWritable[] = "writable", kSeekable[] = "seekable";
constexpr char kNotReadable[] = "File or stream is not readable.", kNotWritable[] = "File or stream is not writable.",
               kNotSeekable[] = "File or stream is not seekable.";

// readline(size=-1) of a binary stream: peek() when there is one, else read(1) at a time.
Value iob_readline(Value self, const Args& a) {
  int64_t limit = size_arg(a, "readline");
  std::string line;
  Value peek = get_attr_or_empty(self, intern("peek"));
  while (limit < 0 || static_cast<int64_t>(line.size()) < limit) {
    int64_t n = 1;
    if (!peek.is_empty()) {
      Value ahead = call1(peek, Value::small_int(1));
      auto bytes = bytes_like(ahead);
      if (!bytes) raise_fmt(types::os_error, "peek() should have returned a bytes object, not '{}'", tname(ahead));
      if (bytes->empty()) break;
      size_t nl = bytes->find('\n');
      n = nl == std::string_view::npos ? static_cast<int64_t>(bytes->size()) : static_cast<int64_t>(nl) + 1;
      if (limit >= 0) n = std::min<int64_t>(n, limit - static_cast<int64_t>(line.size()));
    }
    Value chunk = call_attr(self, "read", Value::small_int(n));
    auto bytes = bytes_like(chunk);
    if (!bytes) raise_fmt(types::os_error, "read() should have returned a bytes object, not '{}'", tname(chunk));
    if (bytes->empty()) break;
    line += *bytes;
    if (line.back() == '\n') break;
  }
  return make_bytes(line);
}

Value iob_iter(Value self, const Args&) {
  check_closed(self);
  return self;
}

Value iob_next(Value self, const Args&) {
  Value line = call_attr(self, "readline");
  if (length(line) == 0) raise(types::stop_iteration, "");
  return line;
}

Value iob_readlines(Value self, const Args& a) {
  int64_t hint = size_arg(a, "readlines");
  List* out = new_list();
  if (hint <= 0) {
    Value it = get_iter(self);
    Value x;
    while (iter_next(it, x))
      list_append(out, x);
    return Value::object(out);
  }
  int64_t total = 0;
  Value it = get_iter(self);
  Value x;
  while (iter_next(it, x)) {
    list_append(out, x);
    total += length(x);
    if (total >= hint) break;
  }
  return Value::object(out);
}

Value iob_writelines(Value self, const Args& a) {
  check_one(a, "writelines");
  check_closed(self);
  Value it = get_iter(a[0]);
  Value x;
  while (iter_next(it, x))
    call_attr(self, "write", x);
  return Value::none();
}

// _RawIOBase.read(size=-1): readinto() a bytearray of that size; readall() for all.
Value raw_read(Value self, const Args& a) {
  int64_t n = size_arg(a, "read");
  if (n < 0) return call_attr(self, "readall");
  Value b = make_bytearray(std::string(static_cast<size_t>(n), '\0'));
  Value got = call_attr(self, "readinto", b);
  if (got.is_none()) return got;
  // (No bound check, as CPython: readinto may have grown the bytearray.)
  auto& data = b.as<ByteArray>()->data;
  size_t k = std::min(data.size(), static_cast<size_t>(std::max<int64_t>(arg_index(got), 0)));
  return make_bytes(std::string_view(reinterpret_cast<const char*>(data.data()), k));
}

Value raw_readall(Value self, const Args&) {
  std::string all;
  for (;;) {
    Value chunk = call_attr(self, "read", Value::small_int(kDefaultBufferSize));
    if (chunk.is_none()) {
      if (all.empty()) return chunk;
      break;
    }
    auto bytes = bytes_like(chunk);
    if (!bytes) raise_type_error("read() should return bytes");
    if (bytes->empty()) break;
    all += *bytes;
  }
  return make_bytes(all);
}

template <const char* What> Value unsupported_method(Value, const Args&) { unsupported(What); }
constexpr char kRead[] = "read", kRead1[] = "read1", kWrite[] = "write", kDetach[] = "detach", kReadline[] = "readline";

// _BufferedIOBase.readinto(b): read(len(b)) copied into the bytearray.
Value buffered_readinto(Value self, const Args& a) {
  check_one(a, "readinto");
  if (!is_kind(a[0], Kind::Object) || type_of(a[0]) != &bytearray_type)
    raise_fmt(types::type_error, "readinto() argument must be read-write bytes-like object, not {}", tname(a[0]));
  auto& dst = a[0].as<ByteArray>()->data;
  Value data = call_attr(self, "read", Value::small_int(static_cast<int64_t>(dst.size())));
  auto bytes = bytes_like(data);
  if (!bytes) raise_type_error("read() should return bytes");
  std::memcpy(dst.data(), bytes->data(), bytes->size());
  return Value::small_int(static_cast<int64_t>(bytes->size()));
}

Value text_none(Value, const Args&) { return Value::none(); }

// ---- StringIO -------------------------------------------------------------------------------

struct StringIO : Object {
  GcVector<uint32_t> buf; // code points
  size_t pos;
  bool closed, ready;
  Newline newline;
  uint8_t seen; // newlines met by the universal decoder: 1 "\r", 2 "\n", 4 "\r\n"
};

StringIO* sio(Value self, const char* method) {
  StringIO* s = receiver<StringIO>(self, stringio_type, method);
  if (!s->ready) raise_value_error("I/O operation on uninitialized object");
  if (s->closed) raise_value_error("I/O operation on closed file"); // (StringIO's has no period)
  return s;
}

Value seen_newlines(uint8_t seen) {
  static constexpr const char* kNames[] = {"\r", "\n", "\r\n"};
  GcVector<Value> kinds;
  for (int i = 0; i < 3; ++i)
    if (seen & (1 << i)) kinds.push_back(str_value(kNames[i]));
  if (kinds.empty()) return Value::none();
  if (kinds.size() == 1) return kinds[0];
  return Value::object(new_tuple(std::span<const Value>(kinds.data(), kinds.size())));
}

// The universal decoder: records the endings met and, when translating,
// makes "\r\n" and "\r" into "\n".
std::vector<uint32_t> decode_newlines(std::vector<uint32_t> text, bool translate, uint8_t& seen) {
  std::vector<uint32_t> out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    uint32_t c = text[i];
    if (c == '\r') {
      bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
      seen |= crlf ? 4 : 1;
      if (translate) {
        out.push_back('\n');
        if (crlf) ++i;
        continue;
      }
    } else if (c == '\n' && !(i > 0 && text[i - 1] == '\r')) {
      seen |= 2;
    }
    out.push_back(c);
  }
  return out;
}

void sio_write_text(StringIO* s, std::string_view utf8) {
  std::vector<uint32_t> text = utf8_decode(utf8);
  if (s->newline == Newline::Translate || s->newline == Newline::Universal)
    text = decode_newlines(std::move(text), s->newline == Newline::Translate, s->seen);
  if (s->newline == Newline::Cr || s->newline == Newline::CrLf) {
    std::vector<uint32_t> out;
    for (uint32_t c : text) {
      if (c != '\n') {
        out.push_back(c);
        continue;
      }
      out.push_back('\r');
      if (s->newline == Newline::CrLf) out.push_back('\n');
    }
    text = std::move(out);
  }
  if (text.empty()) return;
  if (s->pos > s->buf.size()) s->buf.resize(s->pos, 0);
  size_t end = s->pos + text.size();
  if (end > s->buf.size()) s->buf.resize(end);
  std::copy(text.begin(), text.end(), s->buf.begin() + static_cast<std::ptrdiff_t>(s->pos));
  s->pos = end;
}

Value cps_to_str(const uint32_t* p, size_t n) {
  std::string out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i)
    utf8_append(out, p[i]);
  return str_value(out);
}

Value sio_init(Value self, const Args& a) {
  auto* s = receiver<StringIO>(self, stringio_type, "__init__");
  Value p[2];
  bind_args(a, "StringIO", {"initial_value", "newline"}, 0, p);
  Newline nl = p[1].is_empty() ? Newline::Lf : newline_arg(p[1], "newline must be str or None, not {}");
  Value init = p[0];
  if (!init.is_empty() && !init.is_none() && !is_str(init))
    raise_fmt(types::type_error, "initial_value must be str or None, not {}", tname(init));
  s->buf.clear();
  s->pos = 0;
  s->closed = false;
  s->ready = true;
  s->newline = nl;
  s->seen = 0;
  if (is_str(init) && init.as<Str>()->nbytes) {
    sio_write_text(s, init.as<Str>()->view());
    s->pos = 0;
  }
  return Value::none();
}

Value sio_getvalue(Value self, const Args& a) {
  check_none(a, "getvalue");
  StringIO* s = sio(self, "getvalue");
  return cps_to_str(s->buf.data(), s->buf.size());
}

Value sio_read(Value self, const Args& a) {
  StringIO* s = sio(self, "read");
  int64_t n = size_arg(a, "read");
  size_t avail = s->pos < s->buf.size() ? s->buf.size() - s->pos : 0;
  size_t take = n < 0 ? avail : std::min(avail, static_cast<size_t>(n));
  Value r = cps_to_str(s->buf.data() + s->pos, take);
  s->pos += take;
  return r;
}

// The length of the line starting at `from` (with its ending), at most `limit`.
size_t line_length(const uint32_t* p, size_t n, Newline mode, int64_t limit) {
  size_t end = limit >= 0 ? std::min(n, static_cast<size_t>(limit)) : n;
  for (size_t i = 0; i < end; ++i) {
    uint32_t c = p[i];
    switch (mode) {
    case Newline::Translate:
    case Newline::Lf:
      if (c == '\n') return i + 1;
      break;
    case Newline::Cr:
      if (c == '\r') return i + 1;
      break;
    case Newline::CrLf:
      if (c == '\r' && i + 1 < n && p[i + 1] == '\n') return std::min(i + 2, end);
      break;
    case Newline::Universal:
      if (c == '\n') return i + 1;
      if (c == '\r') return i + 1 < n && p[i + 1] == '\n' ? std::min(i + 2, end) : i + 1;
      break;
    }
  }
  return end;
}

Value sio_readline(Value self, const Args& a) {
  StringIO* s = sio(self, "readline");
  int64_t limit = size_arg(a, "readline");
  if (s->pos >= s->buf.size()) return str_value("");
  size_t n = line_length(s->buf.data() + s->pos, s->buf.size() - s->pos, s->newline, limit);
  Value r = cps_to_str(s->buf.data() + s->pos, n);
  s->pos += n;
  return r;
}

Value sio_next(Value self, const Args&) {
  Value line = sio_readline(self, Args{});
  if (line.as<Str>()->nbytes == 0) raise(types::stop_iteration, "");
  return line;
}

Value sio_write(Value self, const Args& a) {
  check_one(a, "write");
  StringIO* s = sio(self, "write");
  if (!is_str(a[0])) raise_fmt(types::type_error, "string argument expected, got '{}'", tname(a[0]));
  Str* text = a[0].as<Str>();
  sio_write_text(s, text->view());
  return make_int(static_cast<int64_t>(text->length));
}

// seek(pos, whence=0) of StringIO: only absolute positions and (0, 1), (0, 2).
Value sio_seek(Value self, const Args& a) {
  check_takes(a, "seek", 1, 2);
  StringIO* s = sio(self, "seek");
  int64_t pos = arg_index(a[0]);
  int64_t whence = a.npos > 1 ? arg_index(a[1]) : 0;
  if (whence != 0 && whence != 1 && whence != 2)
    raise_fmt(types::value_error, "Invalid whence ({}, should be 0, 1 or 2)", whence);
  if (pos < 0 && whence == 0) raise_fmt(types::value_error, "Negative seek position {}", pos);
  if (whence != 0 && pos != 0) raise(types::os_error, "Can't do nonzero cur-relative seeks");
  if (whence == 1)
    pos = static_cast<int64_t>(s->pos);
  else if (whence == 2)
    pos = static_cast<int64_t>(s->buf.size());
  s->pos = static_cast<size_t>(pos);
  return make_int(pos);
}

Value sio_tell(Value self, const Args& a) {
  check_none(a, "tell");
  return make_int(static_cast<int64_t>(sio(self, "tell")->pos));
}

Value sio_truncate(Value self, const Args& a) {
  check_takes(a, "truncate", 0, 1);
  StringIO* s = sio(self, "truncate");
  int64_t size = a.npos == 0 || a[0].is_none() ? static_cast<int64_t>(s->pos) : arg_index(a[0]);
  if (size < 0) raise_fmt(types::value_error, "Negative size value {}", size);
  if (static_cast<size_t>(size) < s->buf.size()) s->buf.resize(static_cast<size_t>(size));
  return make_int(size);
}

Value sio_true(Value self, const Args&) {
  sio(self, "readable");
  return Value::boolean(true);
}

Value sio_close(Value self, const Args&) {
  auto* s = receiver<StringIO>(self, stringio_type, "close");
  s->closed = true;
  s->buf.clear();
  s->buf.shrink_to_fit();
  return Value::none();
}

Value sio_closed(Value self, const Args&) {
  auto* s = receiver<StringIO>(self, stringio_type, "closed");
  if (!s->ready) raise_value_error("I/O operation on uninitialized object");
  return Value::boolean(s->closed);
}

Value sio_line_buffering(Value self, const Args&) {
  sio(self, "line_buffering");
  return Value::boolean(false);
}

Value sio_newlines(Value self, const Args&) {
  StringIO* s = sio(self, "newlines");
  if (s->newline != Newline::Translate && s->newline != Newline::Universal) return Value::none();
  return seen_newlines(s->seen);
}

// ---- BytesIO --------------------------------------------------------------------------------

struct BytesIO : Object {
  GcVector<unsigned char> buf;
  size_t pos;
  bool closed;
};

BytesIO* bio(Value self, const char* method) {
  BytesIO* b = receiver<BytesIO>(self, bytesio_type, method);
  if (b->closed) closed_error();
  return b;
}

Value bytes_of(const BytesIO* b, size_t from, size_t n) {
  return make_bytes(std::string_view(reinterpret_cast<const char*>(b->buf.data()) + from, n));
}

Value bio_init(Value self, const Args& a) {
  auto* b = receiver<BytesIO>(self, bytesio_type, "__init__");
  Value p[1];
  bind_args(a, "BytesIO", {"initial_bytes"}, 0, p);
  b->buf.clear();
  b->pos = 0;
  b->closed = false;
  if (!p[0].is_empty() && !p[0].is_none()) {
    auto data = bytes_like(p[0]);
    if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(p[0]));
    b->buf.assign(data->begin(), data->end());
  }
  return Value::none();
}

Value bio_getvalue(Value self, const Args& a) {
  check_none(a, "getvalue");
  BytesIO* b = bio(self, "getvalue");
  return bytes_of(b, 0, b->buf.size());
}

Value bio_read(Value self, const Args& a) {
  BytesIO* b = bio(self, "read");
  int64_t n = size_arg(a, "read");
  size_t avail = b->pos < b->buf.size() ? b->buf.size() - b->pos : 0;
  size_t take = n < 0 ? avail : std::min(avail, static_cast<size_t>(n));
  Value r = bytes_of(b, b->pos, take);
  b->pos += take;
  return r;
}

Value bio_readline(Value self, const Args& a) {
  BytesIO* b = bio(self, "readline");
  int64_t limit = size_arg(a, "readline");
  if (b->pos >= b->buf.size()) return make_bytes("");
  size_t avail = b->buf.size() - b->pos;
  size_t end = limit >= 0 ? std::min(avail, static_cast<size_t>(limit)) : avail;
  size_t n = end;
  for (size_t i = 0; i < end; ++i)
    if (b->buf[b->pos + i] == '\n') {
      n = i + 1;
      break;
    }
  Value r = bytes_of(b, b->pos, n);
  b->pos += n;
  return r;
}

Value bio_next(Value self, const Args&) {
  Value line = bio_readline(self, Args{});
  if (bytes_like(line)->empty()) raise(types::stop_iteration, "");
  return line;
}

Value bio_readinto(Value self, const Args& a) {
  check_one(a, "readinto");
  BytesIO* b = bio(self, "readinto");
  if (type_of(a[0]) != &bytearray_type)
    raise_fmt(types::type_error, "readinto() argument must be read-write bytes-like object, not {}", tname(a[0]));
  auto& dst = a[0].as<ByteArray>()->data;
  size_t avail = b->pos < b->buf.size() ? b->buf.size() - b->pos : 0;
  size_t n = std::min(avail, dst.size());
  std::memcpy(dst.data(), b->buf.data() + b->pos, n);
  b->pos += n;
  return make_int(static_cast<int64_t>(n));
}

Value bio_write(Value self, const Args& a) {
  check_one(a, "write");
  BytesIO* b = bio(self, "write");
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  std::string copy(*data); // (writing a BytesIO's own getvalue() into it)
  if (copy.empty()) return Value::small_int(0);
  size_t end = b->pos + copy.size();
  if (end > b->buf.size()) b->buf.resize(end, 0);
  std::memcpy(b->buf.data() + b->pos, copy.data(), copy.size());
  b->pos = end;
  return make_int(static_cast<int64_t>(copy.size()));
}

Value bio_seek(Value self, const Args& a) {
  check_takes(a, "seek", 1, 2);
  BytesIO* b = bio(self, "seek");
  int64_t pos = arg_index(a[0]);
  int64_t whence = a.npos > 1 ? arg_index(a[1]) : 0;
  if (pos < 0 && whence == 0) raise_fmt(types::value_error, "negative seek value {}", pos);
  if (whence == 1)
    pos += static_cast<int64_t>(b->pos);
  else if (whence == 2)
    pos += static_cast<int64_t>(b->buf.size());
  else if (whence != 0)
    raise_fmt(types::value_error, "invalid whence ({}, should be 0, 1 or 2)", whence);
  if (pos < 0) pos = 0;
  b->pos = static_cast<size_t>(pos);
  return make_int(pos);
}

Value bio_tell(Value self, const Args& a) {
  check_none(a, "tell");
  return make_int(static_cast<int64_t>(bio(self, "tell")->pos));
}

Value bio_truncate(Value self, const Args& a) {
  check_takes(a, "truncate", 0, 1);
  BytesIO* b = bio(self, "truncate");
  int64_t size = a.npos == 0 || a[0].is_none() ? static_cast<int64_t>(b->pos) : arg_index(a[0]);
  if (size < 0) raise_fmt(types::value_error, "negative size value {}", size);
  if (static_cast<size_t>(size) < b->buf.size()) b->buf.resize(static_cast<size_t>(size));
  return make_int(size);
}

Value bio_true(Value self, const Args&) {
  bio(self, "readable");
  return Value::boolean(true);
}

Value bio_close(Value self, const Args&) {
  auto* b = receiver<BytesIO>(self, bytesio_type, "close");
  b->closed = true;
  b->buf.clear();
  b->buf.shrink_to_fit();
  return Value::none();
}

Value bio_closed(Value self, const Args&) {
  return Value::boolean(receiver<BytesIO>(self, bytesio_type, "closed")->closed);
}

// getbuffer(): a read-only memoryview of a snapshot of the contents (CPython's
// view is writable and shares the buffer; what pickle's framing needs is a view to read).
Value bio_getbuffer(Value self, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "getbuffer() takes no arguments");
  BytesIO* b = bio(self, "getbuffer");
  Value snapshot = bytes_of(b, 0, b->buf.size());
  return call1(Value::object(&memoryview_type), snapshot);
}

// ---- TextIOWrapper --------------------------------------------------------------------------

struct TextWrapper : Object {
  Value buffer;         // empty once detached
  Value encoding;       // str
  Value errors;         // str
  Value mode;           // what the program set (open() and tokenize.open set it), or empty
  std::string* pending; // decoded text not yet returned (UTF-8, newlines untranslated)
  std::string* raw;     // undecoded bytes (an incomplete UTF-8 sequence)
  Newline newline;
  bool line_buffering, write_through, eof, ready;
  uint8_t seen;
};

TextWrapper* tw(Value self, const char* method) {
  TextWrapper* t = receiver<TextWrapper>(self, textiowrapper_type, method);
  if (!t->ready) raise_value_error("I/O operation on uninitialized object");
  if (t->buffer.is_empty()) raise_value_error("underlying buffer has been detached");
  return t;
}

bool is_utf8(Value encoding) {
  std::string e = str_string(encoding);
  for (char& c : e)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e == "utf-8" || e == "utf8" || e == "utf_8";
}

Value tw_init(Value self, const Args& a) {
  auto* t = receiver<TextWrapper>(self, textiowrapper_type, "__init__");
  Value p[6];
  bind_args(a, "TextIOWrapper", {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1, p);
  Value encoding = p[1].is_empty() || p[1].is_none() ? str_value("UTF-8") : p[1];
  if (!is_str(encoding))
    raise_fmt(types::type_error, "TextIOWrapper() argument 'encoding' must be str or None, not {}", tname(encoding));
  if (str_string(encoding) == "locale") encoding = str_value("UTF-8");
  Value errors = p[2].is_empty() || p[2].is_none() ? str_value("strict") : p[2];
  if (!is_str(errors))
    raise_fmt(types::type_error, "TextIOWrapper() argument 'errors' must be str or None, not {}", tname(errors));
  t->newline = newline_arg(p[3], "TextIOWrapper() argument 'newline' must be str or None, not {}");
  decode_bytes("", str_string(encoding), str_string(errors)); // LookupError for an unknown encoding
  t->buffer = p[0];
  t->encoding = encoding;
  t->errors = errors;
  t->pending = new std::string();
  t->raw = new std::string();
  t->line_buffering = !p[4].is_empty() && truthy(p[4]);
  t->write_through = !p[5].is_empty() && truthy(p[5]);
  t->eof = false;
  t->seen = 0;
  t->ready = true;
  return Value::none();
}

// Reads one chunk from the buffer into `pending`; false at the end.
bool tw_fill(TextWrapper* t) {
  if (t->eof) return false;
  Value read1 = get_attr_or_empty(t->buffer, intern("read1"));
  Value chunk = call1(read1.is_empty() ? attr(t->buffer, "read") : read1, Value::small_int(kDefaultBufferSize));
  auto bytes = bytes_like(chunk);
  if (!bytes)
    raise_fmt(types::type_error, "underlying {}() should have returned a bytes-like object, not '{}'",
              read1.is_empty() ? "read" : "read1", tname(chunk));
  std::string data = *t->raw + std::string(*bytes);
  t->raw->clear();
  if (bytes->empty())
    t->eof = true;
  else if (is_utf8(t->encoding)) {
    // Keep an incomplete trailing sequence for the next chunk.
    size_t i = data.size(), back = 0;
    while (i > 0 && back < 4 && (static_cast<unsigned char>(data[i - 1]) & 0xC0) == 0x80)
      --i, ++back;
    if (i > 0) {
      auto lead = static_cast<unsigned char>(data[i - 1]);
      size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      if (need > back + 1) {
        *t->raw = data.substr(i - 1);
        data.resize(i - 1);
      }
    }
  }
  Value text = decode_bytes(data, str_string(t->encoding), str_string(t->errors));
  *t->pending += text.as<Str>()->view();
  return !t->eof || !t->pending->empty();
}

// Takes `n` bytes of pending text, with newlines translated for newline=None.
Value tw_take(TextWrapper* t, size_t n) {
  std::string out = t->pending->substr(0, n);
  t->pending->erase(0, n);
  if (t->newline == Newline::Translate || t->newline == Newline::Universal) {
    std::string conv;
    for (size_t i = 0; i < out.size(); ++i) {
      char c = out[i];
      if (c == '\r') {
        bool crlf = i + 1 < out.size() && out[i + 1] == '\n';
        t->seen |= crlf ? 4 : 1;
        if (t->newline == Newline::Translate) {
          conv += '\n';
          if (crlf) ++i;
          continue;
        }
      } else if (c == '\n' && !(i > 0 && out[i - 1] == '\r')) {
        t->seen |= 2;
      }
      conv += c;
    }
    out = std::move(conv);
  }
  return str_value(out);
}

Value tw_read(Value self, const Args& a) {
  TextWrapper* t = tw(self, "read");
  int64_t n = size_arg(a, "read");
  if (!truthy(call_attr(t->buffer, "readable"))) unsupported("not readable");
  if (n < 0) {
    while (tw_fill(t) && !t->eof) {
    }
    return tw_take(t, t->pending->size());
  }
  // n code points (a "\r\n" counting as one when translated).
  for (;;) {
    size_t chars = 0, i = 0;
    const std::string& p = *t->pending;
    while (i < p.size() && chars < static_cast<size_t>(n)) {
      size_t step = 1;
      while (i + step < p.size() && (static_cast<unsigned char>(p[i + step]) & 0xC0) == 0x80)
        ++step;
      if (t->newline == Newline::Translate && p[i] == '\r' && i + 1 < p.size() && p[i + 1] == '\n') step = 2;
      i += step;
      ++chars;
    }
    bool cr_at_end = t->newline == Newline::Translate && i == p.size() && i > 0 && p[i - 1] == '\r';
    if ((chars == static_cast<size_t>(n) && !cr_at_end) || t->eof) return tw_take(t, i);
    tw_fill(t);
  }
}

Value tw_readline(Value self, const Args& a) {
  TextWrapper* t = tw(self, "readline");
  int64_t limit = size_arg(a, "readline");
  for (;;) {
    const std::string& p = *t->pending;
    Newline mode = t->newline;
    size_t end = std::string::npos;
    for (size_t i = 0; i < p.size(); ++i) {
      char c = p[i];
      bool universal = mode == Newline::Translate || mode == Newline::Universal;
      if ((universal || mode == Newline::Lf) && c == '\n') {
        end = i + 1;
        break;
      }
      if (c == '\r' && (universal || mode == Newline::Cr || mode == Newline::CrLf)) {
        if (i + 1 == p.size() && !t->eof && mode != Newline::Cr) break; // "\r\n" split over chunks
        if (i + 1 < p.size() && p[i + 1] == '\n' && mode != Newline::Cr) {
          end = i + 2;
          break;
        }
        if (mode != Newline::CrLf) {
          end = i + 1;
          break;
        }
      }
    }
    if (end == std::string::npos && !t->eof && tw_fill(t)) continue;
    if (end == std::string::npos) end = p.size();
    if (limit >= 0) {
      size_t off = utf8_offset(p, limit);
      if (off < end) end = off;
    }
    return tw_take(t, end);
  }
}

Value tw_next(Value self, const Args&) {
  Value line = tw_readline(self, Args{});
  if (line.as<Str>()->nbytes == 0) raise(types::stop_iteration, "");
  return line;
}

Value tw_write(Value self, const Args& a) {
  check_one(a, "write");
  TextWrapper* t = tw(self, "write");
  if (!is_str(a[0])) raise_fmt(types::type_error, "write() argument must be str, not {}", tname(a[0]));
  if (truthy(attr(t->buffer, "closed"))) closed_error();
  Str* s = a[0].as<Str>();
  std::string text(s->view());
  std::string_view nl = t->newline == Newline::Translate ? "\n" : written_newline(t->newline);
  if (nl != "\n") {
    std::string out;
    for (char c : text) {
      if (c == '\n')
        out += nl;
      else
        out += c;
    }
    text = std::move(out);
  }
  call_attr(t->buffer, "write", encode_text(text, str_string(t->encoding), str_string(t->errors)));
  if (t->line_buffering && (text.find('\n') != std::string::npos || text.find('\r') != std::string::npos))
    call_attr(t->buffer, "flush");
  t->pending->clear();
  t->raw->clear();
  t->eof = false;
  return make_int(static_cast<int64_t>(s->length));
}

Value tw_flush(Value self, const Args&) {
  TextWrapper* t = tw(self, "flush");
  return call_attr(t->buffer, "flush");
}

Value tw_close(Value self, const Args&) {
  TextWrapper* t = tw(self, "close");
  if (truthy(attr(t->buffer, "closed"))) return Value::none();
  try {
    call_attr(self, "flush");
  } catch (...) {
    call_attr(t->buffer, "close");
    throw;
  }
  return call_attr(t->buffer, "close");
}

Value tw_seek(Value self, const Args& a) {
  check_takes(a, "seek", 1, 2);
  TextWrapper* t = tw(self, "seek");
  if (truthy(attr(t->buffer, "closed"))) closed_error();
  int64_t whence = a.npos > 1 ? arg_index(a[1]) : 0;
  Value cookie = a[0];
  if (whence == 1 && !(is_integer(cookie) && arg_index(cookie) == 0))
    unsupported("can't do nonzero cur-relative seeks");
  if (whence == 2 && !(is_integer(cookie) && arg_index(cookie) == 0))
    unsupported("can't do nonzero end-relative seeks");
  if (whence != 0 && whence != 1 && whence != 2)
    raise_fmt(types::value_error, "invalid whence ({}, should be 0, 1 or 2)", whence);
  call_attr(self, "flush");
  if (whence == 1) cookie = call_attr(self, "tell"), whence = 0;
  int64_t pos = arg_index(cookie);
  if (pos < 0) raise_fmt(types::value_error, "negative seek position {}", repr_string(cookie));
  t->pending->clear();
  t->raw->clear();
  t->eof = false;
  return call2(attr(t->buffer, "seek"), Value::small_int(pos), Value::small_int(whence));
}

Value tw_tell(Value self, const Args&) {
  TextWrapper* t = tw(self, "tell");
  call_attr(self, "flush");
  int64_t pos = arg_index(call_attr(t->buffer, "tell"));
  auto unread = encode_text(*t->pending, str_string(t->encoding), str_string(t->errors));
  return make_int(pos - static_cast<int64_t>(bytes_like(unread)->size() + t->raw->size()));
}

Value tw_detach(Value self, const Args&) {
  TextWrapper* t = tw(self, "detach");
  call_attr(self, "flush");
  Value b = t->buffer;
  t->buffer = Value::empty();
  return b;
}

template <const char* Name> Value tw_delegate(Value self, const Args&) {
  return call_attr(tw(self, Name)->buffer, Name);
}
constexpr char kFileno[] = "fileno", kIsatty[] = "isatty";

Value tw_truncate(Value self, const Args& a) {
  TextWrapper* t = tw(self, "truncate");
  call_attr(self, "flush");
  return call(attr(t->buffer, "truncate"), a);
}

Value tw_buffer(Value self, const Args&) { return tw(self, "buffer")->buffer; }
Value tw_encoding(Value self, const Args&) { return tw(self, "encoding")->encoding; }
Value tw_errors(Value self, const Args&) { return tw(self, "errors")->errors; }
Value tw_line_buffering(Value self, const Args&) { return Value::boolean(tw(self, "line_buffering")->line_buffering); }
Value tw_write_through(Value self, const Args&) { return Value::boolean(tw(self, "write_through")->write_through); }
Value tw_closed(Value self, const Args&) { return attr(tw(self, "closed")->buffer, "closed"); }
Value tw_name(Value self, const Args&) { return attr(tw(self, "name")->buffer, "name"); }
Value tw_mode(Value self, const Args&) {
  auto* t = receiver<TextWrapper>(self, textiowrapper_type, "mode");
  if (t->mode.is_empty()) raise(types::attribute_error, "'_io.TextIOWrapper' object has no attribute 'mode'");
  return t->mode;
}
Value tw_set_mode(Value self, const Args& a) {
  receiver<TextWrapper>(self, textiowrapper_type, "mode")->mode = a[0];
  return Value::none();
}
Value tw_newlines(Value self, const Args&) {
  TextWrapper* t = tw(self, "newlines");
  if (t->newline != Newline::Translate && t->newline != Newline::Universal) return Value::none();
  return seen_newlines(t->seen);
}

Value tw_repr(Value self, const Args&) {
  TextWrapper* t = receiver<TextWrapper>(self, textiowrapper_type, "__repr__");
  std::string out = "<_io.TextIOWrapper";
  if (t->ready && !t->buffer.is_empty()) {
    for (const char* field : {"name", "mode"}) {
      Value v;
      try {
        v = get_attr_or_empty(self, intern(field));
      } catch (...) {
        v = Value::empty(); // (CPython ignores the errors of name and mode)
      }
      if (!v.is_empty()) out += fmt::format(" {}={}", field, repr_string(v));
    }
    out += " encoding=" + repr_string(t->encoding);
  }
  return str_value(out + ">");
}

// ---- construction ---------------------------------------------------------------------------

Value blank(Type* layout) {
  if (layout == &stringio_type) {
    auto* s = gc::make<StringIO>();
    s->type = layout;
    return Value::object(s);
  }
  if (layout == &bytesio_type) {
    auto* b = gc::make<BytesIO>();
    b->type = layout;
    return Value::object(b);
  }
  if (layout == &textiowrapper_type) {
    auto* t = gc::make<TextWrapper>();
    t->type = layout;
    t->buffer = Value::empty();
    t->mode = Value::empty();
    return Value::object(t);
  }
  if (layout == &fileio_type || layout == &buffered_reader_type || layout == &buffered_writer_type ||
      layout == &buffered_random_type || layout == &buffered_rwpair_type)
    return io::blank_file_object(layout);
  auto* o = gc::make<Object>();
  o->type = layout;
  return Value::object(o);
}

Value io_construct(Value cls, const Args& a);

// T.__new__(cls, *args, **kwargs): a blank object of cls (its __init__ fills it).
Value io_new(Value, const Args& a) {
  if (a.npos == 0 || !is_type(a[0])) raise(types::type_error, "_io.__new__(X): X is not a type object");
  Type* cls = a[0].as<Type>();
  Type* layout = nullptr;
  for (Value m : cls->mro->span()) {
    Type* t = m.as<Type>();
    if (t->construct == io_construct) {
      layout = t;
      break;
    }
  }
  if (!layout) raise_fmt(types::type_error, "_io.__new__({}): not a subtype of an _io class", cls->name);
  if (layout == &newline_decoder_type)
    raise_fmt(types::not_implemented_error, "_io.{} is not supported yet", layout->name);
  Value base = blank(layout);
  return cls == layout ? base : new_builtin_subclass_instance(cls, base);
}

// Calls `fn` with `first` prepended to the arguments (keywords kept).
Value call_with_first(Value fn, Value first, const Args& a) {
  GcVector<Value> buf;
  buf.reserve(a.npos + 1);
  buf.push_back(first);
  buf.insert(buf.end(), a.pos, a.pos + a.npos);
  return call(fn, Args{buf.data(), a.npos + 1, a.kwnames, a.kwvals, a.nkw});
}

// `T(...)` for the _io types themselves: __new__ then __init__.
Value io_construct(Value cls, const Args& a) {
  Value obj = io_new(Value::empty(), Args{&cls, 1});
  Value init = type_lookup(cls.as<Type>(), intern("__init__"));
  if (!init.is_empty())
    call_with_first(init, obj, a);
  else if (a.npos || a.nkw)
    raise_fmt(types::type_error, "{}() takes no arguments", cls.as<Type>()->name);
  return obj;
}

void init_io_type(Type& t, const char* name, Type* base, uint32_t size) {
  init_type(t, name, Kind::Object, base);
  t.module_name = Value::object(intern("_io"));
  t.is_builtin = false;
  t.basic_size = size;
  t.construct = io_construct;
  add_static_method(t, "__new__", io_new);
}

Value text_encoding(Value, const Args& a) {
  Value p[2];
  bind_args(a, "text_encoding", {"encoding", "stacklevel"}, 1, p);
  return p[0].is_none() ? str_value("locale") : p[0];
}

Value open_code(Value, const Args& a) {
  Value p[1];
  bind_args(a, "open_code", {"path"}, 1, p);
  if (!is_str(p[0])) raise_fmt(types::type_error, "open_code() argument 'path' must be str, not {}", tname(p[0]));
  Value open = *dict_find_str(vm::state().builtins->dict, intern("open"));
  return call2(open, p[0], str_value("rb"));
}

void init_types() {
  init_io_type(iobase_type, "_IOBase", &types::object, sizeof(Object));
  add_methods(iobase_type, {
                               {"close", self_or_first<iob_close>},
                               {"flush", self_or_first<iob_flush>},
                               {"__enter__", self_or_first<iob_enter>},
                               {"__exit__", self_or_first<iob_exit>},
                               {"seekable", self_or_first<iob_false>},
                               {"readable", self_or_first<iob_false>},
                               {"writable", self_or_first<iob_false>},
                               {"isatty", self_or_first<iob_isatty>},
                               {"seek", self_or_first<iob_seek>},
                               {"tell", self_or_first<iob_tell>},
                               {"truncate", self_or_first<iob_truncate>},
                               {"fileno", self_or_first<iob_fileno>},
                               {"readline", self_or_first<iob_readline>},
                               {"readlines", self_or_first<iob_readlines>},
                               {"writelines", self_or_first<iob_writelines>},
                               {"__iter__", self_or_first<iob_iter>},
                               {"__next__", self_or_first<iob_next>},
                               {"_checkClosed", self_or_first<iob_check_closed>},
                               {"_checkReadable", self_or_first<iob_check<kReadable, kNotReadable>>},
                               {"_checkWritable", self_or_first<iob_check<kWritable, kNotWritable>>},
                               {"_checkSeekable", self_or_first<iob_check<kSeekable, kNotSeekable>>},
                           });
  add_getter(iobase_type, "closed", self_or_first<iob_closed>);

  init_io_type(rawiobase_type, "_RawIOBase", &iobase_type, sizeof(Object));
  add_methods(rawiobase_type, {{"read", self_or_first<raw_read>}, {"readall", self_or_first<raw_readall>}});
  init_io_type(bufferediobase_type, "_BufferedIOBase", &iobase_type, sizeof(Object));
  add_methods(bufferediobase_type, {
                                       {"read", self_or_first<unsupported_method<kRead>>},
                                       {"read1", self_or_first<unsupported_method<kRead1>>},
                                       {"write", self_or_first<unsupported_method<kWrite>>},
                                       {"detach", self_or_first<unsupported_method<kDetach>>},
                                       {"readinto", self_or_first<buffered_readinto>},
                                       {"readinto1", self_or_first<buffered_readinto>},
                                   });
  init_io_type(textiobase_type, "_TextIOBase", &iobase_type, sizeof(Object));
  add_methods(textiobase_type, {
                                   {"read", self_or_first<unsupported_method<kRead>>},
                                   {"readline", self_or_first<unsupported_method<kReadline>>},
                                   {"write", self_or_first<unsupported_method<kWrite>>},
                                   {"detach", self_or_first<unsupported_method<kDetach>>},
                               });
  for (const char* name : {"encoding", "newlines", "errors"})
    add_getter(textiobase_type, name, self_or_first<text_none>);

  init_io_type(stringio_type, "StringIO", &textiobase_type, sizeof(StringIO));
  add_methods(stringio_type, {
                                 {"__init__", self_or_first<sio_init>},
                                 {"getvalue", self_or_first<sio_getvalue>},
                                 {"read", self_or_first<sio_read>},
                                 {"readline", self_or_first<sio_readline>},
                                 {"__next__", self_or_first<sio_next>},
                                 {"write", self_or_first<sio_write>},
                                 {"seek", self_or_first<sio_seek>},
                                 {"tell", self_or_first<sio_tell>},
                                 {"truncate", self_or_first<sio_truncate>},
                                 {"readable", self_or_first<sio_true>},
                                 {"writable", self_or_first<sio_true>},
                                 {"seekable", self_or_first<sio_true>},
                                 {"close", self_or_first<sio_close>},
                             });
  add_getter(stringio_type, "closed", self_or_first<sio_closed>);
  add_getter(stringio_type, "line_buffering", self_or_first<sio_line_buffering>);
  add_getter(stringio_type, "newlines", self_or_first<sio_newlines>);

  init_io_type(bytesio_type, "BytesIO", &bufferediobase_type, sizeof(BytesIO));
  add_methods(bytesio_type, {
                                {"__init__", self_or_first<bio_init>},
                                {"getvalue", self_or_first<bio_getvalue>},
                                {"getbuffer", self_or_first<bio_getbuffer>},
                                {"read", self_or_first<bio_read>},
                                {"read1", self_or_first<bio_read>},
                                {"readline", self_or_first<bio_readline>},
                                {"__next__", self_or_first<bio_next>},
                                {"readinto", self_or_first<bio_readinto>},
                                {"readinto1", self_or_first<bio_readinto>},
                                {"write", self_or_first<bio_write>},
                                {"seek", self_or_first<bio_seek>},
                                {"tell", self_or_first<bio_tell>},
                                {"truncate", self_or_first<bio_truncate>},
                                {"readable", self_or_first<bio_true>},
                                {"writable", self_or_first<bio_true>},
                                {"seekable", self_or_first<bio_true>},
                                {"close", self_or_first<bio_close>},
                            });
  add_getter(bytesio_type, "closed", self_or_first<bio_closed>);

  init_io_type(textiowrapper_type, "TextIOWrapper", &textiobase_type, sizeof(TextWrapper));
  add_methods(textiowrapper_type, {
                                      {"__init__", self_or_first<tw_init>},
                                      {"read", self_or_first<tw_read>},
                                      {"readline", self_or_first<tw_readline>},
                                      {"__next__", self_or_first<tw_next>},
                                      {"write", self_or_first<tw_write>},
                                      {"flush", self_or_first<tw_flush>},
                                      {"close", self_or_first<tw_close>},
                                      {"seek", self_or_first<tw_seek>},
                                      {"tell", self_or_first<tw_tell>},
                                      {"truncate", self_or_first<tw_truncate>},
                                      {"detach", self_or_first<tw_detach>},
                                      {"fileno", self_or_first<tw_delegate<kFileno>>},
                                      {"isatty", self_or_first<tw_delegate<kIsatty>>},
                                      {"readable", self_or_first<tw_delegate<kReadable>>},
                                      {"writable", self_or_first<tw_delegate<kWritable>>},
                                      {"seekable", self_or_first<tw_delegate<kSeekable>>},
                                      {"__repr__", self_or_first<tw_repr>},
                                  });
  for (const MethodDef& d :
       {MethodDef{"buffer", self_or_first<tw_buffer>}, MethodDef{"encoding", self_or_first<tw_encoding>},
        MethodDef{"errors", self_or_first<tw_errors>}, MethodDef{"line_buffering", self_or_first<tw_line_buffering>},
        MethodDef{"write_through", self_or_first<tw_write_through>}, MethodDef{"closed", self_or_first<tw_closed>},
        MethodDef{"name", self_or_first<tw_name>}, MethodDef{"newlines", self_or_first<tw_newlines>}})
    add_getter(textiowrapper_type, d.name, d.fn);
  add_attr(textiowrapper_type, "mode", native_property("mode", self_or_first<tw_mode>, self_or_first<tw_set_mode>));

  init_io_type(fileio_type, "FileIO", &rawiobase_type, io::kFileIOSize);
  init_io_type(buffered_reader_type, "BufferedReader", &bufferediobase_type, io::kBufferedSize);
  init_io_type(buffered_writer_type, "BufferedWriter", &bufferediobase_type, io::kBufferedSize);
  init_io_type(buffered_random_type, "BufferedRandom", &bufferediobase_type, io::kBufferedSize);
  init_io_type(buffered_rwpair_type, "BufferedRWPair", &bufferediobase_type, io::kBufferedSize);
  io::init_file_types(fileio_type, buffered_reader_type, buffered_writer_type, buffered_random_type,
                      buffered_rwpair_type);
  init_io_type(newline_decoder_type, "IncrementalNewlineDecoder", &types::object, sizeof(Object));
}

} // namespace

Module* make_io_module() {
  if (!iobase_type.dict) init_types();
  Module* m = new_module("_io");
  for (Type* t : {&iobase_type, &rawiobase_type, &bufferediobase_type, &textiobase_type, &stringio_type, &bytesio_type,
                  &textiowrapper_type, &fileio_type, &buffered_reader_type, &buffered_writer_type,
                  &buffered_random_type, &buffered_rwpair_type, &newline_decoder_type})
    add_value(m, t->name, Value::object(t));
  add_value(m, "DEFAULT_BUFFER_SIZE", Value::small_int(kDefaultBufferSize));
  add_value(m, "UnsupportedOperation", Value::object(&unsupported_operation_type()));
  Dict* builtins = vm::state().builtins->dict;
  add_value(m, "BlockingIOError", *dict_find_str(builtins, intern("BlockingIOError")));
  add_value(m, "open", *dict_find_str(builtins, intern("open")));
  add_function(m, "open_code", open_code);
  add_function(m, "text_encoding", text_encoding);
  return m;
}

} // namespace tributary::lib
