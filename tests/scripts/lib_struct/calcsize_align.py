import struct
fmts = ['c', 'ci', 'ic', 'cq', 'qc', 'hhi', 'ihh', '3sHd', 'bbbbi', 'c0i', 'cd', 'xi', 'i2x', '?', 'e', 'ce', 'P', 'n', 'N', 'cP',
        '10s', '5p', '0s', '3x', 'hcb', 'lL', 'fd', 'iq', '2h3i', 'cccc']
for f in fmts:
    print(repr(f), struct.calcsize(f), struct.calcsize('=' + f.replace('P', 'Q').replace('n', 'q').replace('N', 'Q')),
          struct.calcsize('<' + f.replace('P', 'Q').replace('n', 'q').replace('N', 'Q')))
print(struct.calcsize(b'ii'), struct.calcsize(' i  h '), struct.calcsize('i\th\nb'))
print(struct.pack('ci', b'a', 1), struct.pack('ic', 1, b'a'), struct.pack('<ci', b'a', 1), struct.pack('bq', 1, 2))
