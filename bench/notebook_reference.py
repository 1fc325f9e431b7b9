#!/usr/bin/env python3
"""The teaching notebook's training pipeline (shared/seed/training-notebook-de.txt), ported to a script.

This is the reference side of bench/paired.sh: the plugin is compared against what the notebook does. The four
networks (ANN a.k.a. mlp with hidden_size, Net, AmelieCNN, ResNet) are copied as the notebook defines them; the data
goes through transforms.ToTensor() per image (PIL image -> float tensor in 0..1, no normalisation), a
DataLoader(batch_size=64, shuffle=True), nn.CrossEntropyLoss, the optimizer, and the notebook's train loop followed by
its test pass in every epoch.

Deviations from the notebook, each on purpose:
- CPU instead of .cuda(); no pin_memory (a CUDA-only option).
- DataLoader num_workers: the notebook uses 5 worker processes; here the default is 0 (--workers), because the
  benchmark pins PyTorch to --threads cores and worker processes would compete for them (and their memory would not
  show in this process's peak RSS).
- The data is read from the four IDX files (raw or .gz) in --data instead of torchvision's downloader (no network);
  each item is turned into a PIL image and then ToTensor(), as torchvision's FashionMNIST dataset does.
- --train-size/--test-size keep the first N images (the plugin's trainSubset=first / testSize).
- Losses: the notebook prints sum(batch mean loss) / len(train_set), which is about the mean loss divided by the
  batch size. The CSV reports the mean loss per image (sum(batch mean * batch length) / images), the same quantity as
  the plugin's metrics.csv; the notebook's own figures go to stderr in its tqdm postfix format.
- The test pass is as in the notebook: inside torch.no_grad(), but WITHOUT model.eval(), so BatchNorm layers
  (AmelieCNN, ResNet) normalise test batches with the batch's own statistics (and update their running statistics
  from test data). The plugin evaluates in inference mode (running statistics). --eval-mode switches to
  model.eval() for comparison; it is off by default to stay faithful.
- The notebook's test loader has shuffle=True too; kept (it only matters through the BatchNorm point above).

Output on stdout: a CSV row per epoch, then key,value lines peak_rss_kib (ru_maxrss, KiB on Linux) and
wall_seconds (from interpreter start, before importing torch, to the end).
"""
import time

WALL_START = time.monotonic()

import argparse  # noqa: E402
import gzip  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import struct  # noqa: E402
import sys  # noqa: E402

APT_HINT = "apt-get update && apt-get install -y python3-torch python3-torchvision"

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    import torch.optim as optim
    from torch.utils.data import DataLoader, Dataset
except ImportError as e:
    sys.exit(f"notebook_reference.py: PyTorch is missing ({e}). Install it with: {APT_HINT}")
try:
    import torchvision.transforms as transforms
    from PIL import Image
except ImportError as e:
    sys.exit(f"notebook_reference.py: torchvision/PIL is missing ({e}). Install it with: {APT_HINT}")


# ---------------------------------------------------------------------------------------------------------------
# The notebook's networks, as it defines them.
# ---------------------------------------------------------------------------------------------------------------

hidden_size = 128  # the notebook's global; set from --hidden-size before ANN() is built


class ANN(nn.Module):
    def __init__(self):
        super(ANN, self).__init__()

        self.fc1 = nn.Linear(28*28, hidden_size)
        self.fc2 = nn.Linear(hidden_size, 10)

        self.relu = nn.ReLU()

    def forward(self, x):
        out = x.view(-1, 28*28)
        out = self.fc1(out)
        out = self.relu(out)
        out = self.fc2(out)

        return out


# Residual Block
class ResidualBlock(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1):
        super(ResidualBlock, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(out_channels, out_channels, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)

        self.shortcut = nn.Sequential()
        if stride != 1 or in_channels != out_channels:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels)
            )

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += self.shortcut(x)
        out = self.relu(out)
        return out


