// sqlite_module.cpp — `_sqlite3` on Debian's libsqlite3, what CPython's
// sqlite3 package (dbapi2.py) imports: connect(), Connection, Cursor, Row,
// the DB-API exceptions, adapters and converters.
//
// Statements: one per execute(), bound from a sequence (qmark) or a mapping
// (named); int, float, str, bytes-like and None bind natively, other types
// through register_adapter()'s adapters. Rows come back as tuples of int,
// float, str (text_factory), bytes and None, converted by register_converter()
// converters under PARSE_DECLTYPES, then passed to row_factory (sqlite3.Row
// gives index, name and keys() access). Transactions follow 3.11's legacy
// rule: unless isolation_level is None, a BEGIN precedes INSERT, UPDATE,
// DELETE and REPLACE outside a transaction; commit()/rollback() end it; the
// connection as a context manager commits or rolls back. SQLite's result
// codes choose the exception (constraint: IntegrityError, misuse:
// ProgrammingError, too big: DataError, ...) with sqlite3_errmsg's text.
// Limits: no create_aggregate/create_collation/set_authorizer/
// set_progress_handler/set_trace_callback/backup/blobopen/iterdump, no
// PARSE_COLNAMES, one thread (check_same_thread is accepted and ignored),
// statements are not cached; a dropped cursor's statement is finalized only
// when the connection closes (sqlite3_close_v2).
#include <sqlite3.h>

#include <cctype>
#include <cstring>
#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

Type connection_type, cursor_type, row_type;
Type warning_type, error_type, interface_error_type, database_error_type, data_error_type, operational_error_type,
    integrity_error_type, internal_error_type, programming_error_type, not_supported_error_type;
Dict* g_adapters = nullptr;   // type -> adapter (static pointers: GC roots)
Dict* g_converters = nullptr; // upper-case name -> converter

struct Connection : Object {
  sqlite3* db;
  Value isolation_level; // str or None
  Value row_factory;
  Value text_factory;
  int64_t detect_types;
};

struct Cursor : Object {
  Connection* conn;
  sqlite3_stmt* stmt;
  bool has_row; // stmt holds a row not yet fetched
  bool closed;
  Value description;
  int64_t rowcount;
  Value lastrowid;
  int64_t arraysize;
  Value row_factory;
};

struct Row : Object {
  Value description; // the cursor's
  Tuple* values;
};

[[noreturn]] void raise_in(Type& t, std::string_view msg) {
  Value m = str_value(msg);
  raise(Value::object(new_exception(&t, std::span<const Value>(&m, 1))));
}

