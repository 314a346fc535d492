// file.cpp — open() and file objects (text and binary), over stdio.
//
// A FileObj is a NativeIter, so `for line in f` steps it without a
// Python-level call; its Types are non-builtin so repr and the context
// manager methods come from their special methods. Text files decode and
// encode with the codecs of bytes.cpp (utf-8 by default); `tell()` is the
// byte offset (CPython's cookie for a stateless decoder). Errors follow
// CPython: FileNotFoundError "[Errno 2] No such file or directory: 'x'",
// ValueError "I/O operation on closed file.", io.UnsupportedOperation.
// Limits: no universal-newline translation of "\r\n" on read, no buffering
// or newline= arguments; a file descriptor given to open() is wrapped with
// fdopen (closefd=False wraps a duplicate).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

Type permission_error_type, is_a_directory_error_type, file_exists_error_type, not_a_directory_error_type;

namespace {

Type text_type, reader_type, writer_type, random_type, unsupported_type;

struct FileObj : NativeIter {
  FILE* fp;
  Value name;     // str
  Value mode;     // str as given
  Value encoding; // str (text files)
  bool binary, readable, writable, closed;
  // A text file's `buffer`: a binary file over the same FILE* (created on
  // first use), whose `owner` is the text file; closing either closes both.
  Value buffer, owner;
};

FileObj* F(Value v) { return v.as<FileObj>(); }

void check_open(FileObj* f) {
  if (f->closed) raise_value_error("I/O operation on closed file.");
}

[[noreturn]] void unsupported(const char* what) {
  raise(Value::object(new_exception(&unsupported_type, std::string_view(what))));
}

// io.UnsupportedOperation: text files say "not readable", binary ones name the operation.
void require(FileObj* f, bool ok, const char* text_msg, const char* op) {
  if (!ok) unsupported(f->binary ? op : text_msg);
}

std::string read_all(FILE* fp) {
  std::string out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) out.append(buf, n);
  return out;
}

std::string read_line_bytes(FILE* fp, int64_t limit) {
  std::string out;
  int c;
  while ((limit < 0 || static_cast<int64_t>(out.size()) < limit) && (c = std::fgetc(fp)) != EOF) {
    out.push_back(static_cast<char>(c));
    if (c == '\n') break;
  }
  return out;
}

std::string_view encoding_of(FileObj* f) { return f->encoding.as<Str>()->view(); }

Value decoded(FileObj* f, const std::string& data) {
  if (f->binary) return make_bytes(data);
  return decode_bytes(data, encoding_of(f), "strict");
}

// Reads n characters of UTF-8 text (whole sequences).
std::string read_chars(FILE* fp, int64_t n) {
  std::string out;
  for (int64_t i = 0; i < n; ++i) {
    int c = std::fgetc(fp);
    if (c == EOF) break;
    out.push_back(static_cast<char>(c));
    int extra = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
    for (int k = 0; k < extra; ++k) {
      int d = std::fgetc(fp);
      if (d == EOF) break;
      out.push_back(static_cast<char>(d));
    }
  }
  return out;
}

Value m_read(Value self, const Args& a) {
  check_takes(a, "read", 0, 1);
  FileObj* f = F(self);
  check_open(f);
  require(f, f->readable, "not readable", "read");
  int64_t n = a.npos && !a[0].is_none() ? arg_index(a[0]) : -1;
  if (n < 0) return decoded(f, read_all(f->fp));
  if (f->binary || encoding_of(f) != "utf-8") {
    std::string out(static_cast<size_t>(n), '\0');
    out.resize(std::fread(out.data(), 1, out.size(), f->fp));
    return decoded(f, out);
  }
  return decoded(f, read_chars(f->fp, n));
}

Value m_readline(Value self, const Args& a) {
  check_takes(a, "readline", 0, 1);
  FileObj* f = F(self);
  check_open(f);
  require(f, f->readable, "not readable", "readline");
  int64_t n = a.npos && !a[0].is_none() ? arg_index(a[0]) : -1;
  return decoded(f, read_line_bytes(f->fp, n));
}

