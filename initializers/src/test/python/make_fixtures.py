#!/usr/bin/python3
"""Writes the reference values the initializers tests compare against.

Run with a Python that has torch, numpy and scipy (the system /usr/bin/python3 here: torch 1.13,
scipy 1.10):

    /usr/bin/python3 initializers/src/test/python/make_fixtures.py

It rewrites the fixtures in initializers/src/test/resources/dev/descent/reference/initializers-*.txt.
The tests never run Python. Every number is float64 written with repr(), which round-trips exactly
through Java's Double.parseDouble. Lines are ';'-separated fields, '#' starts a comment.

Where the expected values come from (never from Descent's own output):
  * PyTorch schemes: the fans and gains from torch.nn.init itself (_calculate_fan_in_and_fan_out,
    _calculate_correct_fan, calculate_gain) on the PyTorch-layout tensor of the same layer, and the
    distributions its documentation gives; each reference distribution is also checked here against
    samples from the real torch.nn.init function (two-sided KS, p > 1e-4).
  * Keras schemes: Keras is not installed, so its formulas are transcribed from the Keras 3 source
    (keras/src/initializers/random_initializers.py: compute_fans, VarianceScaling.__call__ with
    scale /= max(1., n) and stddev = sqrt(scale) / .87962566103423978, truncation at two standard
    deviations per keras.random.truncated_normal), with scipy's truncnorm for the distribution.
  * Quantiles, moments and special-function values: scipy.stats / scipy.special.
"""
import math
import os

import numpy as np
import scipy.special as sp
import scipy.stats as st
import torch
import torch.nn.init as init

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "dev", "descent", "reference")
PROBABILITIES = [k / 1000 for k in range(1, 1000)]
torch.manual_seed(20240601)


def r(x):
    return repr(float(x))


# --------------------------------------------------------------------------- fans
def keras_fans(shape):
    """keras.src.initializers.random_initializers.compute_fans, verbatim logic."""
    shape = tuple(shape)
    if len(shape) < 1:
        return 1, 1
    if len(shape) == 1:
        return shape[0], shape[0]
    if len(shape) == 2:
        return shape[0], shape[1]
    receptive = 1
    for d in shape[:-2]:
        receptive *= d
    return shape[-2] * receptive, shape[-1] * receptive


def torch_tensor(shape):
    """The PyTorch tensor of the same layer: [in, out] -> Linear [out, in]; [k.., in, out] -> Conv [out, in, k..]."""
    if len(shape) == 2:
        return torch.empty(shape[1], shape[0])
    return torch.empty(shape[-1], shape[-2], *shape[:-2])


def torch_fans(shape):
    return init._calculate_fan_in_and_fan_out(torch_tensor(shape))


# --------------------------------------------------------------------------- distributions
def keras_variance_scaling(scale, mode, distribution, shape):
    fan_in, fan_out = keras_fans(shape)
    if mode == "fan_in":
        scale /= max(1.0, fan_in)
    elif mode == "fan_out":
        scale /= max(1.0, fan_out)
    else:
        scale /= max(1.0, (fan_in + fan_out) / 2.0)
    if distribution == "truncated_normal":
        stddev = math.sqrt(scale) / 0.87962566103423978
        return st.truncnorm(-2, 2, loc=0, scale=stddev)
    if distribution == "untruncated_normal":
        return st.norm(0, math.sqrt(scale))
    limit = math.sqrt(3.0 * scale)
    return st.uniform(-limit, 2 * limit)


KERAS_PRESETS = {
    "glorot_uniform": (1.0, "fan_avg", "uniform"),
    "glorot_normal": (1.0, "fan_avg", "truncated_normal"),
    "he_uniform": (2.0, "fan_in", "uniform"),
    "he_normal": (2.0, "fan_in", "truncated_normal"),
    "lecun_uniform": (1.0, "fan_in", "uniform"),
    "lecun_normal": (1.0, "fan_in", "truncated_normal"),
}


