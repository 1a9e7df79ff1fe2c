#!/usr/bin/python3
"""Reference trajectories of Keras 3's optimizers, transliterated from their source, in float64.

Keras is not installed here, so each rule below restates `update_step` of
keras/src/optimizers/<name>.py (Keras 3) with numpy, operation by operation, and the base
optimizer's decoupled weight decay (`variable - variable * wd * lr`, applied before the update
step, as BaseOptimizer.apply does). Before writing anything the script checks the transliterations
against the golden values of Keras's own unit tests (keras/src/optimizers/*_test.py:
test_single_step, test_weight_decay, test_correctness_with_golden) at those tests' tolerances.

Run with the system Python:

    /usr/bin/python3 optimizers/src/test/python/keras_reference.py

It writes optimizers/src/test/resources/reference/keras_optimizers.txt in the format of
torch_optimizers.txt (same problem, same gradient), and keras_goldens.txt with the Keras test
goldens for the Java test.
"""
import os

import numpy as np

import torch_reference as problem


class Keras:
    """The parts of keras.src.optimizers.base_optimizer the rules need."""

    def __init__(self, learning_rate, weight_decay=None):
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.iterations = 0
        self.slots = {}

    def slot(self, name, i, like, value=0.0):
        key = (name, i)
        if key not in self.slots:
            self.slots[key] = np.full_like(like, value, dtype=np.float64)
        return self.slots[key]

    def apply(self, grads, variables):
        self.before_step()
        if self.weight_decay is not None:
            lr, wd = self.learning_rate, self.weight_decay
            for v in variables:
                v[...] = v - v * wd * lr
        for i, (g, v) in enumerate(zip(grads, variables)):
            self.update_step(np.asarray(g, dtype=np.float64), v, i, self.learning_rate)
        self.iterations += 1

    def before_step(self):
        pass


class SGD(Keras):
    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.momentum, self.nesterov = momentum, nesterov

    def update_step(self, g, v, i, lr):
        if self.momentum != 0:
            m = self.slot("momentum", i, v)
            m[...] = m * self.momentum - g * lr
            if self.nesterov:
                v += m * self.momentum - g * lr
            else:
                v += m
        else:
            v -= g * lr


class Adam(Keras):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.beta_1, self.beta_2, self.epsilon, self.amsgrad = beta_1, beta_2, epsilon, amsgrad

    def update_step(self, g, v, i, lr):
        local_step = self.iterations + 1
        beta_1_power = np.power(self.beta_1, float(local_step))
        beta_2_power = np.power(self.beta_2, float(local_step))
        m = self.slot("momentum", i, v)
        vel = self.slot("velocity", i, v)
        alpha = lr * np.sqrt(1 - beta_2_power) / (1 - beta_1_power)
        m += (g - m) * (1 - self.beta_1)
        vel += (np.square(g) - vel) * (1 - self.beta_2)
        if self.amsgrad:
            v_hat = self.slot("velocity_hat", i, v)
            v_hat[...] = np.maximum(v_hat, vel)
            vel = v_hat
        v -= (m * alpha) / (np.sqrt(vel) + self.epsilon)


class AdamW(Adam):
    def __init__(self, learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
                 amsgrad=False):
        super().__init__(learning_rate, beta_1, beta_2, epsilon, amsgrad, weight_decay)


class RMSprop(Keras):
    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.rho, self.momentum, self.epsilon, self.centered = rho, momentum, epsilon, centered

    def update_step(self, g, v, i, lr):
        velocity = self.slot("velocity", i, v)
        rho = self.rho
        velocity[...] = rho * velocity + (1 - rho) * np.square(g)
        if self.centered:
            average_grad = self.slot("average_gradient", i, v)
            average_grad[...] = rho * average_grad + (1 - rho) * g
            denominator = velocity - np.square(average_grad) + self.epsilon
        else:
            denominator = velocity + self.epsilon
        increment = (lr * g) / np.sqrt(denominator)
        if self.momentum > 0:
            momentum = self.slot("momentum", i, v)
            momentum[...] = self.momentum * momentum + increment
            v -= momentum
        else:
            v -= increment


