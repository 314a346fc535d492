# email, http.client and urllib import and work (they need type.mro(),
# _socket): build and parse a message, parse an HTTP response read from a
# socketpair, build urllib requests, type.mro().
import email, http.client, socket, urllib.parse, urllib.request
from email import policy
from email.message import EmailMessage
from email.utils import formataddr, parseaddr

class A: pass
class B(A): pass
print(B.mro(), type.mro(B), int.mro(), bool.mro())
try:
    type.mro(5)
except TypeError as e:
    print("TypeError")

msg = EmailMessage()
msg["Subject"] = "Greetings"
msg["From"] = formataddr(("Ann Example", "ann@example.com"))
msg["To"] = "bob@example.com"
msg.set_content("Hello Bob,\nsee you soon.\n")
msg.add_attachment(b"\x00\x01data", maintype="application", subtype="octet-stream", filename="d.bin")
text = msg.as_string()
parsed = email.message_from_string(text, policy=policy.default)
print(parsed["subject"], parseaddr(parsed["from"]), parsed.is_multipart(), parsed.get_content_type())
for part in parsed.iter_parts():
    print(" ", part.get_content_type(), part.get_filename(), repr(part.get_content()))

a, b = socket.socketpair()
b.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 11\r\n"
          b"X-Test: yes\r\n\r\nhello world")
r = http.client.HTTPResponse(a)
r.begin()
print(r.status, r.reason, r.version, r.getheader("Content-Type"), r.getheader("X-Test"), r.read(), r.isclosed())
a.close(); b.close()

u = urllib.parse.urlsplit("https://user@example.com:8080/p/a t?q=1&r=x y#frag")
print(u.scheme, u.hostname, u.port, u.path, urllib.parse.parse_qs(u.query), u.fragment)
print(urllib.parse.urlencode({"a": 1, "b": "x y"}), urllib.parse.quote("a b/c"), urllib.parse.unquote("%41%20"))
req = urllib.request.Request("http://example.com/api", data=b"{}", headers={"Content-Type": "application/json"})
print(req.get_method(), req.full_url, req.host, sorted(req.header_items()))
