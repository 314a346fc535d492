// pyexpat_module.cpp — `pyexpat` on Debian's libexpat: what xml.parsers.expat
// and xml.etree.ElementTree's XMLParser use.
//
// ParserCreate(encoding=None, namespace_separator=None) gives an xmlparser.
// A handler attribute (StartElementHandler = f) registers Expat's callback
// only while it is set, so the default handler sees what CPython's would.
// Callbacks get str names and data; attributes are a dict, or a flat
// [name, value, ...] list with ordered_attributes; buffer_text joins
// consecutive character data. An exception in a handler stops the parse and
// propagates from Parse(). Parse errors raise ExpatError("<message>: line L,
// column C") with code, lineno and offset; pyexpat.errors and pyexpat.model
// are submodules.
// Limits: no ExternalEntityRefHandler, entity/attlist/element declaration
// handlers or UseForeignDTD (set, they are kept but never called);
// ExternalEntityParserCreate and GetInputContext are absent; a parser's Expat
// object is freed only with the process (no finalizers on GC objects).
#include <expat.h>

#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

Type parser_type, expat_error_type;

// The handlers a parser may have, in one table (name -> slot index).
enum HandlerId : int {
  kStartElement, kEndElement, kProcessingInstruction, kCharacterData, kStartNamespaceDecl, kEndNamespaceDecl,
  kComment, kStartCdataSection, kEndCdataSection, kDefault, kDefaultExpand, kXmlDecl, kStartDoctypeDecl,
  kEndDoctypeDecl, kSkippedEntity, kNotStandalone, kUnparsedEntityDecl, kNotationDecl, kExternalEntityRef,
  kEntityDecl, kElementDecl, kAttlistDecl, kHandlerCount
};
constexpr const char* kHandlerNames[kHandlerCount] = {
    "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler", "StartCdataSectionHandler",
    "EndCdataSectionHandler", "DefaultHandler", "DefaultHandlerExpand", "XmlDeclHandler", "StartDoctypeDeclHandler",
    "EndDoctypeDeclHandler", "SkippedEntityHandler", "NotStandaloneHandler", "UnparsedEntityDeclHandler",
    "NotationDeclHandler", "ExternalEntityRefHandler", "EntityDeclHandler", "ElementDeclHandler",
    "AttlistDeclHandler"};

struct XmlParser : Object {
  XML_Parser p;
  Value handlers[kHandlerCount];
  bool ordered_attributes, specified_attributes, buffer_text, namespace_prefixes;
  int64_t buffer_size;
  std::string* text; // buffered character data (buffer_text)
  Value pending;     // an exception raised by a handler, rethrown by Parse
  Value intern;      // a dict or None
};

XmlParser* self_parser(Value v) {
  if (type_of(v) != &parser_type) raise(types::type_error, "descriptor requires a 'pyexpat.xmlparser' object");
  return v.as<XmlParser>();
}

Value text(const XML_Char* s) { return s ? str_value(s) : Value::none(); }
Value text(const XML_Char* s, int len) { return str_value(std::string_view(s, static_cast<size_t>(len))); }

// Calls handler `id` with `args` unless a handler already failed; a failure
// stops the parser.
void call_handler(XmlParser* x, int id, std::initializer_list<Value> args);

void flush_text(XmlParser* x) {
  if (!x->text || x->text->empty()) return;
  std::string data;
  data.swap(*x->text);
  Value h = x->handlers[kCharacterData];
  if (!h.is_none() && x->pending.is_empty()) call_handler(x, -1, {str_value(data)});
}

void call_handler(XmlParser* x, int id, std::initializer_list<Value> args) {
  if (!x->pending.is_empty()) return;
  if (id >= 0) flush_text(x);
  Value h = id >= 0 ? x->handlers[id] : x->handlers[kCharacterData];
  if (h.is_none() || !x->pending.is_empty()) return;
  try {
    call(h, Args{args.begin(), static_cast<uint32_t>(args.size())});
  } catch (PyException& e) {
    x->pending = e.exc;
    XML_StopParser(x->p, XML_FALSE);
  } catch (...) { // nothing unwinds through Expat's C frames
    Value msg = str_value("internal error in an expat handler");
    x->pending = Value::object(new_exception(&types::runtime_error, std::span<const Value>(&msg, 1)));
    XML_StopParser(x->p, XML_FALSE);
  }
}

XmlParser* from(void* ud) { return static_cast<XmlParser*>(ud); }