Value m_readlines(Value self, const Args& a) {
  check_takes(a, "readlines", 0, 1);
  FileObj* f = F(self);
  check_open(f);
  require(f, f->readable, "not readable", "readline");
  List* l = new_list();
  while (true) {
    std::string line = read_line_bytes(f->fp, -1);
    if (line.empty()) break;
    l->items.push_back(decoded(f, line));
  }
  return Value::object(l);
}

size_t write_data(FileObj* f, Value v) {
  check_open(f);
  require(f, f->writable, "not writable", "write");
  std::string_view data;
  Value encoded;
  if (f->binary) {
    auto b = bytes_like(v);
    if (!b) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(v));
    data = *b;
  } else {
    if (!is_str(v)) raise_fmt(types::type_error, "write() argument must be str, not {}", tname(v));
    encoded = encode_text(v.as<Str>()->view(), encoding_of(f), "strict");
    data = *bytes_like(encoded);
  }
  std::fwrite(data.data(), 1, data.size(), f->fp);
  return f->binary ? data.size() : v.as<Str>()->length;
}

Value m_write(Value self, const Args& a) {
  check_one(a, "write");
  return make_int(static_cast<int64_t>(write_data(F(self), a[0])));
}

Value m_writelines(Value self, const Args& a) {
  check_one(a, "writelines");
  Value it = get_iter(a[0]);
  Value line;
  while (iter_next(it, line)) write_data(F(self), line);
  return Value::none();
}

void close_file(FileObj* f) {
  if (f->closed) return;
  if (!f->owner.is_empty() && !f->owner.is_none()) return close_file(F(f->owner));
  std::fclose(f->fp);
  f->fp = nullptr;
  f->closed = true;
  if (!f->buffer.is_empty() && !f->buffer.is_none()) {
    F(f->buffer)->fp = nullptr;
    F(f->buffer)->closed = true;
  }
}

Value m_close(Value self, const Args& a) {
  check_none(a, "close");
  close_file(F(self));
  return Value::none();
}

Value m_flush(Value self, const Args& a) {
  check_none(a, "flush");
  FileObj* f = F(self);
  check_open(f);
  std::fflush(f->fp);
  return Value::none();
}

Value m_seek(Value self, const Args& a) {
  check_takes(a, "seek", 1, 2);
  FileObj* f = F(self);
  check_open(f);
  int64_t off = arg_index(a[0]);
  int64_t whence = a.npos > 1 ? arg_index(a[1]) : 0;
  if (!f->binary && whence != 0 && off != 0) unsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                                                     : "can't do nonzero end-relative seeks");
  if (whence < 0 || whence > 2) raise_fmt(types::value_error, "invalid whence ({}, should be 0, 1 or 2)", whence);
  if (off < 0 && whence == 0) raise_fmt(types::value_error, "negative seek position {}", off);
  std::fseek(f->fp, off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
  return make_int(std::ftell(f->fp));
}

Value m_tell(Value self, const Args& a) {
  check_none(a, "tell");
  FileObj* f = F(self);
  check_open(f);
  return make_int(std::ftell(f->fp));
}

Value m_readable(Value self, const Args& a) {
  check_none(a, "readable");
  check_open(F(self));
  return Value::boolean(F(self)->readable);
}

Value m_writable(Value self, const Args& a) {
  check_none(a, "writable");
  check_open(F(self));
  return Value::boolean(F(self)->writable);
}

Value m_fileno(Value self, const Args& a) {
  check_none(a, "fileno");
  check_open(F(self));
  return make_int(::fileno(F(self)->fp));
}

Value m_enter(Value self, const Args& a) {
  check_open(F(self));
  return self;
}

Value m_exit(Value self, const Args& a) {
  close_file(F(self));
  return Value::none();
}

