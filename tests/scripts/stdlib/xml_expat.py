# pyexpat on libexpat: xml.parsers.expat handlers, ElementTree (fromstring,
# namespaces, iterparse, XMLPullParser, indent, ParseError positions),
# minidom, plistlib and xmlrpc.client round trips.
import io, plistlib, xmlrpc.client
import xml.dom.minidom
import xml.etree.ElementTree as ET
from xml.parsers import expat

events = []
p = expat.ParserCreate()
p.StartElementHandler = lambda name, attrs: events.append(("start", name, attrs))
p.EndElementHandler = lambda name: events.append(("end", name))
p.CharacterDataHandler = lambda data: events.append(("data", data))
p.CommentHandler = lambda data: events.append(("comment", data))
p.ProcessingInstructionHandler = lambda t, d: events.append(("pi", t, d))
p.buffer_text = True
p.Parse(b"<?xml version='1.0'?><root a='1' b='two'><?go now?>text &lt;1&gt;<!--note--><x/>", False)
p.Parse("tail</root>", True)
for e in events:
    print(e)
print(p.ErrorCode, p.CurrentLineNumber, expat.ErrorString(expat.errors.codes[expat.errors.XML_ERROR_SYNTAX]))
q = expat.ParserCreate()
q.ordered_attributes = 1
q.StartElementHandler = lambda name, attrs: print("ordered", name, attrs)
q.Parse("<e z='1' a='2'/>", True)
bad = expat.ParserCreate()
try:
    bad.Parse("<a><b></a>", True)
except expat.ExpatError as e:
    print("ExpatError", e, e.code == expat.errors.codes[expat.errors.XML_ERROR_TAG_MISMATCH], e.lineno, e.offset)
def boom(name, attrs):
    raise ValueError("handler failed on " + name)
r = expat.ParserCreate()
r.StartElementHandler = boom
try:
    r.Parse("<only/>", True)
except ValueError as e:
    print("ValueError", e)
ns = expat.ParserCreate(namespace_separator=" ")
ns.StartElementHandler = lambda name, attrs: print("ns", name)
ns.Parse('<r xmlns="urn:a"><b:x xmlns:b="urn:b"/></r>', True)

doc = """<?xml version="1.0"?>
<library xmlns:d="urn:dc">
  <book id="1" lang="en"><title>Dune</title><d:creator>Herbert</d:creator><year>1965</year></book>
  <book id="2"><title>Solaris</title><d:creator>Lem</d:creator><year>1961</year></book>
</library>"""
root = ET.fromstring(doc)
print(root.tag, len(root), [b.get("id") for b in root.iter("book")], root.find("book/title").text)
print([c.text for c in root.iter("{urn:dc}creator")], root.findall(".//book[@lang='en']")[0].findtext("year"))
print(sorted(int(y.text) for y in root.iter("year")))
new = ET.Element("catalog", version="2")
for b in root:
    item = ET.SubElement(new, "item", ref=b.get("id"))
    item.text = b.findtext("title")
ET.indent(new)
print(ET.tostring(new, encoding="unicode"))
print([(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(b"<a><b/><c>x</c></a>"), events=("start", "end"))])
pull = ET.XMLPullParser(events=("end",))
pull.feed("<r><i>1</i><i>2")
print([el.text for _, el in pull.read_events()])
pull.feed("</i></r>")
print([el.tag for _, el in pull.read_events()])
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as e:
    print("ParseError", e, e.position)

dom = xml.dom.minidom.parseString("<doc><p class='x'>Hello <b>world</b></p></doc>")
print(dom.documentElement.tagName, dom.getElementsByTagName("p")[0].getAttribute("class"),
      dom.getElementsByTagName("b")[0].firstChild.data)
print(dom.documentElement.toxml())

data = {"name": "tributary", "n": 3, "ok": True, "items": [1, 2.5, "x"], "nested": {"k": "v"}}
blob = plistlib.dumps(data)
print(plistlib.loads(blob) == data, blob.count(b"<key>"))
req = xmlrpc.client.dumps((1, "two", [3.0, True], {"k": None}), "method", allow_none=True)
print(xmlrpc.client.loads(req, use_builtin_types=True))