def torch_kaiming(shape, a=0.0, mode="fan_in", nonlinearity="leaky_relu", uniform=False):
    w = torch_tensor(shape)
    fan = init._calculate_correct_fan(w, mode)
    gain = init.calculate_gain(nonlinearity, a)
    std = gain / math.sqrt(fan)
    sampler = (lambda t: init.kaiming_uniform_(t, a=a, mode=mode, nonlinearity=nonlinearity)) if uniform else \
        (lambda t: init.kaiming_normal_(t, a=a, mode=mode, nonlinearity=nonlinearity))
    if uniform:
        bound = math.sqrt(3.0) * std
        return st.uniform(-bound, 2 * bound), sampler
    return st.norm(0, std), sampler


def torch_xavier(shape, gain=1.0, uniform=False):
    fan_in, fan_out = init._calculate_fan_in_and_fan_out(torch_tensor(shape))
    std = gain * math.sqrt(2.0 / float(fan_in + fan_out))
    if uniform:
        a = math.sqrt(3.0) * std
        return st.uniform(-a, 2 * a), (lambda t: init.xavier_uniform_(t, gain=gain))
    return st.norm(0, std), (lambda t: init.xavier_normal_(t, gain=gain))


def check_against_torch(name, dist, sampler, shape, draws=60000):
    """Two-sided KS of real torch.nn.init samples against the reference distribution."""
    values = []
    total = 0
    while total < draws:
        t = torch_tensor(shape).double()
        sampler(t)
        v = t.flatten().numpy()
        values.append(v)
        total += v.size
    sample = np.concatenate(values)
    p = st.kstest(sample, dist.cdf).pvalue
    assert p > 1e-4, f"{name} {shape}: torch's samples do not follow the reference (p={p})"
    return p


SHAPES = [[784, 256], [256, 10], [3, 3, 16, 32], [5, 7]]

rows = []  # spec; shape; fan_in fan_out; zero_probability; mean; std; min; max; quantiles; source


def add(spec, shape, dist, source, zero=0.0, support=None):
    fan_in, fan_out = keras_fans(shape)
    lo, hi = dist.support() if support is None else support
    q = " ".join(r(x) for x in dist.ppf(PROBABILITIES))
    rows.append(";".join([spec, " ".join(map(str, shape)), f"{fan_in} {fan_out}", r(zero), r(dist.mean()),
                          r(dist.std()), r(lo), r(hi), q, source]))


for shape in SHAPES:
    assert tuple(keras_fans(shape)) == tuple(torch_fans(shape)), shape
    for name, (scale, mode, distribution) in KERAS_PRESETS.items():
        add(name, shape, keras_variance_scaling(scale, mode, distribution, shape), "keras formula")
    add("keras_dense_default", shape, keras_variance_scaling(1.0, "fan_avg", "uniform", shape), "keras formula")
    for spec, kwargs in [("kaiming_normal", {}), ("kaiming_uniform", {"uniform": True}),
                         ("kaiming_normal(mode=fan_out, nonlinearity=relu)", {"mode": "fan_out", "nonlinearity": "relu"}),
                         ("kaiming_uniform(a=0.2, nonlinearity=leaky_relu)", {"a": 0.2, "uniform": True}),
                         ("kaiming_normal(nonlinearity=tanh)", {"nonlinearity": "tanh"}),
                         ("kaiming_uniform(nonlinearity=selu, mode=fan_out)", {"nonlinearity": "selu", "mode": "fan_out", "uniform": True})]:
        dist, sampler = torch_kaiming(shape, **kwargs)
        p = check_against_torch(spec, dist, sampler, shape)
        add(spec, shape, dist, f"torch.nn.init (KS p={p:.3f})")
    for spec, kwargs in [("xavier_uniform", {"uniform": True}), ("xavier_normal", {}),
                         ("xavier_uniform(gain=1.6666666666666667)", {"uniform": True, "gain": 5 / 3}),
                         ("xavier_normal(gain=0.5)", {"gain": 0.5})]:
        dist, sampler = torch_xavier(shape, **kwargs)
        p = check_against_torch(spec, dist, sampler, shape)
        add(spec, shape, dist, f"torch.nn.init (KS p={p:.3f})")

