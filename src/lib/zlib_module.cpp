// zlib_module.cpp — `zlib` on the system's zlib: compress/decompress,
// crc32/adler32, and the streaming compressobj/decompressobj objects, with
// CPython's arguments, attributes and "Error N while ...: msg" errors.
//
// zlib allocates its stream state through zalloc: here in the GC heap, so a
// stream's state lives as long as the object holding the z_stream (which the
// collector scans) and needs no finalizer.
#include <zlib.h>

#include <cstring>
#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

Type error_type, compress_type, decompress_type;

constexpr int64_t kDefBufSize = 16384;

voidpf gc_zalloc(voidpf, uInt items, uInt size) { return gc::alloc(static_cast<size_t>(items) * size); }
void gc_zfree(voidpf, voidpf) {}

void init_stream(z_stream& zs) {
  std::memset(&zs, 0, sizeof zs);
  zs.zalloc = gc_zalloc;
  zs.zfree = gc_zfree;
}

// zlib_error: "Error -3 while decompressing data: incorrect header check".
[[noreturn]] void zlib_error(const z_stream& zs, int err, const char* what) {
  const char* msg = err == Z_VERSION_ERROR ? "library version mismatch" : zs.msg;
  if (!msg) {
    if (err == Z_BUF_ERROR)
      msg = "incomplete or truncated stream";
    else if (err == Z_STREAM_ERROR)
      msg = "inconsistent stream state";
    else if (err == Z_DATA_ERROR)
      msg = "invalid input data";
  }
  std::string text = msg ? fmt::format("Error {} {}: {}", err, what, msg) : fmt::format("Error {} {}", err, what);
  raise(Value::object(new_exception(&error_type, text)));
}

std::string_view data_arg(Value v) {
  auto b = bytes_like(v);
  if (!b) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(v));
  return *b;
}

int int_arg(Value v, int dflt) { return v.is_empty() ? dflt : static_cast<int>(arg_index(v)); }

// Runs deflate/inflate over `in` until it is consumed (and, with Z_FINISH,
// the stream ends), appending the output to `out`. Returns the last status.
template <class Step>
int pump(z_stream& zs, std::string_view in, std::string& out, int flush, Step step, size_t chunk = kDefBufSize,
         size_t max_out = 0) {
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int err;
  do {
    size_t room = chunk;
    if (max_out) {
      if (out.size() >= max_out) return Z_OK;
      room = std::min(room, max_out - out.size());
    }
    size_t old = out.size();
    out.resize(old + room);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + old);
    zs.avail_out = static_cast<uInt>(room);
    err = step(flush);
    out.resize(old + room - zs.avail_out);
    if (err == Z_STREAM_END || (err != Z_OK && err != Z_BUF_ERROR)) return err;
    if (err == Z_BUF_ERROR && zs.avail_out != 0) return err; // no progress possible
  } while (zs.avail_out == 0 || zs.avail_in != 0);
  return err;
}

Value z_compress(Value, const Args& a) {
  Value p[3];
  bind_args(a, "compress", {"data", "level", "wbits"}, 1, p, 1);
  std::string_view in = data_arg(p[0]);
  z_stream zs;
  init_stream(zs);
  int err = deflateInit2(&zs, int_arg(p[1], Z_DEFAULT_COMPRESSION), Z_DEFLATED, int_arg(p[2], MAX_WBITS), 8,
                         Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) raise(types::memory_error, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) raise(Value::object(new_exception(&error_type, "Bad compression level")));
  if (err != Z_OK) zlib_error(zs, err, "while compressing data");
  std::string out;
  err = pump(zs, in, out, Z_FINISH, [&](int f) { return deflate(&zs, f); });
  deflateEnd(&zs);
  if (err != Z_STREAM_END) zlib_error(zs, err, "while compressing data");
  return make_bytes(out);
}