void on_start(void* ud, const XML_Char* name, const XML_Char** atts) {
  XmlParser* x = from(ud);
  int n = 0;
  while (atts[n]) n += 2;
  Value attrs;
  if (x->ordered_attributes) {
    List* l = new_list();
    for (int i = 0; i < n; ++i) list_append(l, text(atts[i]));
    attrs = Value::object(l);
  } else {
    Dict* d = new_dict();
    for (int i = 0; i < n; i += 2) dict_set(d, text(atts[i]), text(atts[i + 1]));
    attrs = Value::object(d);
  }
  call_handler(x, kStartElement, {text(name), attrs});
}
void on_end(void* ud, const XML_Char* name) { call_handler(from(ud), kEndElement, {text(name)}); }
void on_pi(void* ud, const XML_Char* target, const XML_Char* data) {
  call_handler(from(ud), kProcessingInstruction, {text(target), text(data)});
}
void on_data(void* ud, const XML_Char* s, int len) {
  XmlParser* x = from(ud);
  if (x->buffer_text) {
    if (x->text->size() + static_cast<size_t>(len) > static_cast<size_t>(x->buffer_size)) flush_text(x);
    x->text->append(s, static_cast<size_t>(len));
    return;
  }
  call_handler(x, -1, {text(s, len)});
}
void on_start_ns(void* ud, const XML_Char* prefix, const XML_Char* uri) {
  call_handler(from(ud), kStartNamespaceDecl, {text(prefix), text(uri)});
}
void on_end_ns(void* ud, const XML_Char* prefix) { call_handler(from(ud), kEndNamespaceDecl, {text(prefix)}); }
void on_comment(void* ud, const XML_Char* data) { call_handler(from(ud), kComment, {text(data)}); }
void on_start_cdata(void* ud) { call_handler(from(ud), kStartCdataSection, {}); }
void on_end_cdata(void* ud) { call_handler(from(ud), kEndCdataSection, {}); }
void on_default(void* ud, const XML_Char* s, int len) { call_handler(from(ud), kDefault, {text(s, len)}); }
void on_default_expand(void* ud, const XML_Char* s, int len) {
  call_handler(from(ud), kDefaultExpand, {text(s, len)});
}
void on_xml_decl(void* ud, const XML_Char* version, const XML_Char* encoding, int standalone) {
  call_handler(from(ud), kXmlDecl, {text(version), text(encoding), make_int(int64_t{standalone})});
}
void on_start_doctype(void* ud, const XML_Char* name, const XML_Char* sysid, const XML_Char* pubid, int has_internal) {
  call_handler(from(ud), kStartDoctypeDecl, {text(name), text(sysid), text(pubid), make_int(int64_t{has_internal})});
}
void on_end_doctype(void* ud) { call_handler(from(ud), kEndDoctypeDecl, {}); }
void on_skipped(void* ud, const XML_Char* name, int is_param) {
  call_handler(from(ud), kSkippedEntity, {text(name), make_int(int64_t{is_param})});
}

// Registers (or, for None, removes) Expat's callback for handler `id`.
void install(XmlParser* x, int id) {
  bool on = !x->handlers[id].is_none();
  XML_Parser p = x->p;
  switch (id) {
  case kStartElement: XML_SetStartElementHandler(p, on ? on_start : nullptr); break;
  case kEndElement: XML_SetEndElementHandler(p, on ? on_end : nullptr); break;
  case kProcessingInstruction: XML_SetProcessingInstructionHandler(p, on ? on_pi : nullptr); break;
  case kCharacterData: XML_SetCharacterDataHandler(p, on ? on_data : nullptr); break;
  case kStartNamespaceDecl: XML_SetStartNamespaceDeclHandler(p, on ? on_start_ns : nullptr); break;
  case kEndNamespaceDecl: XML_SetEndNamespaceDeclHandler(p, on ? on_end_ns : nullptr); break;
  case kComment: XML_SetCommentHandler(p, on ? on_comment : nullptr); break;
  case kStartCdataSection: XML_SetStartCdataSectionHandler(p, on ? on_start_cdata : nullptr); break;
  case kEndCdataSection: XML_SetEndCdataSectionHandler(p, on ? on_end_cdata : nullptr); break;
  case kDefault: XML_SetDefaultHandler(p, on ? on_default : nullptr); break;
  case kDefaultExpand: XML_SetDefaultHandlerExpand(p, on ? on_default_expand : nullptr); break;
  case kXmlDecl: XML_SetXmlDeclHandler(p, on ? on_xml_decl : nullptr); break;
  case kStartDoctypeDecl: XML_SetStartDoctypeDeclHandler(p, on ? on_start_doctype : nullptr); break;
  case kEndDoctypeDecl: XML_SetEndDoctypeDeclHandler(p, on ? on_end_doctype : nullptr); break;
  case kSkippedEntity: XML_SetSkippedEntityHandler(p, on ? on_skipped : nullptr); break;
  default: break; // kept, never called (see the header)
  }
}