// The exception for SQLite result code `rc` on `db`, with its message.
[[noreturn]] void raise_sqlite(sqlite3* db, int rc) {
  Type* t;
  switch (rc & 0xff) {
  case SQLITE_CONSTRAINT: t = &integrity_error_type; break;
  case SQLITE_MISUSE:
  case SQLITE_RANGE: t = &programming_error_type; break;
  case SQLITE_TOOBIG: t = &data_error_type; break;
  case SQLITE_INTERNAL:
  case SQLITE_NOTFOUND: t = &internal_error_type; break;
  case SQLITE_NOMEM: raise(types::memory_error, "");
  case SQLITE_CORRUPT:
  case SQLITE_NOTADB:
  case SQLITE_MISMATCH: t = &database_error_type; break;
  default: t = &operational_error_type; break;
  }
  Value msg = str_value(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  Value e = Value::object(new_exception(t, std::span<const Value>(&msg, 1)));
  set_attr(e, intern("sqlite_errorcode"), make_int(int64_t{rc}));
  set_attr(e, intern("sqlite_errorname"), str_value(sqlite3_errstr(rc)));
  raise(e);
}

Connection* self_conn(Value v, bool open = true) {
  if (!v.is_object() || !is_subtype(type_of(v), &connection_type))
    raise(types::type_error, "descriptor requires a 'sqlite3.Connection' object");
  auto* c = static_cast<Connection*>(v.as_object());
  if (open && !c->db) raise_in(programming_error_type, "Cannot operate on a closed database.");
  return c;
}

Cursor* self_cursor(Value v) {
  if (!v.is_object() || !is_subtype(type_of(v), &cursor_type))
    raise(types::type_error, "descriptor requires a 'sqlite3.Cursor' object");
  auto* c = static_cast<Cursor*>(v.as_object());
  if (c->closed) raise_in(programming_error_type, "Cannot operate on a closed cursor.");
  if (!c->conn->db) raise_in(programming_error_type, "Cannot operate on a closed database.");
  return c;
}

void exec_sql(Connection* c, const char* sql) {
  int rc = sqlite3_exec(c->db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) raise_sqlite(c->db, rc);
}

// ---- binding and reading values ------------------------------------------------------

void bind_value(Cursor* cur, int i, Value v) {
  if (g_adapters && !v.is_none()) {
    if (Value* ad = dict_find(g_adapters, Value::object(type_of(v)))) v = call1(*ad, v);
  }
  sqlite3_stmt* st = cur->stmt;
  int rc;
  if (v.is_none()) {
    rc = sqlite3_bind_null(st, i);
  } else if (v.is_bool() || is_integer(v)) {
    auto n = int_as_i64(v.is_bool() ? Value::small_int(v.is_true()) : v);
    if (!n) raise(types::overflow_error, "Python int too large to convert to SQLite INTEGER");
    rc = sqlite3_bind_int64(st, i, *n);
  } else if (is_float(v)) {
    rc = sqlite3_bind_double(st, i, float_value(v));
  } else if (is_str(v)) {
    std::string_view s = v.as<Str>()->view();
    rc = sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  } else if (auto b = bytes_like(v); b || is_kind(v, Kind::Object)) {
    std::optional<std::string_view> data = b ? b : memoryview_bytes(v);
    if (!data)
      raise_in(programming_error_type,
               fmt::format("Error binding parameter {}: type '{}' is not supported", i, tname(v)));
    rc = sqlite3_bind_blob(st, i, data->data(), static_cast<int>(data->size()), SQLITE_TRANSIENT);
  } else {
    raise_in(programming_error_type, fmt::format("Error binding parameter {}: type '{}' is not supported", i, tname(v)));
  }
  if (rc != SQLITE_OK) raise_sqlite(cur->conn->db, rc);
}

void bind_params(Cursor* cur, Value params) {
  int n = sqlite3_bind_parameter_count(cur->stmt);
  if (params.is_empty() || params.is_none()) {
    if (n) raise_in(programming_error_type,
                    fmt::format("Incorrect number of bindings supplied. The current statement uses {}, and there are 0 supplied.", n));
    return;
  }
  if (is_dict(params) || (!is_list(params) && !is_tuple(params) && !get_attr_or_empty(params, intern("keys")).is_empty())) {
    for (int i = 1; i <= n; ++i) {
      const char* name = sqlite3_bind_parameter_name(cur->stmt, i);
      if (!name) raise_in(programming_error_type, fmt::format("Binding {} has no name, but you supplied a dictionary (which has only names).", i));
      Value key = str_value(name + 1);
      Value v;
      try {
        v = get_item(params, key);
      } catch (PyException& e) {
        if (!is_subtype(type_of(e.exc), &types::key_error)) throw;
        raise_in(programming_error_type, fmt::format("You did not supply a value for binding parameter :{}.", name + 1));
      }
      bind_value(cur, i, v);
    }
    return;
  }
  if (is_str(params) || is_kind(params, Kind::Bytes) || get_attr_or_empty(params, intern("__len__")).is_empty())
    raise_in(programming_error_type, "parameters are of unsupported type");
  int64_t supplied = length(params);
  if (supplied != n)
    raise_in(programming_error_type,
             fmt::format("Incorrect number of bindings supplied. The current statement uses {}, and there are {} supplied.", n, supplied));
  for (int i = 1; i <= n; ++i) bind_value(cur, i, get_item(params, Value::small_int(i - 1)));
}

Value column_value(Cursor* cur, int i) {
  sqlite3_stmt* st = cur->stmt;
  int type = sqlite3_column_type(st, i);
  if (cur->conn->detect_types & 1 && g_converters && type != SQLITE_NULL) { // PARSE_DECLTYPES
    if (const char* decl = sqlite3_column_decltype(st, i)) {
      std::string name;
      for (const char* p = decl; *p && *p != ' ' && *p != '('; ++p) name += static_cast<char>(std::toupper(*p));
      if (Value* conv = dict_find(g_converters, str_value(name))) {
        const void* blob = sqlite3_column_blob(st, i);
        int len = sqlite3_column_bytes(st, i);
        return call1(*conv, make_bytes(std::string_view(static_cast<const char*>(blob), static_cast<size_t>(len))));
      }
    }
  }
  switch (type) {
  case SQLITE_INTEGER: return make_int(int64_t{sqlite3_column_int64(st, i)});
  case SQLITE_FLOAT: return Value::from_double(sqlite3_column_double(st, i));
  case SQLITE_TEXT: {
    const char* s = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
    std::string_view text(s, static_cast<size_t>(sqlite3_column_bytes(st, i)));
    Value tf = cur->conn->text_factory;
    if (tf == Value::object(&types::str)) return str_value(text);
    if (tf == Value::object(&types::bytes)) return make_bytes(text);
    return call1(tf, make_bytes(text));
  }
  case SQLITE_BLOB: {
    const void* blob = sqlite3_column_blob(st, i);
    return make_bytes(std::string_view(static_cast<const char*>(blob), static_cast<size_t>(sqlite3_column_bytes(st, i))));
  }
  default: return Value::none();
  }
}

// Steps the statement; true when it produced a row.
bool step(Cursor* cur) {
  int rc = sqlite3_step(cur->stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  int err = sqlite3_reset(cur->stmt);
  raise_sqlite(cur->conn->db, err != SQLITE_OK ? err : rc);
}

Value take_row(Value self, Cursor* cur) {
  int n = sqlite3_column_count(cur->stmt);
  Tuple* t = new_tuple(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) t->items[i] = column_value(cur, i);
  cur->has_row = step(cur);
  Value row = Value::object(t);
  if (!cur->row_factory.is_none()) row = call2(cur->row_factory, self, row);
  return row;
}

void finalize(Cursor* cur) {
  if (cur->stmt) sqlite3_finalize(cur->stmt);
  cur->stmt = nullptr;
  cur->has_row = false;
}

std::string first_word(std::string_view sql) {
  size_t i = 0;
  for (;;) { // skip blanks and comments
    while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
    if (sql.substr(i, 2) == "--") {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (sql.substr(i, 2) == "/*") {
      size_t e = sql.find("*/", i + 2);
      i = e == std::string_view::npos ? sql.size() : e + 2;
    } else {
      break;
    }
  }
  std::string w;
  while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i]))) w += static_cast<char>(std::toupper(sql[i++]));
  return w;
}

