#!/usr/bin/python3
"""Reference trajectories of PyTorch's optimizers for Descent's optimizer tests.

Run with the system Python that has torch 1.13 (not a pyenv shim):

    /usr/bin/python3 optimizers/src/test/python/torch_reference.py

It writes optimizers/src/test/resources/reference/torch_optimizers.txt. Every case minimizes
(or, for maximize, maximizes the negative of) the same well-conditioned quadratic
f(θ) = ½ (θ − c)ᵀ A (θ − c) over two parameter tensors, 0.weight (6 values) and 0.bias (3),
in float64, with A tridiagonal: A_ii = diag_i, A_i,i±1 = coupling. The gradient is computed
in plain Python floats in a fixed order so the Java test can compute the same numbers.

Where PyTorch 1.13 lacks a current option the reference is built from the documented equations
with 1.13's own kernels:
  * maximize for nadam and radam (added in 2.x): run the 1.13 rule on the negated gradient,
    which is exactly what 2.x does (grad = -grad first);
  * decoupled_weight_decay for nadam and radam (2.x): decay θ ← θ(1 − γλ) by hand before the
    1.13 rule runs with weight_decay=0, exactly the 2.x order;
  * nadam's momentum-product bug in 1.13 (mu_product * mu * mu_next) is replaced by the corrected
    2.x expression (mu_product * mu_next).
Lion, AdaBelief and LAMB are not in PyTorch; their references transliterate the authors'
PyTorch implementations (google/automl lion_pytorch.py, adabelief-pytorch 0.2 without
rectification) and LAMB's Algorithm 2 (You et al. 2020).
"""
import math
import os
import sys

import torch
import torch.optim.nadam as nadam_module
from torch import Tensor

torch.set_default_dtype(torch.float64)  # scalar state (eta, mu, mu_product, step) in float64 too

SIZES = [("0.weight", 6), ("0.bias", 3)]
N = sum(s for _, s in SIZES)
THETA0 = [1.5 * math.cos(1.0 + i) + 0.25 for i in range(N)]
CENTER = [(-1) ** i * (0.5 + 0.1 * i) for i in range(N)]
DIAG = [0.5 + 0.15 * i for i in range(N)]
COUPLING = 0.1
NOISE = 0.25
STEPS = 150
RECORD = [1, 2, 3, 4, 5, 10] + list(range(20, STEPS + 1, 10))


def noise(step, i):
    """A fixed, exactly representable perturbation in ±0.25·[0.0625, 0.9375], never zero."""
    return NOISE * (((7 * step + 13 * i) % 16) - 7.5) / 8


def gradient(theta, sign, step):
    """sign · (A(θ − c) + n_step), summed left to right: diagonal, left and right neighbours, noise.

    The perturbation n keeps the gradient's running variance away from zero, as a stochastic
    gradient would, so that rules which divide by it (centered RMSprop, AdaBelief, Adadelta)
    stay well-conditioned and rounding differences do not grow over the run.
    """
    d = [theta[i] - CENTER[i] for i in range(N)]
    g = []
    for i in range(N):
        s = DIAG[i] * d[i]
        if i > 0:
            s = s + COUPLING * d[i - 1]
        if i < N - 1:
            s = s + COUPLING * d[i + 1]
        s = s + noise(step, i)
        g.append(sign * s)
    return g


# ----- PyTorch 2.x NAdam momentum product (1.13 multiplies mu in twice) -----
def _single_tensor_nadam_fixed(params, grads, exp_avgs, exp_avg_sqs, mu_products, state_steps, *,
                               beta1, beta2, lr, weight_decay, momentum_decay, eps):
    for i, param in enumerate(params):
        grad = grads[i]
        exp_avg = exp_avgs[i]
        exp_avg_sq = exp_avg_sqs[i]
        mu_product = mu_products[i]
        step_t = state_steps[i]
        step_t += 1
        step = step_t.item()
        bias_correction2 = 1 - beta2 ** step
        if weight_decay != 0:
            grad = grad.add(param, alpha=weight_decay)
        mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
        mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
        mu_product *= mu
        mu_product_next = mu_product * mu_next  # 2.x; 1.13 has mu_product * mu * mu_next
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        denom = exp_avg_sq.div(bias_correction2).sqrt().add_(eps)
        param.addcdiv_(grad, denom, value=-lr * (1. - mu) / (1. - mu_product.item()))
        param.addcdiv_(exp_avg, denom, value=-lr * mu_next / (1. - mu_product_next.item()))