int handler_id(std::string_view name) {
  for (int i = 0; i < kHandlerCount; ++i)
    if (name == kHandlerNames[i]) return i;
  return -1;
}

[[noreturn]] void raise_expat_error(XML_Parser p) {
  XML_Error code = XML_GetErrorCode(p);
  int64_t line = static_cast<int64_t>(XML_GetCurrentLineNumber(p)), col = static_cast<int64_t>(XML_GetCurrentColumnNumber(p));
  Value msg = str_value(fmt::format("{}: line {}, column {}", XML_ErrorString(code), line, col));
  Value e = Value::object(new_exception(&expat_error_type, std::span<const Value>(&msg, 1)));
  set_attr(e, intern("code"), make_int(int64_t{code}));
  set_attr(e, intern("lineno"), make_int(line));
  set_attr(e, intern("offset"), make_int(col));
  raise(e);
}

// Parse(data, isfinal=False): 1, or ExpatError.
Value xp_parse(Value self, const Args& a) {
  XmlParser* x = self_parser(self);
  check_takes(a, "Parse", 1, 2);
  std::string data;
  if (is_str(a[0])) {
    data = std::string(a[0].as<Str>()->view());
    XML_SetEncoding(x->p, "utf-8");
  } else if (auto b = bytes_like(a[0])) {
    data = std::string(*b);
  } else {
    raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  }
  bool final = a.npos == 2 && truthy(a[1]);
  XML_Status st = XML_Parse(x->p, data.data(), static_cast<int>(data.size()), final);
  flush_text(x);
  if (!x->pending.is_empty()) {
    Value e = x->pending;
    x->pending = Value::empty();
    raise(e);
  }
  if (st == XML_STATUS_ERROR) raise_expat_error(x->p);
  return Value::small_int(1);
}

Value xp_parse_file(Value self, const Args& a) {
  self_parser(self);
  check_one(a, "ParseFile");
  Value read = get_attr_or_empty(a[0], intern("read"));
  if (read.is_empty()) raise(types::type_error, "argument must have 'read' attribute");
  for (;;) {
    Value chunk = call1(read, Value::small_int(64 * 1024));
    bool last = length(chunk) == 0;
    Value args[2] = {chunk, Value::boolean(last)};
    xp_parse(self, Args{args, 2});
    if (last) return Value::small_int(1);
  }
}

Value xp_set_base(Value self, const Args& a) {
  XmlParser* x = self_parser(self);
  check_one(a, "SetBase");
  if (!is_str(a[0])) raise_fmt(types::type_error, "SetBase() argument must be str, not {}", tname(a[0]));
  XML_SetBase(x->p, std::string(a[0].as<Str>()->view()).c_str());
  return Value::none();
}

Value xp_get_base(Value self, const Args&) { return text(XML_GetBase(self_parser(self)->p)); }

Value xp_set_param_entity_parsing(Value self, const Args& a) {
  XmlParser* x = self_parser(self);
  check_one(a, "SetParamEntityParsing");
  return make_int(int64_t{XML_SetParamEntityParsing(x->p, static_cast<XML_ParamEntityParsing>(arg_index(a[0])))});
}

Value parser_getattro(Value obj, Str* name, bool must) {
  XmlParser* x = obj.as<XmlParser>();
  std::string_view n = name->view();
  if (int id = handler_id(n); id >= 0) return x->handlers[id];
  if (n == "ordered_attributes") return Value::boolean(x->ordered_attributes);
  if (n == "specified_attributes") return Value::boolean(x->specified_attributes);
  if (n == "buffer_text") return Value::boolean(x->buffer_text);
  if (n == "namespace_prefixes") return Value::boolean(x->namespace_prefixes);
  if (n == "buffer_size") return make_int(x->buffer_size);
  if (n == "buffer_used") return make_int(static_cast<int64_t>(x->text->size()));
  if (n == "intern") return x->intern;
  if (n == "ErrorCode") return make_int(int64_t{XML_GetErrorCode(x->p)});
  if (n == "ErrorLineNumber" || n == "CurrentLineNumber") return make_int(static_cast<int64_t>(XML_GetCurrentLineNumber(x->p)));
  if (n == "ErrorColumnNumber" || n == "CurrentColumnNumber")
    return make_int(static_cast<int64_t>(XML_GetCurrentColumnNumber(x->p)));
  if (n == "ErrorByteIndex" || n == "CurrentByteIndex") return make_int(static_cast<int64_t>(XML_GetCurrentByteIndex(x->p)));
  if (Value m = type_lookup(&parser_type, name); !m.is_empty()) return ops_detail::bind_attr(m, obj, name);
  if (n == "__class__") return Value::object(&parser_type);
  if (!must) return Value::empty();
  raise_fmt(types::attribute_error, "'pyexpat.xmlparser' object has no attribute '{}'", n);
}