bool only_blanks_and_comments(const char* tail) { return first_word(tail).empty() && std::strspn(tail, " \t\r\n;") == std::strlen(tail); }

// Prepares `sql` on the cursor (legacy transaction control first).
void prepare(Cursor* cur, Value sqlv) {
  if (!is_str(sqlv)) raise_fmt(types::type_error, "execute() argument 1 must be str, not {}", tname(sqlv));
  std::string sql(sqlv.as<Str>()->view());
  if (sql.find('\0') != std::string::npos) raise_in(programming_error_type, "the query contains a null character");
  finalize(cur);
  Connection* c = cur->conn;
  std::string word = first_word(sql);
  bool dml = word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "REPLACE";
  if (dml && !c->isolation_level.is_none() && sqlite3_get_autocommit(c->db))
    exec_sql(c, ("BEGIN " + std::string(c->isolation_level.as<Str>()->view())).c_str());
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(c->db, sql.c_str(), static_cast<int>(sql.size()) + 1, &cur->stmt, &tail);
  if (rc != SQLITE_OK) raise_sqlite(c->db, rc);
  if (tail && !only_blanks_and_comments(tail)) {
    finalize(cur);
    raise_in(programming_error_type, "You can only execute one statement at a time.");
  }
  if (!cur->stmt) return; // an empty statement
  int n = sqlite3_column_count(cur->stmt);
  if (n == 0) {
    cur->description = Value::none();
  } else {
    Tuple* d = new_tuple(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      Value item[7] = {str_value(sqlite3_column_name(cur->stmt, i)), Value::none(), Value::none(), Value::none(),
                       Value::none(), Value::none(), Value::none()};
      d->items[i] = Value::object(new_tuple(std::span<const Value>(item, 7)));
    }
    cur->description = Value::object(d);
  }
}

bool is_dml(Cursor* cur) { return cur->stmt && !sqlite3_stmt_readonly(cur->stmt) && sqlite3_column_count(cur->stmt) == 0; }

// ---- Cursor ---------------------------------------------------------------------------

Value new_cursor(Connection* c) {
  auto* cur = gc::make<Cursor>();
  cur->type = &cursor_type;
  cur->conn = c;
  cur->description = Value::none();
  cur->rowcount = -1;
  cur->lastrowid = Value::none();
  cur->arraysize = 1;
  cur->row_factory = c->row_factory;
  return Value::object(cur);
}