Value m_repr(Value self, const Args&) {
  FileObj* f = F(self);
  std::string cls = std::string("_io.") + f->type->name;
  if (f->closed) return str_value("<" + cls + " [closed]>");
  std::string out = "<" + cls + " name=" + repr_string(f->name);
  if (!f->binary) {
    out += " mode=" + repr_string(f->mode);
    std::string enc(encoding_of(f));
    // open()'s default is the locale's 'UTF-8'; sys.stdin says 'utf-8'.
    out += " encoding='" + (enc == "utf-8" && f->fp != stdin ? std::string("UTF-8") : enc) + "'";
  }
  return str_value(out + ">");
}

Value p_closed(Value, const Args& a) { return Value::boolean(F(a[0])->closed); }
Value p_name(Value, const Args& a) { return F(a[0])->name; }

// (tempfile names the file it opened through an opener.)
Value p_set_name(Value, const Args& a) {
  F(a[0])->name = a[1];
  return Value::none();
}
Value p_mode(Value, const Args& a) { return F(a[0])->mode; }
Value p_encoding(Value, const Args& a) { return F(a[0])->encoding; }

bool line_step(NativeIter* base, Value& out) {
  auto* f = static_cast<FileObj*>(base);
  check_open(f);
  require(f, f->readable, "not readable", "readline");
  std::string line = read_line_bytes(f->fp, -1);
  if (line.empty()) return false;
  out = decoded(f, line);
  return true;
}

Type* os_error_for(int err) {
  switch (err) {
  case ENOENT: return &types::file_not_found_error;
  case EACCES:
  case EPERM: return &permission_error_type;
  case EISDIR: return &is_a_directory_error_type;
  case EEXIST: return &file_exists_error_type;
  case ENOTDIR: return &not_a_directory_error_type;
  default: return &types::os_error;
  }
}

// A text file's binary buffer (BufferedReader/Writer/Random by its modes).
Value p_buffer(Value, const Args& a) {
  FileObj* f = F(a[0]);
  if (f->buffer.is_empty() || f->buffer.is_none()) {
    Type* type = f->readable && f->writable ? &random_type : f->readable ? &reader_type : &writer_type;
    auto* b = new_native_iter<FileObj>(*type, line_step);
    b->fp = f->fp;
    b->name = f->name;
    std::string mode = f->readable && f->writable ? "rb+" : f->readable ? "rb" : "wb";
    b->mode = str_value(mode);
    b->encoding = Value::none();
    b->binary = true;
    b->readable = f->readable;
    b->writable = f->writable;
    b->closed = f->closed;
    b->buffer = Value::none();
    b->owner = a[0];
    f->buffer = Value::object(b);
  }
  return f->buffer;
}