void parser_setattro(Value obj, Str* name, Value v) {
  XmlParser* x = obj.as<XmlParser>();
  std::string_view n = name->view();
  if (v.is_empty()) raise(types::attribute_error, "Cannot delete attribute");
  if (int id = handler_id(n); id >= 0) {
    if (id == kCharacterData) flush_text(x);
    x->handlers[id] = v;
    install(x, id);
    return;
  }
  if (n == "ordered_attributes") x->ordered_attributes = truthy(v);
  else if (n == "specified_attributes") x->specified_attributes = truthy(v);
  else if (n == "namespace_prefixes") {
    x->namespace_prefixes = truthy(v);
    XML_SetReturnNSTriplet(x->p, x->namespace_prefixes);
  } else if (n == "buffer_text") {
    if (!truthy(v)) flush_text(x);
    x->buffer_text = truthy(v);
  } else if (n == "buffer_size") {
    if (!is_integer(v)) raise(types::type_error, "buffer_size must be an integer");
    int64_t size = arg_index(v);
    if (size <= 0) raise(types::value_error, "buffer_size must be greater than zero");
    flush_text(x);
    x->buffer_size = size;
  } else {
    raise_fmt(types::attribute_error, "'pyexpat.xmlparser' object has no attribute '{}'", n);
  }
}

Value parser_create(Value, const Args& a) {
  Value p[3];
  bind_args(a, "ParserCreate", {"encoding", "namespace_separator", "intern"}, 0, p);
  std::string enc, sep;
  bool has_enc = !p[0].is_empty() && !p[0].is_none(), has_sep = !p[1].is_empty() && !p[1].is_none();
  if (has_enc) {
    if (!is_str(p[0])) raise_fmt(types::type_error, "ParserCreate() argument 'encoding' must be str or None, not {}", tname(p[0]));
    enc = std::string(p[0].as<Str>()->view());
  }
  if (has_sep) {
    if (!is_str(p[1]))
      raise_fmt(types::type_error, "ParserCreate() argument 'namespace_separator' must be str or None, not {}", tname(p[1]));
    sep = std::string(p[1].as<Str>()->view());
    if (sep.size() > 1) raise(types::value_error, "namespace_separator must be at most one character, omitted, or None");
  }
  auto* x = gc::make<XmlParser>();
  x->type = &parser_type;
  x->p = has_sep ? XML_ParserCreateNS(has_enc ? enc.c_str() : nullptr, sep.empty() ? '\0' : sep[0])
                 : XML_ParserCreate(has_enc ? enc.c_str() : nullptr);
  if (!x->p) raise(types::memory_error, "XML_ParserCreate failed");
  for (Value& h : x->handlers) h = Value::none();
  x->buffer_size = 8192;
  x->text = new std::string;
  x->pending = Value::empty();
  x->intern = p[2].is_empty() ? Value::object(new_dict()) : p[2];
  XML_SetUserData(x->p, x);
  return Value::object(x);
}

Value error_string(Value, const Args& a) {
  check_one(a, "ErrorString");
  const XML_LChar* s = XML_ErrorString(static_cast<XML_Error>(arg_index(a[0])));
  return s ? str_value(s) : Value::none();
}

void init_parser_type() {
  init_type(parser_type, "xmlparser", Kind::Object, &types::object);
  parser_type.module_name = Value::object(intern("pyexpat"));
  parser_type.getattro = parser_getattro;
  parser_type.setattro = parser_setattro;
  add_methods(parser_type, {{"Parse", self_or_first<xp_parse>},
                            {"ParseFile", self_or_first<xp_parse_file>},
                            {"SetBase", self_or_first<xp_set_base>},
                            {"GetBase", self_or_first<xp_get_base>},
                            {"SetParamEntityParsing", self_or_first<xp_set_param_entity_parsing>}});
  init_exception_type(expat_error_type, "ExpatError", types::exception);
  expat_error_type.module_name = Value::object(intern("xml.parsers.expat"));
}