Value cur_execute(Value self, const Args& a) {
  Cursor* cur = self_cursor(self);
  check_takes(a, "execute", 1, 2);
  prepare(cur, a[0]);
  cur->rowcount = -1;
  if (!cur->stmt) return self;
  bind_params(cur, a.npos == 2 ? a[1] : Value::empty());
  cur->has_row = step(cur);
  if (is_dml(cur)) cur->rowcount = sqlite3_changes(cur->conn->db);
  std::string word = first_word(a[0].as<Str>()->view());
  if (word == "INSERT" || word == "REPLACE") cur->lastrowid = make_int(int64_t{sqlite3_last_insert_rowid(cur->conn->db)});
  return self;
}

Value cur_executemany(Value self, const Args& a) {
  Cursor* cur = self_cursor(self);
  check_takes(a, "executemany", 2, 2);
  prepare(cur, a[0]);
  cur->rowcount = 0;
  if (!cur->stmt) return self;
  if (sqlite3_column_count(cur->stmt)) {
    finalize(cur);
    raise_in(programming_error_type, "executemany() can only execute DML statements.");
  }
  Value it = get_iter(a[1]), params;
  while (iter_next(it, params)) {
    sqlite3_reset(cur->stmt);
    sqlite3_clear_bindings(cur->stmt);
    bind_params(cur, params);
    step(cur);
    cur->rowcount += sqlite3_changes(cur->conn->db);
  }
  cur->has_row = false;
  return self;
}

Value cur_executescript(Value self, const Args& a) {
  Cursor* cur = self_cursor(self);
  check_one(a, "executescript");
  if (!is_str(a[0])) raise_fmt(types::type_error, "executescript() argument must be str, not {}", tname(a[0]));
  finalize(cur);
  if (!sqlite3_get_autocommit(cur->conn->db)) exec_sql(cur->conn, "COMMIT");
  exec_sql(cur->conn, std::string(a[0].as<Str>()->view()).c_str());
  return self;
}

Value cur_fetchone(Value self, const Args&) {
  Cursor* cur = self_cursor(self);
  if (!cur->has_row) return Value::none();
  return take_row(self, cur);
}

Value cur_fetchmany(Value self, const Args& a) {
  Cursor* cur = self_cursor(self);
  Value p[1];
  bind_args(a, "fetchmany", {"size"}, 0, p);
  int64_t n = p[0].is_empty() ? cur->arraysize : arg_index(p[0]);
  List* out = new_list();
  while (n-- > 0 && cur->has_row) list_append(out, take_row(self, cur));
  return Value::object(out);
}

Value cur_fetchall(Value self, const Args&) {
  Cursor* cur = self_cursor(self);
  List* out = new_list();
  while (cur->has_row) list_append(out, take_row(self, cur));
  return Value::object(out);
}

Value cur_iter(Value self, const Args&) {
  self_cursor(self);
  return self;
}

Value cur_next(Value self, const Args&) {
  Cursor* cur = self_cursor(self);
  if (!cur->has_row) raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>())));
  return take_row(self, cur);
}

Value cur_close(Value self, const Args&) {
  auto* cur = static_cast<Cursor*>(self.as_object());
  finalize(cur);
  cur->closed = true;
  return Value::none();
}

Value cur_noop(Value, const Args&) { return Value::none(); }

Value cursor_getattro(Value obj, Str* name, bool must) {
  auto* cur = static_cast<Cursor*>(obj.as_object());
  std::string_view n = name->view();
  if (n == "description") return cur->description;
  if (n == "rowcount") return make_int(cur->rowcount);
  if (n == "lastrowid") return cur->lastrowid;
  if (n == "arraysize") return make_int(cur->arraysize);
  if (n == "row_factory") return cur->row_factory;
  if (n == "connection") return Value::object(cur->conn);
  if (Value m = type_lookup(&cursor_type, name); !m.is_empty()) return ops_detail::bind_attr(m, obj, name);
  if (n == "__class__") return Value::object(&cursor_type);
  if (!must) return Value::empty();
  raise_fmt(types::attribute_error, "'sqlite3.Cursor' object has no attribute '{}'", n);
}

void cursor_setattro(Value obj, Str* name, Value v) {
  auto* cur = static_cast<Cursor*>(obj.as_object());
  std::string_view n = name->view();
  if (v.is_empty()) raise(types::attribute_error, "Cannot delete attribute");
  if (n == "arraysize") cur->arraysize = arg_index(v);
  else if (n == "row_factory") cur->row_factory = v;
  else raise_fmt(types::attribute_error, "'sqlite3.Cursor' object attribute '{}' is read-only", n);
}

