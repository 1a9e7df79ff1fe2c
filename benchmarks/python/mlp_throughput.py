"""MLP training throughput in PyTorch: the 784-256-128-10 network
nn.Sequential(Linear(784, 256), ReLU, Linear(256, 128), ReLU, Linear(128, 10)), float32,
CrossEntropyLoss, Adam(lr=1e-3), on --examples random examples (features from N(0, 1), labels
uniform over 10 classes) cut into consecutive batches visited in turn: the same workload and
the same procedure as Descent's MlpWorkload and Throughput. For each batch size: steps for
--warmup seconds untimed, then whole steps until --seconds have passed; prints one JSON
object per batch size with the examples per second.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 mlp_throughput.py --threads 2 [--batches 1,32,128,1024]

PyTorch runs one thread by default on this machine: --threads sets torch.set_num_threads.
Without OMP_WAIT_POLICY=PASSIVE its OpenMP threads spin between operations and oversubscribe
the cores.
"""

import argparse
import json
import sys
import time

import blas_in_use

try:
    import torch
    from torch import nn
except ImportError as e:
    print("%s is not installed for %s: apt-get install python3-torch" % (e.name, sys.executable), file=sys.stderr)
    sys.exit(3)


def measure(batch, examples, warmup, seconds, seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randn(examples, 784)
    y = torch.randint(0, 10, (examples,))
    batches = [(x[i:i + batch], y[i:i + batch]) for i in range(0, examples, batch)]
    state = {"next": 0}

    def step():
        xb, yb = batches[state["next"]]
        state["next"] = (state["next"] + 1) % len(batches)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        return loss

    start = time.perf_counter()
    while time.perf_counter() - start < warmup:
        step()
    steps = 0
    start = time.perf_counter()
    while True:
        step()
        steps += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    return {"measure": "mlp", "batch": batch, "steps": steps, "seconds": elapsed,
            "samples_per_second": steps * batch / elapsed}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batches", default="1,32,128,1024")
    parser.add_argument("--examples", type=int, default=8192)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(json.dumps({"measure": "torch", "version": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    torch.ones(64, 64) @ torch.ones(64, 64)
    blas_in_use.report()
    for batch in [int(b) for b in args.batches.split(",")]:
        print(json.dumps(measure(batch, args.examples, args.warmup, args.seconds, args.seed)), flush=True)


if __name__ == "__main__":
    main()