class Adagrad(Keras):
    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.initial_accumulator_value, self.epsilon = initial_accumulator_value, epsilon

    def update_step(self, g, v, i, lr):
        accumulator = self.slot("accumulator", i, v, self.initial_accumulator_value)
        accumulator += np.square(g)
        v -= (lr * g) / np.sqrt(accumulator + self.epsilon)


class Adadelta(Keras):
    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-7, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.rho, self.epsilon = rho, epsilon

    def update_step(self, g, v, i, lr):
        rho = self.rho
        accumulated_grad = self.slot("accumulated_grad", i, v)
        accumulated_delta_var = self.slot("accumulated_delta_var", i, v)

        def rms(x):
            return np.sqrt(x + self.epsilon)

        accumulated_grad[...] = rho * accumulated_grad + (1 - rho) * np.square(g)
        delta_var = -((rms(accumulated_delta_var) * g) / rms(accumulated_grad))
        accumulated_delta_var[...] = rho * accumulated_delta_var + (1 - rho) * np.square(delta_var)
        v += lr * delta_var


class Adamax(Keras):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.beta_1, self.beta_2, self.epsilon = beta_1, beta_2, epsilon

    def update_step(self, g, v, i, lr):
        local_step = self.iterations + 1
        beta_1_power = np.power(self.beta_1, float(local_step))
        m = self.slot("momentum", i, v)
        u = self.slot("norm", i, v)
        m += (g - m) * (1 - self.beta_1)
        u[...] = np.maximum(self.beta_2 * u, np.abs(g))
        v -= (lr * m) / ((1 - beta_1_power) * (u + self.epsilon))


class Nadam(Keras):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.beta_1, self.beta_2, self.epsilon = beta_1, beta_2, epsilon
        self.u_product = 1.0

    def before_step(self):  # Nadam._backend_update_step
        self.u_product = self.u_product * self.beta_1 * (1.0 - 0.5 * np.power(0.96, float(self.iterations + 1)))

    def update_step(self, g, v, i, lr):
        local_step = float(self.iterations + 1)
        next_step = float(self.iterations + 2)
        decay = 0.96
        beta_1, beta_2 = self.beta_1, self.beta_2
        u_t = beta_1 * (1.0 - 0.5 * (np.power(decay, local_step)))
        u_t_1 = beta_1 * (1.0 - 0.5 * (np.power(decay, next_step)))
        u_product_t = self.u_product
        u_product_t_1 = u_product_t * u_t_1
        beta_2_power = np.power(beta_2, local_step)
        m = self.slot("momentum", i, v)
        vel = self.slot("velocity", i, v)
        m += (g - m) * (1 - beta_1)
        vel += (np.square(g) - vel) * (1 - beta_2)
        m_hat = (u_t_1 * m) / (1 - u_product_t_1) + ((1 - u_t) * g) / (1 - u_product_t)
        v_hat = vel / (1 - beta_2_power)
        v -= (m_hat * lr) / (np.sqrt(v_hat) + self.epsilon)


class Lion(Keras):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.99, weight_decay=None):
        super().__init__(learning_rate, weight_decay)
        self.beta_1, self.beta_2 = beta_1, beta_2

    def update_step(self, g, v, i, lr):
        m = self.slot("momentum", i, v)
        v -= lr * np.sign(m * self.beta_1 + g * (1.0 - self.beta_1))
        m[...] = m * self.beta_2 + g * (1.0 - self.beta_2)


