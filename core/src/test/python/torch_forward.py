#!/usr/bin/python3
"""Loads a Descent model file into PyTorch and prints the model's outputs, independently of Java.

    /usr/bin/python3 core/src/test/python/torch_forward.py MODEL.safetensors INPUTS.npy

Builds a torch.nn.Sequential from the layer specs in the file's __metadata__ ("descent.layers":
dense(units=N, ...) -> nn.Linear, relu/tanh/sigmoid/softmax -> the torch module, dropout(p=...) ->
nn.Dropout), loads the tensors with `model.load_state_dict` (strict, so every name and shape must
be what PyTorch expects), and prints the outputs for the rows of INPUTS.npy in eval mode, one
value per line as float.hex(). The file is parsed with the `safetensors` package when importable,
otherwise with json and numpy.frombuffer. ModelFileInteropTest compares these lines with Descent's
own predictions.
"""
import json
import re
import struct
import sys

import numpy as np
import torch


def read_safetensors(path):
    try:
        from safetensors.torch import load_file
        import safetensors
        with open(path, "rb") as f:
            n = struct.unpack("<Q", f.read(8))[0]
            meta = json.loads(f.read(n)).get("__metadata__", {})
        return load_file(path), meta
    except ImportError:
        pass
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    dtypes = {"F32": np.float32, "F64": np.float64}
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=np.dtype(dtypes[entry["dtype"]]).newbyteorder("<"))
        tensors[name] = torch.from_numpy(array.reshape(entry["shape"]).copy())
    return tensors, header.get("__metadata__", {})


def module(spec, inputs):
    name = re.match(r"[a-z_]+", spec).group(0)
    if name == "dense":
        units = int(re.search(r"units=(\d+)", spec).group(1))
        return torch.nn.Linear(inputs, units), units
    if name == "dropout":
        return torch.nn.Dropout(float(re.search(r"p=([0-9.eE+-]+)", spec).group(1))), inputs
    activations = {"relu": torch.nn.ReLU(), "tanh": torch.nn.Tanh(), "sigmoid": torch.nn.Sigmoid(),
                   "softmax": torch.nn.Softmax(dim=1), "linear": torch.nn.Identity()}
    return activations[name], inputs


def main():
    tensors, meta = read_safetensors(sys.argv[1])
    size = int(meta["descent.input_size"])
    modules = []
    for spec in json.loads(meta["descent.layers"]):
        m, size = module(spec, size)
        modules.append(m)
    model = torch.nn.Sequential(*modules)
    dtype = torch.float64 if meta["descent.dtype"] == "float64" else torch.float32
    model = model.to(dtype)
    model.load_state_dict(tensors, strict=True)
    model.eval()
    x = torch.from_numpy(np.load(sys.argv[2])).to(dtype)
    with torch.no_grad():
        y = model(x)
    for v in y.reshape(-1).tolist():
        print(float(v).hex())


if __name__ == "__main__":
    main()