Value z_decompress(Value, const Args& a) {
  Value p[3];
  bind_args(a, "decompress", {"data", "wbits", "bufsize"}, 1, p, 1);
  std::string_view in = data_arg(p[0]);
  int64_t bufsize = p[2].is_empty() ? kDefBufSize : arg_index(p[2]);
  if (bufsize < 0) raise_value_error("bufsize must be non-negative");
  z_stream zs;
  init_stream(zs);
  int err = inflateInit2(&zs, int_arg(p[1], MAX_WBITS));
  if (err != Z_OK) zlib_error(zs, err, "while preparing to decompress data");
  std::string out;
  err = pump(
      zs, in, out, Z_NO_FLUSH, [&](int f) { return inflate(&zs, f); }, std::max<int64_t>(bufsize, 1));
  inflateEnd(&zs);
  if (err != Z_STREAM_END) zlib_error(zs, err == Z_OK ? Z_BUF_ERROR : err, "while decompressing data");
  return make_bytes(out);
}

uint32_t checksum_start(Value v, uint32_t dflt) {
  if (v.is_empty()) return dflt;
  if (!is_integer(v)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  // Any int, reduced modulo 2**32 (CPython's "I" conversion without overflow check).
  return static_cast<uint32_t>(*int_as_i64(int_and(v, make_int(int64_t{0xFFFFFFFF}))));
}

Value z_crc32(Value, const Args& a) {
  check_takes(a, "crc32", 1, 2);
  no_kwargs(a, "crc32");
  std::string_view in = data_arg(a[0]);
  uLong c = checksum_start(a.npos > 1 ? a[1] : Value::empty(), 0);
  c = crc32(c, reinterpret_cast<const Bytef*>(in.data()), static_cast<uInt>(in.size()));
  return make_int(static_cast<int64_t>(c));
}

Value z_adler32(Value, const Args& a) {
  check_takes(a, "adler32", 1, 2);
  no_kwargs(a, "adler32");
  std::string_view in = data_arg(a[0]);
  uLong c = checksum_start(a.npos > 1 ? a[1] : Value::empty(), 1);
  c = adler32(c, reinterpret_cast<const Bytef*>(in.data()), static_cast<uInt>(in.size()));
  return make_int(static_cast<int64_t>(c));
}

// ---- streaming objects -------------------------------------------------------------------

struct Stream : Object {
  z_stream zs;
  bool inited, finished; // finished: Compress flushed with Z_FINISH / Decompress at eof
  Value unused_data, unconsumed_tail;
  Value zdict;
};

Stream* stream_self(Value v, Type& t) {
  if (type_of(v) != &t) raise_fmt(types::type_error, "descriptor requires a 'zlib.{}' object", t.name);
  return v.as<Stream>();
}

Stream* new_stream(Type& t) {
  auto* s = gc::make<Stream>();
  s->type = &t;
  init_stream(s->zs);
  s->unused_data = make_bytes("");
  s->unconsumed_tail = make_bytes("");
  s->zdict = Value::empty();
  return s;
}

Value z_compressobj(Value, const Args& a) {
  Value p[6];
  bind_args(a, "compressobj", {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0, p);
  Stream* s = new_stream(compress_type);
  int err = deflateInit2(&s->zs, int_arg(p[0], Z_DEFAULT_COMPRESSION), int_arg(p[1], Z_DEFLATED),
                         int_arg(p[2], MAX_WBITS), int_arg(p[3], 8), int_arg(p[4], Z_DEFAULT_STRATEGY));
  if (err == Z_MEM_ERROR) raise(types::memory_error, "Can't allocate memory for compression object");
  if (err == Z_STREAM_ERROR) raise_value_error("Invalid initialization option");
  if (err != Z_OK) zlib_error(s->zs, err, "while creating compression object");
  s->inited = true;
  if (!p[5].is_empty() && !p[5].is_none()) {
    std::string_view d = data_arg(p[5]);
    err = deflateSetDictionary(&s->zs, reinterpret_cast<const Bytef*>(d.data()), static_cast<uInt>(d.size()));
    if (err != Z_OK) raise_value_error("Invalid dictionary");
  }
  return Value::object(s);
}

Value c_compress(Value self, const Args& a) {
  check_one(a, "compress");
  Stream* s = stream_self(self, compress_type);
  if (!s->inited) zlib_error(s->zs, Z_STREAM_ERROR, "while compressing data");
  std::string out;
  int err = pump(s->zs, data_arg(a[0]), out, Z_NO_FLUSH, [&](int f) { return deflate(&s->zs, f); });
  if (err != Z_OK && err != Z_BUF_ERROR) zlib_error(s->zs, err, "while compressing data");
  return make_bytes(out);
}

Value c_flush(Value self, const Args& a) {
  check_takes(a, "flush", 0, 1);
  Stream* s = stream_self(self, compress_type);
  int mode = a.npos ? static_cast<int>(arg_index(a[0])) : Z_FINISH;
  if (mode == Z_NO_FLUSH) return make_bytes("");
  if (!s->inited) zlib_error(s->zs, Z_STREAM_ERROR, "while flushing");
  std::string out;
  int err = pump(s->zs, "", out, mode, [&](int f) { return deflate(&s->zs, f); });
  if (mode == Z_FINISH) {
    if (err != Z_STREAM_END) zlib_error(s->zs, err, "while finishing compression");
    deflateEnd(&s->zs);
    s->inited = false;
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    zlib_error(s->zs, err, "while flushing");
  }
  return make_bytes(out);
}

Value c_copy(Value self, const Args&) {
  Stream* s = stream_self(self, compress_type);
  if (!s->inited) raise_value_error("Inconsistent stream state");
  Stream* c = new_stream(compress_type);
  if (deflateCopy(&c->zs, &s->zs) != Z_OK) raise_value_error("Inconsistent stream state");
  c->inited = true;
  return Value::object(c);
}

Value z_decompressobj(Value, const Args& a) {
  Value p[2];
  bind_args(a, "decompressobj", {"wbits", "zdict"}, 0, p);
  Stream* s = new_stream(decompress_type);
  if (!p[1].is_empty()) {
    data_arg(p[1]);
    s->zdict = p[1];
  }
  int err = inflateInit2(&s->zs, int_arg(p[0], MAX_WBITS));
  if (err == Z_STREAM_ERROR) raise_value_error("Invalid initialization option");
  if (err != Z_OK) zlib_error(s->zs, err, "while creating decompression object");
  s->inited = true;
  if (!s->zdict.is_empty() && int_arg(p[0], MAX_WBITS) < 0) {
    std::string_view d = data_arg(s->zdict);
    inflateSetDictionary(&s->zs, reinterpret_cast<const Bytef*>(d.data()), static_cast<uInt>(d.size()));
  }
  return Value::object(s);
}

// Inflates `in`, at most `max_length` bytes out (0: all); keeps what is left.
Value d_run(Stream* s, std::string_view in, size_t max_length, int flush) {
  if (!s->inited) zlib_error(s->zs, Z_STREAM_ERROR, "while decompressing data");
  std::string input(in);
  std::string out;
  int err = pump(
      s->zs, input, out, flush,
      [&](int f) {
        int r = inflate(&s->zs, f);
        if (r == Z_NEED_DICT && !s->zdict.is_empty()) {
          std::string_view d = data_arg(s->zdict);
          if (inflateSetDictionary(&s->zs, reinterpret_cast<const Bytef*>(d.data()), static_cast<uInt>(d.size())) !=
              Z_OK)
            return Z_NEED_DICT;
          r = inflate(&s->zs, f);
        }
        return r;
      },
      kDefBufSize, max_length);
  std::string_view rest(reinterpret_cast<const char*>(s->zs.next_in), s->zs.avail_in);
  if (err == Z_STREAM_END) {
    s->finished = true;
    s->unused_data = make_bytes(std::string(*bytes_like(s->unused_data)) + std::string(rest));
    s->unconsumed_tail = make_bytes("");
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    zlib_error(s->zs, err, "while decompressing data");
  } else {
    s->unconsumed_tail = make_bytes(rest);
  }
  return make_bytes(out);
}

Value d_decompress(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "decompress", {"data", "max_length"}, 1, p, 1);
  Stream* s = stream_self(self, decompress_type);
  int64_t max_length = p[1].is_empty() ? 0 : arg_index(p[1]);
  if (max_length < 0) raise_value_error("max_length must be non-negative");
  if (s->finished) {
    s->unused_data = make_bytes(std::string(*bytes_like(s->unused_data)) + std::string(data_arg(p[0])));
    return make_bytes("");
  }
  return d_run(s, data_arg(p[0]), static_cast<size_t>(max_length), Z_SYNC_FLUSH);
}

Value d_flush(Value self, const Args& a) {
  check_takes(a, "flush", 0, 1);
  Stream* s = stream_self(self, decompress_type);
  if (a.npos && arg_index(a[0]) <= 0) raise_value_error("length must be greater than zero");
  if (s->finished) return make_bytes("");
  std::string tail(*bytes_like(s->unconsumed_tail));
  return d_run(s, tail, 0, Z_FINISH);
}

Value d_copy(Value self, const Args&) {
  Stream* s = stream_self(self, decompress_type);
  if (!s->inited) raise_value_error("Inconsistent stream state");
  Stream* c = new_stream(decompress_type);
  if (inflateCopy(&c->zs, &s->zs) != Z_OK) raise_value_error("Inconsistent stream state");
  c->inited = true;
  c->finished = s->finished;
  c->unused_data = s->unused_data;
  c->unconsumed_tail = s->unconsumed_tail;
  c->zdict = s->zdict;
  return Value::object(c);
}

Value d_unused_data(Value self, const Args&) { return stream_self(self, decompress_type)->unused_data; }
Value d_unconsumed_tail(Value self, const Args&) { return stream_self(self, decompress_type)->unconsumed_tail; }
Value d_eof(Value self, const Args&) { return Value::boolean(stream_self(self, decompress_type)->finished); }

void init_types() {
  init_exception_type(error_type, "error", types::exception);
  error_type.module_name = Value::object(intern("zlib"));
  init_type(compress_type, "Compress", Kind::Object, &types::object);
  compress_type.module_name = Value::object(intern("zlib"));
  add_methods(compress_type, {{"compress", self_or_first<c_compress>},
                              {"flush", self_or_first<c_flush>},
                              {"copy", self_or_first<c_copy>},
                              {"__copy__", self_or_first<c_copy>}});
  init_type(decompress_type, "Decompress", Kind::Object, &types::object);
  decompress_type.module_name = Value::object(intern("zlib"));
  add_methods(decompress_type, {{"decompress", self_or_first<d_decompress>},
                                {"flush", self_or_first<d_flush>},
                                {"copy", self_or_first<d_copy>},
                                {"__copy__", self_or_first<d_copy>}});
  add_getter(decompress_type, "unused_data", self_or_first<d_unused_data>);
  add_getter(decompress_type, "unconsumed_tail", self_or_first<d_unconsumed_tail>);
  add_getter(decompress_type, "eof", self_or_first<d_eof>);
}

} // namespace

Module* make_zlib_module() {
  if (!compress_type.dict) init_types();
  Module* m = new_module("zlib");
  static const MethodDef kFunctions[] = {
      {"compress", z_compress}, {"decompress", z_decompress},   {"crc32", z_crc32},
      {"adler32", z_adler32},   {"compressobj", z_compressobj}, {"decompressobj", z_decompressobj},
  };
  for (const MethodDef& d : kFunctions)
    add_function(m, d.name, d.fn);
  add_value(m, "error", Value::object(&error_type));
  static constexpr struct {
    const char* name;
    int value;
  } kConstants[] = {
      {"MAX_WBITS", MAX_WBITS},
      {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", 8},
      {"DEF_BUF_SIZE", static_cast<int>(kDefBufSize)},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
      {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
      {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},
      {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},
      {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
      {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
      {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH},
      {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},
      {"Z_TREES", Z_TREES},
  };
  for (const auto& c : kConstants)
    add_value(m, c.name, Value::small_int(c.value));
  add_value(m, "ZLIB_VERSION", str_value(ZLIB_VERSION));
  add_value(m, "ZLIB_RUNTIME_VERSION", str_value(zlibVersion()));
  return m;
}

} // namespace tributary::lib
