import struct
print(struct.pack('<i', True), struct.pack('<q', False), struct.pack('<B', True))
print(struct.pack('<?', 'x'), struct.pack('<?', ''), struct.pack('<?', None))
print(struct.unpack('<??', b'\x01\x00'), struct.unpack('??', b'\xff\x02'))
print(struct.pack('>Q', 2**63), struct.pack('<Q', 2**63), struct.unpack('>q', struct.pack('>Q', 2**63)))
print(struct.pack('<d', 10**20), struct.pack('<f', -3), struct.unpack('<d', struct.pack('<d', 10**20)))