nadam_module._single_tensor_nadam = _single_tensor_nadam_fixed


# ----- rules beyond PyTorch, from their authors' code / paper -----
class Lion(torch.optim.Optimizer):
    """google/automl lion/lion_pytorch.py, step() verbatim."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group['params']:
                p.data.mul_(1 - group['lr'] * group['weight_decay'])
                grad = p.grad
                state = self.state[p]
                if len(state) == 0:
                    state['exp_avg'] = torch.zeros_like(p)
                exp_avg = state['exp_avg']
                beta1, beta2 = group['betas']
                update = exp_avg * beta1 + grad * (1 - beta1)
                p.add_(torch.sign(update), alpha=-group['lr'])
                exp_avg.mul_(beta2).add_(grad, alpha=1 - beta2)


class AdaBelief(torch.optim.Optimizer):
    """adabelief-pytorch 0.2.0 AdaBelief.step() with rectify=False, amsgrad=False, fixed_decay=False."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-16, weight_decay=0, weight_decouple=True):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))
        self.weight_decouple = weight_decouple

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group['params']:
                grad = p.grad.data.clone()
                beta1, beta2 = group['betas']
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = 0
                    state['exp_avg'] = torch.zeros_like(p.data)
                    state['exp_avg_var'] = torch.zeros_like(p.data)
                if self.weight_decouple:
                    p.data.mul_(1.0 - group['lr'] * group['weight_decay'])
                else:
                    if group['weight_decay'] != 0:
                        grad.add_(p.data, alpha=group['weight_decay'])
                exp_avg, exp_avg_var = state['exp_avg'], state['exp_avg_var']
                state['step'] += 1
                bias_correction1 = 1 - beta1 ** state['step']
                bias_correction2 = 1 - beta2 ** state['step']
                exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
                grad_residual = grad - exp_avg
                exp_avg_var.mul_(beta2).addcmul_(grad_residual, grad_residual, value=1 - beta2)
                denom = (exp_avg_var.add_(group['eps']).sqrt() / math.sqrt(bias_correction2)).add_(group['eps'])
                step_size = group['lr'] / bias_correction1
                p.data.addcdiv_(exp_avg, denom, value=-step_size)