# ----- Keras's own unit-test goldens (keras/src/optimizers/*_test.py) -----
SINGLE_STEP = {  # Optimizer(learning_rate=0.5) on vars [1, 2, 3, 4] with grads [1, 6, 7, 2]; rtol=atol=1e-4
    "keras_sgd": (SGD, [0.5, -1.0, -0.5, 3.0]),
    "keras_adam": (Adam, [0.5, 1.5, 2.5, 3.5]),
    "keras_adamw": (AdamW, [0.4980, 1.4960, 2.494, 3.492]),
    "keras_rmsprop": (RMSprop, [-0.5811, 0.4189, 1.4189, 2.4189]),
    "keras_adagrad": (Adagrad, [0.5233, 1.5007, 2.5005, 3.5061]),
    "keras_adadelta": (Adadelta, [0.9993, 1.9993, 2.9993, 3.9993]),
    "keras_adamax": (Adamax, [0.5, 1.5, 2.5, 3.5]),
    "keras_nadam": (Nadam, [0.4686, 1.4686, 2.4686, 3.4686]),
    "keras_lion": (Lion, [0.5, 1.5, 2.5, 3.5]),
}
# test_correctness_with_golden: x = ones(10); one step with grads 0.01, then golden[k] after k + 1 steps,
# the later steps with grads arange(0.1, 1.1, 0.1); rtol=atol=5e-4.
GOLDEN = {
    "keras_sgd(nesterov=true)": (lambda: SGD(nesterov=True), [
        [0.9999] * 10,
        [0.9989, 0.9979, 0.9969, 0.9959, 0.9949, 0.9939, 0.9929, 0.9919, 0.9909, 0.9899],
        [0.9979, 0.9959, 0.9939, 0.9919, 0.9899, 0.9879, 0.9859, 0.9839, 0.9819, 0.9799],
        [0.9969, 0.9939, 0.9909, 0.9879, 0.9849, 0.9819, 0.9789, 0.9759, 0.9729, 0.9699],
        [0.9959, 0.9919, 0.9879, 0.9839, 0.9799, 0.9759, 0.9719, 0.9679, 0.9639, 0.9599]]),
    "keras_adam(amsgrad=true)": (lambda: Adam(amsgrad=True),
                                 [[v] * 10 for v in [0.999, 0.9982, 0.9974, 0.9965, 0.9955]]),
    "keras_adamw(learning_rate=1, weight_decay=0.5, epsilon=2)": (
        lambda: AdamW(learning_rate=1.0, weight_decay=0.5, epsilon=2), [
            [0.4998] * 10,
            [0.2486, 0.2475, 0.2463, 0.2451, 0.244, 0.2428, 0.2417, 0.2405, 0.2394, 0.2382],
            [0.1223, 0.1198, 0.1174, 0.1149, 0.1124, 0.11, 0.1075, 0.1051, 0.1027, 0.1003],
            [0.0586, 0.0549, 0.0512, 0.0475, 0.0439, 0.0402, 0.0366, 0.033, 0.0294, 0.0258],
            [0.0263, 0.0215, 0.0167, 0.012, 0.0073, 0.0026, -0.0021, -0.0067, -0.0113, -0.0159]]),
    "keras_rmsprop(centered=true)": (lambda: RMSprop(centered=True),
                                     [[v] * 10 for v in [0.9967, 0.9933, 0.9908, 0.9885, 0.9864]]),
    "keras_adagrad(learning_rate=0.2, initial_accumulator_value=0.3, epsilon=1e-6)": (
        lambda: Adagrad(learning_rate=0.2, initial_accumulator_value=0.3, epsilon=1e-6), [
            [0.9963] * 10,
            [0.9604, 0.9278, 0.9003, 0.8784, 0.8615, 0.8487, 0.8388, 0.8313, 0.8255, 0.8209],
            [0.9251, 0.8629, 0.8137, 0.7768, 0.7497, 0.7298, 0.7151, 0.704, 0.6956, 0.6891],
            [0.8903, 0.8012, 0.7342, 0.6862, 0.6521, 0.6277, 0.6099, 0.5967, 0.5867, 0.579],
            [0.856, 0.7422, 0.6604, 0.6037, 0.5644, 0.5367, 0.5168, 0.5021, 0.491, 0.4825]]),
    "keras_adadelta(learning_rate=1, rho=0.8, epsilon=1e-6)": (
        lambda: Adadelta(learning_rate=1.0, rho=0.8, epsilon=1e-6),
        [[v] * 10 for v in [0.9978, 0.9947, 0.9915, 0.9882, 0.9849]]),
    "keras_adamax(learning_rate=0.2, beta_1=0.85, beta_2=0.95, epsilon=1e-6)": (
        lambda: Adamax(learning_rate=0.2, beta_1=0.85, beta_2=0.95, epsilon=1e-6), [
            [0.8] * 10,
            [0.6827, 0.6873, 0.6888, 0.6896, 0.6901, 0.6904, 0.6906, 0.6908, 0.6909, 0.691],
            [0.5333, 0.5407, 0.5431, 0.5444, 0.5451, 0.5456, 0.546, 0.5462, 0.5464, 0.5466],
            [0.368, 0.3773, 0.3804, 0.382, 0.3829, 0.3835, 0.384, 0.3843, 0.3846, 0.3848],
            [0.1933, 0.204, 0.2076, 0.2094, 0.2105, 0.2112, 0.2117, 0.2121, 0.2124, 0.2126]]),
    "keras_nadam(learning_rate=0.5, beta_1=0.5, beta_2=0.67, epsilon=1e-5)": (
        lambda: Nadam(learning_rate=0.5, beta_1=0.5, beta_2=0.67, epsilon=1e-5), [
            [0.4281] * 10,
            [-0.1738, -0.1731, -0.1726, -0.1723, -0.1721, -0.172, -0.1719, -0.1718, -0.1718, -0.1717],
            [-0.7115, -0.7103, -0.7096, -0.7092, -0.709, -0.7088, -0.7086, -0.7085, -0.7085, -0.7084],
            [-1.2335, -1.2322, -1.2313, -1.2309, -1.2306, -1.2304, -1.2302, -1.2301, -1.23, -1.2299],
            [-1.7492, -1.7478, -1.7469, -1.7464, -1.7461, -1.7459, -1.7457, -1.7456, -1.7455, -1.7454]]),
    "keras_lion": (lambda: Lion(), [[v] * 10 for v in [0.999, 0.998, 0.997, 0.996, 0.995]]),
}
FIRST_GRADS = [0.01] * 10
GRADS = [0.1 * (k + 1) for k in range(10)]


