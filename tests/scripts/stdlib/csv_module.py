# CPython's csv module on Tributary's _csv: reader/writer round trips, quoting
# modes, dialects, escapes, DictReader/DictWriter, Sniffer and the errors.
import csv, io
rows = [["name", "age", "note"], ["Ann", 31, 'says "hi"'], ["Bob, Jr.", 4.5, "multi\nline"], ["", None, " lead"]]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting)
    w.writerows(rows)
    print(repr(buf.getvalue()))
    print(list(csv.reader(io.StringIO(buf.getvalue()), quoting=quoting if quoting != csv.QUOTE_NONNUMERIC else csv.QUOTE_MINIMAL)))
buf = io.StringIO()
w = csv.writer(buf, delimiter="|", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
w.writerow(["a|b", "c\\d", 'e"f'])
print(repr(buf.getvalue()), list(csv.reader(io.StringIO(buf.getvalue()), delimiter="|", quoting=csv.QUOTE_NONE, escapechar="\\")))
print(list(csv.reader(["1,2.5,x"], quoting=csv.QUOTE_NONNUMERIC)) if False else "")
print(list(csv.reader(['"1",2.5,"3"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a, b,  c"], skipinitialspace=True)), list(csv.reader(["", "x"])))
r = csv.reader(['a,"b\n', 'c",d', "e"])
print(list(r), r.line_num)
print(list(csv.reader(['a,"x""y",b'])), list(csv.reader(['a,"x"y,b'])))
try:
    list(csv.reader(['a,"x"y,b'], strict=True))
except csv.Error as e:
    print("Error", e)
try:
    list(csv.reader(['"unterminated'], strict=True))
except csv.Error as e:
    print("Error", e)
print(list(csv.reader(['"unterminated'])))
csv.register_dialect("pipes", delimiter="|", quotechar="'")
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter, csv.get_dialect("excel").lineterminator == "\r\n")
print(list(csv.reader(["'a|b'|c"], "pipes")))
csv.unregister_dialect("pipes")
for bad in (dict(delimiter="ab"), dict(delimiter=1), dict(quoting=9), dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(lineterminator=5)):
    try:
        csv.writer(io.StringIO(), **bad)
    except TypeError as e:
        print("TypeError", e)
for f in (lambda: csv.get_dialect("nope"), lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]),
          lambda: csv.writer(io.StringIO()).writerow(5), lambda: list(csv.reader([b"x"]))):
    try:
        f()
    except csv.Error as e:
        print("Error", e)
try:
    csv.writer(5)
except TypeError as e:
    print("TypeError", e)
buf = io.StringIO()
dw = csv.DictWriter(buf, fieldnames=["x", "y"])
dw.writeheader(); dw.writerow({"x": 1, "y": "two"}); dw.writerows([{"x": 3}, {"y": 4}])
print(repr(buf.getvalue()))
for rec in csv.DictReader(io.StringIO(buf.getvalue())):
    print(rec)
buf = io.StringIO(); csv.writer(buf).writerow([""]); print(repr(buf.getvalue()))
sn = csv.Sniffer()
d = sn.sniff("a;b;c\n1;2;3\n4;5;6\n")
print(d.delimiter, sn.has_header("name,age\nann,3\nbob,4\n"))
d = csv.excel(); print(d.delimiter, d.quoting, type(csv.excel_tab()).__name__, csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
try:
    list(csv.reader(["x" * 11]))
except csv.Error as e:
    print("Error", e)
csv.field_size_limit(131072)
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
