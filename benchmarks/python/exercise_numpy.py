"""The 2-10-5-1 exercise in NumPy, written by hand as in the classic course exercise
(Ng, Deep Learning Specialization, course 2, "Initialization"): column-major examples
X of shape (2, m), He initialization W[l] = randn(n_l, n_{l-1}) * sqrt(2 / n_{l-1}), zero
biases, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, the cross-entropy cost
computed at every iteration, backpropagation and a plain gradient-descent update.

Reads X.npy ([m, 2]) and Y.npy ([m, 1]) from --data (written by the Java side, so both train
on the same points), first checks the backpropagation against centred finite differences,
then trains --repeats times for --updates iterations each and prints one JSON object per
line: the gradient check, then each run's wall time and final cost.

    /usr/bin/python3 exercise_numpy.py --data DIR [--updates 15000] [--repeats 3]
"""

import argparse
import json
import sys
import time

import blas_in_use

try:
    import numpy as np
except ImportError:
    print("NumPy is not installed for " + sys.executable + ": apt-get install python3-numpy", file=sys.stderr)
    sys.exit(3)

LAYERS = [2, 10, 5, 1]
LEARNING_RATE = 0.01


def initialize_parameters_he(layers_dims, seed):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2.0 / layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def relu(x):
    return np.maximum(0, x)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def forward_propagation(X, parameters):
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    cache = (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)
    return a3, cache


def compute_loss(a3, Y):
    m = Y.shape[1]
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1.0 / m * np.nansum(logprobs)


def backward_propagation(X, Y, cache):
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1.0 / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for k in range(L):
        parameters["W" + str(k + 1)] = parameters["W" + str(k + 1)] - learning_rate * grads["dW" + str(k + 1)]
        parameters["b" + str(k + 1)] = parameters["b" + str(k + 1)] - learning_rate * grads["db" + str(k + 1)]
    return parameters


def model(X, Y, parameters, num_iterations):
    costs = []
    cost = float("nan")
    for i in range(num_iterations):
        a3, cache = forward_propagation(X, parameters)
        cost = compute_loss(a3, Y)
        grads = backward_propagation(X, Y, cache)
        parameters = update_parameters(parameters, grads, LEARNING_RATE)
        if i % 1000 == 0:
            costs.append(cost)
    return parameters, cost


def gradient_check(X, Y, parameters, epsilon=1e-6):
    """||g - g~|| / (||g|| + ||g~||) over every parameter, g from backpropagation, g~ centred differences."""
    _, cache = forward_propagation(X, parameters)
    grads = backward_propagation(X, Y, cache)
    analytic, numeric = [], []
    for name in sorted(parameters):
        p = parameters[name]
        for index in np.ndindex(p.shape):
            saved = p[index]
            p[index] = saved + epsilon
            plus = compute_loss(forward_propagation(X, parameters)[0], Y)
            p[index] = saved - epsilon
            minus = compute_loss(forward_propagation(X, parameters)[0], Y)
            p[index] = saved
            numeric.append((plus - minus) / (2 * epsilon))
            analytic.append(grads["d" + name][index])
    g, n = np.array(analytic), np.array(numeric)
    return float(np.linalg.norm(g - n) / (np.linalg.norm(g) + np.linalg.norm(n)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True, help="folder with X.npy and Y.npy")
    parser.add_argument("--updates", type=int, default=15000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=3, help="the exercise's np.random.seed")
    parser.add_argument("--threads", type=int, default=None, help="unused: NumPy's products here are too small to split")
    args = parser.parse_args()
    X = np.load(args.data + "/X.npy").T.copy()  # (2, m), as in the course
    Y = np.load(args.data + "/Y.npy").T.copy()  # (1, m)

    error = gradient_check(X, Y, initialize_parameters_he(LAYERS, args.seed))
    print(json.dumps({"measure": "gradient_check", "relative_error": error}), flush=True)
    blas_in_use.report()
    if not error < 1e-6:
        print("the NumPy backpropagation disagrees with finite differences: relative error %g" % error, file=sys.stderr)
        sys.exit(1)

    for run in range(args.repeats):
        parameters = initialize_parameters_he(LAYERS, args.seed)
        start = time.perf_counter()
        parameters, cost = model(X, Y, parameters, args.updates)
        seconds = time.perf_counter() - start
        print(json.dumps({"measure": "exercise", "framework": "numpy", "run": run, "seconds": seconds,
                          "final_cost": float(cost)}), flush=True)


if __name__ == "__main__":
    main()