# ResNet
class ResNet(nn.Module):
    def __init__(self, block, num_blocks, num_classes=10):
        super(ResNet, self).__init__()
        self.in_channels = 64

        self.conv1 = nn.Conv2d(1, 64, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self._make_layer(block, 64, num_blocks[0], stride=1)
        self.layer2 = self._make_layer(block, 128, num_blocks[1], stride=2)
        self.layer3 = self._make_layer(block, 256, num_blocks[2], stride=2)
        self.avg_pool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(256, num_classes)

    def _make_layer(self, block, out_channels, num_blocks, stride):
        strides = [stride] + [1] * (num_blocks - 1)
        layers = []
        for stride in strides:
            layers.append(block(self.in_channels, out_channels, stride))
            self.in_channels = out_channels
        return nn.Sequential(*layers)

    def forward(self, x):
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.layer1(out)
        out = self.layer2(out)
        out = self.layer3(out)
        out = self.avg_pool(out)
        out = out.view(out.size(0), -1)
        out = self.fc(out)
        return out


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        # Convolutional layers
        self.conv1 = nn.Conv2d(1, 32, kernel_size=3)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3)
        # Max pooling layer
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        # Fully connected layers
        self.fc1 = nn.Linear(64 * 12 * 12, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        # Convolutional layers
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        # Max pooling layer
        x = self.pool(x)
        # Flatten the tensor for fully connected layers
        x = x.view(-1, 64 * 12 * 12)
        # Fully connected layers
        x = F.relu(self.fc1(x))
        x = self.fc2(x)
        # Output layer (the notebook applies log_softmax here and CrossEntropyLoss on top; kept as it is)
        return F.log_softmax(x, dim=1)


class AmelieCNN(nn.Module):
    def __init__(self):
        super(AmelieCNN, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(32)
        self.relu1 = nn.ReLU()
        self.pool1 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, stride=1, padding=1)
        self.bn2 = nn.BatchNorm2d(64)
        self.relu2 = nn.ReLU()
        self.pool2 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.conv3 = nn.Conv2d(64, 128, kernel_size=3, stride=1, padding=1)
        self.bn3 = nn.BatchNorm2d(128)
        self.relu3 = nn.ReLU()
        self.pool3 = nn.MaxPool2d(kernel_size=2, stride=2)
        self.fc1 = nn.Linear(128*3*3, 10)

    def forward(self, x):
        out = self.conv1(x)
        out = self.bn1(out)
        out = self.relu1(out)
        out = self.pool1(out)
        out = self.conv2(out)
        out = self.bn2(out)
        out = self.relu2(out)
        out = self.pool2(out)
        out = self.conv3(out)
        out = self.bn3(out)
        out = self.relu3(out)
        out = self.pool3(out)
        out = out.view(out.size(0), -1)
        out = self.fc1(out)

        return out


def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# ---------------------------------------------------------------------------------------------------------------
# Data: the IDX files, read without torchvision's downloader.
# ---------------------------------------------------------------------------------------------------------------

def read_idx(folder, name, expected_magic):
    """The decoded payload of <folder>/<name>.gz or <folder>/<name> as a uint8 tensor of the header's shape."""
    for candidate in (os.path.join(folder, name + ".gz"), os.path.join(folder, name)):
        if os.path.isfile(candidate):
            opener = gzip.open if candidate.endswith(".gz") else open
            with opener(candidate, "rb") as f:
                data = f.read()
            break
    else:
        sys.exit(f"notebook_reference.py: {name}(.gz) is not in {folder}. Install Debian's dataset-fashion-mnist "
                 f"(apt-get install dataset-fashion-mnist) or point --data at a folder with the four IDX files")
    if len(data) < 8:
        sys.exit(f"notebook_reference.py: {candidate} is too short for an IDX file")
    magic, count = struct.unpack(">II", data[:8])
    if magic != expected_magic:
        sys.exit(f"notebook_reference.py: {candidate}: magic {magic:#010x}, expected {expected_magic:#010x}")
    dims = [count]
    ndim = magic & 0xFF
    dims += list(struct.unpack(">" + "I" * (ndim - 1), data[8:4 + 4 * ndim]))
    offset = 4 + 4 * ndim
    size = 1
    for d in dims:
        size *= d
    if len(data) - offset < size:
        sys.exit(f"notebook_reference.py: {candidate} is truncated: {len(data) - offset} of {size} bytes")
    return torch.frombuffer(bytearray(data[offset:offset + size]), dtype=torch.uint8).reshape(dims)


class IdxImageDataset(Dataset):
    """Like torchvision's FashionMNIST: each item becomes a PIL image of mode L, then goes through the transform."""

    def __init__(self, images, labels, transform):
        self.data = images
        self.targets = labels.long()
        self.transform = transform

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        img, target = self.data[index], int(self.targets[index])
        img = Image.fromarray(img.numpy(), mode="L")
        return self.transform(img), target


def load_set(folder, prefix, size, transform):
    images = read_idx(folder, prefix + "-images-idx3-ubyte", 0x00000803)
    labels = read_idx(folder, prefix + "-labels-idx1-ubyte", 0x00000801)
    if len(images) != len(labels):
        sys.exit(f"notebook_reference.py: {prefix}: {len(images)} images but {len(labels)} labels")
    if size < 0 or size > len(images):
        sys.exit(f"notebook_reference.py: size {size} for {prefix}: use 0 (all) up to {len(images)}")
    if size:
        images, labels = images[:size], labels[:size]
    return IdxImageDataset(images, labels, transform)


def current_rss_kib():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def main():
    global hidden_size
    p = argparse.ArgumentParser(description="The notebook's training pipeline on the CPU (reference for "
                                            "bench/paired.sh)")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist",
                   help="folder with the four IDX files, raw or .gz")
    p.add_argument("--arch", default="amelie-cnn", choices=["mlp", "net", "amelie-cnn", "resnet"])
    p.add_argument("--hidden-size", type=int, default=128, help="mlp: the notebook's hidden_size")
    p.add_argument("--resnet-blocks", default="2,2,2", help="resnet: blocks per stage")
    p.add_argument("--train-size", type=int, default=0, help="the first N training images (0 = all)")
    p.add_argument("--test-size", type=int, default=0, help="the first N test images (0 = all)")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--optimizer", default="adam", choices=["sgd", "adam", "adamw"])
    p.add_argument("--lr", type=float, default=0.001)
    p.add_argument("--momentum", type=float, default=0.0, help="sgd only")
    p.add_argument("--weight-decay", type=float, default=0.0,
                   help="all optimizers (0 as the plugin's default; note torch's AdamW would default to 0.01)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0 = PyTorch's default)")
    p.add_argument("--workers", type=int, default=0, help="DataLoader num_workers (the notebook: 5)")
    p.add_argument("--eval-mode", action="store_true",
                   help="call model.eval() for the test pass (the notebook does not)")
    p.add_argument("--target-accuracy", type=float, default=0.0,
                   help="stop after the first epoch whose test accuracy reaches this fraction, e.g. 0.90 "
                        "(bench/time-to-target.sh; 0 = run all epochs)")
    a = p.parse_args()
    if not 0.0 <= a.target_accuracy <= 1.0:
        sys.exit(f"notebook_reference.py: --target-accuracy {a.target_accuracy}: use a fraction from 0 to 1")

    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)

    train_set = load_set(a.data, "train", a.train_size, transforms.ToTensor())
    test_set = load_set(a.data, "t10k", a.test_size, transforms.ToTensor())
    if a.batch_size < 1 or a.batch_size > len(train_set):
        sys.exit(f"notebook_reference.py: --batch-size {a.batch_size}: use 1 up to {len(train_set)}")

    train_loader = DataLoader(train_set, batch_size=a.batch_size, num_workers=a.workers, shuffle=True)
    test_loader = DataLoader(test_set, batch_size=a.batch_size, num_workers=a.workers, shuffle=True)

    hidden_size = a.hidden_size
    if a.arch == "mlp":
        model = ANN()
    elif a.arch == "net":
        model = Net()
    elif a.arch == "amelie-cnn":
        model = AmelieCNN()
    else:
        model = ResNet(ResidualBlock, [int(b) for b in a.resnet_blocks.split(",")])

    loss_fn = nn.CrossEntropyLoss()
    if a.optimizer == "sgd":
        optimizer = optim.SGD(model.parameters(), lr=a.lr, momentum=a.momentum, weight_decay=a.weight_decay)
    elif a.optimizer == "adam":
        optimizer = optim.Adam(model.parameters(), lr=a.lr, weight_decay=a.weight_decay)
    else:
        optimizer = optim.AdamW(model.parameters(), lr=a.lr, weight_decay=a.weight_decay)

    print(f"# torch {torch.__version__}, {torch.get_num_threads()} threads, {a.arch}: "
          f"{count_parameters(model)} trainable parameters, {len(train_set)} train / {len(test_set)} test images",
          file=sys.stderr)
    print("epoch,train_images_per_second,test_images_per_second,train_loss,train_accuracy,test_loss,"
          "test_accuracy,train_seconds,test_seconds,rss_kib,peak_rss_kib", flush=True)

    for epoch in range(a.epochs):
        train_loss = 0
        train_loss_images = 0.0
        train_acc = 0

        started = time.monotonic()
        model.train()
        for images, labels in train_loader:
            output = model(images)
            optimizer.zero_grad()
            loss = loss_fn(output, labels)

            loss.backward()
            optimizer.step()

            prediction = torch.argmax(output, 1)
            train_acc += (prediction == labels).sum().item()
            train_loss += loss.item()
            train_loss_images += loss.item() * len(labels)
        train_seconds = time.monotonic() - started

        test_loss = 0
        test_loss_images = 0.0
        test_acc = 0
        started = time.monotonic()
        if a.eval_mode:
            model.eval()
        with torch.no_grad():
            for images, labels in test_loader:
                output = model(images)
                loss = loss_fn(output, labels)
                prediction = torch.argmax(output, 1)
                test_acc += (prediction == labels).sum().item()
                test_loss += loss.item()
                test_loss_images += loss.item() * len(labels)
        test_seconds = time.monotonic() - started

        print(f"# epoch {epoch + 1}: train_acc: {train_acc/len(train_set):.2f} test_acc: {test_acc/len(test_set):.2f} "
              f"train_loss: {train_loss/len(train_set):.2f} test_loss: {test_loss/len(test_set):.2f}",
              file=sys.stderr)
        print(f"{epoch + 1},{len(train_set) / train_seconds:.3f},{len(test_set) / test_seconds:.3f},"
              f"{train_loss_images / len(train_set):.6f},{train_acc / len(train_set):.6f},"
              f"{test_loss_images / len(test_set):.6f},{test_acc / len(test_set):.6f},"
              f"{train_seconds:.3f},{test_seconds:.3f},{current_rss_kib()},"
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        if a.target_accuracy and test_acc / len(test_set) >= a.target_accuracy:
            break

    print(f"peak_rss_kib,{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
    print(f"wall_seconds,{time.monotonic() - WALL_START:.3f}")


if __name__ == "__main__":
    main()