def check_goldens():
    for name, (cls, expected) in SINGLE_STEP.items():
        v = np.array([1.0, 2.0, 3.0, 4.0])
        cls(learning_rate=0.5).apply([np.array([1.0, 6.0, 7.0, 2.0])], [v])
        assert np.allclose(v, expected, rtol=1e-4, atol=1e-4), (name, v)
        w = np.array(2.0)
        for _ in range(3):
            cls(learning_rate=1.0, weight_decay=0.004).apply([np.zeros(())], [w])
        assert abs(w - 1.9760959) < 1e-6, (name, w)
    for name, (make, golden) in GOLDEN.items():
        opt = make()
        x = np.ones(10)
        opt.apply([np.array(FIRST_GRADS)], [x])
        for k in range(5):
            assert np.allclose(x, golden[k], rtol=5e-4, atol=5e-4), (name, k, x)
            opt.apply([np.array(GRADS)], [x])
    v = np.array(10.0)  # RMSprop docstring: minimize var1² / 2 once with learning_rate=0.1
    RMSprop(learning_rate=0.1).apply([v.copy()], [v])
    assert abs(v - 9.683772) < 1e-6, v


# ----- trajectories on the shared quadratic, every hyperparameter changed somewhere -----
CASES = [
    ("keras_sgd_defaults", "keras_sgd", lambda: SGD()),
    ("keras_sgd_momentum", "keras_sgd(learning_rate=0.02, momentum=0.9, weight_decay=0.01)",
     lambda: SGD(learning_rate=0.02, momentum=0.9, weight_decay=0.01)),
    ("keras_sgd_nesterov", "keras_sgd(learning_rate=0.02, momentum=0.8, nesterov=true)",
     lambda: SGD(learning_rate=0.02, momentum=0.8, nesterov=True)),
    ("keras_adam_defaults", "keras_adam", lambda: Adam()),
    ("keras_adam_all", "keras_adam(learning_rate=0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6, amsgrad=true, "
     "weight_decay=0.05)", lambda: Adam(0.01, 0.8, 0.99, 1e-6, True, 0.05)),
    ("keras_adamw_defaults", "keras_adamw", lambda: AdamW()),
    ("keras_adamw_all", "keras_adamw(learning_rate=0.01, weight_decay=0.1, beta_1=0.85, beta_2=0.995, "
     "epsilon=1e-5, amsgrad=true)", lambda: AdamW(0.01, 0.1, 0.85, 0.995, 1e-5, True)),
    ("keras_rmsprop_defaults", "keras_rmsprop", lambda: RMSprop()),
    ("keras_rmsprop_all", "keras_rmsprop(learning_rate=0.003, rho=0.8, momentum=0.5, epsilon=1e-6, centered=true, "
     "weight_decay=0.1)", lambda: RMSprop(0.003, 0.8, 0.5, 1e-6, True, 0.1)),
    ("keras_adagrad_defaults", "keras_adagrad", lambda: Adagrad()),
    ("keras_adagrad_all", "keras_adagrad(learning_rate=0.1, initial_accumulator_value=0.5, epsilon=1e-5, "
     "weight_decay=0.1)", lambda: Adagrad(0.1, 0.5, 1e-5, 0.1)),
    ("keras_adadelta_defaults", "keras_adadelta", lambda: Adadelta()),
    ("keras_adadelta_all", "keras_adadelta(learning_rate=1, rho=0.8, epsilon=1e-5, weight_decay=0.01)",
     lambda: Adadelta(1.0, 0.8, 1e-5, 0.01)),
    ("keras_adamax_defaults", "keras_adamax", lambda: Adamax()),
    ("keras_adamax_all", "keras_adamax(learning_rate=0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6, weight_decay=0.1)",
     lambda: Adamax(0.01, 0.8, 0.99, 1e-6, 0.1)),
    ("keras_nadam_defaults", "keras_nadam", lambda: Nadam()),
    ("keras_nadam_all", "keras_nadam(learning_rate=0.01, beta_1=0.8, beta_2=0.99, epsilon=1e-6, weight_decay=0.1)",
     lambda: Nadam(0.01, 0.8, 0.99, 1e-6, 0.1)),
    ("keras_lion_defaults", "keras_lion", lambda: Lion()),
    ("keras_lion_all", "keras_lion(learning_rate=0.003, beta_1=0.8, beta_2=0.95, weight_decay=0.5)",
     lambda: Lion(0.003, 0.8, 0.95, 0.5)),
]
STATE_NAMES = {"momentum", "velocity", "velocity_hat", "average_gradient", "accumulator", "accumulated_grad",
               "accumulated_delta_var", "norm"}


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def run(case, out):
    cid, spec, make = case
    opt = make()
    variables = []
    offset = 0
    for _, size in problem.SIZES:
        variables.append(np.array(problem.THETA0[offset:offset + size], dtype=np.float64))
        offset += size
    out.write(f"case {cid}\nspec {spec}\nobjective 1\nsteps {problem.STEPS}\n")
    for step in range(1, problem.STEPS + 1):
        g = problem.gradient([x for v in variables for x in v], 1, step)
        grads, offset = [], 0
        for _, size in problem.SIZES:
            grads.append(np.array(g[offset:offset + size]))
            offset += size
        opt.apply(grads, variables)
        if step in problem.RECORD:
            out.write(f"at {step} {fmt(x for v in variables for x in v)}\n")
    for (name, i), value in sorted(opt.slots.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        out.write(f"state {problem.SIZES[i][0]}/{name} {fmt(value)}\n")
    if isinstance(opt, Nadam):
        for pname, _ in problem.SIZES:
            out.write(f"state {pname}/u_product {opt.u_product!r}\n")
    out.write("end\n")


def main():
    check_goldens()
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "reference", "keras_optimizers.txt")
    with open(target, "w") as out:
        out.write("# generated by optimizers/src/test/python/keras_reference.py (Keras 3 update rules in float64)\n")
        out.write(f"sizes {' '.join(f'{n}:{s}' for n, s in problem.SIZES)}\n")
        out.write(f"theta0 {fmt(problem.THETA0)}\ncenter {fmt(problem.CENTER)}\ndiag {fmt(problem.DIAG)}\n")
        out.write(f"coupling {problem.COUPLING!r}\nnoise {problem.NOISE!r}\n")
        for case in CASES:
            run(case, out)
    goldens = os.path.join(here, "..", "resources", "reference", "keras_goldens.txt")
    with open(goldens, "w") as out:
        out.write("# Keras 3 unit-test goldens, copied by keras_reference.py from keras/src/optimizers/*_test.py\n")
        for name, (cls, expected) in SINGLE_STEP.items():
            out.write(f"single {name} {fmt(expected)}\n")
        for spec, (_, golden) in GOLDEN.items():
            out.write(f"golden {spec}\n")
            for row in golden:
                out.write(f"row {fmt(row)}\n")


if __name__ == "__main__":
    main()