// ---- Row ------------------------------------------------------------------------------

Row* self_row(Value v) {
  if (type_of(v) != &row_type) raise(types::type_error, "descriptor requires a 'sqlite3.Row' object");
  return v.as<Row>();
}

Value construct_row(Value, const Args& a) {
  if (a.npos != 2 || a.nkw) raise(types::type_error, "Row() takes exactly 2 arguments");
  if (!is_subtype(type_of(a[0]), &cursor_type)) raise_fmt(types::type_error, "Row() argument 1 must be sqlite3.Cursor, not {}", tname(a[0]));
  if (!is_tuple(a[1])) raise_fmt(types::type_error, "Row() argument 2 must be tuple, not {}", tname(a[1]));
  auto* r = gc::make<Row>();
  r->type = &row_type;
  r->description = static_cast<Cursor*>(a[0].as_object())->description;
  r->values = a[1].as<Tuple>();
  return Value::object(r);
}

bool same_name_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

Value row_getitem(Value self, const Args& a) {
  Row* r = self_row(self);
  check_one(a, "__getitem__");
  Value key = a[0];
  if (is_str(key)) {
    if (is_tuple(r->description)) {
      Tuple* d = r->description.as<Tuple>();
      for (size_t i = 0; i < d->size; ++i)
        if (same_name_ci(d->items[i].as<Tuple>()->items[0].as<Str>()->view(), key.as<Str>()->view()))
          return r->values->items[i];
    }
    raise(types::index_error, "No item with that key");
  }
  return get_item(Value::object(r->values), key);
}

Value row_len(Value self, const Args&) { return make_int(static_cast<int64_t>(self_row(self)->values->size)); }
Value row_iter(Value self, const Args&) { return get_iter(Value::object(self_row(self)->values)); }

Value row_keys(Value self, const Args&) {
  Row* r = self_row(self);
  List* out = new_list();
  if (is_tuple(r->description))
    for (Value item : r->description.as<Tuple>()->span()) list_append(out, item.as<Tuple>()->items[0]);
  return Value::object(out);
}

Value row_eq(Value self, const Args& a) {
  Row* r = self_row(self);
  if (a.npos != 1 || type_of(a[0]) != &row_type) return kNotImplemented;
  Row* o = a[0].as<Row>();
  return Value::boolean(equals(r->description, o->description) && equals(Value::object(r->values), Value::object(o->values)));
}

Value row_hash(Value self, const Args&) {
  Row* r = self_row(self);
  return make_int(hash_value(r->description) ^ hash_value(Value::object(r->values)));
}

// ---- Connection -----------------------------------------------------------------------

Value conn_cursor(Value self, const Args& a) {
  Connection* c = self_conn(self);
  check_takes(a, "cursor", 0, 1);
  if (a.npos == 1) return call1(a[0], self);
  return new_cursor(c);
}

template <NativeFn F> Value via_cursor(Value self, const Args& a) {
  Value cur = new_cursor(self_conn(self));
  return F(cur, a);
}

Value conn_commit(Value self, const Args&) {
  Connection* c = self_conn(self);
  if (!sqlite3_get_autocommit(c->db)) exec_sql(c, "COMMIT");
  return Value::none();
}

Value conn_rollback(Value self, const Args&) {
  Connection* c = self_conn(self);
  if (!sqlite3_get_autocommit(c->db)) exec_sql(c, "ROLLBACK");
  return Value::none();
}

Value conn_close(Value self, const Args&) {
  Connection* c = self_conn(self, false);
  if (c->db) sqlite3_close_v2(c->db);
  c->db = nullptr;
  return Value::none();
}

Value conn_enter(Value self, const Args&) {
  self_conn(self);
  return self;
}

