import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_uni_%d.txt' % os.getpid())
text = 'héllo wörld\n€uro 😀\nascii\n'
with open(path, 'w', encoding='utf-8') as f:
    print(f.write(text))
with open(path, encoding='utf-8') as f:
    print(repr(f.read(5)), repr(f.readline()), repr(f.read()))
with open(path, 'rb') as f:
    raw = f.read()
print(len(raw), raw[:8], raw.decode('utf-8') == text)
with open(path, 'w', encoding='latin-1') as f:
    f.write('café')
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='latin-1') as f:
    print(f.read())
os.remove(path)
