"""Part (d) of the MNIST lab in PyTorch, for comparison with the lab's engine (workbook.charts.mnist.Lab).

The same runs as `Lab --parts d`: the MLP 784-200-64-10 with each of the six activations (ReLU, Sigmoid,
LeakyReLU, Tanh, Mish, Swish), PyTorch's default initialization, full-batch SGD at rate 0.005 on the first 9,600
of the bundled 12,000 training images (pixels / 255), validated on the last 2,400 after every epoch. Per epoch
the same metrics as the lab: the training loss and accuracy measured in the step's forward pass (before the
update), then the validation loss and accuracy; a run whose loss stops being finite ends at that epoch
(diverged). Prints each run's wall time and its last epoch, then the total.

    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 charts/src/bench/lab_part_d.py [EPOCHS] [SEED]

(EPOCHS defaults to 100, SEED to 1; unset OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for OpenBLAS's fastest
setting on the project's machine: charts/src/bench/compare_part_d.sh does both sides.)
"""
import gzip
import math
import os
import struct
import sys
import time

import torch
import torch.nn.functional as F

DATA = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "workbook", "charts", "mnist")
ACTIVATIONS = {
    "relu": torch.nn.ReLU,
    "sigmoid": torch.nn.Sigmoid,
    "leaky-relu": torch.nn.LeakyReLU,
    "tanh": torch.nn.Tanh,
    "mish": torch.nn.Mish,
    "swish": torch.nn.SiLU,
}


def idx(name):
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        dims = struct.unpack(">" + "I" * (magic & 0xFF), f.read(4 * (magic & 0xFF)))
        return torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).reshape(dims)


def run(name, x_train, y_train, x_val, y_val, epochs, seed):
    torch.manual_seed(seed)
    act = ACTIVATIONS[name]
    model = torch.nn.Sequential(torch.nn.Linear(784, 200), act(), torch.nn.Linear(200, 64), act(),
                                torch.nn.Linear(64, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.005)
    start = time.perf_counter()
    last = None
    for epoch in range(1, epochs + 1):
        opt.zero_grad()
        logits = model(x_train)
        loss = F.cross_entropy(logits, y_train)
        loss.backward()
        opt.step()
        train = (loss.item(), (logits.argmax(1) == y_train).float().mean().item())
        with torch.no_grad():
            v = model(x_val)
            val = (F.cross_entropy(v, y_val).item(), (v.argmax(1) == y_val).float().mean().item())
        last = (epoch,) + train + val
        if not (math.isfinite(train[0]) and math.isfinite(val[0])):
            break
    seconds = time.perf_counter() - start
    print(f"  {name:<11s} {seconds:6.2f} s  epoch {last[0]:4d}: train loss {last[1]:.4f}, accuracy "
          f"{100 * last[2]:5.2f} %; validation loss {last[3]:.4f}, accuracy {100 * last[4]:5.2f} %"
          + ("  (diverged)" if not math.isfinite(last[1]) else ""))
    return seconds


if __name__ == "__main__":
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    torch.set_num_threads(1)  # OpenBLAS brings its own two threads; two torch threads fight them
    images = idx("train-12000-images-idx3-ubyte.gz").reshape(-1, 784).float() / 255
    labels = idx("train-12000-labels-idx1-ubyte.gz").long()
    train_rows = images.shape[0] - round(images.shape[0] * 0.2)
    x_train, y_train = images[:train_rows], labels[:train_rows]
    x_val, y_val = images[train_rows:], labels[train_rows:]
    print(f"PyTorch {torch.__version__}, part (d): {epochs} full-batch epochs at rate 0.005 on {train_rows} images,"
          f" validated on {images.shape[0] - train_rows}, seed {seed}")
    total = sum(run(name, x_train, y_train, x_val, y_val, epochs, seed) for name in ACTIVATIONS)
    print(f"  all six: {total:.1f} s")