Value conn_exit(Value self, const Args& a) {
  Connection* c = self_conn(self);
  bool ok = a.npos == 0 || a[0].is_none();
  if (!sqlite3_get_autocommit(c->db)) {
    if (ok) exec_sql(c, "COMMIT");
    else sqlite3_exec(c->db, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  return Value::boolean(false);
}

// create_function(name, narg, func, *, deterministic=False): func called with
// the arguments as Python values; its exception becomes an OperationalError.
void call_user_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  Value fn = *static_cast<Value*>(sqlite3_user_data(ctx));
  GcVector<Value> args;
  for (int i = 0; i < argc; ++i) {
    switch (sqlite3_value_type(argv[i])) {
    case SQLITE_INTEGER: args.push_back(make_int(int64_t{sqlite3_value_int64(argv[i])})); break;
    case SQLITE_FLOAT: args.push_back(Value::from_double(sqlite3_value_double(argv[i]))); break;
    case SQLITE_TEXT:
      args.push_back(str_value(std::string_view(reinterpret_cast<const char*>(sqlite3_value_text(argv[i])),
                                                static_cast<size_t>(sqlite3_value_bytes(argv[i])))));
      break;
    case SQLITE_BLOB:
      args.push_back(make_bytes(std::string_view(static_cast<const char*>(sqlite3_value_blob(argv[i])),
                                                 static_cast<size_t>(sqlite3_value_bytes(argv[i])))));
      break;
    default: args.push_back(Value::none()); break;
    }
  }
  try {
    Value r = call(fn, Args{args.data(), static_cast<uint32_t>(args.size())});
    if (r.is_none()) sqlite3_result_null(ctx);
    else if (r.is_bool() || is_integer(r)) sqlite3_result_int64(ctx, int_as_i64(r.is_bool() ? Value::small_int(r.is_true()) : r).value_or(0));
    else if (is_float(r)) sqlite3_result_double(ctx, float_value(r));
    else if (is_str(r)) {
      std::string_view s = r.as<Str>()->view();
      sqlite3_result_text(ctx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else if (auto b = bytes_like(r)) {
      sqlite3_result_blob(ctx, b->data(), static_cast<int>(b->size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_result_error(ctx, "user-defined function raised exception", -1);
    }
  } catch (...) { // nothing unwinds through SQLite's C frames
    sqlite3_result_error(ctx, "user-defined function raised exception", -1);
  }
}

Value conn_create_function(Value self, const Args& a) {
  Connection* c = self_conn(self);
  Value p[4];
  bind_args(a, "create_function", {"name", "narg", "func", "deterministic"}, 3, p, 0, 3);
  if (!is_str(p[0])) raise_fmt(types::type_error, "create_function() argument 'name' must be str, not {}", tname(p[0]));
  int flags = SQLITE_UTF8 | ((!p[3].is_empty() && truthy(p[3])) ? SQLITE_DETERMINISTIC : 0);
  // SQLite keeps a malloc'd copy of the function's pointer (memory the
  // collector does not scan); the function stays reachable from `alive`.
  static List* alive = nullptr; // a static pointer: a GC root
  if (!alive) alive = new_list();
  list_append(alive, p[2]);
  auto* holder = new Value(p[2]);
  int rc = sqlite3_create_function_v2(c->db, std::string(p[0].as<Str>()->view()).c_str(), static_cast<int>(arg_index(p[1])),
                                      flags, holder, p[2].is_none() ? nullptr : call_user_function, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) raise_in(operational_error_type, "Error creating function");
  return Value::none();
}

Value conn_getattro(Value obj, Str* name, bool must) {
  auto* c = static_cast<Connection*>(obj.as_object());
  std::string_view n = name->view();
  if (n == "isolation_level") return c->isolation_level;
  if (n == "row_factory") return c->row_factory;
  if (n == "text_factory") return c->text_factory;
  if (n == "in_transaction") return Value::boolean(self_conn(obj)->db && !sqlite3_get_autocommit(c->db));
  if (n == "total_changes") return make_int(int64_t{sqlite3_total_changes(self_conn(obj)->db)});
  for (Type* e : {&warning_type, &error_type, &interface_error_type, &database_error_type, &data_error_type,
                  &operational_error_type, &integrity_error_type, &internal_error_type, &programming_error_type,
                  &not_supported_error_type})
    if (n == e->name) return Value::object(e);
  if (Value m = type_lookup(&connection_type, name); !m.is_empty()) return ops_detail::bind_attr(m, obj, name);
  if (n == "__class__") return Value::object(&connection_type);
  if (!must) return Value::empty();
  raise_fmt(types::attribute_error, "'sqlite3.Connection' object has no attribute '{}'", n);
}

Value isolation_arg(Value v) {
  if (v.is_none()) return v;
  if (!is_str(v)) raise_fmt(types::type_error, "isolation_level must be str or None, not {}", tname(v));
  std::string up;
  for (char ch : v.as<Str>()->view()) up += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (up != "" && up != "DEFERRED" && up != "IMMEDIATE" && up != "EXCLUSIVE")
    raise(types::value_error, "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
  return v;
}

void conn_setattro(Value obj, Str* name, Value v) {
  auto* c = static_cast<Connection*>(obj.as_object());
  std::string_view n = name->view();
  if (v.is_empty()) raise(types::attribute_error, "Cannot delete attribute");
  if (n == "isolation_level") {
    c->isolation_level = isolation_arg(v);
    if (v.is_none() && c->db && !sqlite3_get_autocommit(c->db)) exec_sql(c, "COMMIT");
  } else if (n == "row_factory") {
    c->row_factory = v;
  } else if (n == "text_factory") {
    c->text_factory = v;
  } else {
    raise_fmt(types::attribute_error, "'sqlite3.Connection' object attribute '{}' is read-only", n);
  }
}

Value m_connect(Value, const Args& a) {
  Value p[8];
  bind_args(a, "connect", {"database", "timeout", "detect_types", "isolation_level", "check_same_thread", "factory",
                           "cached_statements", "uri"}, 1, p);
  std::string path;
  if (is_str(p[0])) path = std::string(p[0].as<Str>()->view());
  else if (auto b = bytes_like(p[0])) path = std::string(*b);
  else if (!type_lookup(type_of(p[0]), intern("__fspath__")).is_empty()) {
    Value s = call1(type_lookup(type_of(p[0]), intern("__fspath__")), p[0]);
    path = is_str(s) ? std::string(s.as<Str>()->view()) : std::string(*bytes_like(s));
  } else {
    raise_fmt(types::type_error, "expected str, bytes or os.PathLike object, not {}", tname(p[0]));
  }
  auto* c = gc::make<Connection>();
  c->type = &connection_type;
  c->isolation_level = p[3].is_empty() ? str_value("") : isolation_arg(p[3]);
  c->row_factory = Value::none();
  c->text_factory = Value::object(&types::str);
  c->detect_types = p[2].is_empty() ? 0 : arg_index(p[2]);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (!p[7].is_empty() && truthy(p[7]) ? SQLITE_OPEN_URI : 0);
  int rc = sqlite3_open_v2(path.c_str(), &c->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
    if (c->db) sqlite3_close_v2(c->db);
    c->db = nullptr;
    raise_in(operational_error_type, msg);
  }
  double timeout = p[1].is_empty() ? 5.0 : is_float(p[1]) ? float_value(p[1]) : static_cast<double>(arg_index(p[1]));
  sqlite3_busy_timeout(c->db, static_cast<int>(timeout * 1000));
  return Value::object(c);
}

Value m_register_adapter(Value, const Args& a) {
  check_takes(a, "register_adapter", 2, 2);
  if (!g_adapters) g_adapters = new_dict();
  dict_set(g_adapters, a[0], a[1]);
  return Value::none();
}

Value m_register_converter(Value, const Args& a) {
  check_takes(a, "register_converter", 2, 2);
  if (!is_str(a[0])) raise_fmt(types::type_error, "register_converter() argument 1 must be str, not {}", tname(a[0]));
  if (!g_converters) g_converters = new_dict();
  std::string up;
  for (char ch : a[0].as<Str>()->view()) up += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  dict_set(g_converters, str_value(up), a[1]);
  return Value::none();
}

Value m_complete_statement(Value, const Args& a) {
  check_one(a, "complete_statement");
  if (!is_str(a[0])) raise_fmt(types::type_error, "complete_statement() argument must be str, not {}", tname(a[0]));
  return Value::boolean(sqlite3_complete(std::string(a[0].as<Str>()->view()).c_str()));
}

Value m_enable_callback_tracebacks(Value, const Args& a) {
  check_one(a, "enable_callback_tracebacks");
  return Value::none();
}

void init_types() {
  auto exc = [](Type& t, const char* name, Type& base) {
    init_exception_type(t, name, base);
    t.module_name = Value::object(intern("sqlite3"));
  };
  exc(warning_type, "Warning", types::exception);
  exc(error_type, "Error", types::exception);
  exc(interface_error_type, "InterfaceError", error_type);
  exc(database_error_type, "DatabaseError", error_type);
  exc(data_error_type, "DataError", database_error_type);
  exc(operational_error_type, "OperationalError", database_error_type);
  exc(integrity_error_type, "IntegrityError", database_error_type);
  exc(internal_error_type, "InternalError", database_error_type);
  exc(programming_error_type, "ProgrammingError", database_error_type);
  exc(not_supported_error_type, "NotSupportedError", database_error_type);

  init_type(connection_type, "Connection", Kind::Object, &types::object);
  connection_type.module_name = Value::object(intern("sqlite3"));
  connection_type.is_builtin = false; // its special methods (with) are found as a class's
  connection_type.getattro = conn_getattro;
  connection_type.setattro = conn_setattro;
  add_methods(connection_type, {{"cursor", self_or_first<conn_cursor>},
                                {"execute", self_or_first<via_cursor<cur_execute>>},
                                {"executemany", self_or_first<via_cursor<cur_executemany>>},
                                {"executescript", self_or_first<via_cursor<cur_executescript>>},
                                {"commit", self_or_first<conn_commit>},
                                {"rollback", self_or_first<conn_rollback>},
                                {"close", self_or_first<conn_close>},
                                {"create_function", self_or_first<conn_create_function>},
                                {"__enter__", self_or_first<conn_enter>},
                                {"__exit__", self_or_first<conn_exit>}});

  init_type(cursor_type, "Cursor", Kind::Object, &types::object);
  cursor_type.module_name = Value::object(intern("sqlite3"));
  cursor_type.is_builtin = false; // its __iter__/__next__ are found as a class's
  cursor_type.getattro = cursor_getattro;
  cursor_type.setattro = cursor_setattro;
  cursor_type.construct = [](Value, const Args& a) -> Value {
    if (a.npos != 1) raise(types::type_error, "Cursor() takes exactly 1 argument");
    return new_cursor(self_conn(a[0]));
  };
  add_methods(cursor_type, {{"execute", self_or_first<cur_execute>},
                            {"executemany", self_or_first<cur_executemany>},
                            {"executescript", self_or_first<cur_executescript>},
                            {"fetchone", self_or_first<cur_fetchone>},
                            {"fetchmany", self_or_first<cur_fetchmany>},
                            {"fetchall", self_or_first<cur_fetchall>},
                            {"close", self_or_first<cur_close>},
                            {"setinputsizes", self_or_first<cur_noop>},
                            {"setoutputsize", self_or_first<cur_noop>},
                            {"__iter__", self_or_first<cur_iter>},
                            {"__next__", self_or_first<cur_next>}});

  init_type(row_type, "Row", Kind::Object, &types::object);
  row_type.module_name = Value::object(intern("sqlite3"));
  row_type.construct = construct_row;
  row_type.is_builtin = false; // its special methods answer len(), [], iteration, ==
  add_methods(row_type, {{"__getitem__", self_or_first<row_getitem>},
                         {"__len__", self_or_first<row_len>},
                         {"__iter__", self_or_first<row_iter>},
                         {"keys", self_or_first<row_keys>},
                         {"__eq__", self_or_first<row_eq>},
                         {"__hash__", self_or_first<row_hash>}});
}

} // namespace

Module* make_sqlite_module() {
  Module* m = new_module("_sqlite3");
  if (!connection_type.dict) init_types();
  add_function(m, "connect", m_connect);
  add_function(m, "register_adapter", m_register_adapter);
  add_function(m, "register_converter", m_register_converter);
  add_function(m, "complete_statement", m_complete_statement);
  add_function(m, "enable_callback_tracebacks", m_enable_callback_tracebacks);
  add_value(m, "Connection", Value::object(&connection_type));
  add_value(m, "Cursor", Value::object(&cursor_type));
  add_value(m, "Row", Value::object(&row_type));
  for (Type* e : {&warning_type, &error_type, &interface_error_type, &database_error_type, &data_error_type,
                  &operational_error_type, &integrity_error_type, &internal_error_type, &programming_error_type,
                  &not_supported_error_type})
    add_value(m, e->name, Value::object(e));
  if (!g_adapters) g_adapters = new_dict();
  if (!g_converters) g_converters = new_dict();
  add_value(m, "adapters", Value::object(g_adapters));
  add_value(m, "converters", Value::object(g_converters));
  add_value(m, "version", str_value("2.6.0"));
  add_value(m, "sqlite_version", str_value(sqlite3_libversion()));
  add_value(m, "PARSE_DECLTYPES", Value::small_int(1));
  add_value(m, "PARSE_COLNAMES", Value::small_int(2));
  add_value(m, "SQLITE_OK", Value::small_int(SQLITE_OK));
  add_value(m, "SQLITE_DENY", Value::small_int(SQLITE_DENY));
  add_value(m, "SQLITE_IGNORE", Value::small_int(SQLITE_IGNORE));
  add_value(m, "threadsafety", Value::small_int(1));
  return m;
}

} // namespace tributary::lib