class Lamb(torch.optim.Optimizer):
    """LAMB, Algorithm 2 of You et al. (2020), with bias correction and φ the identity."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-6, weight_decay=0.01):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            for p in group['params']:
                state = self.state[p]
                if len(state) == 0:
                    state['step'] = 0
                    state['exp_avg'] = torch.zeros_like(p)
                    state['exp_avg_sq'] = torch.zeros_like(p)
                state['step'] += 1
                t = state['step']
                m, v, g = state['exp_avg'], state['exp_avg_sq'], p.grad
                m.mul_(beta1).add_(g, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(g, g, value=1 - beta2)
                m_hat = m / (1 - beta1 ** t)
                v_hat = v / (1 - beta2 ** t)
                r = m_hat / (v_hat.sqrt() + group['eps']) + group['weight_decay'] * p
                w_norm = p.norm().item()
                r_norm = r.norm().item()
                trust = w_norm / r_norm if w_norm > 0 and r_norm > 0 else 1.0
                p.add_(r, alpha=-group['lr'] * trust)


O = torch.optim
# (case id, Java spec, torch class, torch kwargs, objective sign, manual decoupled decay λ or 0)
# An objective sign of -1 maximizes −f. "emulate" marks the 2.x maximize of nadam/radam, emulated on
# 1.13 by handing the rule the negated gradient.
CASES = [
    ("sgd_defaults", "sgd", O.SGD, dict(lr=0.001), 1, 0),
    ("sgd_momentum", "sgd(lr=0.05, momentum=0.9)", O.SGD, dict(lr=0.05, momentum=0.9), 1, 0),
    ("sgd_dampening_decay", "sgd(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1)", O.SGD,
     dict(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.1), 1, 0),
    ("sgd_nesterov", "sgd(lr=0.03, momentum=0.9, nesterov=true, weight_decay=0.05)", O.SGD,
     dict(lr=0.03, momentum=0.9, nesterov=True, weight_decay=0.05), 1, 0),
    ("sgd_maximize", "sgd(lr=0.05, momentum=0.5, weight_decay=0.02, maximize=true)", O.SGD,
     dict(lr=0.05, momentum=0.5, weight_decay=0.02, maximize=True), -1, 0),

    ("adagrad_defaults", "adagrad", O.Adagrad, dict(), 1, 0),
    ("adagrad_all", "adagrad(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-6)",
     O.Adagrad, dict(lr=0.1, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-6), 1, 0),
    ("adagrad_maximize", "adagrad(lr=0.1, maximize=true)", O.Adagrad, dict(lr=0.1, maximize=True), -1, 0),

    ("adadelta_defaults", "adadelta", O.Adadelta, dict(), 1, 0),
    ("adadelta_all", "adadelta(lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.1)", O.Adadelta,
     dict(lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.1), 1, 0),
    ("adadelta_maximize", "adadelta(lr=2, maximize=true)", O.Adadelta, dict(lr=2.0, maximize=True), -1, 0),

    ("rmsprop_defaults", "rmsprop", O.RMSprop, dict(), 1, 0),
    ("rmsprop_all", "rmsprop(lr=0.005, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=true)",
     O.RMSprop, dict(lr=0.005, alpha=0.9, eps=1e-6, weight_decay=0.1, momentum=0.5, centered=True), 1, 0),
    ("rmsprop_momentum", "rmsprop(lr=0.002, momentum=0.9)", O.RMSprop, dict(lr=0.002, momentum=0.9), 1, 0),
    ("rmsprop_centered", "rmsprop(lr=0.005, centered=true)", O.RMSprop, dict(lr=0.005, centered=True), 1, 0),
    ("rmsprop_maximize", "rmsprop(lr=0.005, maximize=true)", O.RMSprop, dict(lr=0.005, maximize=True), -1, 0),

    ("adam_defaults", "adam", O.Adam, dict(), 1, 0),
    ("adam_all", "adam(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.1)", O.Adam,
     dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1), 1, 0),
    ("adam_amsgrad", "adam(lr=0.01, amsgrad=true)", O.Adam, dict(lr=0.01, amsgrad=True), 1, 0),
    ("adam_maximize", "adam(lr=0.01, maximize=true)", O.Adam, dict(lr=0.01, maximize=True), -1, 0),

    ("adamw_defaults", "adamw", O.AdamW, dict(), 1, 0),
    ("adamw_all", "adamw(lr=0.01, beta1=0.85, beta2=0.995, eps=1e-7, weight_decay=0.2, amsgrad=true)", O.AdamW,
     dict(lr=0.01, betas=(0.85, 0.995), eps=1e-7, weight_decay=0.2, amsgrad=True), 1, 0),
    ("adamw_maximize", "adamw(lr=0.01, maximize=true)", O.AdamW, dict(lr=0.01, maximize=True), -1, 0),

    ("adamax_defaults", "adamax", O.Adamax, dict(), 1, 0),
    ("adamax_all", "adamax(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.1)", O.Adamax,
     dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1), 1, 0),
    ("adamax_maximize", "adamax(lr=0.01, maximize=true)", O.Adamax, dict(lr=0.01, maximize=True), -1, 0),

    ("nadam_defaults", "nadam", O.NAdam, dict(), 1, 0),
    ("nadam_all", "nadam(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.1, momentum_decay=0.01)",
     O.NAdam, dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, momentum_decay=0.01), 1, 0),
    ("nadam_decoupled", "nadam(lr=0.01, weight_decay=0.1, decoupled_weight_decay=true)", O.NAdam,
     dict(lr=0.01), 1, 0.1),
    ("nadam_maximize", "nadam(lr=0.01, maximize=true)", O.NAdam, dict(lr=0.01), -1, "emulate"),

    ("radam_defaults", "radam", O.RAdam, dict(), 1, 0),
    ("radam_all", "radam(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.1)", O.RAdam,
     dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1), 1, 0),
    ("radam_decoupled", "radam(lr=0.01, weight_decay=0.1, decoupled_weight_decay=true)", O.RAdam,
     dict(lr=0.01), 1, 0.1),
    ("radam_maximize", "radam(lr=0.01, maximize=true)", O.RAdam, dict(lr=0.01), -1, "emulate"),

    ("rprop_defaults", "rprop", O.Rprop, dict(), 1, 0),
    ("rprop_all", "rprop(lr=0.02, etaminus=0.3, etaplus=1.5, step_size_min=1e-4, step_size_max=0.5)", O.Rprop,
     dict(lr=0.02, etas=(0.3, 1.5), step_sizes=(1e-4, 0.5)), 1, 0),
    ("rprop_maximize", "rprop(lr=0.02, maximize=true)", O.Rprop, dict(lr=0.02, maximize=True), -1, 0),

    ("asgd_defaults", "asgd", O.ASGD, dict(), 1, 0),
    ("asgd_all", "asgd(lr=0.02, lambd=0.01, alpha=0.6, t0=20, weight_decay=0.1)", O.ASGD,
     dict(lr=0.02, lambd=0.01, alpha=0.6, t0=20, weight_decay=0.1), 1, 0),
    ("asgd_maximize", "asgd(lr=0.05, maximize=true)", O.ASGD, dict(lr=0.05, maximize=True), -1, 0),

    ("lion_defaults", "lion", Lion, dict(), 1, 0),
    ("lion_all", "lion(lr=0.003, beta1=0.8, beta2=0.95, weight_decay=0.5)", Lion,
     dict(lr=0.003, betas=(0.8, 0.95), weight_decay=0.5), 1, 0),
    ("adabelief_defaults", "adabelief", AdaBelief, dict(), 1, 0),
    ("adabelief_all", "adabelief(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-8, weight_decay=0.1)", AdaBelief,
     dict(lr=0.01, betas=(0.8, 0.99), eps=1e-8, weight_decay=0.1), 1, 0),
    ("adabelief_coupled", "adabelief(lr=0.01, weight_decay=0.1, decoupled_weight_decay=false)", AdaBelief,
     dict(lr=0.01, weight_decay=0.1, weight_decouple=False), 1, 0),
    ("lamb_defaults", "lamb", Lamb, dict(), 1, 0),
    ("lamb_all", "lamb(lr=0.01, beta1=0.8, beta2=0.99, eps=1e-8, weight_decay=0.1)", Lamb,
     dict(lr=0.01, betas=(0.8, 0.99), eps=1e-8, weight_decay=0.1), 1, 0),
]


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def run(case, out):
    cid, spec, cls, kwargs, sign, option = case
    emulate_maximize = option == "emulate"
    manual_decay = 0 if emulate_maximize else option
    params = []
    offset = 0
    for name, size in SIZES:
        params.append(torch.tensor(THETA0[offset:offset + size], dtype=torch.float64, requires_grad=False))
        offset += size
    opt = cls(params, **kwargs)
    out.write(f"case {cid}\nspec {spec}\nobjective {sign}\nsteps {STEPS}\n")
    for step in range(1, STEPS + 1):
        theta = [v for p in params for v in p.tolist()]
        g = gradient(theta, sign, step)
        if emulate_maximize:
            g = [-x for x in g]
        offset = 0
        for p, (_, size) in zip(params, SIZES):
            p.grad = torch.tensor(g[offset:offset + size], dtype=torch.float64)
            offset += size
        if manual_decay:
            lr = opt.param_groups[0]['lr']
            with torch.no_grad():
                for p in params:
                    p.mul_(1 - lr * manual_decay)
        opt.step()
        if step in RECORD:
            out.write(f"at {step} {fmt(v for p in params for v in p.tolist())}\n")
    for p, (name, _) in zip(params, SIZES):
        for key, value in opt.state[p].items():
            if value is None:  # SGD without momentum keeps momentum_buffer = None
                continue
            if torch.is_tensor(value):
                values = value.reshape(-1).tolist()
            else:
                values = [value]
            out.write(f"state {name}/{key} {fmt(values)}\n")
    out.write("end\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "reference", "torch_optimizers.txt")
    with open(target, "w") as out:
        out.write(f"# generated by optimizers/src/test/python/torch_reference.py with torch {torch.__version__}\n")
        out.write(f"sizes {' '.join(f'{n}:{s}' for n, s in SIZES)}\n")
        out.write(f"theta0 {fmt(THETA0)}\ncenter {fmt(CENTER)}\ndiag {fmt(DIAG)}\ncoupling {COUPLING!r}\nnoise {NOISE!r}\n")
        for case in CASES:
            run(case, out)
    print("wrote", os.path.normpath(target), file=sys.stderr)


if __name__ == "__main__":
    main()