Module* make_errors_module() {
  Module* m = new_module("pyexpat.errors");
  Dict *codes = new_dict(), *messages = new_dict();
  static constexpr std::pair<const char*, XML_Error> kErrors[] = {
#define E(name) {"XML_ERROR_" #name, XML_ERROR_##name}
      E(NO_MEMORY), E(SYNTAX), E(NO_ELEMENTS), E(INVALID_TOKEN), E(UNCLOSED_TOKEN), E(PARTIAL_CHAR),
      E(TAG_MISMATCH), E(DUPLICATE_ATTRIBUTE), E(JUNK_AFTER_DOC_ELEMENT), E(PARAM_ENTITY_REF), E(UNDEFINED_ENTITY),
      E(RECURSIVE_ENTITY_REF), E(ASYNC_ENTITY), E(BAD_CHAR_REF), E(BINARY_ENTITY_REF),
      E(ATTRIBUTE_EXTERNAL_ENTITY_REF), E(MISPLACED_XML_PI), E(UNKNOWN_ENCODING), E(INCORRECT_ENCODING),
      E(UNCLOSED_CDATA_SECTION), E(EXTERNAL_ENTITY_HANDLING), E(NOT_STANDALONE), E(UNEXPECTED_STATE),
      E(ENTITY_DECLARED_IN_PE), E(FEATURE_REQUIRES_XML_DTD), E(CANT_CHANGE_FEATURE_ONCE_PARSING), E(UNBOUND_PREFIX),
      E(UNDECLARING_PREFIX), E(INCOMPLETE_PE), E(XML_DECL), E(TEXT_DECL), E(PUBLICID), E(SUSPENDED),
      E(NOT_SUSPENDED), E(ABORTED), E(FINISHED), E(SUSPEND_PE), E(RESERVED_PREFIX_XML), E(RESERVED_PREFIX_XMLNS),
      E(RESERVED_NAMESPACE_URI), E(INVALID_ARGUMENT),
#undef E
  };
  for (const auto& [name, code] : kErrors) {
    Value msg = str_value(XML_ErrorString(code));
    add_value(m, name, msg);
    dict_set(codes, msg, make_int(int64_t{code}));
    dict_set(messages, make_int(int64_t{code}), msg);
  }
  add_value(m, "codes", Value::object(codes));
  add_value(m, "messages", Value::object(messages));
  return m;
}

Module* make_model_module() {
  Module* m = new_module("pyexpat.model");
  static constexpr std::pair<const char*, int> kModel[] = {
      {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},   {"XML_CTYPE_MIXED", XML_CTYPE_MIXED},
      {"XML_CTYPE_NAME", XML_CTYPE_NAME},   {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
      {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT}, {"XML_CQUANT_REP", XML_CQUANT_REP},
      {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
  };
  for (const auto& [name, v] : kModel) add_value(m, name, make_int(int64_t{v}));
  return m;
}

} // namespace

Module* make_pyexpat_module() {
  Module* m = new_module("pyexpat");
  if (!parser_type.dict) init_parser_type();
  add_function(m, "ParserCreate", parser_create);
  add_function(m, "ErrorString", error_string);
  add_value(m, "XMLParserType", Value::object(&parser_type));
  add_value(m, "ExpatError", Value::object(&expat_error_type));
  add_value(m, "error", Value::object(&expat_error_type));
  XML_Expat_Version v = XML_ExpatVersionInfo();
  Value ver[3] = {make_int(int64_t{v.major}), make_int(int64_t{v.minor}), make_int(int64_t{v.micro})};
  add_value(m, "version_info", Value::object(new_tuple(ver)));
  add_value(m, "EXPAT_VERSION", str_value(XML_ExpatVersion()));
  add_value(m, "native_encoding", str_value("UTF-8"));
  add_value(m, "features", Value::object(new_list()));
  add_value(m, "XML_PARAM_ENTITY_PARSING_NEVER", make_int(int64_t{XML_PARAM_ENTITY_PARSING_NEVER}));
  add_value(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
            make_int(int64_t{XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE}));
  add_value(m, "XML_PARAM_ENTITY_PARSING_ALWAYS", make_int(int64_t{XML_PARAM_ENTITY_PARSING_ALWAYS}));
  add_value(m, "errors", Value::object(make_errors_module()));
  add_value(m, "model", Value::object(make_model_module()));
  return m;
}

} // namespace tributary::lib