# variance_scaling with non-default arguments, on two shapes
for shape in [[784, 256], [3, 3, 16, 32]]:
    for scale, mode, distribution in [(0.5, "fan_out", "untruncated_normal"), (3.0, "fan_avg", "truncated_normal"),
                                      (1.5, "fan_in", "uniform"), (1.0, "fan_in", "normal")]:
        keras_distribution = "truncated_normal" if distribution == "normal" else distribution
        add(f"variance_scaling(scale={scale}, mode={mode}, distribution={distribution})", shape,
            keras_variance_scaling(scale, mode, keras_distribution, shape), "keras formula")

# fan-independent schemes: one shape each
FIXED = [200, 100]
add("random_normal", FIXED, st.norm(0, 0.05), "keras RandomNormal defaults")
add("random_normal(mean=1.5, stddev=3)", FIXED, st.norm(1.5, 3), "keras RandomNormal")
add("random_uniform", FIXED, st.uniform(-0.05, 0.1), "keras RandomUniform defaults")
add("random_uniform(minval=2, maxval=7)", FIXED, st.uniform(2, 5), "keras RandomUniform")
add("truncated_normal", FIXED, st.truncnorm(-2, 2, loc=0, scale=0.05), "keras TruncatedNormal defaults")
add("truncated_normal(mean=-1, stddev=2)", FIXED, st.truncnorm(-2, 2, loc=-1, scale=2), "keras TruncatedNormal")
for spec, dist, sampler in [
        ("uniform", st.uniform(0, 1), lambda t: init.uniform_(t)),
        ("uniform(a=-3, b=-1)", st.uniform(-3, 2), lambda t: init.uniform_(t, -3, -1)),
        ("normal", st.norm(0, 1), lambda t: init.normal_(t)),
        ("normal(mean=2, std=0.1)", st.norm(2, 0.1), lambda t: init.normal_(t, 2, 0.1)),
        ("trunc_normal", st.truncnorm(-2, 2), lambda t: init.trunc_normal_(t)),
        ("trunc_normal(std=0.02)", st.truncnorm(-2 / 0.02, 2 / 0.02, scale=0.02), lambda t: init.trunc_normal_(t, std=0.02)),
        ("trunc_normal(mean=0, std=1, a=2.5, b=3)", st.truncnorm(2.5, 3), lambda t: init.trunc_normal_(t, 0, 1, 2.5, 3)),
        ("trunc_normal(mean=1, std=2, a=0, b=10)", st.truncnorm(-0.5, 4.5, loc=1, scale=2), lambda t: init.trunc_normal_(t, 1, 2, 0, 10)),
        ("trunc_normal(mean=0, std=1, a=-6, b=-5)", st.truncnorm(-6, -5), lambda t: init.trunc_normal_(t, 0, 1, -6, -5))]:
    if not spec.endswith("b=-5)"):  # torch computes this one in float32 and loses it; the reference is still exact
        p = check_against_torch(spec, dist, sampler, FIXED)
        add(spec, FIXED, dist, f"torch.nn.init (KS p={p:.3f})")
    else:
        add(spec, FIXED, dist, "torch.nn.init documentation (exact truncated normal)")
for shape in [[784, 256], [256, 10], [64, 64], [3, 3, 16, 32]]:
    dist = st.uniform(-1 / math.sqrt(shape[-2] if len(shape) == 2 else keras_fans(shape)[0]),
                      2 / math.sqrt(shape[-2] if len(shape) == 2 else keras_fans(shape)[0]))
    if len(shape) == 2:
        lin = torch.nn.Linear(shape[0], shape[1])
        wp = st.kstest(lin.weight.detach().double().flatten().numpy(), dist.cdf).pvalue
        assert wp > 1e-4, (shape, wp)
        add("pytorch_linear_default", shape, dist, f"torch.nn.Linear weight (KS p={wp:.3f})")