Value f_open(Value, const Args& a) {
  Value p[8];
  bind_args(a, "open", {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1, p);
  Value file = p[0];
  // A path (str, bytes or os.PathLike), or a file descriptor to wrap.
  bool is_fd = is_integer(file) && !file.is_bool();
  if (!is_str(file) && !is_fd) {
    if (Value hook = type_lookup(type_of(file), intern("__fspath__")); !hook.is_empty()) {
      file = call(hook, Args{&file, 1});
      if (!is_str(file) && !is_kind(file, Kind::Bytes))
        raise_fmt(types::type_error, "expected {}.__fspath__() to return str or bytes, not {}", tname(p[0]),
                  tname(file));
    }
    if (is_kind(file, Kind::Bytes)) file = str_value(*bytes_like(file));
    else if (!is_str(file))
      raise_fmt(types::type_error, "expected str, bytes or os.PathLike object, not {}", tname(file));
  }
  bool closefd = p[6].is_empty() || truthy(p[6]);
  bool has_opener = !p[7].is_empty() && !p[7].is_none();
  if (!closefd && !is_fd) raise_value_error("Cannot use closefd=False with file name");
  std::string mode = p[1].is_empty() ? "r" : std::string(p[1].as<Str>()->view());
  int r = 0, w = 0, ap = 0, x = 0, plus = 0, b = 0, t = 0;
  for (char c : mode) {
    int* flag = c == 'r' ? &r : c == 'w' ? &w : c == 'a' ? &ap : c == 'x' ? &x : c == '+' ? &plus : c == 'b' ? &b
                : c == 't' ? &t : nullptr;
    if (!flag || *flag) raise_fmt(types::value_error, "invalid mode: '{}'", mode);
    ++*flag;
  }
  if (r + w + ap + x != 1)
    raise_value_error("must have exactly one of create/read/write/append mode");
  if (b && t) raise_value_error("can't have text and binary mode at once");
  if (b && !p[3].is_empty() && !p[3].is_none()) raise_value_error("binary mode doesn't take an encoding argument");
  std::string enc = "utf-8";
  if (!p[3].is_empty() && !p[3].is_none()) {
    std::string given(p[3].as<Str>()->view());
    if (given == "locale") given = "utf-8"; // io.text_encoding(None)'s; the locale's is UTF-8 here
    decode_bytes("", given, "strict"); // LookupError for unknown codecs
    for (char& c : given) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    enc = given == "utf8" || given == "utf_8" ? "utf-8" : given;
  }
  std::string cmode = r ? "r" : w ? "w" : ap ? "a" : "wx";
  if (plus) cmode += "+";
  cmode += "b";
  // Files dropped without close() are flushed by CPython's refcounting at once
  // (`open(p, 'w').write(s)`); flushing every output stream here gives later
  // opens the same view of the data.
  std::fflush(nullptr);
  FILE* fp;
  Value display = file; // the name attribute: the path, even when an opener gives the fd
  if (has_opener) {
    // opener(path, flags) gives the descriptor, with the flags FileIO would use.
    int flags = (plus ? O_RDWR : r ? O_RDONLY : O_WRONLY) | O_CLOEXEC;
    if (w) flags |= O_CREAT | O_TRUNC;
    if (ap) flags |= O_CREAT | O_APPEND;
    if (x) flags |= O_CREAT | O_EXCL;
    Value args[2] = {p[0], make_int(int64_t{flags})};
    Value fd = call(p[7], Args{args, 2});
    if (!is_integer(fd)) raise_fmt(types::type_error, "expected integer from opener");
    if (arg_index(fd) < 0) raise_fmt(types::value_error, "opener returned {}", arg_index(fd));
    file = fd;
    is_fd = true;
  }
  if (is_fd) {
    // closefd=False: the stream owns a duplicate, so closing it leaves the caller's fd open.
    int fd = static_cast<int>(arg_index(file));
    int own = closefd ? fd : ::dup(fd);
    if (cmode[0] == 'w' && cmode[1] == 'x') cmode.erase(1, 1); // (fdopen takes no 'x')
    fp = own < 0 ? nullptr : ::fdopen(own, cmode.c_str());
  } else {
    fp = std::fopen(std::string(file.as<Str>()->view()).c_str(), cmode.c_str());
  }
  struct stat st;
  if (fp && ::fstat(::fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) { // stdio opens directories for reading
    std::fclose(fp);
    fp = nullptr;
    errno = EISDIR;
  }
  if (!fp) {
    int err = errno;
    Value args[3] = {make_int(err), str_value(std::strerror(err)), file};
    raise(Value::object(new_exception(os_error_for(err), args)));
  }
  Type* type = !b ? &text_type : plus ? &random_type : r ? &reader_type : &writer_type;
  auto* f = new_native_iter<FileObj>(*type, line_step);
  f->fp = fp;
  f->name = display;
  f->mode = b ? str_value(r ? (plus ? "rb+" : "rb") : w ? (plus ? "wb+" : "wb") : ap ? (plus ? "ab+" : "ab") : (plus ? "xb+" : "xb"))
              : str_value(mode);
  f->encoding = str_value(enc);
  f->binary = b;
  f->readable = r || plus;
  f->writable = w || ap || x || plus;
  return Value::object(f);
}

template <NativeFn Fn> constexpr NativeFn M = method<&types::object, Fn>;

Value getter(const char* name, NativeFn fn) {
  auto* p = gc::make<Property>();
  p->type = &types::property;
  p->fget = new_native(name, fn);
  p->fset = Value::none();
  p->fdel = Value::none();
  return Value::object(p);
}

void init_exception(Type& t, const char* name, Type& base, const char* module = "builtins") {
  init_type(t, name, Kind::Exception, &base);
  t.is_exception = true;
  t.construct = types::os_error.construct;
  t.module_name = Value::object(intern(module));
}

} // namespace

Value std_input() {
  static Value stdin_file;
  if (stdin_file.is_empty()) {
    auto* f = new_native_iter<FileObj>(text_type, line_step);
    f->fp = stdin;
    f->name = str_value("<stdin>");
    f->mode = str_value("r");
    f->encoding = str_value("utf-8");
    f->readable = true;
    stdin_file = Value::object(f);
  }
  return stdin_file;
}

void init_file_type(Module* builtins) {
  for (auto [t, name] : {std::pair{&text_type, "TextIOWrapper"}, std::pair{&reader_type, "BufferedReader"},
                         std::pair{&writer_type, "BufferedWriter"}, std::pair{&random_type, "BufferedRandom"}}) {
    init_native_iter_type(*t, name, "_io");
    t->is_builtin = false;
    add_methods(*t, {{"read", M<m_read>},
                     {"readline", M<m_readline>},
                     {"readlines", M<m_readlines>},
                     {"write", M<m_write>},
                     {"writelines", M<m_writelines>},
                     {"close", M<m_close>},
                     {"flush", M<m_flush>},
                     {"seek", M<m_seek>},
                     {"tell", M<m_tell>},
                     {"readable", M<m_readable>},
                     {"writable", M<m_writable>},
                     {"fileno", M<m_fileno>},
                     {"__enter__", M<m_enter>},
                     {"__exit__", M<m_exit>},
                     {"__repr__", M<m_repr>}});
    add_attr(*t, "closed", getter("closed", p_closed));
    add_attr(*t, "name", native_property("name", p_name, p_set_name));
    add_attr(*t, "mode", getter("mode", p_mode));
    if (t == &text_type) {
      add_attr(*t, "encoding", getter("encoding", p_encoding));
      add_attr(*t, "buffer", getter("buffer", p_buffer));
    }
  }
  init_exception(permission_error_type, "PermissionError", types::os_error);
  init_exception(is_a_directory_error_type, "IsADirectoryError", types::os_error);
  init_exception(file_exists_error_type, "FileExistsError", types::os_error);
  init_exception(not_a_directory_error_type, "NotADirectoryError", types::os_error);
  init_exception(unsupported_type, "UnsupportedOperation", types::os_error, "io");
  unsupported_type.is_builtin = false; // a class _io creates in CPython: io.py sets its __module__
  {
    // class UnsupportedOperation(OSError, ValueError), as CPython's _io makes it.
    Value bases[2] = {Value::object(&types::os_error), Value::object(&types::value_error)};
    unsupported_type.bases = new_tuple(bases);
    Value mro[6] = {Value::object(&unsupported_type), bases[0], bases[1], Value::object(&types::exception),
                    Value::object(&types::base_exception), Value::object(&types::object)};
    unsupported_type.mro = new_tuple(mro);
  }
  for (Type* t : {&permission_error_type, &is_a_directory_error_type, &file_exists_error_type,
                  &not_a_directory_error_type})
    add_value(builtins, t->name, Value::object(t));
  add_function(builtins, "open", f_open);
}

Type& unsupported_operation_type() { return unsupported_type; }

} // namespace tributary::lib
