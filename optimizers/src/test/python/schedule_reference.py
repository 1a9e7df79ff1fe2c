#!/usr/bin/python3
"""Reference learning rates of PyTorch's lr_scheduler for Descent's schedule tests.

Run with the system Python that has torch 1.13:

    /usr/bin/python3 optimizers/src/test/python/schedule_reference.py

It writes optimizers/src/test/resources/reference/torch_schedules.txt: for each case the Java spec,
the optimizer's base rate and the rate after 0, 1, ..., STEPS scheduler steps, read back from the
optimizer as PyTorch sets it. Schedules PyTorch lacks are expressed with the PyTorch scheduler that
computes the same thing (linear warm-up from 0 as LambdaLR(min(1, t/W)), the HF warm-up).
Reduce-on-plateau is fed the metric sequence METRICS, also written to the file. Schedules without a
PyTorch counterpart (inverse_time, from Keras) are tested against Keras's formula in Java.
"""
import math
import os

import torch
from torch.optim import lr_scheduler as S

torch.set_default_dtype(torch.float64)
STEPS = 60
BASE = 0.1
# A loss that falls, stalls, falls a little, then rises and stalls: exercises patience, cooldown,
# thresholds and min_lr (values are exact in binary up to the decimal literals).
METRICS = ([1.0 / (1 + t) for t in range(8)] + [0.125] * 6 + [0.12, 0.1199, 0.1] + [0.2 + 0.001 * t for t in range(15)]
           + [0.3] * 30)[:STEPS]


def linear_warm(w, s):
    return lambda opt: S.LambdaLR(opt, lambda t: s + (1 - s) * min(1.0, t / w))


CASES = [
    ("constant", lambda o: S.ConstantLR(o)),
    ("constant(factor=0.5, total_iters=3)", lambda o: S.ConstantLR(o, factor=0.5, total_iters=3)),
    ("linear", lambda o: S.LinearLR(o)),
    ("linear(start_factor=0.1, end_factor=0.5, total_iters=10)",
     lambda o: S.LinearLR(o, start_factor=0.1, end_factor=0.5, total_iters=10)),
    ("step(step_size=3)", lambda o: S.StepLR(o, step_size=3)),
    ("step(step_size=4, gamma=0.5)", lambda o: S.StepLR(o, step_size=4, gamma=0.5)),
    ("multistep(milestones=[3, 7, 12])", lambda o: S.MultiStepLR(o, milestones=[3, 7, 12])),
    ("multistep(milestones=[5, 20], gamma=0.3)", lambda o: S.MultiStepLR(o, milestones=[5, 20], gamma=0.3)),
    ("exponential(gamma=0.9)", lambda o: S.ExponentialLR(o, gamma=0.9)),
    ("polynomial", lambda o: S.PolynomialLR(o)),
    ("polynomial(total_iters=20, power=2)", lambda o: S.PolynomialLR(o, total_iters=20, power=2.0)),
    ("cosine(t_max=10)", lambda o: S.CosineAnnealingLR(o, T_max=10)),
    ("cosine(t_max=7, eta_min=0.001)", lambda o: S.CosineAnnealingLR(o, T_max=7, eta_min=0.001)),
    ("cosine_warm_restarts(t_0=5)", lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5)),
    ("cosine_warm_restarts(t_0=3, t_mult=2, eta_min=0.01)",
     lambda o: S.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.01)),
    ("cyclic(base_lr=0.01, max_lr=0.1, step_size_up=4)",
     lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=4, cycle_momentum=False)),
    ("cyclic(base_lr=0.01, max_lr=0.1, step_size_up=3, step_size_down=6, mode=triangular2)",
     lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3, step_size_down=6, mode="triangular2",
                          cycle_momentum=False)),
    ("cyclic(base_lr=0.01, max_lr=0.1, step_size_up=5, mode=exp_range, gamma=0.97)",
     lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=5, mode="exp_range", gamma=0.97,
                          cycle_momentum=False)),
    ("one_cycle(max_lr=0.1, total_steps=60)",
     lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=60, cycle_momentum=False)),
    ("one_cycle(max_lr=0.5, total_steps=60, pct_start=0.25, anneal_strategy=linear, div_factor=10, "
     "final_div_factor=100, three_phase=true)",
     lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=60, pct_start=0.25, anneal_strategy="linear", div_factor=10,
                            final_div_factor=100, three_phase=True, cycle_momentum=False)),
    ("linear_warmup(warmup_steps=5)", linear_warm(5, 0.0)),
    ("linear_warmup(warmup_steps=8, start_factor=0.2)", lambda o: S.LinearLR(o, start_factor=0.2, total_iters=8)),
    ('sequential(schedules=["linear(start_factor=0.1, total_iters=5)", "cosine(t_max=20)"], milestones=[5])',
     lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=0.1, total_iters=5), S.CosineAnnealingLR(o, T_max=20)],
                              milestones=[5])),
    ('sequential(schedules=["constant(factor=0.5, total_iters=2)", "exponential(gamma=0.9)", "step(step_size=3)"], '
     'milestones=[4, 10])',
     lambda o: S.SequentialLR(o, [S.ConstantLR(o, factor=0.5, total_iters=2), S.ExponentialLR(o, gamma=0.9),
                                  S.StepLR(o, step_size=3)], milestones=[4, 10])),
    ("reduce_on_plateau", lambda o: S.ReduceLROnPlateau(o)),
    ("reduce_on_plateau(factor=0.5, patience=2, threshold=0.01, cooldown=2, min_lr=0.02)",
     lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=2, threshold=0.01, cooldown=2, min_lr=0.02)),
    ("reduce_on_plateau(mode=max, factor=0.8, patience=1, threshold=0.001, threshold_mode=abs, eps=0.001)",
     lambda o: S.ReduceLROnPlateau(o, mode="max", factor=0.8, patience=1, threshold=0.001, threshold_mode="abs",
                                   eps=0.001)),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "reference", "torch_schedules.txt")
    with open(target, "w") as out:
        out.write(f"# generated by optimizers/src/test/python/schedule_reference.py with torch {torch.__version__}\n")
        out.write("metrics " + " ".join(repr(m) for m in METRICS) + "\n")
        for spec, make in CASES:
            p = torch.zeros(1, requires_grad=True)
            opt = torch.optim.SGD([p], lr=BASE)
            sched = make(opt)
            rates = [opt.param_groups[0]["lr"]]
            for t in range(STEPS):
                if isinstance(sched, S.ReduceLROnPlateau):
                    sched.step(METRICS[t])
                else:
                    sched.step()
                rates.append(opt.param_groups[0]["lr"])
            out.write(f"case {spec}\nbase {BASE!r}\nrates {' '.join(repr(float(r)) for r in rates)}\n")


if __name__ == "__main__":
    main()