# orthogonal: an entry of a Haar (semi-)orthogonal matrix is gain times a coordinate of a uniform unit
# vector in R^max(rows, cols): (t + 1)/2 ~ Beta((d - 1)/2, (d - 1)/2)
for shape, gain in [([64, 32], 1.0), ([32, 64], 1.0), ([50, 50], 2.0), ([3, 3, 4, 8], 1.5)]:
    rows_, cols_ = int(np.prod(shape[:-1])), shape[-1]
    d = max(rows_, cols_)
    dist = st.beta((d - 1) / 2, (d - 1) / 2, loc=-gain, scale=2 * gain)
    sampler = lambda t, g=gain: init.orthogonal_(t, gain=g)
    if len(shape) == 2:
        p = check_against_torch(f"orthogonal(gain={gain})", dist, sampler, shape, draws=40000)
        source = f"torch.nn.init.orthogonal_ (KS p={p:.3f})"
    else:
        source = "Haar measure (Keras flattening)"
    add(f"orthogonal(gain={gain})", shape, dist, source)

# sparse: a fraction ceil(sparsity*n)/n of zeros, the rest N(0, std^2); n = PyTorch's rows = our cols
for shape, sparsity, std in [([100, 40], 0.1, 0.01), ([60, 30], 0.5, 1.0), ([30, 7], 0.3, 0.2)]:
    t = torch_tensor(shape)
    init.sparse_(t, sparsity, std)
    n = t.shape[0]
    zeros = math.ceil(sparsity * n)
    assert all(int((t[:, j] == 0).sum()) == zeros for j in range(t.shape[1]))
    add(f"sparse(sparsity={sparsity}, std={std})", shape, st.norm(0, std), "torch.nn.init.sparse_", zero=zeros / n)

with open(os.path.join(OUT, "initializers-distributions.txt"), "w") as f:
    f.write("# spec;shape ([in, out] layout);fan_in fan_out;P(value = 0) for the zero atom;mean;std;min;max;"
            "999 quantiles at p = k/1000 of the continuous part;source\n")
    f.write("# written by initializers/src/test/python/make_fixtures.py\n")
    for row in rows:
        f.write(row + "\n")

# --------------------------------------------------------------------------- calculate_gain
with open(os.path.join(OUT, "initializers-gain.txt"), "w") as f:
    f.write("# nonlinearity;param ('' for none);torch.nn.init.calculate_gain\n")
    for name in ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                 "conv_transpose3d", "sigmoid", "tanh", "relu", "leaky_relu", "selu"]:
        f.write(f"{name};;{r(init.calculate_gain(name))}\n")
    for slope in [0.0, 0.01, 0.2, 1.0, math.sqrt(5), -0.5]:
        f.write(f"leaky_relu;{r(slope)};{r(init.calculate_gain('leaky_relu', slope))}\n")

# --------------------------------------------------------------------------- special functions
with open(os.path.join(OUT, "initializers-special.txt"), "w") as f:
    f.write("# function;arguments (space-separated);value (scipy)\n")
    for x in [-38.0, -20.0, -8.5, -5.0, -3.2, -3.0, -2.9, -1.0, -0.3, 0.0, 0.7, 2.0, 3.1, 6.0, 9.0]:
        f.write(f"normal_cdf;{r(x)};{r(st.norm.cdf(x))}\n")
        f.write(f"normal_survival;{r(x)};{r(st.norm.sf(x))}\n")
    for p in [1e-300, 1e-30, 1e-10, 1e-4, 0.01, 0.02425, 0.1, 0.3, 0.5, 0.77, 0.97, 0.99, 0.999999]:
        f.write(f"normal_quantile;{r(p)};{r(st.norm.ppf(p))}\n")
    for x, a, b in [(0.3, 2.5, 2.5), (0.5, 0.5, 0.5), (0.01, 31.5, 31.5), (0.45, 127.5, 127.5), (0.9, 3.0, 1.5),
                    (0.5001, 1000.0, 1000.0), (0.2, 0.75, 0.75)]:
        f.write(f"regularized_beta;{r(x)} {r(a)} {r(b)};{r(sp.betainc(a, b, x))}\n")
    for x in [0.5, 1.0, 1.5, 3.25, 10.0, 127.5, 1000.0]:
        f.write(f"ln_gamma;{r(x)};{r(sp.gammaln(x))}\n")
    f.write(f"truncated_std_correction;;{r(st.truncnorm(-2, 2).std())}\n")

print(f"wrote {len(rows)} distribution cases")
