#!/usr/bin/env python3
"""PyTorch reference for `descent experiment fashion-mnist`: the same 784-256-128-10 relu network,
He (kaiming normal, fan_in) weights and zero biases, Adam(lr=0.001), mini-batches of 128 reshuffled
every epoch, 5 epochs, pixels / 255 standardized with the mean and standard deviation of all training
pixels (0.2860, 0.3530: transforms.Normalize; --raw leaves them in [0, 1]), on Debian's Fashion-MNIST files. Prints the test accuracy after
every epoch and the wall time of training (evaluation included, as Descent's History does).

Run on the same machine as Descent, with two threads and passive OpenMP waiting:
    OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 lab/src/test/python/fashion_mnist_torch.py [DATA_DIR] [--seed S] [--raw]
"""
import gzip
import os
import sys
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    rank = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load(directory, prefix):
    def find(name):
        for candidate in (name + ".gz", name):
            p = os.path.join(directory, candidate)
            if os.path.exists(p):
                return p
        sys.exit(f"{directory}: no {name}[.gz]; apt-get install dataset-fashion-mnist")
    x = read_idx(find(f"{prefix}-images-idx3-ubyte")).reshape(-1, 784).astype(np.float32) / 255.0
    y = read_idx(find(f"{prefix}-labels-idx1-ubyte")).astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def main():
    argv = sys.argv[1:]
    seed = 0
    if "--seed" in argv:
        i = argv.index("--seed")
        seed = int(argv[i + 1])
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
    directory = args[0] if args else "/usr/share/datasets/fashion-mnist"
    torch.set_num_threads(2)
    torch.manual_seed(seed)
    x_train, y_train = load(directory, "train")
    x_test, y_test = load(directory, "t10k")
    if "--raw" not in sys.argv:
        mean, std = x_train.mean(), x_train.std(unbiased=False)
        x_train, x_test = (x_train - mean) / std, (x_test - mean) / std

    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    for m in model:
        if isinstance(m, nn.Linear):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = nn.CrossEntropyLoss()

    start = time.perf_counter()
    n = x_train.shape[0]
    for epoch in range(1, 6):
        model.train()
        order = torch.randperm(n)
        for i in range(0, n, 128):
            idx = order[i:i + 128]
            optimizer.zero_grad()
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
        print(f"epoch {epoch}: test accuracy {accuracy:.4f}, {time.perf_counter() - start:.1f} s", flush=True)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads: 5 epochs in {time.perf_counter() - start:.1f} s, "
          f"final test accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
