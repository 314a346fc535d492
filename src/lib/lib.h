// lib.h — interfaces shared between the files of src/lib (not used outside it).
//
// Each file of the library registers its own functions and methods through one
// init_* entry point; builtins.cpp and modules.cpp call them in order.
#pragma once

#include <optional>
#include <string_view>

#include "runtime/object.h"

namespace tributary::lib {

// ---- registration (one per file) ----
void init_builtin_functions(Module* builtins); // builtins.cpp
void init_builtin_types(Module* builtins);     // builtin_types.cpp
void init_str_methods();                       // str_methods.cpp
void init_container_methods();                 // container_methods.cpp
Module* make_math_module();                    // math_module.cpp
// The math module function implemented by `fn` ("sqrt", ...), or nullptr:
// lets the JIT recognize math.* calls whatever name they are bound to.
const char* math_function_name(NativeFn fn);
Module* make_sys_module();                     // sys_module.cpp
Module* make_time_module();                    // time_module.cpp
Module* make_tributary_module();               // tributary_module.cpp
Module* make_struct_module();                  // struct_module.cpp
Module* make_sre_module();                     // sre_module.cpp: _sre, the engine under `re`
Module* make_random_module();                  // random_module.cpp (_random)
Module* make_weakref_module();                 // weakref_module.cpp (_weakref)
Module* make_string_module();                  // str_format.cpp (_string)
Module* make_thread_module();                  // thread_module.cpp (_thread)
Module* make_codecs_module();                  // codecs_module.cpp (_codecs)
Module* make_contextvars_module();             // contextvars_module.cpp (_contextvars)
Module* make_ast_module();                     // ast_module.cpp (_ast)
Module* make_imp_module();                     // imp_module.cpp (_imp, for importlib)
Module* make_warnings_module();                // warnings_module.cpp
Module* make_abc_module();                     // abc_module.cpp
Value make_bootstrap_finder();                 // imp_module.cpp: sys.meta_path's first finder
Module* make_marshal_module();                 // marshal_module.cpp
Module* make_posix_module();                   // posix_module.cpp (under CPython's os.py)
Module* make_signal_module();                  // signal_module.cpp (_signal)
Module* make_posixsubprocess_module();         // subprocess_module.cpp (_posixsubprocess)
Module* make_select_module();                  // select_module.cpp
Module* make_socket_module();                  // socket_module.cpp (_socket)
Module* make_pyexpat_module();                 // pyexpat_module.cpp (on libexpat)
Module* make_pwd_module();                     // passwd_module.cpp
Module* make_grp_module();                     // passwd_module.cpp
Module* make_fcntl_module();                   // fcntl_module.cpp
Module* make_sqlite_module();                  // sqlite_module.cpp (_sqlite3, on libsqlite3)
Module* make_resource_module();                // resource_module.cpp
Module* make_csv_module();                     // csv_module.cpp (_csv)
Module* make_unicodedata_module();             // unicodedata_module.cpp (on ICU)
Module* make_json_module();                    // json_module.cpp (_json)
// modules.cpp: whether `name` is in the native module table; all its names (sys.builtin_module_names).
bool is_builtin_module_name(std::string_view name);
Tuple* builtin_module_names();
Module* make_atexit_module();                  // atexit_module.cpp
Module* make_zlib_module();                    // zlib_module.cpp (on the system's zlib)
Module* make_hashlib_module();                 // hashlib_module.cpp (_hashlib, on libcrypto)
Module* make_blake2_module();                  // hashlib_module.cpp (_blake2)
Module* make_sha512_module();                  // hashlib_module.cpp (_sha512)
Module* make_gc_module();                      // gc_module.cpp
Module* make_binascii_module();                // binascii_module.cpp
Module* make_operator_module();                // operator_module.cpp (_operator: _compare_digest)
// _operator._compare_digest(a, b) (also _hashlib.compare_digest).
Value compare_digest(const Args& a);
// Runs (and removes) the atexit callbacks, last registered first (main.cpp at the end).
void run_atexit_callbacks();
Module* make_errno_module();                   // errno_module.cpp
Module* make_itertools_module();               // itertools_module.cpp
Module* make_functools_module();               // functools_module.cpp
Module* make_collections_module();             // collections_module.cpp (_collections)
Value object_sizeof(Value self, const Args& a);  // sizeof.cpp: object.__sizeof__
Value sys_getsizeof(Value, const Args& a);      // sizeof.cpp: sys.getsizeof
void init_complex_type(Module* builtins);       // complex.cpp: the complex type
void init_memoryview_type(Module* builtins);    // memoryview.cpp
// memoryview.cpp: a memoryview's bytes when they are one run (step 1), else nullopt.
std::optional<std::string_view> memoryview_bytes(Value v);
Module* make_cmath_module();                   // cmath_module.cpp
Module* make_array_module();                   // array_module.cpp
// array_module.cpp, for the buffer protocol (bytes_like, memoryview): an
// array's storage and type code (null for anything else), an item's size,
// and one item decoded from / encoded to its machine bytes (encoding raises
// the array's TypeError/OverflowError).
GcVector<unsigned char>* array_storage(Value v, char& code);
size_t array_item_size(char code);
Value array_decode(char code, const unsigned char* p);
void array_encode(char code, Value v, unsigned char* out);
void add_number_attrs(); // number_attrs.cpp: int/float real, imag, numerator, as_integer_ratio, ...
// number_attrs.cpp: an integral double as a Python int (OverflowError / ValueError for inf / nan).
Value int_from_integral_double(double d);
Module* make_errno_module();                   // errno_module.cpp
const char* os_error_subclass_name(int64_t code); // errno_module.cpp: "FileNotFoundError" for ENOENT, or null
Module* make_gc_module();                      // gc_module.cpp
void init_bytes_types(Module* builtins);       // bytes.cpp: bytes methods, bytearray
void init_file_type(Module* builtins);         // file.cpp: open()
Value std_input();                             // file.cpp: sys.stdin, a text file over fd 0
Type& unsupported_operation_type();            // file.cpp: io.UnsupportedOperation
Module* make_io_module();                      // io_module.cpp (_io)
Value namedtuple_function(Value, const Args& a); // namedtuple.cpp: collections.namedtuple
// namedtuple.cpp: the type of a struct sequence such as os.uname()'s: a named
// tuple whose repr names its module ("posix.uname_result(sysname=...)").
Value struct_sequence_type(const char* module, const char* name, const char* fields);

// ---- sorting (sort.cpp): stable, `<` only, exceptions leave `items` unchanged ----
void sort_values(GcVector<Value>& items, Value key, bool reverse);

// ---- dict construction (container_methods.cpp) ----
// dict(arg) / d.update(arg): a mapping (has keys()) or an iterable of pairs.
void dict_update_arg(Dict* d, Value arg);
// Adds keyword arguments of `a` to `d`.
void dict_update_kwargs(Dict* d, const Args& a);

// ---- bytes and bytearray (bytes.cpp) ----
struct ByteArray : Object {
  GcVector<unsigned char> data;
};
extern Type bytearray_type;
// The contents of a bytes or bytearray value; nullopt for anything else.
std::optional<std::string_view> bytes_like(Value v);
Value make_bytes(std::string_view data);
// ---- memoryview (memoryview.cpp) ----
extern Type memoryview_type;
Value make_bytearray(std::string_view data);
// str.encode / bytes.decode with CPython's codec names and error messages
// (utf-8, ascii, latin-1; errors 'strict', 'ignore', 'replace').
Value encode_text(std::string_view utf8, std::string_view encoding, std::string_view errors);
Value decode_bytes(std::string_view data, std::string_view encoding, std::string_view errors);
// Other codecs come from the encodings package (codecs_module.cpp): the
// codec's encoder (`encode`) or decoder applied to `obj`, its result checked.
Value run_python_codec(Value obj, std::string_view encoding, std::string_view errors, bool encode);

// ---- text streams (stream.cpp): sys.stdout / sys.stderr ----
struct TextStream : Object {
  int fd;
  bool is_stderr;
  const char* name; // "<stdout>"
};
extern Type text_stream_type;
Value std_stream(int fd); // 1: stdout, 2: stderr
Value current_stdout();   // sys.stdout (the program may have reassigned it)
// Writes text to a file object: TextStreams directly, anything else through write().
void stream_write(Value file, std::string_view text);
// Calls the callbacks of weak references whose referent the collector has
// freed since the last call (weakref_module.cpp; gc.collect() and weakref
// operations call it: Python code cannot run inside the collector).
void run_weakref_callbacks();
void stream_flush(Value file);
void init_streams();

} // namespace tributary::lib
