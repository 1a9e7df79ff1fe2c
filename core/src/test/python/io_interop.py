#!/usr/bin/python3
"""Reads and writes the files of dev.descent.io with NumPy, independently of the Java code.

Run with a Python that has numpy (the system /usr/bin/python3 here):

    /usr/bin/python3 core/src/test/python/io_interop.py safetensors FILE   # prints what FILE holds
    /usr/bin/python3 core/src/test/python/io_interop.py npz FILE           # prints what np.load reads
    /usr/bin/python3 core/src/test/python/io_interop.py fixture DIR        # writes the reverse fixture

`safetensors` reads FILE with the `safetensors` package when it is importable, else by parsing
the format itself (8-byte little-endian header length, JSON header, numpy.frombuffer of each
tensor's data_offsets). The Java interoperability tests run the first two commands on files that
Descent wrote and compare every value bit for bit.

`fixture` writes numpy_written.safetensors and numpy_written.expected into DIR (the committed
copies live in core/src/test/resources/dev/descent/io/). The `safetensors` package is not
available on this machine (no Debian package; PyPI is out of reach), so the file is written here
with numpy and json the way the reference writer lays it out (huggingface/safetensors,
safetensors/src/tensor.rs, `prepare`): tensors sorted by descending dtype alignment then by name,
contiguous data_offsets, compact JSON with raw UTF-8, the header padded with spaces to a multiple
of 8 bytes, and {"format": "pt"} as metadata, as transformers' save_pretrained writes it. The
.expected file lists the arrays as built in memory here, not as read back from the file.

Output, one tab-separated record per line (names, keys and values of strings as the hex of their
UTF-8 bytes, so that any character survives):
    reader    safetensors-package | json+numpy | numpy.load | fixture
    meta      key  value                 one line per __metadata__ entry, sorted by key
    crc32c    CRC-32C of the data section, 8 hex digits (computed here, table-driven)
    tensor    name  dtype  shape (comma-separated, empty for a scalar)  values (space-separated)
Floats are float.hex() of the value widened to a Python float (exact), "inf", "-inf", or
"nan:" followed by the raw bits in hex; integers are decimal.
"""
import json
import os
import struct
import sys

import numpy as np

NUMPY_DTYPES = {
    "BOOL": "?", "U8": "u1", "I8": "i1", "I16": "<i2", "U16": "<u2", "F16": "<f2",
    "I32": "<i4", "U32": "<u4", "F32": "<f4", "F64": "<f8", "I64": "<i8", "U64": "<u8",
}
# The reference Dtype enum order (safetensors/src/tensor.rs); the writer sorts by it, descending.
DTYPE_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16",
               "I32", "U32", "F32", "F64", "I64", "U64"]
SAFETENSORS_OF = {np.dtype(v).str.lstrip("<|="): k for k, v in NUMPY_DTYPES.items()}


def crc32c(data):
    """CRC-32C (Castagnoli, reflected polynomial 0x82F63B78; RFC 3720 appendix B.4)."""
    crc = 0xFFFFFFFF
    table = crc32c.table
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def _table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


crc32c.table = _table()
# The check value of the CRC catalogue (and RFC 3720's test vectors): CRC-32C("123456789").
assert crc32c(b"123456789") == 0xE3069283


def format_value(value, dtype):
    if dtype.kind == "f":
        x = float(value)
        if x != x:
            bits = np.array([value], dtype=dtype).view("u%d" % dtype.itemsize)[0]
            return "nan:%x" % int(bits)
        if x in (float("inf"), float("-inf")):
            return "inf" if x > 0 else "-inf"
        return x.hex()
    if dtype.kind == "b":
        return "1" if value else "0"
    return str(int(value))


def utf8_hex(text):
    return text.encode("utf-8").hex()


def tensor_line(name, dtype_code, array):
    shape = ",".join(str(d) for d in array.shape)
    values = " ".join(format_value(v, array.dtype) for v in array.reshape(-1))
    return "\t".join(["tensor", utf8_hex(name), dtype_code, shape, values])


def metadata_lines(metadata):
    return ["meta\t%s\t%s" % (utf8_hex(k), utf8_hex(v)) for k, v in sorted((metadata or {}).items())]


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = raw[8 + n:]
    metadata = header.pop("__metadata__", None)
    lines = []
    try:
        from safetensors import safe_open
        lines.append("reader\tsafetensors-package")
        with safe_open(path, framework="np") as f:
            metadata = f.metadata()
            for name in f.keys():
                lines.append(tensor_line(name, header[name]["dtype"], f.get_tensor(name)))
    except ImportError:
        lines.append("reader\tjson+numpy")
        for name, info in header.items():
            begin, end = info["data_offsets"]
            array = np.frombuffer(data[begin:end], dtype=NUMPY_DTYPES[info["dtype"]]).reshape(info["shape"])
            lines.append(tensor_line(name, info["dtype"], array))
    return lines[:1] + metadata_lines(metadata) + ["crc32c\t%08x" % crc32c(data)] + lines[1:]


def read_npz(path):
    lines = ["reader\tnumpy.load"]
    with np.load(path) as archive:
        for name in archive.files:
            array = archive[name]
            lines.append(tensor_line(name, array.dtype.name, array))
    return lines


def fixture_arrays():
    f32 = np.array([[1.5, -0.0, np.nan, np.inf], [-np.inf, 1e-45, 3.4028235e38, 0.1]], dtype="<f4")
    return {
        "dense.weight": f32,
        "dense.bias": np.array([0.25, -3.0], dtype="<f4"),
        "layer.0/Gewichte_\u00e4": np.array([[[np.pi, -np.e, 1e-310]], [[2.0 ** 60, -1.0, 5e-324]]], dtype="<f8"),
        "scalar": np.array(42.5, dtype="<f8"),
        "empty": np.zeros((0, 3), dtype="<f4"),
        "emb.\U0001F642": np.array([np.iinfo(np.int64).min, -1, 0, np.iinfo(np.int64).max], dtype="<i8"),
        "steps": np.array([-2 ** 31, 2 ** 31 - 1, 7], dtype="<i4"),
        "mask": np.array([0, 1, 127, 128, 255], dtype="u1"),
        "half": np.array([1.0, -2.0], dtype="<f2"),
    }


def write_fixture(directory):
    arrays = fixture_arrays()
    codes = {name: SAFETENSORS_OF[a.dtype.str.lstrip("<|=")] for name, a in arrays.items()}
    order = sorted(arrays, key=lambda name: (-DTYPE_ORDER.index(codes[name]), name))
    header = {"__metadata__": {"format": "pt"}}
    offset = 0
    for name in order:
        size = arrays[name].nbytes
        header[name] = {"dtype": codes[name], "shape": list(arrays[name].shape),
                        "data_offsets": [offset, offset + size]}
        offset += size
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    data = b"".join(arrays[name].tobytes() for name in order)
    with open(os.path.join(directory, "numpy_written.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)
    lines = ["reader\tfixture"] + metadata_lines(header["__metadata__"]) + ["crc32c\t%08x" % crc32c(data)]
    lines += [tensor_line(name, codes[name], arrays[name]) for name in order]
    with open(os.path.join(directory, "numpy_written.expected"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main(argv):
    if len(argv) != 3 or argv[1] not in ("safetensors", "npz", "fixture"):
        sys.exit("usage: io_interop.py safetensors FILE | npz FILE | fixture DIR")
    if argv[1] == "fixture":
        write_fixture(argv[2])
        return
    lines = read_safetensors(argv[2]) if argv[1] == "safetensors" else read_npz(argv[2])
    sys.stdout.buffer.write(("\n".join(lines) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv)
