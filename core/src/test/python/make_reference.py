#!/usr/bin/python3
"""Writes the PyTorch reference values the core tests compare against.

Run with a Python that has torch (the system /usr/bin/python3 here, torch 1.13):

    /usr/bin/python3 core/src/test/python/make_reference.py

It rewrites the fixtures in core/src/test/resources/dev/descent/reference/. The tests never run
Python; they read the committed fixtures. Every value is float64 and written with repr(), which
round-trips exactly through Java's Double.parseDouble.
"""
import math
import os

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "dev", "descent", "reference")

XS = [-30.0, -5.0, -2.5, -1.0, -0.5, -0.1, 0.0, 0.1, 0.5, 1.0, 1.7, 2.5, 5.0, 25.0]

# spec as Descent writes it -> the PyTorch function
ACTIVATIONS = {
    "identity": lambda x: x,
    "linear": lambda x: x,
    "relu": F.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
    "leaky_relu(negative_slope=0.2)": lambda x: F.leaky_relu(x, 0.2),
    "elu": lambda x: F.elu(x, 1.0),
    "elu(alpha=0.5)": lambda x: F.elu(x, 0.5),
    "selu": F.selu,
    "gelu": lambda x: F.gelu(x),
    "gelu(approximate=none)": lambda x: F.gelu(x, approximate="none"),
    "gelu(approximate=tanh)": lambda x: F.gelu(x, approximate="tanh"),
    "sigmoid": torch.sigmoid,
    "logistic": torch.sigmoid,
    "tanh": torch.tanh,
    "softplus": lambda x: F.softplus(x, beta=1, threshold=20),
    "softplus(beta=2, threshold=3)": lambda x: F.softplus(x, beta=2, threshold=3),
    "softplus(beta=0.5)": lambda x: F.softplus(x, beta=0.5, threshold=20),
    "silu": F.silu,
    "swish": F.silu,
}


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def activations():
    lines = ["# spec;x;f(x);f'(x)  (torch " + torch.__version__ + ", float64, derivative by autograd)"]
    for spec, f in ACTIVATIONS.items():
        for x0 in XS:
            x = torch.tensor(x0, requires_grad=True)
            y = f(x)
            (g,) = torch.autograd.grad(y, x)
            lines.append(f"{spec};{x0!r};{float(y)!r};{float(g)!r}")
    return lines


def softmax():
    lines = ["# rows;cols;x;upstream;softmax(x);d(sum(upstream*softmax(x)))/dx"]
    cases = [
        ([[1.0, 2.0, 3.0], [-1.0, 0.0, 0.5]], [[0.3, -1.0, 2.0], [1.0, 1.0, 1.0]]),
        ([[1000.0, 0.0, -1000.0, 999.0]], [[0.5, -0.25, 2.0, 1.0]]),
        ([[0.0, 0.0]], [[1.0, -1.0]]),
    ]
    for x0, g0 in cases:
        x = torch.tensor(x0, requires_grad=True)
        y = torch.softmax(x, dim=1)
        (gx,) = torch.autograd.grad((y * torch.tensor(g0)).sum(), x)
        r, c = x.shape
        lines.append(f"{r};{c};{fmt(x.flatten())};{fmt(torch.tensor(g0).flatten())};"
                     f"{fmt(y.detach().flatten())};{fmt(gx.flatten())}")
    return lines


def losses():
    lines = ["# name;loss spec;rows;cols;outputs;target rows;target cols;targets;mean loss;d loss/d outputs"]

    def case(name, spec, out, tgt, fn):
        o = torch.tensor(out, requires_grad=True)
        t = torch.tensor(tgt)
        value = fn(o, t)
        (g,) = torch.autograd.grad(value, o)
        lines.append(f"{name};{spec};{o.shape[0]};{o.shape[1]};{fmt(o.detach().flatten())};"
                     f"{t.shape[0]};{t.shape[1]};{fmt(t.flatten())};{float(value)!r};{fmt(g.flatten())}")

    case("mse", "mse", [[0.5, -1.0, 2.0], [3.0, 0.25, -0.75]], [[1.0, -1.5, 0.0], [2.0, 0.0, 0.5]], F.mse_loss)
    case("bce_probabilities", "binary_cross_entropy", [[0.9], [0.2], [0.6], [0.35]], [[1.0], [0.0], [0.0], [1.0]],
         F.binary_cross_entropy)
    case("bce_probabilities_two_columns", "bce", [[0.7, 0.1], [0.45, 0.999]], [[1.0, 0.0], [0.3, 1.0]],
         F.binary_cross_entropy)
    case("bce_probabilities_clamped_log", "binary_crossentropy", [[0.0], [1.0], [0.5]], [[1.0], [0.0], [0.5]],
         F.binary_cross_entropy)
    case("bce_logits", "binary_cross_entropy", [[2.5], [-1.0], [0.3], [-4.0]], [[1.0], [0.0], [0.0], [1.0]],
         F.binary_cross_entropy_with_logits)
    case("bce_logits_extreme", "binary_cross_entropy", [[800.0], [-800.0], [40.0], [-40.0]],
         [[0.0], [1.0], [1.0], [0.0]], F.binary_cross_entropy_with_logits)
    logits = [[1.0, 2.0, 0.5, -1.0], [0.1, -0.2, 0.3, 0.0], [3.0, 1.0, -2.0, 0.5]]
    labels = [3, 0, 1]
    case("ce_indices", "sparse_categorical_crossentropy", logits, [[float(i)] for i in labels],
         lambda o, t: F.cross_entropy(o, t[:, 0].long()))
    one_hot = [[1.0 if j == i else 0.0 for j in range(4)] for i in labels]
    case("ce_one_hot", "categorical_crossentropy", logits, one_hot, lambda o, t: F.cross_entropy(o, t))
    soft = [[0.1, 0.2, 0.3, 0.4], [0.0, 0.5, 0.5, 0.0], [0.25, 0.25, 0.25, 0.25]]
    case("ce_soft_targets", "cross_entropy", logits, soft, lambda o, t: F.cross_entropy(o, t))
    case("ce_large_logits", "cross_entropy", [[1000.0, 0.0, -1000.0], [-500.0, 500.0, 499.0]], [[1.0], [2.0]],
         lambda o, t: F.cross_entropy(o, t[:, 0].long()))
    return lines


def erf():
    lines = ["# x;erf(x)  (Python math.erf, C library)"]
    for x in [-6.5, -5.9, -4.0, -3.0, -2.0, -1.0, -0.5, -1e-10, 0.0, 1e-8, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0,
              2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 5.99, 6.0, 8.0]:
        lines.append(f"{x!r};{math.erf(x)!r}")
    return lines


def write(name, lines):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write("activations.txt", activations())
    write("softmax.txt", softmax())
    write("losses.txt", losses())
    write("erf.txt", erf())
