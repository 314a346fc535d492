// stream.cpp — sys.stdout / sys.stderr as TextStream objects (Kind::File).
//
// stdout is block-buffered in a large buffer (CPython buffers it too when it is
// not a terminal); it is flushed when full, on flush(), at exit and before any
// write to stderr, so the two streams interleave as they would in CPython.
// stderr is unbuffered. Only these two file descriptors are supported.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "lib/builtins.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/interp.h"

namespace tributary::lib {

Type text_stream_type;

namespace {

constexpr size_t kStdoutBuffer = 1 << 16;
std::string stdout_buffer;

TextStream stdout_obj{{&text_stream_type}, 1, false, "<stdout>"};
TextStream stderr_obj{{&text_stream_type}, 2, true, "<stderr>"};

void write_all(int fd, std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return; // EPIPE etc.: CPython would raise at flush; output is lost either way
    }
    s.remove_prefix(static_cast<size_t>(n));
  }
}

void flush_stdout() {
  if (stdout_buffer.empty()) return;
  write_all(1, stdout_buffer);
  stdout_buffer.clear();
}

void raw_write(TextStream* s, std::string_view text) {
  if (s->is_stderr) {
    flush_stdout();
    write_all(s->fd, text);
    return;
  }
  stdout_buffer.append(text);
  if (stdout_buffer.size() >= kStdoutBuffer) flush_stdout();
}

TextStream* as_stream(Value self) { return self.as<TextStream>(); }

// write(s): returns the number of code points written.
Value stream_write_method(Value self, const Args& a) {
  check_one(a, "write");
  if (!is_str(a[0]))
    raise_fmt(types::type_error, "write() argument must be str, not {}", tname(a[0]));
  Str* s = a[0].as<Str>();
  raw_write(as_stream(self), s->view());
  return make_int(static_cast<int64_t>(s->length));
}

Value stream_flush_method(Value self, const Args& a) {
  check_none(a, "flush");
  if (!as_stream(self)->is_stderr) flush_stdout();
  return Value::none();
}

Value stream_fileno(Value self, const Args& a) {
  check_none(a, "fileno");
  return make_int(as_stream(self)->fd);
}

Value stream_isatty(Value self, const Args& a) {
  check_none(a, "isatty");
  return Value::boolean(::isatty(as_stream(self)->fd));
}

Value stream_writable(Value self, const Args& a) {
  check_none(a, "writable");
  return Value::boolean(true);
}

Value stream_writelines(Value self, const Args& a) {
  check_one(a, "writelines");
  Value it = get_iter(a[0]);
  Value line;
  while (iter_next(it, line)) {
    if (!is_str(line)) raise_fmt(types::type_error, "write() argument must be str, not {}", tname(line));
    raw_write(as_stream(self), line.as<Str>()->view());
  }
  return Value::none();
}

// sys.stdout.buffer / sys.stderr.buffer: an _io.BufferedWriter over
// _io.FileIO(fd, 'wb', closefd=False), made on first use. FileIO flushes this
// file's text before it writes, so text and bytes keep their order.
Value stream_buffer(Value self, const Args&) {
  static Value buffers[3];
  int fd = as_stream(self)->fd;
  if (buffers[fd].is_empty()) {
    Value io = Value::object(builtin_module("_io"));
    Value args[3] = {make_int(int64_t{fd}), str_value("wb"), Value::boolean(false)};
    Value raw = call(get_attr(io, intern("FileIO")), Args{args, 3});
    set_attr(raw, intern("name"), str_value(as_stream(self)->name));
    buffers[fd] = call1(get_attr(io, intern("BufferedWriter")), raw);
  }
  return buffers[fd];
}

Value stream_name(Value self, const Args&) { return str_value(as_stream(self)->name); }
Value stream_encoding(Value, const Args&) { return str_value("utf-8"); }
Value stream_errors(Value self, const Args&) {
  return str_value(as_stream(self)->is_stderr ? "backslashreplace" : "strict");
}
Value stream_mode(Value, const Args&) { return str_value("w"); }
Value stream_false(Value, const Args&) { return Value::boolean(false); }

template <NativeFn F> constexpr NativeFn M = method<&text_stream_type, F>;
// A getter's receiver is its argument.
template <NativeFn F> Value getter_of(Value, const Args& a) { return F(a[0], Args{}); }
constexpr NativeFn stream_buffer_of = getter_of<stream_buffer>, stream_name_of = getter_of<stream_name>,
                   stream_errors_of = getter_of<stream_errors>;

} // namespace

Value std_stream(int fd) { return Value::object(fd == 2 ? &stderr_obj : &stdout_obj); }

Value current_stdout() {
  if (Value* sys = dict_find_str(vm::state().modules, intern("sys")); sys && is_kind(*sys, Kind::Module))
    if (Value* out = dict_find_str(sys->as<Module>()->dict, intern("stdout")); out && !out->is_none())
      return *out;
  return std_stream(1);
}

void stream_write(Value file, std::string_view text) {
  if (is_kind(file, Kind::File) && file.as_object()->type == &text_stream_type) {
    raw_write(as_stream(file), text);
    return;
  }
  Value write = get_attr(file, intern("write"));
  call1(write, str_value(text));
}

void stream_flush(Value file) {
  if (is_kind(file, Kind::File) && file.as_object()->type == &text_stream_type) {
    if (!as_stream(file)->is_stderr) flush_stdout();
    return;
  }
  call0(get_attr(file, intern("flush")));
}

void init_streams() {
  init_type(text_stream_type, "TextIOWrapper", Kind::File, &types::object);
  text_stream_type.module_name = Value::object(intern("_io"));
  add_methods(text_stream_type, {
                                    {"write", M<stream_write_method>},
                                    {"flush", M<stream_flush_method>},
                                    {"fileno", M<stream_fileno>},
                                    {"isatty", M<stream_isatty>},
                                    {"writable", M<stream_writable>},
                                    {"writelines", M<stream_writelines>},
                                    {"readable", M<stream_false>},
                                    {"seekable", M<stream_false>},
                                });
  // (Getters get the stream as their argument.)
  for (const MethodDef& g : {MethodDef{"buffer", stream_buffer_of}, MethodDef{"name", stream_name_of},
                             MethodDef{"encoding", stream_encoding}, MethodDef{"errors", stream_errors_of},
                             MethodDef{"mode", stream_mode}, MethodDef{"closed", stream_false},
                             MethodDef{"line_buffering", stream_false}})
    add_getter(text_stream_type, g.name, g.fn);
  stdout_buffer.reserve(kStdoutBuffer + 4096);
  static bool registered = false;
  if (!registered) {
    std::atexit(flush_std_streams);
    registered = true;
  }
}

} // namespace tributary::lib

namespace tributary {
void flush_std_streams() { lib::flush_stdout(); }
} // namespace tributary
