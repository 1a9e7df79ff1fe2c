"""The 2-10-5-1 exercise in PyTorch: nn.Sequential(Linear(2, 10), ReLU, Linear(10, 5), ReLU,
Linear(5, 1)) in float64, weights kaiming_normal_ (fan_in, gain sqrt(2)), zero biases, binary
cross-entropy on the logits (BCEWithLogitsLoss: the sigmoid output fused into the loss, as
Descent trains it), torch.optim.SGD(lr=0.01), full batch, the cost read at every update.

Reads X.npy ([m, 2]) and Y.npy ([m, 1]) from --data (written by the Java side), trains
--repeats times for --updates updates each and prints one JSON object per run: wall time
and final cost. Run it with OMP_WAIT_POLICY=PASSIVE in the environment.

    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 exercise_torch.py --data DIR [--threads 2]
"""

import argparse
import json
import sys
import time

try:
    import numpy as np
    import torch
    from torch import nn
except ImportError as e:
    print("%s is not installed for %s: apt-get install python3-torch" % (e.name, sys.executable), file=sys.stderr)
    sys.exit(3)


def build(seed):
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1)).double()
    for layer in model:
        if isinstance(layer, nn.Linear):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
    return model


def train(model, X, Y, updates):
    loss_fn = nn.BCEWithLogitsLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    cost = float("nan")
    for _ in range(updates):
        optimizer.zero_grad()
        loss = loss_fn(model(X), Y)
        loss.backward()
        optimizer.step()
        cost = loss.item()
    return cost


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="folder with X.npy and Y.npy")
    parser.add_argument("--updates", type=int, default=15000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    X = torch.from_numpy(np.load(args.data + "/X.npy"))
    Y = torch.from_numpy(np.load(args.data + "/Y.npy"))
    for run in range(args.repeats):
        model = build(args.seed)
        start = time.perf_counter()
        cost = train(model, X, Y, args.updates)
        seconds = time.perf_counter() - start
        print(json.dumps({"measure": "exercise", "framework": "torch", "run": run, "seconds": seconds,
                          "final_cost": cost, "threads": torch.get_num_threads()}), flush=True)


if __name__ == "__main__":
    main()
