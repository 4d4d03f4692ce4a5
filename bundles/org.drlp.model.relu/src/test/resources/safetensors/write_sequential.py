#!/usr/bin/env python3
"""An independent writer of safetensors files (Python standard library only: struct and json),
following the published format (https://huggingface.co/docs/safetensors): 8 bytes, the
little-endian length of a UTF-8 JSON header mapping each tensor's name to its dtype, shape and
data_offsets [begin, end] into the byte buffer that follows; the tensors' raw little-endian bytes,
row-major. It writes the state_dict of the PyTorch module

    nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 4), nn.ReLU(),
                  nn.Linear(4, 2), nn.ReLU(), nn.Linear(2, 1))

(the paper's 4-5-4-2-1 network; weights and biases U(-1, 1), seed 2011) as the tensors 0.weight,
0.bias, 2.weight, 2.bias, 4.weight, 4.bias, 6.weight, 6.bias, in F32 and in F64, the tensors laid
out in another order than the header lists them, and the network's output on a few inputs,
computed here in double precision from the stored values (F32 values widened exactly), as the
oracle of SafetensorsFileTest. PyTorch itself was not installable on the build machines.

    python3 write_sequential.py     # rewrites the three files next to this script
"""
import json
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
WIDTHS = [4, 5, 4, 2, 1]


def network(seed):
    rng = random.Random(seed)
    layers = []
    for l in range(len(WIDTHS) - 1):
        rows, cols = WIDTHS[l + 1], WIDTHS[l]
        weight = [[rng.uniform(-1, 1) for _ in range(cols)] for _ in range(rows)]
        bias = [rng.uniform(-1, 1) for _ in range(rows)]
        layers.append((weight, bias))
    return layers


def stored(values, fmt):
    """The values as the file holds them (F32 rounds, then widens exactly)."""
    return [struct.unpack("<" + fmt, struct.pack("<" + fmt, v))[0] for v in values]


def write(path, layers, dtype):
    fmt, width = {"F32": ("f", 4), "F64": ("d", 8)}[dtype]
    tensors = []
    for l, (weight, bias) in enumerate(layers):
        tensors.append(("%d.weight" % (2 * l), [len(weight), len(weight[0])], [v for row in weight for v in row]))
        tensors.append(("%d.bias" % (2 * l), [len(bias)], bias))
    # the data in reverse order of the header's listing: offsets, not order, locate a tensor
    data, offsets = b"", {}
    for name, shape, values in reversed(tensors):
        raw = struct.pack("<%d%s" % (len(values), fmt), *values)
        offsets[name] = [len(data), len(data) + len(raw)]
        data += raw
    header = {"__metadata__": {"format": "pt", "writer": "write_sequential.py"}}
    for name, shape, values in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": offsets[name]}
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(data)


def forward(layers, x, fmt):
    h = list(x)
    for l, (weight, bias) in enumerate(layers):
        w = [stored(row, fmt) for row in weight]
        b = stored(bias, fmt)
        z = [sum(w[r][c] * h[c] for c in range(len(h))) + b[r] for r in range(len(b))]
        h = z if l == len(layers) - 1 else [max(0.0, v) for v in z]
    return h[0]


def main():
    layers = network(2011)
    write(os.path.join(HERE, "sequential-4-5-4-2-1-f32.safetensors"), layers, "F32")
    write(os.path.join(HERE, "sequential-4-5-4-2-1-f64.safetensors"), layers, "F64")
    rng = random.Random(7)
    inputs = [[rng.uniform(-3, 3) for _ in range(WIDTHS[0])] for _ in range(20)]
    expected = {"inputs": inputs,
                "F32": [forward(layers, x, "f") for x in inputs],
                "F64": [forward(layers, x, "d") for x in inputs]}
    with open(os.path.join(HERE, "sequential-4-5-4-2-1-forward.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
