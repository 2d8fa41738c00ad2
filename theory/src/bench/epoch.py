"""The epoch of workbook.theory.engine.Benchmark in PyTorch, for comparison.

One full-batch epoch of an MLP 784-200-64-10 (ReLU): forward, backward and an SGD update on 9,600 random
MNIST-shaped inputs, then loss and accuracy on 2,400 validation inputs; the median over several epochs, and the
same for twice the batch and twice the widths. Run with Debian's python3 and OpenBLAS on two threads:

    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 theory/src/bench/epoch.py
"""
import statistics
import sys
import time

import torch
import torch.nn.functional as F

WARMUP, TIMED = 4, 9


def flops(widths, train_rows, validation_rows):
    layer = sum(2.0 * a * b for a, b in zip(widths, widths[1:]))
    below_first = sum(2.0 * a * b for a, b in list(zip(widths, widths[1:]))[1:])
    return train_rows * (2 * layer + below_first) + validation_rows * layer


def time_epochs(label, widths, train_rows, validation_rows):
    torch.manual_seed(2024)
    layers = []
    for a, b in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    xt, yt = torch.rand(train_rows, widths[0]), torch.randint(0, 10, (train_rows,))
    xv, yv = torch.rand(validation_rows, widths[0]), torch.randint(0, 10, (validation_rows,))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    millis = []
    for e in range(WARMUP + TIMED):
        start = time.perf_counter()
        opt.zero_grad()
        logits = model(xt)
        loss = F.cross_entropy(logits, yt)
        loss.backward()
        opt.step()
        train_accuracy = (logits.argmax(1) == yt).float().mean().item()
        with torch.no_grad():
            v = model(xv)
            validation = (F.cross_entropy(v, yv).item(), (v.argmax(1) == yv).float().mean().item())
        if e >= WARMUP:
            millis.append((time.perf_counter() - start) * 1e3)
    median = statistics.median(millis)
    print(f"  {label:<42s} median {median:7.1f} ms per epoch (min {min(millis):6.1f}, max {max(millis):6.1f})"
          f"  {flops(widths, train_rows, validation_rows) / median / 1e6:5.1f} GFLOP/s")


if __name__ == "__main__":
    torch.set_num_threads(1)  # OpenBLAS brings its own two threads; two torch threads fight them
    print(f"PyTorch {torch.__version__}, torch threads {torch.get_num_threads()}")
    time_epochs("784-200-64-10, 9600 + 2400 rows", [784, 200, 64, 10], 9_600, 2_400)
    if sys.argv[1:] != ["quick"]:
        time_epochs("784-200-64-10, batch x2 (19200 + 4800)", [784, 200, 64, 10], 19_200, 4_800)
        time_epochs("784-400-128-10, width x2", [784, 400, 128, 10], 9_600, 2_400)
